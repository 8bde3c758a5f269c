"""Arabic: the words of the casualty grammar (`tolls/clauses.py`).

Words are written bare and matched with an optional clitic prefix (و ف ب ل ك ال,
`read/script.py`): "والقتلى", "بمقتل". Arabic-Indic digits are folded to ASCII by the
reader (`read/script.fold_digits`), so "١٢" is read as 12.
"""

from __future__ import annotations

from ...read.script import with_clitics
from .base import TollWords

NUMBERS: dict[str, int] = {
    "واحد": 1, "شخص": 1, "اثنان": 2, "اثنين": 2, "شخصان": 2, "شخصين": 2, "ثلاثة": 3,
    "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7,
    "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50, "مئة": 100,
    "مائة": 100,
    # "one of": "قتل أحد المهاجمين" (one of the attackers was killed); bare, never with
    # the article, so "الأحد" (Sunday) is no figure
    "أحد": 1, "احد": 1, "إحدى": 1, "احدى": 1,
}  # fmt: skip

# The units as they stand before "عشر" and in compounds: masculine and feminine forms.
_UNITS: dict[int, tuple[str, ...]] = {
    3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع", "اربعة", "اربع"), 5: ("خمسة", "خمس"),
    6: ("ستة", "ست"), 7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني", "ثمان"), 9: ("تسعة", "تسع"),
}  # fmt: skip
_TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين", "اربعين"),
    50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
}  # fmt: skip


def _compounds() -> dict[str, int]:
    """11 to 99 and the hundreds in words: "خمسة عشر" (15, not 10), "إحدى عشرة", "اثنا
    عشر", "ثلاثة وعشرون" (23, not 3 + 20), "ستين", "مئتين", "ثلاثمئة"."""
    out: dict[str, int] = {}
    units = {1: ("واحد", "أحد", "احد", "إحدى", "احدى"),
             2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"),
             **_UNITS}  # fmt: skip
    for value, words in units.items():
        for unit in words:
            for ten in ("عشر", "عشرة"):
                out[f"{unit} {ten}"] = 10 + value
    for ten_value, tens in _TENS.items():
        for ten in tens:
            out[ten] = ten_value
            for value, words in units.items():
                for unit in words:
                    out[f"{unit} و{ten}"] = ten_value + value
    out.update({"مئتين": 200, "مئتان": 200, "مائتين": 200, "مائتان": 200, "مئتي": 200,
                "مائتي": 200})
    for value, words in _UNITS.items():
        for hundred in ("مئة", "مائة"):
            stem = "ثمان" if value == 8 else words[1]
            out[stem + hundred] = value * 100  # "ثلاثمئة", "خمسمائة", "ثمانمئة"
    return out


NUMBERS.update({k: v for k, v in _compounds().items() if k not in NUMBERS})

# Nouns whose plural is broken (جندي, plural جنود): their dual ("جنديان", "جنديين") can
# only mean two, and their bare singular after a killing word means one ("مقتل جندي",
# "اغتيال ضابط"). Nouns whose plural is the sound -ين ("مدنيين", "مسلحين") are left out:
# unvocalised, their dual and plural are spelled alike.
_BROKEN_PLURAL_PERSONS = (
    "جندي", "ضابط", "طفل", "شاب", "رجل", "عنصر", "شقيق", "قيادي", "عسكري", "طبيب",
    "قاض", "راع", "مختار", "زعيم", "أمير", "حارس", "قتيل", "جريح", "أسير",
)
_BROKEN_PLURAL_WOMEN = ("امرأة", "فتاة", "طفلة", "سيدة", "شابة", "طالبة")
# Nouns of the sound plural: only their nominative dual in -ان is theirs alone ("قتل
# مدنيان", two civilians); the oblique -ين is spelled as the plural and stays out.
_SOUND_PLURAL_PERSONS = (
    "مدني", "مسلح", "مواطن", "مقاتل", "صحفي", "مسعف", "موظف", "مزارع", "شرطي", "ناشط",
    "مستوطن", "صياد", "معلم", "مسن", "حوثي",
    # a nationality's nisba names its people too: "استشهد فلسطينيان", "قتل لبنانيان"
    "فلسطيني", "لبناني", "سوري", "عراقي", "يمني", "سوداني", "ليبي", "مصري", "أردني",
    "إسرائيلي", "تركي", "كردي", "صومالي", "إيراني", "أفغاني",
)


