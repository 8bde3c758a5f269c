"""Spanish: attribution words of `actors/sources.py` (names: `es.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="es",
    speech=(
        r"dijo|dijeron|informó|informaron|señaló|señalaron|indicó|indicaron|afirmó|afirmaron"
        r"|aseguró|aseguraron|confirmó|confirmaron|denunció|denunciaron|reportó|reportaron"
        r"|declaró|precisó|detalló|explicó|elevó|informa|reporta|reivindicó"
    ),
    according=r"según|de\s+acuerdo\s+con|conforme\s+a",
    # the speakers named by office, as English's "officials", "witnesses": "la Fiscalía",
    # "el alcalde", "familiares" (lower case)
    roles=(
        ("official", (
            r"fiscal[ií]a(?:\s+general)?(?:\s+del\s+estado)?|fiscal|gobernador[a]?|alcalde(?:sa)?"
            r"|ministerio(?:\s+de\s+(?:defensa|seguridad|gobierno|salud))?|ministro"
            r"|secretar[ií]a\s+de\s+seguridad(?:\s+(?:pública|ciudadana))?|autoridades"
            r"|vocero|portavoz|parte\s+policial|snai|cicpc"
        )),
        ("monitor", r"organizaci[oó]n\s+(?:no\s+gubernamental|de\s+derechos\s+humanos)"
                    r"|colectivos?\s+de\s+(?:b[uú]squeda|madres\s+buscadoras)"),
        ("witness", r"testigos?|familiares|vecinos|sobrevivientes|habitantes\s+de\s+la\s+zona"),
    ),
)
