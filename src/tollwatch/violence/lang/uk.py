"""Ukrainian: the event-cue rows and stems of `tollwatch.violence` (lower case: the
detector reads lower-cased text)."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

_ARMED = (
    r"обстріл|удар|атак|бойовик|військ|армі|окупант|росіян|зсу|дрон|безпілотник|ракет"
    r"|нападник|терорист|авіабомб|каб\b"
)

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"смертни\w+|теракт\w*", "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(r"авіаудар\w*|авіабомб\w*|авіаційн\w+\s+бомб\w*|керован\w+\s+авіабомб\w*|каб",
            "explosion_remote_violence", "air_strike", 1.0),
    CueRule(r"ракетн\w+\s+удар\w*|удар\w*\s+(?:безпілотник\w*|дрон\w*|ракет\w*)"
            r"|атак\w+\s+(?:безпілотник\w*|дрон\w*)|безпілотник\w*|дрон\w*|ракет\w*|шахед\w*"
            r"|обстріл\w*|обстріля\w*|гатили|снаряд\w*|масован\w+\s+атак\w*",
            "explosion_remote_violence", "shelling", 1.0),
    CueRule(r"вибухов\w+\s+пристр\w+", "explosion_remote_violence", "ied", 1.0),
    CueRule(r"вибух\w*", "explosion_remote_violence", "remote_explosive", 0.6,
            boost_near=_ARMED, boost_to=0.85),
    CueRule(r"засідк\w+", "battle", "ambush", 1.0),
    CueRule(r"бо(?:ї|їв|ях|ями)|зіткненн\w+|перестрілк\w+|збройн\w+\s+конфлікт\w*"
            r"|боєзіткненн\w+|штурм\w*",
            "battle", "armed_clash", 0.9),
    CueRule(r"розстріл\w*|страт\w+", "violence_against_civilians", "execution", 1.0),
    CueRule(r"викраден\w+|викрал\w*|заручник\w*", "violence_against_civilians", "abduction",
            1.0),
    CueRule(r"напад\w*|атак\w+|вдари\w*|удар\w*", "other", "attack", 0.85),
    CueRule(r"вбит\w*|вбил\w*|вбив\w*|убит\w*|застрел\w+|ліквідован\w*|ліквідува\w+|знищен\w*",
            "other", "attack", 0.85),
    CueRule(r"загин\w*|загибл\w*|поранен\w*|постражда\w*|травмован\w*", "other", "attack", 0.6,
            boost_near=_ARMED, boost_to=0.85),
)

CANDIDATE = (
    r"загин|загибл|вбит|вбил|вбив|убит|поранен|постражд|травмов|обстріл|удар|атак|напад|вибух"
    r"|ракет|безпілотник|дрон|шахед|снаряд|авіабомб|бо[їя]|зіткненн|перестрілк|засідк|теракт"
    r"|смертни|розстріл|викрад|заручник|знищ|ліквідов|ліквідув|застрел|помер|жертв|тіла\b|втрати\b"
)

WORDS = ViolenceWords(
    code="uk", cues=CUE_RULES, candidate=CANDIDATE,
    negation=r"не|немає|без|ніхто|жодного",
    hypothetical=r"погрож\w*|може|можуть|планує\w*|планують",
    accident=(
        r"дтп|аварі\w+|зіткнувся|зіткнулися|наїзд\w*|пожеж\w+|метан\w*|шахт\w+|обвал\w*"
        r"|утонул\w*|потонул\w*|катастроф\w+|повін\w*|землетрус\w*|отруєнн\w+|епідемі\w+"
        # a collision of vehicles ("зіткнення мікроавтобуса з вантажівкою"), not of forces
        r"|зіткненн\w+\s+(?:легков\w+|автомобіл\w+|вантажівк\w*|мікроавтобус\w*|автобус\w*"
        r"|потяг\w*|поїзд\w*)|з\s+вантажівкою"
    ),
)