def _duals() -> dict[str, int]:
    """Each person noun's dual, nominative and oblique: "جنديان", "جنديين", "امرأتين"."""
    out: dict[str, int] = {}
    for noun in _BROKEN_PLURAL_PERSONS:
        out[noun + "ان"] = out[noun + "ين"] = 2
    for noun in _BROKEN_PLURAL_WOMEN:
        out[noun[:-1] + "تان"] = out[noun[:-1] + "تين"] = 2
    for noun in _SOUND_PLURAL_PERSONS:
        out[noun + "ان"] = 2
        # with the number after it, either case is two: "مقتل مدنيين اثنين"
        out[noun + "ين اثنين"] = out[noun + "ان اثنان"] = 2
    return out


# The bare singular names one person; "قتيل" and "جريح" are outcome words, not victims.
# A final ya is often written as alif maqsura ("مقتل جندى", Egyptian spelling): both.
SINGULARS: dict[str, int] = {
    spelling: 1 for noun in (*_BROKEN_PLURAL_PERSONS, *_BROKEN_PLURAL_WOMEN, "ثالث", "رابع")
    if noun not in ("قتيل", "جريح")
    for spelling in ((noun, noun[:-1] + "ى") if noun.endswith("ي") else (noun,))
}
# A person and his or her kin, told as one victim phrase: "قتلت امرأة وطفلها" (a woman
# and her child), "قتل رجل وابنه": two.
_KIN = ("طفل", "ابن", "ابنت", "زوج", "زوجت", "شقيق", "شقيقت", "والد", "والدت", "حفيد")


def _with_kin() -> dict[str, int]:
    """Each singular person noun with "and his/her" kin: "امرأة وطفلها", "رجل وزوجته"."""
    return {f"{noun} و{kin}{pronoun}": 2 for noun in SINGULARS for kin in _KIN
            for pronoun in ("ه", "ها")}


NUMBERS.update(_duals())
# The dual of an outcome word is its own count: "أدت الغارة إلى سقوط شهيدين" (two
# martyrs), read as a figure only after "سقوط" / "ارتقاء" (`_KILLED_NOUNS`)
_DEAD_DUALS = ("شهيدين", "شهيدان", "قتيلين", "قتيلان")
NUMBERS.update(dict.fromkeys(_DEAD_DUALS, 2))
NUMBERS.update(SINGULARS)
NUMBERS.update(_with_kin())

VAGUE: dict[str, int] = {
    "عشرات": 24, "العشرات": 24, "مئات": 200, "المئات": 200, "آلاف": 2000, "الآلاف": 2000,
    "عدة": 3, "عدد من": 3,
}  # fmt: skip

