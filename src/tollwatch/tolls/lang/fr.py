"""French: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
    "vingt-cinq": 25, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "soixante-dix": 70, "quatre-vingts": 80, "quatre-vingt-dix": 90, "cent": 100,
    "deux cents": 200, "trois cents": 300, "mille": 1000,
}  # fmt: skip


def _compounds() -> dict[str, int]:
    """21 to 99 in words: "vingt et un", "trente-deux", "soixante et onze",
    "quatre-vingt-dix-sept" (and the Belgian and Swiss "septante", "nonante")."""
    units = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9}  # fmt: skip
    teens = {"onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
             "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19}  # fmt: skip
    out: dict[str, int] = {}
    tens = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "septante": 70, "octante": 80, "huitante": 80, "nonante": 90}  # fmt: skip
    for word, ten in tens.items():
        out.update({f"{word} et un": ten + 1, f"{word}-et-un": ten + 1,
                    f"{word} et une": ten + 1, f"{word}-et-une": ten + 1})  # fmt: skip
        out.update({f"{word}-{unit}": ten + n for unit, n in units.items()})
        out[word] = ten
    out.update({"soixante et onze": 71, "soixante-et-onze": 71})
    out.update({f"soixante-{teen}": 60 + n for teen, n in teens.items()})
    out.update({"quatre-vingt-un": 81, "quatre-vingt-une": 81})
    out.update({f"quatre-vingt-{unit}": 80 + n for unit, n in units.items()})
    out.update({f"quatre-vingt-{teen}": 80 + n for teen, n in teens.items()})
    return out


NUMBERS.update({k: v for k, v in _compounds().items() if k not in NUMBERS})

VAGUE: dict[str, int] = {
    "une dizaine": 10, "une douzaine": 12, "une quinzaine": 15, "une vingtaine": 20,
    "une trentaine": 30, "une quarantaine": 40, "une cinquantaine": 50,
    "une soixantaine": 60, "une centaine": 100, "des dizaines": 24, "plusieurs dizaines": 24,
    "des centaines": 200, "plusieurs centaines": 200, "plusieurs": 3, "quelques": 3,
    "des milliers": 2000,
}  # fmt: skip

_KILLED = (
    r"morts?|mortes|tu[ée]e?s?|tu[ée]s|décédée?s?|d[ée]c[èe]s|victimes|cadavres|corps\s+sans\s+vie"
    # bodies counted: "nous avons compté 21 corps" (not "le corps expéditionnaire"); in
    # lower case only, so an English "Marine Corps" or "SECURITY CORPS" is no outcome word
    r"|corps(?<=(?-i:corps))(?!\s+(?:sans\s+vie|d['’]armée|expéditionnaire|diplomatique|électoral|enseignant"
    r"|médical|de\s+métier|d['’]élite|de\s+la\s+|du\s+|des\s+))"
    r"|perdu\s+la\s+vie|trouvé\s+la\s+mort|neutralisée?s?|abattue?s?|ex[ée]cut[ée]e?s?"
    r"|égorgée?s?|décapitée?s?|assassinée?s?|massacrée?s?|péri|sont\s+mort(?:e?s)?|ont\s+péri"
    r"|(?:ont|a)\s+succombé|fusillée?s?"
    # the army's own dead: "quatre soldats tombés au combat", "deux soldats tombés et
    # trois blessés"; "tombés dans une embuscade" (fell into an ambush) is no death. The
    # bare word must end its clause in the text; the `$` lets the word alone match.
    r"|tomb[ée]e?s?\s+(?:au\s+combat|au\s+front|sur\s+le\s+champ\s+d['’]honneur"
    r"|les\s+armes\s+à\s+la\s+main|sous\s+les\s+balles)"
    r"|tomb[ée]e?s?(?:(?=\s*(?:et\s+d[e'’]|[,;.»]))|$)"
)

# The enemies a force says it killed ("neutralisé trois bandits"), and the forces that
# say so ("les forces de sécurité", "la police", "les FAMa").
_CLAIMED = (
    r"assaillants|terroristes|jihadistes|djihadistes|insurgés|hommes\s+armés|bandits"
    r"|rebelles|miliciens|malfrats|criminels|membres\s+(?:du|de\s+gangs?|des\s+gangs?)"
    r"|combattants|éléments"
)
_FORCES = (
    r"forces|armée|militaires|soldats|police|policiers|gendarmerie|gendarmes|unités"
    r"|FAMa|FDS|FARDC|PNH|troupes"
)

# The enemies an army's communiqué names after its figure: "neutralisé une quinzaine
# d'assaillants", "neutraliser des dizaines de terroristes".
_ENEMIES_AFTER = (
    r"\s+(?:[\w-]+\s+){1,3}?(?:de\s+|d['’]|des\s+)?(?:terroristes|assaillants|jihadistes"
    r"|djihadistes|insurgés|combattants|éléments|hommes\s+armés|bandits|rebelles|ennemis"
    r"|islamistes|miliciens)"
)

WORDS = TollWords(
    code="fr",
    name="French",
    numbers=NUMBERS,
    vague=VAGUE,
    multipliers={"mille": 1000, "millions": 1_000_000},
    precheck=(
        r"mort|tu[ée]|bless|décè|déc[ée]d|victime|cadavre|corps sans vie|perdu la vie|neutralis"
        r"|décapit"
        r"|abattu|exécut|égorg|assassin|massacr|péri|enlev|kidnapp|disparu|succomb|fusill"
        r"|la vie|tomb|corps"
    ),
    qualifiers={
        "least": r"au\s+moins|pas\s+moins\s+de",
        "more": r"plus\s+de",
        "about": r"environ|près\s+de|quelque",
    },
    outcomes={
        "killed": _KILLED,
        "wounded": r"bless[ée]e?s?|bless[ée]s",
        "abducted": r"enlev[ée]e?s?|kidnapp[ée]e?s?|pris\s+en\s+otage|otages",
        "missing": r"disparue?s?|portée?s?\s+disparue?s?",
    },
    verbs={
        "killed": r"tu[ée]|tuant|tuent|tue|abattu|ex[ée]cut[ée]|massacr[ée]|égorg[ée]|fusill[ée]"
                  r"|décapit[ée]"
                  r"|sont\s+mort(?:e?s)?|ont\s+péri|ont\s+trouvé\s+la\s+mort"
                  # the army's word for the enemies it says it killed, before their figure:
                  # "affirme avoir neutralisé 40 terroristes" (not "neutralisé 15 mines")
                  rf"|neutralis(?:é|ée|és|er|ant|e|ent|ait|aient)(?={_ENEMIES_AFTER})",
        "wounded": r"bless[ée]|blessant",
        "abducted": r"enlev[ée]|enlevant|kidnapp[ée]",
    },
    leaves=r"fait|font|faisant|a\s+fait|ont\s+fait|avait\s+fait|laisse|laissant",
    nouns={
        "killed": (
            # "les corps de sept personnes", "les corps sans vie de trois hommes"
            r"co[uû]t[ée]\s+la\s+vie\s+(?:à|aux?|de)|la\s+mort\s+d[e']|(?:les\s+)?(?:corps|cadavres)\s+(?:[\w-]+\s+){0,3}?d[e']|le\s+décès\s+d[e']|la\s+perte\s+d[e']"
            r"|(?:le\s+)?bilan\s+(?:\w+\s+){0,6}?(?:s'est\s+)?(?:alourdi|passé|grimpé|porté)\s+à"
            r"|port(?:e|ant|ent|ait|era)\s+(?:ainsi\s+)?(?:le|leur|son)\s+bilan\s+à"
        ),
    },
    conjunctions=r"et",
    auxiliaries=(
        r"ont|a|sont|est|été|avaient|avait|auraient|dans|lors|en|à|au|aux|près|par|selon"
        r"|sur|hier|et|ce|cette|qui|dont|sans|la|le|les|un|une|entre|pendant|après|depuis"
        r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    ),
    cues={
        # a part of the dead told before: "deux des victimes" (tolls/lang/base.py)
        # ("deux d'entre eux" is not: "eux" may be the attackers)
        "of_the_dead": r"des\s+(?:morts|victimes|tués|défunts)",
        # the next victim by its ordinal: "trois sont morts sur place et le quatrième"
        "next_one": (
            r"(?:et|tandis\s+que)\s+(?:la|le)\s+(?:deuxième|troisième|quatrième|cinquième"
            r"|sixième|septième|huitième|neuvième|dixième)"
        ),
        # the speaker's own dead right after their figure (tolls/lang/base.py)
        "own_ranks": (
            r"dans\s+(?:ses|leurs|nos|les)\s+rangs|(?:sont\s+|est\s+)?tombée?s?\s+(?:sur\s+le\s+champ"
            r"\s+d['’]honneur|au\s+combat|au\s+front)"
        ),
        # the other party conceding its own dead after a claim (tolls/lang/base.py)
        "concession": (
            r"reconna[iî]t|reconnaissent|reconnaissant|a\s+reconnu|ont\s+reconnu|admet(?:tent)?|a\s+admis"
            r"|ont\s+admis"
        ),
        # a figure set against the one before it (tolls/lang/base.py)
        # ("mais" after a comma, and not the Portuguese "mais de", "mais um": the cues of
        # every language are read together)
        "contrast": (
            r"(?<=, )mais(?!\s+(?:de|do|da|dos|das|um|uma|que|cedo|tarde)\b)|cependant"
            r"|en\s+revanche|toutefois"
        ),
        # the forces' version of an operation's dead: "in a shootout with the agents"
        "shootout": (
            r"(?:lors\s+d|au\s+cours\s+d)['’](?:un\s+)?(?:affrontements?"
            r"|échanges?\s+de\s+tirs)|en\s+affrontant"
        ),
        "aggregate_cue": (
            r"en\s+(?:deux|trois|quatre|cinq|\d+)\s+jours|au\s+total|en\s+tout|cette\s+semaine"
            r"|en\s+une\s+semaine|semaine\s+d['’]attaques"
            r"|depuis\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|ce\s+week-end"
            # a span of days: "entre la nuit de vendredi et lundi", "entre samedi et dimanche"
            r"|entre\s+(?:(?:la\s+nuit|la\s+soirée|la\s+matinée)\s+de\s+|le\s+)?"
            r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+\d{1,2})?\s+et"
            # ("entre dimanche et ce lundi")
            r"(?=\s+(?:ce\s+|le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d))"
            r"|dans\s+(?:deux|trois|plusieurs)\s+attaques|(?:deux|trois|plusieurs)\s+attaques"
        ),
        "cumulative": (
            r"depuis\s+(?:\w+\s+){0,5}(?:19|20)\d\d|depuis\s+le\s+début|en\s+(?:\w+|\d+)\s+ans"
            r"|(?:conflit|guerre|violences?|insurrection|crise|offensive)\b[^.;]{0,80}?"
            r"\ba\s+(?:déjà\s+)?(?:fait|coûté|causé)"
            r"|depuis\s+des\s+années"
            # since the start told just before: "Depuis lors, plus de 3 000 personnes"
            r"|depuis\s+(?:lors|cette\s+date)"
            # since a fight began: "depuis que la guerre a éclaté", "depuis qu'a commencé"
            r"|depuis\s+qu(?:e\s+|['’])(?:[\w-]+\s+){0,4}?(?:a\s+|ont\s+)?(?:éclat|commenc|début)\w*"
            # a running total since a month: "depuis octobre", "depuis le 9 octobre"
            r"|depuis\s+(?:le\s+mois\s+d(?:e\s+|')|(?:le\s+)?\d{1,2}\s+)?(?:janvier|février|mars|avril|mai"
            r"|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
            # a quarter's or half-year's count: "plus de 1 000 personnes tuées au premier
            # trimestre"
            r"|(?:au|au\s+cours\s+du|pendant\s+le|durant\s+le)\s+(?:premier|deuxième|second"
            r"|troisième|quatrième|dernier)\s+(?:trimestre|semestre)"
            # a period's count set against the one before: "1 617 morts, un chiffre en
            # baisse par rapport au trimestre précédent"
            r"|par\s+rapport\s+(?:au|à\s+l['’])\s*(?:trimestre|semestre|mois|année|an)"
            r"\s+(?:précédente?|dernier|dernière)"
        ),
        "background": (
            r"(?:survient|intervient|arrive|est\s+survenue?)\s+(?:\w+\s+){0,4}(?:après|avant)"
            r"|il\s+y\s+a\s+(?:deux|trois|quatre|cinq|six|plusieurs|quelques|\d+)\s+"
            r"(?:semaines|mois|ans)|l['’]an\s+dernier|l['’]année\s+dernière"
            # a month or more before the news: "le mois dernier", "en décembre dernier"
            r"|le\s+mois\s+dernier|en\s+(?:janvier|février|mars|avril|mai|juin"
            r"|juillet|août|septembre|octobre|novembre|décembre)\s+dernier"
        ),
        "rise_cause": r"après\s+(?:le\s+décès|la\s+mort|la\s+découverte|que)",
        # the deadliest of the attacks told before: "l'attaque la plus meurtrière a visé
        # Mamove, où vingt personnes ont été tuées" is inside the week's toll
        "provisional": r"bilan\s+(?:encore\s+)?provisoire|bilan\s+préliminaire",
        "part_cue": (
            r"(?:l['’]|la\s+|le\s+)(?:attaque|incident|raid|tuerie|massacre|embuscade|frappe)"
            r"\s+la\s+plus\s+(?:meurtrière|grave|sanglante|violente|lourde)"
            r"|le\s+plus\s+(?:meurtrier|grave|sanglant|lourd)\s+(?:de\s+ces|des)\s+"
        ),
        "other_source": (
            r"pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)\s+côté|un\s+autre\s+bilan|une\s+autre\s+source"
            r"|avan(?:ce|cé|çant|cent)\s+(?:\S+\s+){0,3}?(?:un\s+bilan|le\s+chiffre|le\s+nombre)"
            # the press's own count: "des médias locaux font état de 12 morts"
            r"|(?:des\s+)?médias\s+locaux\s+(?:font|ont\s+fait|faisaient)\s+état"
            # the same attack confirmed by others with their own count: "l'attaque a été
            # confirmée par un élu, qui a donné un bilan de 19 morts"
            r"|(?:a|ont)\s+été\s+confirmée?s?\s+par\s+(?:[^.;]+?\s+)?(?:donn|fait\s+état|évoqu)\w*"
        ),
        "update": (
            r"s'est\s+alourdi|s'alourdit|s'est\s+aggravé|est\s+passé\s+à|passe\s+à|grimpe\s+à"
            r"|nouveau\s+bilan|dernier\s+bilan"
            # "le bilan est désormais de 14 morts": the count that replaced a first one
            r"|(?:est|s['’]élève)\s+(?:désormais|maintenant|à\s+présent)\s+(?:de|à)"
            # "l'armée a revu son bilan à la hausse, à neuf soldats tués"
            r"|(?:revu|revoit|revoient|révisé)\s+(?:(?:son|leur|le|ce)\s+bilan\s+)?à\s+la\s+hausse"
            # "ce qui porte le bilan à sept morts": the new total, not more deaths
            r"|port(?:e|ant|ent|ait|era)\s+(?:ainsi\s+)?(?:le|leur|son)\s+bilan\s+à"
        ),
        # the forces' word for the enemies they say they killed: "28 terroristes tués
        # dans une riposte des FDS" is the forces' count, whoever tells it
        "enemy_label": r"terroristes|(?:éléments|combattants)\s+terroristes",
        "claim_cue": (
            r"(?:affirm|assur|di|déclar|revendiqu|annon[cç])\w*\s+(?:[^\s]+\s+){0,4}?avoir\s+(?:tué|abattu|éliminé|neutralisé)"
            # "neutralisés": the army's word for the enemies it says it killed
            rf"|(?:{_CLAIMED})\s+(?:\w+\s+){{0,3}}?neutralisés|neutralis\w*\s+(?:\w+\s+){{0,4}}?"
            rf"(?:d['’]|de\s+)?(?:{_CLAIMED})"
            # the forces the subject of their own verb: "la police a abattu trois bandits"
            # (and in the pluperfect of reported speech: "a indiqué que l'armée avait abattu")
            rf"|(?<![\w-])(?:{_FORCES})(?:\s+[\w-]+){{0,3}}?\s+(?:ont|a|avait|avaient)\s+(?:«\s*)?"
            rf"(?:abattu|éliminé|tué)\s+(?:\w+\s+){{0,3}}?(?:{_CLAIMED})"
        ),
    },
    earlier=(
        r"premier\s+bilan|précédent\s+bilan|initialement|auparavant"
        # "une première estimation faisait état de neuf morts": the count the update replaced
        r"|premi[èe]re\s+estimation|estimation\s+initiale"
        # an older figure told in the pluperfect: "La police avait évoqué mardi un bilan
        # de douze morts" ("un bilan provisoire" is no older figure: incidents/repeats.py)
        r"|avai(?:en)?t\s+(?:évoqué|annoncé|fait\s+état|rapporté|avancé|indiqué|communiqué)"
    ),
    singular=(
        r"(?:a\s+été|avait\s+été)\s+(?:\w+ment\s+)?"
        r"(?:tuée?|abattue?|assassinée?|exécutée?|égorgée?|lynchée?)"
        r"|(?:est\s+(?:morte?|décédée?)|a\s+succombé|a\s+perdu\s+la\s+vie"
        r"|a\s+trouvé\s+la\s+mort)"
    ),
    own_death=r"s['’]est\s+(?:suicidée?|donné\s+la\s+mort|fait\s+exploser)",
    attackers=r"assaillants?|kamikazes?|tireur|agresseur|terroriste|auteur\s+de\s+l['’]attaque",
    nobody=r"personne|aucun|aucune|ne|n['’]",
    pointing=r"le|la|l['’]|son|sa|ce|cet|cette|il|elle|ledit|ladite",
    partitive=r"l['’]une?\s+d(?:es|['’]entre\s+eux)|une?\s+des",
    units=(
        r"ans|heures?|h\d*|km|kilomètres?|mètres?|minutes?"
        r"|jours|mois|semaines|%|pour\s+cent|euros?|dollars?|francs?"
        # a day of a month: "menées le 17 et le 19 septembre"
        r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    ),
    including=r"dont|parmi\s+(?:eux|elles|lesquels|lesquelles|les\s+victimes)|y\s+compris|notamment",
    hedge=r"pourrai(?:en)?t\s+(?:(?:être|s['’]élever|atteindre|dépasser|s['’]alourdir)\s+)(?:de|à|jusqu['’]à)?",
    # the dead and the wounded together: "douze victimes entre morts et blessés" (the
    # "victimes" before them too: alone, that word is a toll)
    # a rate: "un taux de 12 homicides pour 100 000 habitants"
    rate=(
        r"taux\s+de\s+[\d.,]+\s+(?:[\w-]+\s+){0,2}?pour\s+[\d.,\s]+(?:\s+mille)?"
        r"|[\d.,]+\s+(?:[\w-]+\s+){1,2}?pour\s+[\d][\d.,\s]*\s+habitants"
    ),
    mixed=r"(?:victimes,?\s+)?entre\s+(?:morts\s+et\s+blessés|blessés\s+et\s+morts)",
    distinct=r"autres|également|aussi|par\s+ailleurs|en\s+outre",
    # a sentence that opens on another event: "Une autre attaque a eu lieu lundi dans le
    # village voisin, où deux personnes ont été tuées"
    apart=(
        r"(?:(?:dans|lors\s+d['’]|au\s+cours\s+d['’])\s*)?une\s+autre\s+(?:attaque|embuscade"
        r"|incursion|explosion|frappe|fusillade)|dans\s+un\s+autre\s+(?:incident|village"
        r"|raid)|par\s+ailleurs|ailleurs"
    ),
    people=r"personnes|morts|corps|victimes|tués",
)
