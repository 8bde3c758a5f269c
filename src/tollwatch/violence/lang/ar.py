"""Arabic: the event-cue rows and stems of `tollwatch.violence`.

Patterns are lower-case-safe (Arabic has no case) and take an optional clitic prefix
(و ف ب ل ك ال, read/script.py): "بقصف", "والاشتباكات".
"""

from __future__ import annotations

from ...read.script import CLITIC, with_clitics
from .base import CueRule, ViolenceWords


def _w(*words: str) -> str:
    return with_clitics(words)


_ARMED = (
    r"(?:قوات|عناصر|مقاتل|مسلح|تنظيم|داعش|الفصائل|فصائل|الجيش|جيش|الميليشيات|ميليشيا"
    r"|الطيران|طائرات|مسيرة|هيئة)"
)

_JUDGED = "".join(
    rf"(?<!{word}\s)"
    for word in ("تقضي", "يقضي", "قضت", "قضى", "حكم", "حكما", "حكماً", "أحكام", "احكام", "الحكم")
)

CUE_RULES: tuple[CueRule, ...] = (
    CueRule(_w("تفجير انتحاري", "هجوم انتحاري", "انتحاري", "انتحارية"),
            "explosion_remote_violence", "suicide_bomb", 1.0),
    CueRule(_w("غارة جوية", "غارات جوية", "غارة", "غارات", "قصف جوي", "ضربة جوية",
               "ضربات جوية", "طائرة مسيرة", "طائرات مسيرة", "برميل متفجر", "براميل متفجرة"),
            "explosion_remote_violence", "air_strike", 1.0),
    CueRule(_w("عبوة ناسفة", "عبوات ناسفة", "لغم", "ألغام", "الغام"),
            "explosion_remote_violence", "ied", 1.0),
    CueRule(_w("سيارة مفخخة", "مفخخة", "انفجار", "تفجير", "قصف", "قذائف", "قذيفة",
               "صواريخ", "صاروخ", "قصف مدفعي"),
            "explosion_remote_violence", "remote_explosive", 0.9,
            # what a court convicts of: "مدان بتفجير", "بتهمة التخطيط لتفجير"
            figurative_before=r"(?:مدان|مدانين|متهم\S*|بتهمة|إدانة|ادانة|التخطيط|بالتخطيط)\s+$"),
    CueRule(_w("كمين"), "battle", "ambush", 1.0),
    CueRule(_w("اشتباكات", "اشتباك", "معارك", "مواجهات", "اقتتال"), "battle", "armed_clash",
            0.9),
    # not a court's sentence: "تقضي بإعدام مدان", "حكماً بالإعدام", "أحكام بالإعدام"
    CueRule(_JUDGED + _w("إعدام", "اعدام", "أعدم", "ذبح", "مجزرة", "مجازر"),
            "violence_against_civilians", "attack", 1.0,
            # the sports pages' rout: "مجزرة كروية", "مجزرة تهديفية" (a goal feast)
            figurative_after=r"\s+(?:ال)?(?:كروي|رياضي|تهديفي|أهداف|اهداف)\S*"),
    CueRule(_w("اختطاف", "اختطف", "خطف", "مختطفين"), "violence_against_civilians",
            "abduction", 1.0),
    CueRule(_w("اغتيال", "اغتيل", "اغتال", "اغتالت", "استهداف", "استهدف", "هجوم", "هجمات", "اعتداء",
               "إطلاق نار", "اطلاق نار", "رصاص", "برصاص", "قنص", "قناص"),
            "other", "attack", 0.85),
    CueRule(_w("مقتل", "قتل", "قتلى", "قتيلا", "مصرع", "جرحى", "إصابة", "استشهاد", "شهداء",
               "استشهد", "استشهدت", "استشهدوا", "استُشهد"),
            "other", "attack", 0.6, boost_near=_ARMED, boost_to=0.85),
    # an army's "neutralised" and "eliminated" of its kills ("تحييد 14 إرهابياً",
    # "القضاء على 5 مسلحين"): violence only near armed men, never "القضاء على الفقر"
    CueRule(_w("تحييد", "القضاء على"), "other", "attack", 0.3, boost_near=_ARMED,
            boost_to=0.85),
)

# each stem with its clitic prefix: the candidate pattern starts at a word boundary, and
# "وقُتل" or "الاشتباك" have none before the stem
CANDIDATE = CLITIC + "(?:" + (
    r"قتل|قتيل|مقتل|مصرع|لقي|جرح|جريح|إصاب|اصاب|أصيب|ضحاي|شهيد|شهداء|استشهاد|استشهد"
    r"|استُشهد|جثث|جثة|بحياة|أعدم|اعدم|اغتال"
    r"|إعدام|اعدام|اغتيال|قصف|غار|اشتباك|معارك|هجوم|هجمات|تفجير|انفجار|مفخخ|عبوة|كمين"
    r"|اختطاف|خطف|استهداف|مجزرة|قذائف|صواريخ|رصاص|فارق|توفي|طلقات|تصفية|تحييد|القضاء\s+على"
) + ")"

WORDS = ViolenceWords(
    code="ar", cues=CUE_RULES, candidate=CANDIDATE, negation=r"لا|لم|دون|بدون|عدم",
    hypothetical=r"يهدد|هدد|تهدد|قد|يخطط|تخطط",
    accident=(
        r"زلزال|الزلزال|فيضانات|الفيضانات|سيول|السيول|حادث(?:ة)?\s+سير|حوادث\s+(?:ال)?سير"
        r"|حادث(?:ة)?\s+مروري(?:ة)?|حوادث\s+(?:ال)?مرور"
        # "حادث" alone is any incident ("في حادث منفصل", "حادث إطلاق نار"): not an accident
        # (nor is "حادثة" alone); a vehicle overturned is ("حادثة انقلاب مركبة")
        r"|حادث(?:ة)?\s+(?:انقلاب|تصادم|غرق)"
        r"|انقلاب\s+(?:ال)?(?:حافلة|سيارة|شاحنة|مركبة|ميكروباص|باص|عجلة|قارب|جرار)|انهيار"
        r"|غرق|حريق|وباء|كورونا|الكوليرا"
        # a gas cylinder or a leak, a short circuit, lightning: "انفجار أسطوانة غاز"
        r"|[أا]سطوان\S*\s+(?:ال)?غاز|تسرب\S*\s+(?:(?:في|من)\s+)?(?:\S+\s+)?(?:ال)?غاز"
        r"|ماس\s+كهربائي|صاعقة"
        # a collision of trains or cars, not an armed clash ("تصادم مسلح")
        r"|(?:تصادم|اصطدام)(?!\s+مسلح)"
    ),
)