# The dead and the wounded counted together: "سقوط 45 قتيلا وجريحا", "191 شخصا ما بين
# قتيل وجريح", "مقتل وإصابة 23": the figure is neither a toll of the dead nor of the
# wounded, so a killed word joined to a wounded word (either way round) binds nothing.
_HURT = r"(?:جريح|جرحى|مصاب|إصاب|اصاب)"
_DEAD = r"(?:قتيل|قتلى|شهيد|شهداء)"
_NOT_HURT_TOO = rf"(?!\s*و\s*{_HURT})"
_NOT_DEAD_BEFORE = "".join(
    rf"(?<!{dead}\s)" for dead in ("قتيلا", "قتيلاً", "قتيل", "قتلى", "شهيدا", "شهيداً")
)
_KILLED_AFTER = with_clitics([
    "قتلى", "قتيلا", "قتيلاً", "قتيل", "قتلوا", "قتلن", "حتفهم", "مصرعهم", "ضحايا", "ضحية",
    "شهداء", "شهيدا", "شهيداً",
    "جثث", "جثة", "وفيات",
    # the dual passive after its subject: "إن جنديين من الجيش قتلا" (were killed)
    "قتلا", "قتلتا", "استشهدا", "استشهدتا", "استشهدوا",
    # the dual of an outcome word is its own outcome: "سقط قتيلان وخمسة جرحى" (two dead
    # and five wounded; `clauses._own_outcome`)
    *_DEAD_DUALS,
]) + _NOT_HURT_TOO + (
    # the singular passive after its subject, where a circumstance follows it: "أن أحد
    # مقاتليها قتل خلال الاشتباك" (not "بقتل", not "قتل شاب": no clitic, no object)
    r"|(?<!\S)(?:قتل|قُتل|قتلت|قُتلت)(?=\s+(?:خلال|في|جراء|إثر|اثر|أثناء|بنيران|برصاص|بقصف"
    r"|بانفجار|متأثر\S*)(?!\S)|\s*[،,.]|$)"
)
# The same, as words the grammar never reads (`TollWords.mixed`, blanked before any rule):
# "12 قتيلاً وجريحاً" (with the tanween the lookahead above cannot see past), "عشرات
# القتلى والجرحى", "9 ضحايا بين قتيل وجريح", "مقتل وجرح 14", "قتل وأصيب 17", "إصابة
# ومقتل 8". A later split ("بينهم 5 قتلى") is read as usual.
_MIXED = (
    rf"(?:(?:ضحايا|ضحية|إصابات|اصابات)\s+)?(?:ما\s+)?(?:بين\s+)?[وف]?(?:ال)?{_DEAD}\S*"
    rf"\s*و\s*(?:ال)?{_HURT}\S*"
    r"|[وف]?[بل]?(?:مقتل|قتل|قُتل|استشهاد|استشهد)\s+و\s*(?:جرح|جُرح|إصابة|اصابة|أصيب|أُصيب|اصيب)\S*"
    r"|[وف]?[بل]?(?:إصابة|اصابة|جرح)\s+و\s*(?:مقتل|قتل|استشهاد)"
)
_WOUNDED_AFTER = _NOT_DEAD_BEFORE + with_clitics([
    "جرحى", "جريحا", "جريحاً", "مصابين", "مصابا", "مصاباً", "إصابات", "اصابات",
])
# A verb may have its subject before its object, as news Arabic writes (verb, subject,
# object): "أعدم تنظيم داعش ستة مدنيين", "اغتال مسلحون ثلاثة", "قتلت قوات النظام خمسة".
_SUBJECT = (
    r"(?:\s+(?:مسلحون|مسلحين|مجهولون|مجهولين|مسلح|داعش|(?:تنظيم|عناصر|قوات|القوات|جماعة|حركة"
    r"|الجيش|الطيران|طائرات|طائرة|مقاتلو|مقاتلون|مسيرة|غارة|غارات|قصف)"
    # a party of two words after its head: "قتلت قوات الدعم السريع 15 مدنيا"
    r"(?:\s+[^\s\d]+){0,2}))?"
)
# Whom an army's "neutralised" kills: armed men, never things ("القضاء على 5 ملفات").
# (the end of the text, "\Z", lets the word alone be named a noun of the killed)
_ARMED_MEN = (
    r"(?:\Z|(?=(?:\s+\S+){0,6}?\s+[\"“«]?(?:من\s+)?[وفبل]?(?:ال)?(?:عنصر|عناصر|مسلح|إرهابي|ارهابي|مقاتل"
    r"|متمرد|تكفيري|جند|جنود|مرتزق|حوثي|خوارج|قيادي|قادة|مهاجم|انتحاري|متطرف|داعشي|مطلوب"
    r"|المستنفرين|مستنفر|ميليشيا|الميليشيا|أفراد|افراد|أعضاء|اعضاء)))"
)
_KILLED_VERBS = (
    r"[وف]?(?:قتل|قُتل|قتلت|قُتلت|قتلوا|تقتل|يقتل|لقي|لقيت|لقوا|استشهد|استُشهد|قضى|أعدم|أعدمت|اغتال|اغتيل)"
    + _SUBJECT
    # an army's "neutralised" and "finished off": "حيّد الجيش 14 مسلحاً", "قضت القوات
    # على 18 عنصراً" (a claim of the side that did it: `_FORCES_KILLED`)
    + r"|[وف]?(?:حيد|حيّد|حيدت|حيّدت)" + _SUBJECT + _ARMED_MEN
    + r"|[وف]?(?:قضى|قضت|قضوا|قضينا|تقضي|يقضي)" + _SUBJECT + r"\s+على" + _ARMED_MEN
)
# The words only the killing side uses of its own kills, state forces above all:
# "تحييد 14 إرهابياً" (neutralised), "القضاء على 5 مسلحين" (eliminated), "قضت القوات
# على 18 عنصراً": a figure after them is that side's claim, not the report's own toll.
_FORCES_KILLED = (
    r"(?<!\S)[وفبل]?(?:ال)?(?:تحييد|قضاء\s+على)(?!\S)"
    r"|(?<!\S)[وف]?(?:حيد|حيّد|حيدت|حيّدت|قضى|قضت|قضوا|قضينا|تقضي|يقضي)(?:\s+\S+){0,3}?\s+على(?!\S)"
)
# A court's sentence is no death: "الحكم بإعدام 5 مدانين", "قضت المحكمة بإعدام" (the
# noun after a word of judgement, with or without its preposition)
_SENTENCED = "".join(
    rf"(?<!{word}\s)(?<!{word}\sب)"
    for word in ("تقضي", "يقضي", "قضت", "حكم", "حكما", "حكماً", "أحكام", "احكام", "الحكم",
                 "المحكمة", "بالحكم")
)
_KILLED_NOUNS = _SENTENCED + with_clitics([
    # not "سقوط" (a fall): it binds a figure only with its outcome word ("سقوط 23
    # قتيلاً"), never alone ("سقوط 12 صاروخاً", or a blanked "قتيلاً وجريحاً")
    "مقتل", "مصرع", "استشهاد", "وفاة", "قتل", "إعدام", "اعدام", "اغتيال", "تصفية",
    "حصيلة القتلى", "عدد القتلى", "حصيلة الضحايا",
]) + rf"(?!\s+(?:\S+\s+){{1,3}}?{_DEAD}\S*\s*و\s*{_HURT})" + (
    # an army's "neutralised", "eliminated" of armed men (`_FORCES_KILLED`)
    r"|(?:" + with_clitics(["تحييد", "القضاء على"]) + ")" + _ARMED_MEN
) + (
    r"|(?<!\S)بحياة"  # "أودى الهجوم بحياة خمسة جنود"
    # the fall of two martyrs, the dual its own count: "أدت إلى سقوط شهيدين" (not
    # "سقوط شهيدين وجريح", the dead and the hurt together)
    # (the end of the text, "\Z", lets the word alone be named a noun of the killed)
    rf"|(?<!\S)[وفبل]?(?:ال)?(?:سقوط|ارتقاء)(?:(?=\s+(?:{'|'.join(_DEAD_DUALS)})(?!\w)"
    rf"(?!\s*و\s*{_HURT}))|\Z)"
    # a toll raised to a bare figure: "تعلن ارتفاع حصيلة القتلى إلى 13", "ارتفع عدد
    # القتلى في القصف إلى 27" (no outcome word after the figure)
    # (or reached it: "أن عدد القتلى بلغ 40 شخصا"; a running total names its dead at
    # length: "يرتفع عدد قتلى قوات النظام ... منذ مطلع العام الجاري إلى 112")
    r"|(?:حصيلة|عدد)\s+(?:ال)?(?:قتلى|ضحايا)\s+(?:\S+\s+){0,12}?(?:إلى|الى|بلغ|بلغت)(?!\S)"
)

