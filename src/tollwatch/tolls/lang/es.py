"""Spanish: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

NUMBERS: dict[str, int] = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiún": 21, "veintiuno": 21,
    "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100,
}  # fmt: skip


def _compounds() -> dict[str, int]:
    """21 to 99 in words: "veintiséis", "treinta y un", "cuarenta y dos"."""
    units = {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
             "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}  # fmt: skip
    out = {"veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
           "veintinueve": 29, "veintiuna": 21, "veintidos": 22, "veintitres": 23}  # fmt: skip
    tens = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
            "ochenta": 80, "noventa": 90}  # fmt: skip
    for word, ten in tens.items():
        out.update({f"{word} y {unit}": ten + n for unit, n in units.items()})
    return out


NUMBERS.update({k: v for k, v in _compounds().items() if k not in NUMBERS})

VAGUE: dict[str, int] = {
    "decenas": 24, "docenas": 24, "una docena": 12, "una decena": 10, "centenares": 200,
    "cientos": 200, "varios": 3, "varias": 3, "miles": 2000,
}  # fmt: skip

# The arrested, whose count is no toll ("81 detenidos", `units`).
_ARRESTED = r"detenid[oa]s|capturad[oa]s|aprehendid[oa]s|arrestad[oa]s|arrestos|detenciones"
# The enemies a forces' communiqué names after its figure.
_ENEMIES = (
    r"integrantes|miembros|terroristas|delincuentes|sicarios|guerrilleros|disidentes"
    r"|criminales|agresores|atacantes|insurgentes|pistoleros|narcotraficantes|rebeldes"
)
_ENEMIES_AFTER = rf"\s+(?:[\w-]+\s+){{1,3}}?(?:presuntos?\s+)?(?:{_ENEMIES})"
# The forces that speak of the enemies they killed, and their speech verbs.
_FORCES = (
    r"ej[ée]rcito|militares|soldados|tropas|efectivos|uniformados|marinos|marina|armada"
    r"|sedena|fanb|comando\s+conjunto|fuerzas\s+(?:armadas|militares|del\s+orden)"
)
_FORCES_NAMED = (
    r"(?:el|la|las|los)\s+(?:ej[ée]rcito|comando|ministerio\s+de\s+(?:la\s+)?defensa|fuerzas"
    r"|sedena|secretar[ií]a\s+de\s+(?:la\s+)?defensa|marina|armada|defensa)"
)
_SAID = r"(?:inform|report|asegur|afirm|indic|señal|detall|precis|confirm|añad)\w*"
_KILLED_THEM = (
    r"abati[oó]|abatieron|abaten|abate|neutraliz\w+|dio\s+de\s+baja|dieron\s+de\s+baja"
    r"|fueron\s+dad[oa]s\s+de\s+baja"
)

WORDS = TollWords(
    code="es",
    name="Spanish",
    numbers=NUMBERS,
    vague=VAGUE,
    multipliers={"mil": 1000, "millones": 1_000_000},
    precheck=(
        r"muert|muri|asesin|ejecut|herid|lesionad|secuestr|desaparec|cuerpo|cad[aá]ver|restos|ultim"
        r"|acribill|masacr|fallec|matan|mata|mató|perdieron la vida|sin vida|de baja|la vida"
        r"|abat|neutraliz|v[ií]ctimas"
    ),
    qualifiers={
        "least": r"al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo",
        "more": r"m[aá]s\s+de",
        "about": r"cerca\s+de|unos|unas|alrededor\s+de|aproximadamente",
    },
    outcomes={
        "killed": (
            r"muert[oa]s?|asesinad[oa]s?|ejecutad[oa]s|sin\s+vida|decapitad[oa]s|calcinad[oa]s"
            r"|descuartizad[oa]s|ultimad[oa]s|acribillad[oa]s|masacrad[oa]s|fallecid[oa]s"
            r"|cuerpos|cad[aá]veres|mueren|murieron|muertes|homicidios|asesinatos|ejecuciones"
            r"|embolsados|perdieron\s+la\s+vida|abatid[oa]s|dad[oa]s\s+de\s+baja"
            r"|v[ií]ctimas\s+mortales|fallecieron|perdi[oó]\s+la\s+vida"
            # the prosecutors' words: "tres hombres fueron privados de la vida"
            r"|privad[oa]s\s+de\s+la\s+vida"
        ),
        "wounded": r"herid[oa]s|lesionad[oa]s",
        "abducted": r"secuestrad[oa]s|plagiad[oa]s",
        "missing": r"desaparecid[oa]s",
    },
    verbs={
        "killed": (
            r"matan|mata|mat[oó]|mataron|asesinan|asesina|asesin[oó]|asesinaron|ejecutan"
            r"|ejecuta|ejecutaron|ejecut[oó]|ultiman|acribillan|masacran|abatieron|abaten|murieron|mueren"
            r"|abati[oó]|abate"
            # the forces' word for the enemies they say they killed: "fueron «neutralizados»
            # cuatro integrantes" (not "neutralizaron dos artefactos")
            rf"|(?:neutralizad[oa]s»?|neutraliz(?:[oó]|aron|an|a))(?={_ENEMIES_AFTER})"
            r"|matado|asesinado|abatido"
            r"|privan\s+de\s+la\s+vida|privaron\s+de\s+la\s+vida"
            # "en la que perdieron la vida cinco personas"
            r"|perdieron\s+la\s+vida"
            # the passive before its figure: "fueron dados de baja cinco integrantes"
            r"|(?:fueron|han\s+sido|resultaron)\s+dad[oa]s\s+de\s+baja"
        ),
        "wounded": r"hieren|hirieron",
        "abducted": r"secuestran|secuestraron|levantan",
    },
    leaves=r"deja|dejan|dej[oó]|dejaron|dejando|cobra|cobr[oó]|causa|caus[oó]",
    # "mataron a dos", "murieron también tres de los agresores": what may stand between a
    # verb and its figure
    objects=r"a|(?:tambi[ée]n|adem[aá]s)(?:\s+a)?",
    nouns={
        "killed": (
            # "los cuerpos sin vida de cinco personas"
            r"(?:cobr[oó]|cobra|cobraron|quit[oó]|arrebat[oó])\s+la\s+vida\s+(?:de|a)"
            # the remains of a grave: "restos humanos de al menos 11 personas"
            # "una nueva masacre de tres jóvenes"
            r"|masacre\s+de|la\s+muerte\s+de|(?:los\s+)?(?:cuerpos|cad[áa]veres|restos)\s+(?:[\w-]+\s+){0,3}?de|el\s+asesinato\s+de|la\s+cifra\s+de\s+(?:muertos|v[ií]ctimas)"
            # the event named between the noun and its verb may be long, commas and all
            r"\s+(?:[\w-]+,?\s+){0,16}?(?:sube|subi[oó]|asciende|ascendi[oó]|aument[oó]|lleg[oó])"
            r"\s+a|haber\s+dado\s+de\s+baja\s+a"
        ),
    },
    conjunctions=r"y",
    auxiliaries=(
        r"fueron|han|habían|son|fue|murieron|resultaron|quedaron|en|durante|tras|por|cerca"
        r"|al|a|y|el|la|los|las|un|una|que|este|esta|ayer|desde|entre|según|lunes|martes"
        r"|miércoles|jueves|viernes|sábado|domingo"
    ),
    cues={
        # a part of the dead told before: "dos de los fallecidos" (tolls/lang/base.py)
        "of_the_dead": r"de\s+(?:los\s+(?:muertos|fallecidos|asesinados)|las\s+v[íi]ctimas)",
        # the next victim by its ordinal: "tres murieron en el lugar y el cuarto"
        "next_one": (
            r"(?:y|mientras\s+que)\s+(?:la|el)\s+(?:segund|tercer|cuart|quint|sext|séptim"
            r"|septim|octav|noven|décim|decim)[oa]?"
        ),
        # the speaker's own dead right after their figure (tolls/lang/base.py)
        "own_ranks": (
            r"en\s+(?:sus|nuestras|las)\s+filas|(?:cayeron|caídos)\s+en\s+(?:combate"
            r"|cumplimiento\s+del\s+deber|acto\s+de\s+servicio)"
        ),
        # the other party conceding its own dead after a claim (tolls/lang/base.py)
        "concession": r"reconoc(?:e|en|ió|io|ieron)|admit(?:e|en|ió|io|ieron)",
        # a figure set against the one before it (tolls/lang/base.py)
        "contrast": r"pero|sin\s+embargo|no\s+obstante",
        # the forces' version of an operation's dead: "in a shootout with the agents"
        "shootout": (
            r"(?:en|tras|durante)\s+(?:un\s+)?(?:enfrentamientos?"
            r"|intercambios?\s+de\s+disparos)|tras\s+enfrentarse|al\s+enfrentarse"
            r"|repeler\s+(?:la|una)\s+agresi[oó]n"
        ),
        "aggregate_cue": (
            r"en\s+(?:dos|tres|cuatro|cinco|\d+)\s+d[ií]as|en\s+total|fin\s+de\s+semana"
            r"|entre\s+(?:el|la\s+(?:noche|madrugada|mañana|tarde)\s+del?)\s+"
            r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)(?:\s+\d{1,2})?\s+y"
            r"|esta\s+semana|en\s+una\s+semana|semana\s+de\s+ataques"
            r"|en\s+hechos\s+distintos"
            # a total over the events told after it: "murieron en tres enfrentamientos"
            r"|en\s+(?:dos|tres|cuatro|cinco|seis|varios|\d+)\s+(?:ataques|enfrentamientos"
            r"|tiroteos|balaceras|emboscadas|hechos|masacres|operativos)"
        ),
        "cumulative": (
            r"desde\s+(?:\w+\s+){0,5}(?:19|20)\d\d|desde\s+el\s+inicio|en\s+lo\s+que\s+va"
            # since the start told just before: "Desde entonces, más de 1.200 personas"
            r"|desde\s+entonces"
            # the weeks before, as a count: "durante las últimas semanas se han registrado ...
            # como la masacre de 12 personas en Irapuato"
            r"|(?:durante|en)\s+las\s+[úu]ltimas\s+semanas"
            # the year's running count: "37 personas asesinadas en lo corrido del año", "a
            # lo largo de 2021"; a count as of a month: "En Cauca, a junio, habían asesinado"
            r"|en\s+lo\s+corrido\s+del?\s+(?:año|mes|(?:19|20)\d\d)"
            r"|a\s+lo\s+largo\s+de(?:l\s+año|\s+(?:19|20)\d\d)"
            r"|(?<=,\s)a\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
            r"|setiembre|octubre|noviembre|diciembre)(?=,)"
            # a running total since a month: "desde octubre", "desde el 9 de octubre"
            r"|desde\s+(?:el\s+mes\s+de\s+|(?:el\s+)?\d{1,2}\s+de\s+)?(?:enero|febrero|marzo|abril|mayo"
            r"|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b"
            r"|(?:guerra|disputa|violencia|conflicto|ofensiva|pugna|confrontaci[oó]n)\b[^.;]{0,80}?"
            r"\bha(?:n)?\s+(?:dejado|causado|cobrado|provocado)"
            r"|en\s+(?:19|20)\d\d\s+se\s+registraron"
            # since a fight began: "desde que inició la disputa", "desde que estalló la guerra"
            r"|desde\s+que\s+(?:se\s+)?(?:inici|comenz|empez|estall|arranc|desat)\w*"
            # a half-year's count: "contabilizó 138 muertes ... durante el primer semestre"
            r"|(?:durante|en)\s+el\s+(?:primer|segundo|tercer|cuarto|último)\s+(?:semestre|trimestre)"
        ),
        "background": (
            r"(?:ocurre|ocurri[oó]|se\s+registra|llega|lleg[oó])\s+"
            # not when the gap is a few days: "apenas tres días después de otra matanza"
            r"(?!(?:\w+\s+){0,2}?(?:un|uno|dos|tres|cuatro|cinco|seis|siete|[1-7])\s+d[ií]as?\b)"
            r"(?:\w+\s+){0,4}(?:despu[eé]s\s+de|tras)"
            r"|hace\s+(?:dos|tres|cuatro|cinco|seis|varias|unas|\d+)\s+(?:semanas|meses|años)"
            r"|(?:el|del)\s+año\s+pasado"
        ),
        # the deadliest of the attacks told before: "el ataque más letal ocurrió en ..."
        "provisional": (
            r"(?:balance|cifra|reporte|informe|conteo)\s+(?:a[uú]n\s+)?(?:provisional|preliminar)"
        ),
        "part_cue": (
            r"(?:el|la)\s+(?:ataque|hecho|caso|masacre|emboscada|incidente|atentado|agresi[oó]n)"
            r"\s+más\s+(?:letal|grave|sangrient[oa]|violent[oa]|mortífer[oa])"
        ),
        "rise_cause": (
            r"(?:tras|luego\s+de|después\s+de)\s+(?:el\s+fallecimiento|la\s+muerte|que)"
        ),
        "other_source": (
            # another source that disagrees: "El Comité asegura, sin embargo, que son 19"
            r"(?:asegur|afirm|sostien|sostuv|denunci|insist)\w*,?\s+sin\s+embargo"
            r"|por\s+su\s+parte|otra\s+fuente|otro\s+balance|cifr(?:ó|a|aron|an)\s+en"
            # the press's own, higher count: "Medios locales reportaron nueve muertos"
            r"|medios\s+(?:locales|de\s+comunicaci[oó]n)\s+(?:reportaron|reportan|informaron"
            r"|hablaron\s+de|hablan\s+de|dieron\s+cuenta\s+de|contabilizaron)"
        ),
        "update": (
            r"sube\s+a|subi[oó]\s+a|asciende\s+a|ascendi[oó]\s+a|elev[oó]|eleva\s+a"
            r"|aument[oó]\s+a|aumenta\s+a|nuevo\s+balance"
            # "la cifra es ahora de 14 muertos": the count that replaced a first one
            r"|es\s+(?:ahora|ya|actualmente)\s+de"
            # "uno de los heridos falleció, con lo que suman siete víctimas mortales"
            r"|con\s+lo\s+que\s+(?:ya\s+)?(?:suman|sum[oó]|son|asciende|ascienden|llega|llegan)"
            r"|elevando\s+a|actualiz\w+\s+(?:la\s+)?cifra"
        ),
        "claim_cue": (
            r"(?:asegur|afirm|dij|dice|reivindic|atribuy)\w*\s+(?:[^\s]+\s+){0,4}?haber\s+(?:dado\s+de\s+baja"
            r"|matado|asesinado|abatido|eliminado)"
            # the forces say they killed: "El Ejército informó que abatió a cinco"
            rf"|(?:{_FORCES})\b[^.;]{{0,80}}?{_SAID}\s+(?:\w+\s+){{0,4}}?que\s+(?:\w+\s+){{0,6}}?"
            rf"['‘\"«]?(?:{_KILLED_THEM})"
            # their enemies' dead, told by them: "Siete integrantes de las disidencias
            # murieron en combates con tropas ..., informó el Ejército"
            rf"|(?:{_ENEMIES}|disidencias|guerrilla)\b[^.;]{{0,100}}?(?:murieron|abatid[oa]s"
            rf"|«?neutralizad[oa]s|dad[oa]s\s+de\s+baja)[^.;]{{0,160}}?{_SAID}\s+"
            rf"(?:\w+\s+){{0,3}}?{_FORCES_NAMED}"
            # the forces the subject of their own verb: "Militares ecuatorianos abatieron a
            # tres presuntos integrantes", "Ejército abate a cinco" (not "mataron")
            rf"|(?<![\w-])(?:{_FORCES})(?:\s+[\w-]+){{0,2}}?\s+(?:{_KILLED_THEM})(?![\w-])"
            r"|(?:fueron|han\s+sido|resultaron)\s+«?neutralizad[oa]s"
            # their enemies killed by them, in the passive: "cuatro «delincuentes» fueron
            # abatidos por elementos del Ejército"
            rf"|(?:{_ENEMIES})\b[^.;]{{0,30}}?(?:fueron|resultaron)\s+(?:abatid[oa]s"
            rf"|dad[oa]s\s+de\s+baja)\s+(?:por|a\s+manos\s+de)\s+(?:[\w-]+\s+){{0,3}}?(?:{_FORCES})"
            # or told by the forces or the police (an acronym is masked "Qqq"): "La PNB
            # aseguró que cuatro «delincuentes» fueron abatidos"
            rf"|(?:{_FORCES}|polic[ií]a|q{{2,5}})\b[^.;]{{0,40}}?{_SAID}\s+que\s+(?:\w+\s+){{0,2}}?"
            rf"[«“\"]?\s?(?:{_ENEMIES})\s?[»”\"]?\s+(?:fueron|resultaron)\s+(?:abatid[oa]s"
            r"|dad[oa]s\s+de\s+baja)"
            # the forces' own word for whom they killed: "tres presuntos integrantes de la
            # banda fueron abatidos" (the suspects of an operation, told as its result)
            rf"|presunt[oa]s\s+(?:[\w-]+\s+){{0,4}}?(?:{_ENEMIES}|delincuentes)\b[^.;]{{0,40}}?"
            r"\babatid[oa]s"
            # the same in the active voice, the forces left unnamed (a headline): "abaten a
            # seis presuntos delincuentes"
            r"|(?:abaten|abatieron|abate|abati[óo])\s+a\s+(?:[\w-]+\s+){0,3}?presunt[oa]s\b"
            # a headline: "Ejército reporta siete disidentes muertos"
            rf"|(?:{_FORCES})\s+{_SAID}\s+(?:\w+\s+){{0,3}}?(?:presuntos?\s+)?(?:{_ENEMIES})\b"
        ),
    },
    earlier=(
        r"primer\s+balance|primer\s+reporte|primera\s+(?:estimaci[óo]n|cifra)|inicialmente"
        r"|previamente|en\s+un\s+principio"
        r"|hab[ií]an?\s+(?:informado|reportado|contabilizado|registrado|hablado\s+de)"
        # its day between the verb and the figure: "había hablado el martes de 40 muertos"
        r"|hab[ií]an?\s+(?:hablado|informado|reportado)\s+(?:el\s+|la\s+)?(?:\w+\s+){1,2}?de"
    ),
    singular=(
        # not an event carried out: "una masacre fue ejecutada", "el ataque fue ejecutado"
        r"(?<!masacre\s)(?<!matanza\s)(?<!operación\s)(?<!acción\s)(?<!orden\s)"
        r"(?<!ataque\s)(?<!atentado\s)(?<!operativo\s)(?<!plan\s)(?<!crimen\s)"
        r"(?:fue|ha\s+sido|hab[ií]a\s+sido|result[oó])\s+(?:\w+mente\s+)?"
        r"(?:asesinad[oa]|ultimad[oa]|ejecutad[oa]|acribillad[oa]|abatid[oa]|muert[oa]"
        r"|ultimad[oa]|degollad[oa]|victimad[oa]|privad[oa]\s+de\s+la\s+vida)"
        r"|(?:muri[oó]|falleci[oó]|perdi[oó]\s+la\s+vida)"
        r"(?!\s+(?:de\s+(?:causas\s+naturales|c[aá]ncer|un\s+infarto)|por\s+causas\s+naturales))"
    ),
    own_death=r"se\s+suicid[oó]|se\s+quit[oó]\s+la\s+vida|se\s+dispar[oó]\s+a\s+s[ií]\s+mismo",
    attackers=(
        r"atacantes?|agresor(?:es)?|tirador|sicarios?|pistoleros?|terrorista|suicida"
        # "un presunto integrante del grupo armado": a member of the group that attacked
        r"|integrantes?\s+del?\s+(?:grupo|estructura|c[ée]lula|comando)"
    ),
    nobody=r"nadie|ninguno|ninguna|no|nunca",
    pointing=r"el|la|su|este|esta|dicho|dicha|[eé]l|ella",
    partitive=r"un[oa]\s+de",
    units=(
        r"años|horas?|hrs?|km|kil[oó]metros?|metros|minutos"
        r"|d[ií]as|meses|semanas|%|por\s+ciento|pesos|d[oó]lares"
        # an arrest count, told beside the dead or alone: "15 detenidos y nueve muertos" (not
        # "17 presos asesinados": prisoners may be the victims)
        rf"|(?:{_ARRESTED}|pres[oa]s)(?=\s+y\s+(?:[\w-]+\s+){{0,2}}?(?:muert|herid|fallecid|lesionad"
        r"|v[ií]ctim))"
        # alone at a clause's end: "dejó 15 detenidos." (but "murieron seis presos.")
        rf"|(?:{_ARRESTED})(?=\s*[.;:)]|\s*$)"
        # a count of events, not of the dead: "11 masacres y 37 personas asesinadas"
        r"|masacres|atentados|enfrentamientos|emboscadas|operativos|balaceras"
    ),
    including=r"entre\s+(?:ellos|ellas|los\s+(?:que|cuales)|las\s+(?:que|cuales)|quienes|las\s+víctimas)|incluid[oa]s|incluyendo|de\s+(?:los|las)\s+cuales",
    hedge=r"podr[ií]a(?:n)?\s+(?:(?:ser|ascender|llegar|elevarse|superar|alcanzar)\s+)(?:de|a|hasta)?",
    # the dead and the wounded together: "nueve personas, entre muertos y heridos"
    # a rate: "una tasa de 38 homicidios por cada 100.000 habitantes"
    rate=(
        # "una tasa de homicidios de 25 casos": the rate's words, its figure if told
        r"tasa\s+de\s+(?:homicidios|asesinatos|muertes|feminicidios|mortalidad)"
        r"(?:\s+(?:de|del|en)\s+[\d.,]+(?:\s+(?:casos|homicidios|muertes|por\s+ciento|%))?)?"
        r"|tasa\s+de\s+[\d.,]+\s+(?:[\w-]+\s+){0,2}?por\s+(?:cada\s+)?[\d.,]+(?:\s+mil)?"
        r"|[\d.,]+\s+(?:[\w-]+\s+){1,2}?por\s+cada\s+[\d.,]+(?:\s+mil)?\s+habitantes"
    ),
    mixed=(
        r"entre\s+(?:(?:muertos|fallecidos)\s+y\s+(?:heridos|lesionados)"
        r"|(?:heridos|lesionados)\s+y\s+(?:muertos|fallecidos))"
    ),
    distinct=r"otr[oa]s|tambi[ée]n|adem[aá]s|por\s+otra\s+parte",
    rest=r"(?:los|las)\s+(?:otr[oa]s|dem[aá]s)|el\s+resto\s+de\s+(?:los|las)",
    # a sentence opening on another event: "El hecho se suma a otra masacre ... que dejó a
    # cinco personas asesinadas", "Otro ataque", "En otro hecho"
    apart=(
        r"(?:en\s+)?otr[oa]\s+(?:masacre|matanza|ataque|atentado|hecho|caso|emboscada"
        r"|enfrentamiento|balacera)|por\s+otra\s+parte|en\s+un\s+hecho\s+(?:distinto|aparte|separado)"
        r"|(?:el|este)\s+(?:hecho|crimen|ataque)(?:\s+de\s+sangre)?\s+se\s+suma\s+a\s+otr[oa]"
        # "La matanza ocurre apenas cuatro días después de otra en ...": the other one, apart
        r"|(?:la|esta|el|este)\s+(?:masacre|matanza|ataque|crimen|hecho)\s+(?:ocurre|ocurri[oó]"
        r"|se\s+registra|se\s+registr[oó]|llega)\s+(?:[\w-]+\s+){0,5}?(?:despu[eé]s\s+de|tras)\s+otr[oa]"
    ),
    people=r"personas|muertos|cuerpos|v[ií]ctimas|fallecidos",
)
