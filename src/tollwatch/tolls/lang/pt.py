"""Portuguese: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

NUMBERS: dict[str, int] = {
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4, "cinco": 5,
    "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12,
    "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16,
    "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19,
    "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100,
}  # fmt: skip


def _compounds() -> dict[str, int]:
    """21 to 99 in words: "vinte e um", "trinta e duas", "noventa e nove"."""
    units = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4,
             "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9}  # fmt: skip
    tens = {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
            "setenta": 70, "oitenta": 80, "noventa": 90}  # fmt: skip
    return {f"{word} e {unit}": ten + n for word, ten in tens.items() for unit, n in units.items()}


NUMBERS.update(_compounds())

VAGUE: dict[str, int] = {
    "dezenas": 24, "uma dezena": 10, "cerca de uma dezena": 10,
    "centenas": 200, "várias": 3, "vários": 3, "algumas": 3, "alguns": 3, "milhares": 2000,
}  # fmt: skip

WORDS = TollWords(
    code="pt",
    name="Portuguese",
    numbers=NUMBERS,
    vague=VAGUE,
    multipliers={"mil": 1000, "milhões": 1_000_000},
    precheck=(
        r"mort|morre|morri|ferid|assassin|execut|decapit|baleado|vítima|vitima|cadáver|corpo"
        r"|óbito|sequestr|raptad|desaparec|mata|matou|chacina|perderam a vida|falec|a vida"
        r"|fuzil|degol|homic|letais"
    ),
    qualifiers={
        "least": r"pelo\s+menos|ao\s+menos|no\s+m[íi]nimo",
        "more": r"mais\s+de",
        "about": r"cerca\s+de|aproximadamente|perto\s+de|quase",
    },
    outcomes={
        "killed": (
            r"mort[oa]s?|mortes|morreram|morrem|morreu|assassinad[oa]s|executad[oa]s|decapitad[oa]s"
            r"|baleados\s+e\s+mortos|vítimas\s+mortais|cad[áa]veres|corpos|óbitos"
            r"|assassinatos|homic[íi]dios"
            # the police statistic's name: "15 crimes violentos letais intencionais" (CVLI)
            r"|crimes\s+violentos\s+letais(?:\s+intencionais)?|mortes\s+violentas"
            r"|perderam\s+a\s+vida|v[íi]timas\s+fatais|faleceram|sem\s+vida|abatid[oa]s?|chacinad[oa]s|assassinad[oa]"
        ),
        "wounded": r"ferid[oa]s|feriram-se|baleados",
        "abducted": r"sequestrad[oa]s|raptad[oa]s",
        "missing": r"desaparecid[oa]s",
    },
    verbs={
        "killed": r"mata|matam|matou|mataram|matando|assassina|assassinam|assassinou"
                  r"|assassinaram|executou|executaram|decapitam|decapitaram|morreram|morrem"
                  r"|matado|assassinado|abatido|decapitou|degolou|degolaram|fuzilou|fuzilaram"
                  r"|executam|chacinaram|massacrou|massacraram",
        "wounded": r"feriu|feriram",
        "abducted": r"sequestrou|sequestraram|raptaram",
    },
    leaves=r"faz|fazem|fez|fizeram|deixa|deixam|deixou|deixaram|deixando|provoca|provocou",
    nouns={
        "killed": (
            # "provocou a morte a quatro pessoas"; "os corpos decapitados de sete pessoas"
            r"(?:tirou|tiraram|tira|ceifou|ceifaram)\s+a\s+vida\s+(?:a|de|d[oa]s?)"
            # "a chacina de sete jovens"
            r"|(?:chacina|massacre)\s+d[eao]s?|a\s+morte\s+(?:d[eao]s?|a)|(?:os\s+)?(?:corpos|cad[áa]veres)\s+(?:\w+\s+){0,2}?d[eao]s?|(?:o\s+)?n[úu]mero\s+de\s+(?:mortos|v[íi]timas)"
            # the event named between the noun and its verb may be long, commas and all
            r"\s+(?:[\w-]+,?\s+){0,16}?(?:subiu|sobe|passou|aumentou|chegou)\s+(?:para|a)"
        ),
    },
    conjunctions=r"e",
    auxiliaries=(
        r"foram|ficaram|morreram|são|estão|tinham|na|no|nas|nos|em|durante|após|por|perto"
        r"|ao|à|a|e|o|os|as|um|uma|que|ontem|desde|entre|segundo|neste|nesta"
    ),
    cues={
        # a part of the dead told before: "dois dos mortos" (tolls/lang/base.py)
        "of_the_dead": r"d(?:os\s+(?:mortos|falecidos|assassinados)|as\s+v[íi]timas)",
        # the next victim by its ordinal: "três morreram no local e a quarta"
        "next_one": (
            r"(?:e|enquanto)\s+(?:a|o)\s+(?:segund|terceir|quart|quint|sext|sétim|setim"
            r"|oitav|non|décim|decim)[oa]"
        ),
        # the speaker's own dead right after their figure (tolls/lang/base.py)
        "own_ranks": (
            r"nas\s+(?:suas\s+|nossas\s+)?fileiras|(?:tombaram|tombados)\s+em\s+combate"
            r"|(?:morreram|mortos)\s+em\s+serviço"
        ),
        # the other party conceding its own dead after a claim (tolls/lang/base.py)
        "concession": r"reconhec(?:e|em|eu|eram)|admit(?:e|em|iu|iram)",
        # a figure set against the one before it (tolls/lang/base.py)
        "contrast": r"(?<=, )mas|por[ée]m|contudo|no\s+entanto|todavia",
        # the forces' version of an operation's dead: "in a shootout with the agents"
        "shootout": (
            r"em\s+confrontos?|em\s+troca\s+de\s+tiros|ap[óo]s\s+(?:um\s+)?confronto"
            r"|(?:revidaram|reagiram)\s+(?:a|à)\s+(?:um\s+)?ataque"
        ),
        "aggregate_cue": (
            r"em\s+(?:dois|duas|tr[êe]s|quatro|cinco|\d+)\s+dias|no\s+total|ao\s+todo"
            r"|fim\s+de\s+semana|esta\s+semana|(?:numa|em\s+uma)\s+semana|semana\s+de\s+ataques"
            r"|em\s+ataques\s+de|desde\s+(?:segunda|ter[çc]a|quarta|quinta|sexta)"
            r"(?:-feira)?"
            # a total over the events told after it: "morreram em três confrontos"
            r"|em\s+(?:dois|duas|tr[êe]s|quatro|cinco|seis|v[áa]rios|v[áa]rias|\d+)\s+(?:ataques"
            r"|confrontos|tiroteios|emboscadas|chacinas|operaç(?:ões)|ocorr[êe]ncias)"
            # a span of days: "entre a noite de sexta-feira (2) e a madrugada de segunda-feira"
            r"|entre\s+(?:a\s+(?:noite|madrugada|manh[ãa]|tarde)\s+d[eo]\s+|o\s+)?"
            r"(?:segunda|ter[çc]a|quarta|quinta|sexta|s[áa]bado|domingo)(?:-feira)?"
            r"(?:\s*\(\d{1,2}\))?\s+e"
        ),
        "cumulative": (
            r"desde\s+(?:\w+\s+){0,5}(?:19|20)\d\d|desde\s+o\s+in[íi]cio|em\s+(?:\w+|\d+)\s+anos"
            # since the start told just before: "Desde então, mais de 2.000 pessoas"
            r"|desde\s+ent[ãa]o"
            # a wave told from its start: "Nesta vaga de violência, iniciada em finais de maio"
            r"|(?:iniciad|começad)[ao]s?\s+(?:em|no|na)\s+(?:(?:finais|fins|meados|in[íi]cio)\s+d[eo]\s+)?"
            r"(?:janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro"
            r"|novembro|dezembro|(?:19|20)\d\d)"
            # the conflict database's running count: "4.000 mortes, segundo o projeto ACLED"
            r"|proje(?:c)?to\s+de\s+registo\s+de\s+conflitos"
            # a running total since a month: "desde outubro", "desde 9 de outubro"
            r"|desde\s+(?:o\s+m[êe]s\s+de\s+|(?:o\s+)?\d{1,2}\s+de\s+)?(?:janeiro|fevereiro|mar[çc]o|abril|maio"
            r"|junho|julho|agosto|setembro|outubro|novembro|dezembro)\b"
            r"|(?:conflito|guerra|violência|insurgência|ofensiva|insurreição)\b[^.;]{0,80}?"
            r"\b(?:já\s+)?(?:causou|fez|matou|provocou|deixou)"
            # since a fight began: "desde que começou a guerra", "desde que eclodiu o conflito"
            r"|desde\s+que\s+(?:começ|inici|eclodi|estour|teve\s+início)\w*"
            # a running count of the year or half-year: "No acumulado do ano, o estado soma"
            r"|no\s+acumulado|(?:no|ao\s+longo\s+do|durante\s+o)\s+(?:primeiro|segundo|terceiro|quarto|último)\s+(?:semestre|trimestre)"
            r"|(?:neste|este|no)\s+ano,?\s+(?:\S+\s+){0,3}?(?:soma|somam|acumula)"
        ),
        "background": (
            r"(?:ocorre|ocorreu|acontece|aconteceu|vem|veio)\s+"
            # not when the gap is a few days: "apenas três dias depois de outra chacina"
            r"(?!(?:\w+\s+){0,2}?(?:um|dois|tr[êe]s|quatro|cinco|seis|sete|[1-7])\s+dias?\b)"
            r"(?:\w+\s+){0,4}(?:depois|após)"
            r"|há\s+(?:duas|três|quatro|cinco|seis|várias|algumas|\d+)\s+(?:semanas|meses|anos)"
            r"|(?:n|d)o\s+ano\s+passado"
        ),
        # the deadliest of the cases told before: "o caso mais grave aconteceu em ..."
        "provisional": r"balan[çc]o\s+(?:ainda\s+)?(?:provis[óo]rio|preliminar)",
        "part_cue": (
            r"(?:o|a)\s+(?:ataque|caso|chacina|crime|emboscada|ocorrência|incidente)"
            r"\s+mais\s+(?:grave|letal|violent[oa]|sangrent[oa]|mortífer[oa])"
        ),
        "rise_cause": r"(?:após|depois\s+d[ao])\s+(?:a\s+)?(?:morte|óbito)",
        "other_source": (
            r"por\s+sua\s+vez|outra\s+fonte|outro\s+balan[çc]o"
            r"|(?:afirma|afirmou|diz|disse|afirmam|dizem)\s+ter\s+contabilizado"
            # the press's own count: "a imprensa local fala em 12 mortos"
            r"|(?:a\s+)?imprensa\s+local\s+(?:fala|falou|noticiou|relatou|contabilizou)"
            r"|(?:moradores|testemunhas)\s+falam\s+em"
        ),
        "update": (
            r"sobe\s+para|subiu\s+para|aumentou\s+para|aumenta\s+para|elevou|eleva-se"
            r"|passou\s+para|novo\s+balan[çc]o"
            # "o número é agora de 14 mortos": the count that replaced a first one
            r"|(?:é|está)\s+(?:agora|neste\s+momento|atualmente)\s+(?:de|em)"
            # "morreu no hospital, elevando para sete o número de mortos"
            r"|elevand[oa]\s+(?:para|a)"
            # "não resistiu e morreu, o que eleva para sete o número de mortos"
            r"|(?:o\s+que\s+)?elevam?\s+para"
        ),
        "claim_cue": (
            r"(?:afirm|diz|disse|alega|garant|anunci)\w*\s+(?:[^\s]+\s+){0,4}?ter\s+(?:matado|morto|abatido|eliminado)"
            # the forces' own word for their kill: "anunciam abate de 12 insurgentes"
            r"|anunci\w*\s+(?:o\s+)?abate\s+de"
        ),
    },
    earlier=(
        r"balan[çc]o\s+inicial|primeiro\s+balan[çc]o|primeira\s+estimativa|inicialmente|anteriormente"
        r"|balan[çc]o\s+oficial\s+era"
        # an older count told as such: "Mais cedo, a SSP havia informado quatro mortes"
        r"|mais\s+cedo|(?:havia|tinha)m?\s+(?:informado|divulgado|anunciado|registrado|registado"
        r"|contabilizado|falado\s+em|dado\s+conta\s+de|apontado)"
    ),
    singular=(
        r"(?:foi|tinha\s+sido|acabou)\s+(?:\w+mente\s+)?"
        r"(?:mort[oa]|assassinad[oa]|executad[oa]|abatid[oa]|baleado\s+e\s+morto|degolad[oa])"
        r"|(?:morreu|faleceu|perdeu\s+a\s+vida)"
        r"(?!\s+(?:de\s+(?:causas\s+naturais|câncer|cancro|um\s+infarto)))"
    ),
    own_death=r"se\s+(?:matou|suicidou)|suicidou-se|matou-se",
    attackers=r"atirador|agressor(?:es)?|atacantes?|bandidos?|criminosos?|suspeitos?|terrorista",
    nobody=r"ningu[ée]m|nenhum|nenhuma|n[ãa]o",
    pointing=r"o|a|seu|sua|este|esta|esse|essa|ele|ela",
    # "morreram também três dos atacantes": what may stand between a verb and its figure
    objects=r"tamb[ée]m|ainda",
    partitive=r"um\s+dos|uma\s+das",
    units=(
        r"anos|horas?|h\d*|km|quil[ôo]metros?|metros|minutos"
        r"|dias|meses|semanas|%|por\s+cento|reais|d[óo]lares"
        # an arrest count, told beside the dead or alone: "81 presos e 64 mortos" (not
        # "17 presos assassinados": prisoners may be the victims)
        r"|(?:pres[oa]s|detid[oa]s|capturad[oa]s|pris(?:ões|oes)|detenç(?:ões))"
        r"(?=\s+e\s+(?:[\w-]+\s+){0,2}?(?:mort|ferid|v[íi]tim|óbit))"
        # alone at a clause's end: "resultou em 81 prisões." (but "morreram seis presos.")
        r"|(?:detid[oa]s|capturad[oa]s|pris(?:ões|oes)|detenç(?:ões))(?=\s*[.;:)]|\s*$)"
        # a count of events, not of the dead: "11 chacinas e 37 mortos"
        r"|chacinas|ataques|atentados|confrontos|emboscadas|tiroteios"
    ),
    including=r"entre\s+(?:eles|elas|os\s+quais|as\s+quais|as\s+vítimas)|incluindo|inclusive|dos\s+quais|das\s+quais",
    hedge=r"poder(?:i)?a(?:m)?\s+(?:(?:ser|chegar|subir|passar|ultrapassar|atingir)\s+)(?:de|a|para)?",
    # the dead and the wounded together: "sete vítimas, entre mortos e feridos"
    # a rate: "uma taxa de 21 homicídios por 100 mil habitantes"
    rate=(
        # "uma taxa de homicídios de 25": the rate's words, its figure if told
        r"taxa\s+de\s+(?:homic[íi]dios|assassinatos|mortes|feminic[íi]dios|mortalidade"
        r"|letalidade)(?:\s+(?:de|em)\s+[\d.,]+(?:\s+(?:casos|homic[íi]dios|mortes|por\s+cento|%))?)?"
        r"|taxa\s+de\s+[\d.,]+\s+(?:[\w-]+\s+){0,2}?(?:por|para\s+cada)\s+(?:cada\s+)?[\d.,]+(?:\s+mil)?"
        r"|[\d.,]+\s+(?:[\w-]+\s+){1,2}?(?:por|para)\s+cada\s+[\d.,]+(?:\s+mil)?\s+habitantes"
    ),
    mixed=r"entre\s+mortos\s+e\s+feridos|entre\s+feridos\s+e\s+mortos",
    distinct=r"outr[oa]s|tamb[ée]m|al[ée]m\s+disso",
    rest=r"(?:os|as)\s+(?:outr[oa]s|demais)|o\s+resto\s+d[oa]s",
    # a sentence opening on another event: "Noutro ponto da província", "Em outro ataque"
    apart=(
        r"(?:em\s+|n)?outr[oa]\s+(?:chacina|massacre|ataque|atentado|caso|crime|emboscada"
        r"|confronto|ocorrência|ponto)|por\s+outro\s+lado"
        r"|(?:o|este)\s+(?:crime|caso|ataque)\s+soma-se\s+a\s+outr[oa]"
        # "A chacina ocorre três dias depois de outra em ...": the other one, apart
        r"|(?:a|esta|o|este)\s+(?:chacina|massacre|matança|ataque|crime)\s+(?:ocorre|acontece"
        r"|ocorreu|aconteceu|vem)\s+(?:[\w-]+\s+){0,5}?(?:depois|após)\s+(?:d[ea]\s+)?outr[oa]"
    ),
    people=r"pessoas|mortos|corpos|v[íi]timas",
)