# "أعلنت جماعة ...", "أعلن تنظيم ...": an armed party as the one who announces.
_PARTIES = (
    r"(?:جماعة|تنظيم|حركة|ميليشيا|ميليشيات|فصائل|فصيل|كتائب|سرايا|الحوثيون|الحوثي"
    r"|داعش|هيئة\s+تحرير\s+الشام|حزب\s+الله|قوات\s+الدعم\s+السريع|الدعم\s+السريع"
    r"|قسد|قوات\s+سوريا\s+الديمقراطية)"
)
_ANNOUNCE = r"(?:أعلن|اعلن|أعلنت|اعلنت|يعلن|يعلنون|تعلن)"
# a coalition at war speaks as an army does: "التحالف: مقتل 90 حوثياً"
_ARMY = r"(?:الجيش|القوات\s+المسلحة|الجيش\s+الوطني|التحالف|تحالف\s+دعم\s+الشرعية)"
# A party's members named by its nisba: "مقتل أكثر من 90 حوثياً", "عشرات الحوثيين"
_PARTY_MEMBERS = rf"(?:{_PARTIES}|(?:ال)?حوثي(?:ين|ون|اً|ًا|ا))"
# Names for the enemy dead that only the side that killed them uses: "أعلن الجيش مقتل
# 20 إرهابياً", "تصفية 12 متمرداً", "مقتل 30 من المرتزقة": the figure is that side's
# claim, whoever reports it. Plural or after a figure only: "هجوم إرهابي" is no victim.
_ENEMY_WORDS = (
    r"(?:ال)?(?:إرهابي|ارهابي|تكفيري|متمرد)(?:ين|ون|اً|ًا|ا)|(?:ال)?مرتزقة|(?:ال)?خوارج"
)
# Its own fighters as the subject of a killing verb with an object: "قالت قسد إن
# مقاتليها ... وقتلوا سبعة من عناصرها" (not "قُتلوا في", which is their own death)
_OWN_FIGHTERS_KILLED = (
    r"(?:مقاتلي|قوات|عناصر|جنود|وحدات)(?:ها|ه)\s+(?:\S+\s+){0,15}?[وف]?(?:قتلوا|قتلت)\s+"
    r"(?!(?:في|خلال|جراء|إثر|اثر|أثناء|بنيران|برصاص|بقصف)(?!\S))\S+"
)
# The months, as the running totals name their start ("منذ السابع من أكتوبر")
_MONTH = (
    r"(?:كانون\s+(?:الثاني|الأول)|تشرين\s+(?:الأول|الثاني)|يناير|شباط|فبراير|[آا]ذار|مارس"
    r"|نيسان|[أا]بريل|[أا]يار|مايو|حزيران|يونيو|تموز|يوليو|آب|[أا]غسطس|[أا]يلول|سبتمبر"
    r"|[أا]كتوبر|نوفمبر|ديسمبر)(?!\S)"
)
_PARTY_ANNOUNCES = (
    rf"(?:[وف]?{_ANNOUNCE}\s+(?:\S+\s+)?{_PARTIES}|{_PARTIES}\s+(?:\S+\s+)?{_ANNOUNCE})"
)

