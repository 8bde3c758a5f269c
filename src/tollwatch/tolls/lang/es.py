"""Spanish: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

NUMBERS: dict[str, int] = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100,
}  # fmt: skip

WORDS = TollWords(
    code="es",
    name="Spanish",
    numbers=NUMBERS,
    precheck=(
        r"muert|asesin|ejecut|herid|lesionad|secuestr|desaparec|cuerpo|cad[aá]ver|ultim"
        r"|acribill|masacr|fallec|matan|mata|mató"
    ),
    qualifiers={
        "least": r"al\s+menos|por\s+lo\s+menos",
        "more": r"m[aá]s\s+de",
        "about": r"cerca\s+de|unos|unas",
    },
    outcomes={
        "killed": (
            r"muert[oa]s|asesinad[oa]s|ejecutad[oa]s|sin\s+vida|decapitad[oa]s|calcinad[oa]s"
            r"|descuartizad[oa]s|ultimad[oa]s|acribillad[oa]s|masacrad[oa]s|fallecid[oa]s"
            r"|cuerpos|cad[aá]veres|mueren|muertes|homicidios|asesinatos|ejecuciones|embolsados"
        ),
        "wounded": r"herid[oa]s|lesionad[oa]s",
        "abducted": r"secuestrad[oa]s",
        "missing": r"desaparecid[oa]s",
    },
    verbs={
        "killed": (
            r"matan|mata|mat[oó]|mataron|asesinan|asesina|asesin[oó]|asesinaron|ejecutan"
            r"|ejecuta|ejecutaron|ultiman|acribillan|masacran|deja|dejan|dej[oó]"
        ),
        "wounded": r"hieren",
        "abducted": r"secuestran|levantan",
    },
)
