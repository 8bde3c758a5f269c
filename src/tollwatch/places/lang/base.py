"""The shape of one language's place cues (`places/lang/<code>.py`).

The place-phrase grammar (`places/rules.py`) reads the union of every language's
cues. Each field is a regular-expression alternation matched case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceWords:
    """Words around a place name that say what it is.

    * `directions`: compass and position words ("northern", "rural").
    * `near`: words before a name that make the place approximate ("near", "outside").
    * `type_prefixes`: type words written before a name that are not part of the place
      ("colonia", "barrio"): the word alone is not the place.
    * `city_words`: words right before a name that say it is a city, not the province of
      the same name ("بمدينة حمص", "la ville de Beni"): the name's town is favoured.
    * `province_words`: words right before a name that say it is the province ("محافظة
      حمص", "ريف حلب", the countryside of a province): the province is favoured.
    * `name_links`: the words that join a longer name's head to the rest of it, matched
      in lower case ("de", "del": "Villas de los Arcos"; "do", "da": "Praia do Futuro"):
      a place name followed by one and a capitalised word heads a name the gazetteer
      may lack.
    * `clause_links`: words that join two clauses of one sentence ("and", "while"): a
      place after one, before a lower-case word that continues no list of places, is
      in another clause than the figure ("Shelling hit Daraa city and casualties in the
      countryside of Idlib").
    * `list_words`: lower-case words after a clause link that continue a list of places
      ("and in", "and the", "and parts of") or the clause's verbs ("attacked and killed").
    * `unit_words`: lower-case words of a district or community written after the
      adjective of its town ("Шосткинский район", "Семенівська громада"): the adjective
      names the unit of that town, not a place of its own (`places/scan.py`).
    """

    code: str
    directions: str = ""
    near: str = ""
    type_prefixes: str = ""
    city_words: str = ""
    province_words: str = ""
    name_links: str = ""
    clause_links: str = ""
    list_words: str = ""
    unit_words: str = ""
