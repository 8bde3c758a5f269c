"""Spanish: the words of the date grammar."""

from __future__ import annotations

from .base import DateWords

WORDS = DateWords(
    code="es",
    months={
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
        "diciembre": 12,
    },
    weekdays={
        "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
        "sábado": 5, "sabado": 5, "domingo": 6,
    },
    numbers={
        "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
        "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20,
    },
    units={
        "día": "day", "días": "day", "dia": "day", "dias": "day", "hora": "hour",
        "horas": "hour", "semana": "week", "semanas": "week", "mes": "month",
        "meses": "month", "año": "year", "años": "year",
    },
    relative=frozenset({
        "ayer", "anteayer", "antier", "hoy", "anoche", "hace", "pasado", "pasada", "mañana",
        "tarde", "noche", "fin",
    }),
    weekday_qualifiers={
        "del": "this", "la noche del": "this", "la madrugada del": "this",
        "la tarde del": "this", "la mañana del": "this", "este": "this", "esta": "this",
    },
    phrases={
        "hoy": "days:0", "esta mañana": "days:0", "esta tarde": "days:0",
        "esta noche": "days:0",
        "ayer": "days:1", "anoche": "days:1", "anteayer": "days:2", "antier": "days:2",
        "la semana pasada": "previous_week", "esta madrugada": "days:0",
        "la víspera": "days:1", "antenoche": "days:2", "esta semana": "week_so_far",
        "el fin de semana": "weekend", "el pasado fin de semana": "previous_weekend",
        "el mes pasado": "months:1", "este mes": "month_so_far",
        "el año pasado": "previous_year", "este año": "year_so_far",
    },
)  # fmt: skip
