"""Portuguese: the event-cue rows and stems of `tollwatch.violence`."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

_ARMED = (
    r"\b(?:insurgentes|terroristas|jihadistas|rebeldes|homens\s+armados|atiradores"
    r"|criminosos|traficantes|milicianos|polícias?|policiais|militares|soldados"
    r"|encapuzados|bandidos|facções?)\b"
)

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"atentados?\s+suicidas?|bombistas?\s+suicidas?", "explosion_remote_violence",
            "suicide_bomb", 1.0),
    CueRule(r"ataques?\s+a[ée]reos?|bombardeamentos?|bombardeios?", "explosion_remote_violence",
            "air_strike", 1.0),
    CueRule(r"engenhos?\s+explosivos?|minas?\s+terrestres?", "explosion_remote_violence",
            "ied", 1.0),
    CueRule(r"explos(?:ão|ões)|atentados?|bombas?|granadas?", "explosion_remote_violence",
            "remote_explosive", 0.9),
    CueRule(r"emboscadas?", "battle", "ambush", 1.0),
    CueRule(r"tiroteios?|confrontos?|combates?|troca\s+de\s+tiros", "battle", "armed_clash",
            0.9),
    CueRule(r"chacinas?|massacres?|decapitad[oa]s?|decapit(?:am|aram|ou)|executad[oa]s?"
            r"|execuç(?:ão|ões)", "violence_against_civilians", "attack", 1.0),
    CueRule(r"sequestr\w*|raptad[oa]s?|rapt(?:os?|aram)", "violence_against_civilians",
            "abduction", 1.0),
    CueRule(r"estupr\w*|violad[oa]s?", "violence_against_civilians", "sexual_violence", 1.0),
    CueRule(r"linchad[oa]s?|linchamentos?", "other", "mob_violence", 0.8),
    CueRule(r"incendi(?:aram|ou|adas?|ados?)", "other", "arson", 0.9),
    CueRule(r"operaç(?:ão|ões)\s+policia(?:l|is)", "other", "attack", 0.85),
    CueRule(r"ataques?|atac(?:aram|ou|ado|ados|am)|invas(?:ão|ões)|investidas?",
            "other", "attack", 0.85),
    CueRule(r"assassinad[oa]s?|assassinatos?|assassin(?:am|aram|ou)|mat(?:am|aram|ou)"
            r"|baleado\w*|a\s+tiro|a\s+tiros|disparos|homicídios?|abatid[oa]s?",
            "other", "attack", 0.85),
    # "o Corpo de Bombeiros": the firemen, no body
    CueRule(r"mort[oa]s?|morreram|morreu|feridos?|corpos?(?!\s+de\s+bombeiros)|cadáver(?:es)?",
            "other", "attack",
            0.6, boost_near=_ARMED, boost_to=0.85),
)

CANDIDATE = (
    r"mort[oa]s?\b|morre|morreu|morreram|ferid|assassin|ataque|atac|atentado|emboscada|"
    r"tiroteio|confronto|combate|chacina|massacre|decapit|execut|sequestr|rapt|baleado|tiro|"
    r"disparo|explos|bomba|insurgente|terrorist|jihadist|homic|abatid|corpos?\b|cadáver|"
    r"perderam a vida|operação policial|mortes\b|v[íi]timas|falec|mat(?:a|am|ou|aram)\b"
    r"|a\s+vida\b|fuzil|degol|matad[oa]s?\b"
)

WORDS = ViolenceWords(
    code="pt", cues=CUE_RULES, candidate=CANDIDATE, negation=r"não|nenhum|nenhuma|sem|nem|ninguém",
    hypothetical=r"amea[çc]\w*|planej\w*|planeav\w*|poderi\w*",
    accident=(
        r"chuvas?|temporal|temporais|enchentes?|inundaç(?:ão|ões)|cheias?|deslizamentos?"
        r"|desabamentos?|sismos?|terramotos?|terremotos?|acidentes?|naufrágios?|epidemias?"
        r"|ciclones?|tempestades?|furacão|furacões|tornados?"
        r"|cólera|afogad[oa]s?|soterrad[oa]s?|colis(?:ão|ões)|colid(?:iu|iram|indo|e|em)"
        r"|incêndio\s+florestal"
        # a death by negligence: "o motorista responderá por homicídio culposo"
        r"|homic[íi]dios?\s+culposos?|capot(?:ou|aram|amento)|tombamento"
        # "ônibus tomba na BR-381": a vehicle that overturned, not a soldier who fell
        # in combat ("tombou em combate")
        r"|tomb(?:a|am|ou|aram)\b"
        r"(?!\s+(?:em|no|na|durante)\s+(?:combate|confronto|serviço|luta|ação|a\s+luta))"
        # a fire, unless set on purpose ("incêndio criminoso")
        r"|incêndios?(?!\s+(?:criminos|provocad|intencional|ateado|proposital))"
    ),
)
