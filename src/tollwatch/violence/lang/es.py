"""Spanish: the event-cue rows and stems of `tollwatch.violence`."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

_KILL_CONTEXT = r"\bsicarios?\b"

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"suicidas?", "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(r"bombardeos?\s+a[eé]reos?", "explosion_remote_violence", "air_strike", 1.0),
    CueRule(r"artefactos?\s+explosivos?", "explosion_remote_violence", "ied", 1.0),
    CueRule(r"granadas?", "explosion_remote_violence", "grenade", 1.0),
    CueRule(r"coches?\s+bomba", "explosion_remote_violence", "remote_explosive", 1.0),
    CueRule(r"explosi[oó]n|bombas?", "explosion_remote_violence", "remote_explosive", 0.9),
    CueRule(r"emboscadas?|emboscad[oa]s?", "battle", "ambush", 1.0),
    CueRule(r"enfrentamientos?|combates?|balaceras?|tiroteos?", "battle", "armed_clash", 0.9),
    CueRule(r"ejecut(?:ad[oa]s?|an|aron)|ejecuci[oó]n|fusilad[oa]s?|decapitad[oa]s?"
            r"|decapit(?:an|aron)|desmembrad[oa]s?",
            "violence_against_civilians", "execution", 1.0),
    CueRule(r"secuestr\w*|levantad[oa]s|levant(?:an|aron)\s+a",
            "violence_against_civilians", "abduction", 1.0),
    # people missing after a flood are not abducted: an armed or criminal context is needed
    CueRule(r"desaparecid[oa]s", "violence_against_civilians", "abduction", 1.0,
            needs_near=r"secuestr|levant|armad|sicari|crimin|narco|forzad|cartel|guerrill"),
    CueRule(r"violad[oa]s?|violaci[oó]n", "violence_against_civilians", "sexual_violence", 1.0),
    CueRule(r"linchad[oa]s?|linchamientos?", "other", "mob_violence", 0.8),
    CueRule(r"incendiaron|incendiad[oa]s?", "other", "arson", 1.0),
    CueRule(r"atracos?|asaltad[oa]s?|asaltos?", "other", "looting", 0.8),
    CueRule(r"masacres?", "violence_against_civilians", "attack", 1.0),
    CueRule(r"ataques?|atac(?:ó|aron|ado|ados|an)", "other", "attack", 0.85),
    CueRule(r"acribillad\w*|baleado\w*|asesin\w+|homicidios?|ultimad[oa]s?"
            r"|mat(?:an|aron)|ultim(?:an|aron)|bale(?:an|aron)|abat(?:e|en|ieron|i[oó]|idos?)"
            r"|a\s+balazos|de\s+un\s+balazo|balazos?|de\s+bala|disparos"
            r"|priv(?:an|aron|ado|ada)\s+de\s+la\s+vida",
            "other", "attack", 0.85),
    CueRule(r"restos\s+humanos|sin\s+vida|fosas?\s+clandestinas?"
            r"|(?:hall|localiz|encuentr|tir|dej|abandon)"
            r"(?:an|aron)\s+(?:[\w\"“”'-]+\s+){0,5}?(?:cuerpos?|cad[aá]ver(?:es)?|restos|muert[oa]s?|"
            r"calcinad[oa]s?|encobijad[oa]s?|embolsad[oa]s?)",
            "violence_against_civilians", "attack", 0.8),
    CueRule(r"muert[oa]s?", "other", "attack", 0.6, boost_near=_KILL_CONTEXT, boost_to=0.85),
)

CANDIDATE = (
    r"muert|mat(?:an|aron|ó|ad[oa]s?)\b|asesin|ataque|atac|enfrentamiento|balacera|tiroteo|ejecut|"
    r"secuestr|herid|emboscada|sicario|cad[aá]ver|bala|explosi|sin\s+vida|cuerpos?\b|calcinad|"
    r"desaparec|muere|muri[oó]|disparo|balaz|balea|tiros\b|abat[ie]|ultim[ao]|levant|restos|"
    r"fosa|embolsad|encobijad|desmembr|fallec|v[ií]ctimas|lesionad|homicid|masacr|deceso|perdi(?:ó|eron)\s+la\s+vida|"
    r"acribill|la\s+vida\b|dad[oa]s?\s+de\s+baja|dieron\s+de\s+baja|dio\s+de\s+baja"
)

WORDS = ViolenceWords(
    code="es", cues=CUE_RULES, candidate=CANDIDATE, negation=r"no|ni|sin|nadie|ning[uú]n|ninguna",
    hypothetical=r"amenaz\w*|planea\w*|podr[ií]a\w*",
    accident=(
        # not the riot police: "Batalhão de Choque", "Tropa de Choque"
        r"accidentes?|volcadura|(?<!batalhão\sde\s)(?<!batallón\sde\s)(?<!tropa\sde\s)choques?"
        r"|inundaciones|lluvias|deslaves?|deslizamientos?"
        r"|sismos?|terremotos?|huracanes?|huracán|ciclones?|ciclón|tormentas?|tornados?"
        r"|derrumbes?|naufragios?|epidemias?|ahogad[oa]s?"
        r"|barrancos?|precipit(?:ó|aron)"
        # a vehicle overturned, and the charge of a death by negligence: "al volcar un
        # autobús", "una carpeta de investigación por homicidio culposo"
        r"|volc(?:ar|ó|aron|amiento)|homicidios?\s+culposos?"
        r"|colisi(?:ón|ones)|colision(?:ó|aron|ar)|atropell(?:ad[oa]s?|ó|aron|amiento)"
    ),
)