WORDS = TollWords(
    code="ar",
    name="Arabic",
    numbers=NUMBERS,
    vague=VAGUE,
    # (with the accusative tanween after a figure: "70 ألفًا و373 شهيدًا")
    multipliers={"ألف": 1000, "آلاف": 1000, "مليون": 1_000_000, "ألفا": 1000, "ألفاً": 1000,
                 "ألفًا": 1000, "الف": 1000, "الفا": 1000},
    precheck=(
        r"قتل|قتيل|مقتل|مصرع|لقي|جرح|جريح|إصاب|اصاب|أصيب|اصيب|مصاب|ضحاي|شهيد|شهداء"
        r"|بحياة|استشهاد|استشهد|استُشهد|جثث|جثة|وفاة|وفيات|فارق|توفي|إعدام|اعدام|أعدم|اغتيال|اغتال|حصيلة|اختطاف|خطف"
        r"|تصفية|تحييد|حيد|حيّد|قضاء|قضى|قضت|قضوا|قضينا"
    ),
    qualifiers={
        "least": r"ما\s+لا\s+يقل\s+عن|على\s+الأقل",
        "more": r"أكثر\s+من|اكثر\s+من|ما\s+يزيد\s+عن|ما\s+يزيد\s+على",
        "about": r"نحو|حوالي|حوالى|قرابة|زهاء",
    },
    outcomes={
        "killed": _KILLED_AFTER,
        "wounded": _WOUNDED_AFTER,
        "abducted": with_clitics(["مختطفين", "مخطوفين", "رهائن"]),
        "missing": with_clitics(["مفقودين", "مفقودا", "مفقوداً"]),
    },
    verbs={
        "killed": _KILLED_VERBS,
        "wounded": r"[وف]?(?:أصيب|أُصيب|اصيب|أصيبت|جرح|جُرح)",
        "abducted": r"[وف]?(?:اختطف|خطف|اختُطف)",
    },
    leaves=r"[وف]?(?:خلف|خلّف|أسفر\s+عن|اسفر\s+عن|أوقع|اوقع|أدى\s+إلى|ادى\s+الى)",
    nouns={
        "killed": _KILLED_NOUNS,
        # not "مقتل وإصابة 23" (the dead and the wounded together)
        "wounded": r"(?<!مقتل\s)(?<!استشهاد\s)" + with_clitics(["إصابة", "اصابة", "جرح", "وإصابة"]),
        "abducted": with_clitics(["اختطاف", "خطف"]),
    },
    conjunctions=r"و",
    auxiliaries=(
        r"في|على|إلى|الى|خلال|جراء|إثر|اثر|بعد|قرب|يوم|أمس|اليوم|فجر|صباح|مساء|ليلة"
        r"|بينهم|بينهن|منهم|وذلك|حيث|التي|الذي|كما|أن|إن|قد|لا"
        # a word with the preposition بـ or لـ joined is no longer the victim: "بقصف لقوات"
        r"|[بل][^\W\d_]{3,}"
    ),
    cues={
        "aggregate_cue": (
            r"خلال\s+(?:يومين|ثلاثة\s+أيام|\d+\s+أيام|الأسبوع|الساعات)|في\s+المجمل"
            # a monitor's day: "خلال الـ24 ساعة الماضية", "في مناطق سورية مختلفة"
            r"|خلال\s+(?:الـ\s*|ال)?(?:24|48|72)\s+ساعة|في\s+(?:مناطق|حوادث)\s+(?:\S+\s+)?"
            r"(?:متفرقة|مختلفة|متعددة)|حوادث\s+(?:أمنية\s+)?متفرقة"
            r"|المجموع|إجمالي|اجمالي|منذ\s+(?:يوم\s+)?(?:الاثنين|الثلاثاء|الأربعاء|الخميس"
            r"|الجمعة|السبت|الأحد)"
        ),
        "cumulative": (
            r"[وف]?منذ\s+(?:\S+\s+){0,2}?(?:19|20)\d\d|[وف]?منذ\s+(?:مطلع|بداية)\s+(?:العام|الشهر|السنة|الأسبوع)"
            r"|[وف]?(?:خلال|منذ)\s+(?:\S+\s+)?(?:أشهر|اشهر|أسابيع|سنوات|أعوام)"
            r"|[وف]?منذ\s+(?:بداية|اندلاع|بدء)\s+(?:الحرب|النزاع|الصراع|الثورة|الأحداث|الأزمة"
            r"|العدوان|الحملة|الغزو|القتال|المعارك|التصعيد|الاجتياح|العملية)"
            # a running total since a day of a month: "منذ السابع من أكتوبر", "منذ 7
            # أكتوبر", "منذ تشرين الأول الماضي"
            rf"|[وف]?منذ\s+(?:\S+\s+)?(?:من\s+)?(?:شهر\s+)?{_MONTH}"
            # the toll of the operations a running count just listed: "بلغت حصيلة القتلى
            # جراء العمليات آنفة الذكر 77 قتيلاً"
            r"|(?:العمليات|الهجمات|الاستهدافات|الحوادث)\s+(?:آنفة|انفة|سالفة|السالفة)\s+الذكر"
        ),
        # an earlier event of the month or of an earlier month, told beside the news: "في
        # وقت سابق من الشهر", "مطلع الشهر", "في نيسان الماضي", "في الشهر الماضي"
        "background": (
            r"في\s+وقت\s+سابق\s+من\s+(?:هذا\s+)?(?:الشهر|العام)(?:\s+(?:الجاري|الحالي))?"
            r"|(?<!منذ\s)(?:في\s+)?(?:مطلع|أوائل|اوائل|بداية)\s+(?:هذا\s+)?الشهر"
            rf"|(?<!\d\s)(?<!من\s)(?:[وف]?في|[وف]?خلال)\s+(?:شهر\s+)?{_MONTH}\s+(?:الماضي|المنصرم)"
            r"|(?:في|خلال)\s+الشهر\s+(?:الماضي|المنصرم)"
        ),
        "rise_cause": (
            r"بعد\s+(?:وفاة|مقتل|موت)|إثر\s+وفاة|اثر\s+وفاة"
            # "توفي أحد الجريحين متأثراً بجراحه، لترتفع الحصيلة إلى أربعة": the death that
            # raised the toll, told in the update's sentence
            r"|[وف]?(?:توفي|توفيت|تُوفي)\s+(?:\S+\s+){0,3}?متأثر\S*"
        ),
        "other_source": (
            r"من\s+(?:جهتها|جهته|ناحيتها|ناحيته|جانبها|جانبه)|(?:في\s+حين|بينما|فيما)\s+(?:قالت|قال|أفادت|أفاد|ذكرت|ذكر)"
            # "في المقابل، ذكرت وزارة الصحة أن عدد القتلى بلغ 40": the other side's count
            r"|في\s+المقابل[،,]?\s+(?:قالت|قال|أفادت|أفاد|ذكرت|ذكر|أعلنت|أعلن)"
            # the party that accuses the other speaks its own count: "واتهمت قوات الدعم
            # السريع الجيش بتنفيذ الغارة، وقالت في بيان إن عدد القتلى بلغ 40"
            r"|[وف]?(?:اتهمت|اتهم)\s+(?:\S+\s+){1,10}?[وف](?:قالت|قال|أضافت|أضاف)(?!\S)"
        ),
        # the other side's turn to speak, after a figure of the same sentence: "...
        # القضاء على أكثر من 200 ...، فيما أعلن الجيش أنه ... تحييد العشرات"
        "contrast": (
            r"(?:فيما|بينما|في\s+حين)\s+(?:أعلن|أعلنت|اعلن|اعلنت|قال|قالت|ذكر|ذكرت|أكد|أكدت"
            r"|زعم|زعمت|ادعى|ادعت)(?!\S)"
        ),
        "update": (
            # "ارتفعت حصيلة القصف", "ارتفعت الحصيلة إلى 6": with or without the article
            r"[وف]?(?:ارتفع|ارتفعت|ترتفع|يرتفع|لترتفع|ليرتفع|ارتفاع|وصل|وصلت|بلغت)\s+(?:ال)?(?:حصيلة|عدد)"
            r"|حصيلة\s+جديدة"
            # the toll named before its verb: "إن عدد القتلى ارتفع إلى 5"
            r"|(?:حصيلة|عدد)\s+(?:ال)?(?:قتلى|ضحايا|شهداء)\s+(?:\S+\s+){0,3}?"
            r"(?:ارتفع|ارتفعت)(?!\S)"  # (not "بلغ 80", a figure of another source)
        ),
        "claim_cue": (
            r"[وف]?(?:تبنى|تبنّى|يتبنى|تتبنى|أعلن|اعلن|زعم|ادعى|ادعت)\s+(?:\S+\s+){0,3}?"
            r"(?:قتل|مقتل|تصفية)"
            # a claim verb names its speaker at length: "زعمت وسائل إعلام تابعة للحوثيين مقتل"
            # the speaker's own operations "resulted in" the dead: "وقال إنها أسفرت عن تدمير
            # 11 آلية ومقتل أكثر من 90 عنصراً" (the pronoun is the speaker's strikes)
            r"|(?:إنها|أنها|انها|إنه|أنه|انه)\s+(?:أسفرت|اسفرت|أسفر|اسفر)\s+عن\s+(?:\S+\s+){0,6}?"
            r"[وف]?(?:مقتل|قتل)"
            # the party's pronoun, one action of its own, then "and killed ... of them":
            # "قالت قوات الدعم السريع إنها تصدت لهجوم ... وقتلت العشرات منهم"
            r"|(?:إنها|أنها|انها)\s+(?:\S+\s+){1,12}?[وف]قتلت\s+(?:\S+\s+){0,3}?(?:من|منهم)(?!\w)"
            r"|[وف]?(?:زعم|زعمت|ادعى|ادعت|تزعم|يزعم)\s+(?:\S+\s+){0,6}?(?:قتل|مقتل|تصفية)|(?:إنه|انه|أنه|إنها|أنها)\s+(?:قتل|قتلت)"
            # a party to the fight announcing the other side's dead: "أعلنت جماعة الحوثي
            # مقتل 15 جندياً"; not its own losses ("مقتل 3 من جنوده"), not a ministry's toll
            rf"|{_PARTY_ANNOUNCES}[،,]?\s+(?:\S+\s+){{0,5}}?[وف]?(?:قتل|مقتل|تصفية|تحييد)"
            r"(?!\s+(?:\S+\s+){0,3}?من\s+(?:جنوده|عناصره|مقاتليه|أفراده|قواته|جنودها|عناصرها"
            r"|مقاتليها|أفرادها|قواتها))"
            # an army announcing the dead of the armed group it fights: "الجيش السوداني يعلن
            # مقتل العشرات من الدعم السريع", "أعلن الجيش مقتل 20 من عناصر داعش"
            # (or the army as a headline's speaker: "الجيش السوداني: مقتل 50 من الدعم السريع")
            rf"|(?:{_ARMY}\s+(?:\S+\s+)?{_ANNOUNCE}|[وف]?{_ANNOUNCE}\s+{_ARMY}(?:\s+\S+){{0,5}}?"
            rf"|{_ARMY}(?:\s+[^\s:]+){{0,2}}\s*:)"
            rf"\s+(?:مقتل|قتل)\s+(?:\S+\s+){{0,3}}?(?:من\s+(?:عناصر\s+|مقاتلي\s+|مسلحي\s+)?{_PARTIES}"
            rf"|\d[\d,.]*\s+{_PARTY_MEMBERS}(?!\S))"
            # the side that repelled an attack tells the attackers' dead, named by their
            # party: "صدت قوات الجيش هجوما ... وأن المعارك أسفرت عن مصرع 12 حوثيا"
            rf"|(?<!\S)[وف]?(?:صد|صدت|تصدت|تصدى|يصد|تصد)(?!\S)\s+(?:\S+\s+){{0,16}}?"
            rf"[وف]?(?:مقتل|مصرع|قتل|قتلت)\s+(?:\S+\s+){{0,2}}?\d[\d,.]*\s+{_PARTY_MEMBERS}(?![^\s.,،])"
            # forces that "managed to kill" the attackers: their own account of their action
            r"|[وف]?(?:تمكنت|تمكن|تمكّنت|تمكّن)\s+(?:\S+\s+){0,3}?من\s+(?:قتل|تصفية|تحييد)"
            # the enemy dead named as only their killers name them
            rf"|(?:مقتل|قتل|قتلت|تصفية|تحييد|القضاء\s+على)\s+(?:(?!ب|في(?!\S))\S+\s+){{0,4}}?"
            rf"(?:من\s+)?(?:{_ENEMY_WORDS})"
            rf"|{_OWN_FIGHTERS_KILLED}"
            # inflicting losses on the enemy is always the inflicting side's account:
            # "قال الجيش إنه ... وكبدها أكثر من 100 قتيل", "كبدت القوات المهاجمين 20 قتيلا"
            # (not "تكبدت", suffered)
            r"|(?<!\S)[وف]?(?:كبد|كبّد)\S*"
            rf"|{_FORCES_KILLED}"
        ),
    },
    earlier=(
        r"حصيلة\s+سابقة|في\s+وقت\s+سابق|سابقا|سابقاً|حصيلة\s+أولية|الحصيلة\s+الأولية"
        # the pluperfect of an update's story ("وكان الانفجار قد أسفر أمس عن مقتل ثلاثة"):
        # the figure the toll rose from
        r"|قد\s+(?:أسفر|اسفر|أدى|ادى|أوقع|اوقع|خلف|خلّف)\s+(?:\S+\s+)?(?:عن|إلى|الى)"
    ),
    # one death without a figure: "فارق جندي الحياة" (died), "توفي ... متأثراً بجراحه"
    # (died of his wounds), "عثر على جثة راعٍ" (a body was found)
    singular=(
        r"[وف]?(?:فارق|فارقت)\s+(?:\S+\s+)?الحياة"
        r"|[وف]?(?:توفي|توفيت|تُوفي)\s+(?:\S+\s+){0,3}?متأثر\S*\s+(?:ب)?(?:جراح|إصاب|اصاب)\S*"
        # (its finders named between, with their village: "عثر أهالي على جثة راع",
        # "عثر أهالي بلدة اليادودة في ريف درعا الغربي على جثة رجل")
        r"|[وف]?(?:عثر|عُثر)\s+(?:[^\s.،,]+\s+){0,8}?على\s+جثة|العثور\s+على\s+جثة"
        # a martyr fallen, no figure: "أدت الغارة إلى سقوط شهيد", "ارتقاء شهيد برصاص
        # الاحتلال" (not "سقوط شهيد وجريح", the dead and the hurt together)
        rf"|[وفبل]?(?:ال)?(?:سقوط|ارتقاء)\s+(?:شهيد|قتيل)(?!\w)(?!\s*و\s*{_HURT})"
    ),
    # the attackers themselves: "قتل أحد المهاجمين", "مقتل منفذ الهجوم"
    attackers=with_clitics(["المهاجمين", "المهاجمون", "مهاجمين", "المهاجم", "مهاجم", "منفذي",
                            "منفذ", "الانتحاري", "انتحاري", "المسلحين المهاجمين"]),
    units=(
        r"عاما|عاماً|عامًا|سنة|سنوات|ساعة|ساعات"
        r"|كيلومترا|كيلومترات|كلم|كم|أيام|يوما|دولار|%"
    ),
    hedge=r"قد\s+(?:ي|ت)\S+\s+(?:إلى|الى)?",
    # "لتفجير حي الكرادة عام 2016", "مجزرة القرية في 2014": the event and its year
    event_year=(
        r"(?<!\S)[وفبل]?(?:ال)?(?:تفجير|تفجيرات|هجوم|هجمات|مجزرة|مذبحة|اعتداء|حادثة|معركة|غارة)"
        r"(?:\s+\S+){0,4}?\s+(?:عام|في\s+عام|سنة|في)\s+(?P<year>(?:19|20)\d\d)(?!\d)"
    ),
    mixed=_MIXED,
    # a sentence opening on another event: "وفي سياق متصل", "في حادثة أخرى"
    apart=(
        r"[وف]?في\s+سياق\s+(?:متصل|منفصل|آخر)"
        r"|[وف]?في\s+حادث(?:ة)?\s+(?:أخرى|آخر|منفصل\S*)|[وف]?إلى\s+ذلك|[وف]?في\s+غضون\s+ذلك"
    ),
    # "كما قتل رجل" (a man was also killed): another death, inside a bulletin's total
    # when one covers it, never the lead's figure told again
    distinct=r"كما(?=\s+(?:قتل|قُتل|قتلت|قُتلت|لقي|لقيت|استشهد|قضى)(?!\w))|آخرين|آخرون|أخرى|أيضا|أيضاً|كذلك|في\s+المقابل|من\s+جهة\s+أخرى|منفصل|منفصلة",
)
