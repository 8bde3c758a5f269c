"""French: the words of the date grammar."""

from __future__ import annotations

from .base import DateWords

WORDS = DateWords(
    code="fr",
    months={
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
        "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
        "décembre": 12, "decembre": 12,
    },
    month_abbreviations={"janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12},
    weekdays={
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
        "dimanche": 6,
    },
    bare_weekdays=frozenset({
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    }),
    weekday_qualifiers={"le": "this", "ce": "this", "dès": "this", "depuis": "this",
                        "prochain": "next"},
    numbers={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "dix": 10, "quinze": 15, "vingt": 20,
    },
    units={
        "jour": "day", "jours": "day", "heure": "hour", "heures": "hour", "semaine": "week",
        "semaines": "week", "mois": "month", "an": "year", "ans": "year", "année": "year",
        "années": "year",
    },
    relative=frozenset({
        "hier", "avant", "aujourd", "hui", "matin", "soir", "nuit", "dernier", "dernière",
        "semaine", "week", "mois", "année", "veille",
    }),
    phrases={
        "aujourd'hui": "days:0", "ce matin": "days:0", "cet après-midi": "days:0",
        "ce soir": "days:0", "hier": "days:1", "hier soir": "days:1", "hier matin": "days:1",
        "la veille": "days:1", "la nuit dernière": "overnight", "cette nuit": "overnight",
        "avant-hier": "days:2",
        "la semaine dernière": "previous_week", "cette semaine": "week_so_far",
        "ce week-end": "weekend", "le week-end dernier": "previous_weekend",
        "le mois dernier": "months:1", "ce mois-ci": "month_so_far",
        "l'année dernière": "previous_year", "l'an dernier": "previous_year",
        "cette année": "year_so_far",
    },
)  # fmt: skip
