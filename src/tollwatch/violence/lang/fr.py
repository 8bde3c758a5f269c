"""French: the event-cue rows and stems of `tollwatch.violence`."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

_ARMED = (
    r"\b(?:hommes\s+armés|individus\s+armés|assaillants|jihadistes|djihadistes|terroristes"
    r"|rebelles|insurgés|miliciens|milices?|soldats|militaires|armée|gendarmes|policiers"
    r"|séparatistes|combattants|bandits|groupes?\s+armés?)\b"
)

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"attentats?[- ]suicides?|kamikazes?", "explosion_remote_violence", "suicide_bomb",
            1.0),
    CueRule(r"frappes?\s+(?:aériennes?\s+|de\s+drones?\s+)?|bombardements?\s+aériens?"
            r"|raids?\s+aériens?", "explosion_remote_violence", "air_strike", 1.0),
    CueRule(r"engins?\s+explosifs?(?:\s+improvisés?)?|mines?\s+artisanales?",
            "explosion_remote_violence", "ied", 1.0),
    CueRule(r"voitures?\s+piégées?|explosions?|attentats?(?:\s+à\s+la\s+bombe)?|bombes?"
            r"|obus|tirs\s+d'artillerie|roquettes?", "explosion_remote_violence",
            "remote_explosive", 0.9),
    CueRule(r"embuscades?", "battle", "ambush", 1.0),
    CueRule(r"affrontements?|combats?|accrochages?|échanges?\s+de\s+tirs|fusillades?",
            "battle", "armed_clash", 0.9),
    CueRule(r"exécut(?:ée?s?|ions?)|égorgée?s?|décapitée?s?|massacres?|tueries?",
            "violence_against_civilians", "attack", 1.0),
    CueRule(r"enlèvements?|enlevée?s?|kidnapp\w+|otages?", "violence_against_civilians",
            "abduction", 1.0),
    CueRule(r"viols?|violée?s?", "violence_against_civilians", "sexual_violence", 1.0),
    CueRule(r"lynchée?s?|lynchages?", "other", "mob_violence", 0.8),
    CueRule(r"incendiée?s?|incendi(?:ent|èrent)", "other", "arson", 0.9),
    CueRule(r"attaques?|attaquée?s?|assauts?|pris\s+d'assaut|raids?", "other", "attack", 0.85),
    CueRule(r"tuée?s|tué|tuant|abattue?s?|assassinée?s?|assassinats?|neutralisée?s?"
            r"|par\s+balles?|criblée?s?\s+de\s+balles|ont\s+ouvert\s+le\s+feu",
            "other", "attack", 0.85,
            # "les pluies qui se sont abattues": rain falls, nobody is shot
            figurative_before=r"(?:se\s+sont|s'est|s'étaient|s'était)\s+$"),
    CueRule(r"morts?|mortes|corps\s+sans\s+vie|cadavres?|blessée?s?", "other", "attack", 0.6,
            boost_near=_ARMED, boost_to=0.85),
)

CANDIDATE = (
    r"morts?\b|mortes\b|tu[ée]e?s?\b|tuant|bless[ée]|attaqu|attentat|embuscade|frappe|"
    r"bombard|explos|affrontement|combats?\b|accrochage|fusillade|exécut|égorg|décapit|"
    r"massacr|tuerie|enlev|enlèvement|kidnapp|otage|abattu|assassin|neutralis|assaillant|"
    r"jihadist|djihadist|terroris|obus|roquette|cadavre|perdu la vie|d[ée]c[èe]s|"
    r"victimes|d[ée]c[ée]d|succomb|p[ée]ri\b|bilan|fusill|la\s+vie\b"
    # bodies counted ("21 corps", "quatre autres corps"), not "security corps"
    r"|(?:\d+|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|autres|vingtaine"
    r"|dizaine|dizaines))\s+(?:autres\s+)?corps\b"
)

WORDS = ViolenceWords(
    code="fr", cues=CUE_RULES, candidate=CANDIDATE, negation=r"aucune?|sans|ni|pas\s+de",
    hypothetical=r"menac\w*|projet\w*|pourrai\w*|aurai\w*\s+pu",
    accident=(
        r"inondations?|pluies?\s+torrentielles|crues?|séismes?|tremblements?\s+de\s+terre"
        r"|glissements?\s+de\s+terrain|naufrages?|accidents?\s+de\s+la\s+route|accidents?"
        r"|effondrements?|épidémies?|choléra|incendies?(?!\s+(?:criminels?|volontaires?|d'origine\s+criminelle))|collisions?|noyée?s?"
        r"|cyclones?|tempêtes?|ouragans?|tornades?"
    ),
)
