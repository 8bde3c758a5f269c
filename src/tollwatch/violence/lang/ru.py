"""Russian: the event-cue rows and stems of `tollwatch.violence` (lower case: the
detector reads lower-cased text)."""

from __future__ import annotations

from .base import CueRule, ViolenceWords

_ARMED = (
    r"обстрел|удар|атак|боевик|военн|войск|армии|всу|вс\s+рф|дрон|беспилотник|ракет"
    r"|нападавш|террорист"
)

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(r"смертни\w+|теракт\w*", "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(r"авиаудар\w*|авиабомб\w*|авиаци\w+\s+удар\w*|управляем\w+\s+авиабомб\w*",
            "explosion_remote_violence", "air_strike", 1.0),
    CueRule(r"ракетн\w+\s+удар\w*|удар\w*\s+(?:беспилотник\w*|дрон\w*|ракет\w*)"
            r"|атак\w+\s+(?:беспилотник\w*|дрон\w*)|беспилотник\w*|дрон\w*|ракет\w*"
            r"|обстрел\w*|обстрелял\w*|артобстрел\w*|снаряд\w*|мин\w+\s+обстрел\w*",
            "explosion_remote_violence", "shelling", 1.0),
    CueRule(r"взрывн\w+\s+устройств\w*|самодельн\w+\s+взрывн\w+", "explosion_remote_violence",
            "ied", 1.0),
    CueRule(r"взрыв\w*", "explosion_remote_violence", "remote_explosive", 0.6,
            boost_near=_ARMED, boost_to=0.85),
    CueRule(r"засад\w+", "battle", "ambush", 1.0),
    CueRule(r"бо(?:и|ев|ях|ями)|столкновени\w+|перестрелк\w+|вооруженн\w+\s+конфликт\w*"
            r"|вооружённ\w+\s+конфликт\w*|боестолкновени\w+",
            "battle", "armed_clash", 0.9),
    CueRule(r"расстрел\w*|казн\w+", "violence_against_civilians", "execution", 1.0),
    CueRule(r"похищ\w+|похитил\w*|заложник\w*", "violence_against_civilians", "abduction", 1.0),
    CueRule(r"нападени\w+|напал\w*|атак\w+|штурм\w*", "other", "attack", 0.85),
    CueRule(r"убит\w*|убил\w*|застрел\w+|уничтожен\w*|ликвидирован\w*|нейтрализован\w*",
            "other", "attack", 0.85),
    CueRule(r"погиб\w*|ранен\w*|пострадал\w*|пострадавш\w+", "other", "attack", 0.6,
            boost_near=_ARMED, boost_to=0.85),
)

CANDIDATE = (
    r"погиб|убит|убил|ранен|пострадал|пострадавш|обстрел|удар|атак|нападени|напал|взрыв"
    r"|ракет|беспилотник|дрон|снаряд|бо[иея]\b|боях|столкновени|перестрелк|засад|теракт"
    r"|смертни|расстрел|похищ|похитил|заложник|уничтож|ликвидир|нейтрализ|застрел|скончал"
    r"|жертв|тела\b|гибел|потери\b"
)

WORDS = ViolenceWords(
    code="ru", cues=CUE_RULES, candidate=CANDIDATE,
    negation=r"не|нет|без|никто|ни\s+одного",
    hypothetical=r"угрожа\w*|может|могут|планир\w*|пригрози\w*",
    accident=(
        r"дтп|авари\w+|столкновени\w+\s+(?:легков\w+|автомобил\w+|грузовик\w*|поезд\w*|автобус\w*)"
        r"|с\s+грузовиком|наводнени\w+|землетрясени\w+|пожар\w*|метан\w*|шахт\w+|обрушени\w+"
        r"|утонул\w*|крушени\w+|авиакатастроф\w+|ураган\w*|ливн\w+|эпидеми\w+|отравлени\w+"
        r"|промышленной\s+безопасности"
    ),
)
