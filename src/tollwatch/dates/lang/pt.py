"""Portuguese: the words of the date grammar."""

from __future__ import annotations

from .base import DateWords

_FEIRA = {
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
}

WORDS = DateWords(
    code="pt",
    months={
        "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5,
        "junho": 6, "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11,
        "dezembro": 12,
    },
    weekdays={
        **_FEIRA, "segunda": 0, "terça": 1, "quarta": 2, "quinta": 3, "sexta": 4,
        "sábado": 5, "sabado": 5, "domingo": 6,
    },
    bare_weekdays=frozenset(_FEIRA),
    weekday_qualifiers={
        "no": "this", "na": "this", "neste": "this", "nesta": "this", "nesse": "this",
        "nessa": "this", "de": "this", "do": "this", "da": "this", "deste": "this",
        "desta": "this", "na noite de": "this", "na madrugada de": "this",
        "no último": "past", "na última": "past", "no passado": "past",
        "na próxima": "next", "no próximo": "next",
    },
    numbers={
        "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
        "seis": 6, "sete": 7, "oito": 8, "dez": 10, "quinze": 15, "vinte": 20,
    },
    units={
        "dia": "day", "dias": "day", "hora": "hour", "horas": "hour", "semana": "week",
        "semanas": "week", "mês": "month", "meses": "month", "ano": "year", "anos": "year",
    },
    relative=frozenset({
        "ontem", "anteontem", "hoje", "madrugada", "noite", "manhã", "tarde", "passado",
        "passada", "semana", "mês", "ano", "véspera",
    }),
    phrases={
        "hoje": "days:0", "esta manhã": "days:0", "nesta manhã": "days:0",
        "esta tarde": "days:0", "esta noite": "days:0",
        "ontem": "days:1", "ontem à noite": "days:1", "na véspera": "days:1",
        "anteontem": "days:2", "nesta madrugada": "days:0",
        "na semana passada": "previous_week", "esta semana": "week_so_far",
        "nesta semana": "week_so_far", "no fim de semana": "weekend",
        "no último fim de semana": "previous_weekend", "no mês passado": "months:1",
        "este mês": "month_so_far", "no ano passado": "previous_year",
        "este ano": "year_so_far",
    },
)  # fmt: skip
