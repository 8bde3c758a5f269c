"""Arabic: place cues of `places/rules.py` ("في ريف حلب", "بلدة", "قرب")."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="ar",
    directions=r"شمال|جنوب|شرق|غرب|وسط|الشمالي|الجنوبي|الشرقي|الغربي",
    near=r"قرب|بالقرب\s+من|على\s+أطراف|أطراف|محيط|بمحيط|ريف|بريف|في\s+ريف",
    type_prefixes=r"بلدة|قرية|مدينة|حي|محافظة|منطقة|ناحية|مخيم|بادية|ببلدة|بقرية|بمدينة",
    city_words=r"[وفبل]?مدينة|[وف]?بمدينة",
    province_words=r"[وف]?(?:ب|ل)?محافظة|[وف]?(?:ب|ل)?ريف",
)

# Everyday Arabic words that GeoNames also lists as the Arabic name of some town
# ("الخميس" Thursday, "الشهداء" the martyrs, "المدينة" the city, "بيان" a statement).
# An alternate name whose script key (`read/script.script_core`, without the article)
# is one of these is not indexed (`places/names.usable_arabic_name`); a place the
# press names so is listed in data/gazetteer/place_aliases.csv instead.
_EVERYDAY = """
    السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة يوم أمس غد
    يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    كانون شباط آذار نيسان أيار حزيران تموز أيلول تشرين محرم صفر ربيع رجب شعبان رمضان شوال
    واحد واحدة اثنان اثنين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية
    تسع تسعة عشر عشرة مئة مائة ألف مليون
    شهداء شهيد مدينة مدن قرية بلدة بلد بلاد مستشفى سوق مخيم سجن مركز حي أحياء منطقة
    جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي بحري قبلي الحد حد
    جديد جديدة أبيض بيضاء أحمر حمراء أخضر خضراء أسود سوداء طويلة كبير صغير
    مصدر بيان خبر حكومة سلطات اتحاد تحالف ثورة جامعة جزيرة جزائر عمان شيوخ زعيم
    عمال طرف دور وجه رأس راس باب برج قصر قصور حصن عين عيون وادي ساحل تل جبل نهر بحر
    حمام فندق مزار مزرعة شجرة صخرة قبة عمارة مجد نصر كرامة سلام أمان عبور معبر
    صورة صور علم عبر عنه سوف سيما صدد طور صعيد مرات زيارة هجرة إشارة إطار رصد سحب
    خرج حول وقف طبقة عقبة نظير مفتاح قائم قابل قارة زخم درج درب سكة ملح
    جمال جميل سالم قاسم ناصر خليل رشيد حمزة حاتم سلمان كريمة نايف جاسم عمران آدم
    أب أبي ابن أم أنفا آنفا ملكة شروق صيف سماء سما حارس حاجب بدو
"""
NOT_PLACE_NAMES: frozenset[str] = frozenset(_EVERYDAY.split())

# Towns whose names are everyday words ("الباب" the door: Al-Bab; "الطبقة" the layer:
# Tabqa; "القائم" standing: Al-Qaim; "صور" pictures: Tyre; "العين" the eye: Al Ain).
# They stay out of the gazetteer's index (NOT_PLACE_NAMES) and are found only where the
# text marks the word as a town (`TOWN_BEFORE`): "مدينة الباب", "في بلدة القائم",
# "قضاء القائم" (`places/scan.py`, the gazetteer's `marked` index).
MARKED_PLACE_NAMES: frozenset[str] = frozenset(["باب", "طبقة", "قائم", "صور", "عين"])
# The word before a town's name that says it is one (with its clitics: "بمدينة", "وبلدة")
TOWN_BEFORE = r"[وف]?[بل]?(?:ال)?(?:مدينة|بلدة|قرية|قضاء|ناحية)"
