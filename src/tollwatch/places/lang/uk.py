"""Ukrainian: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="uk",
    directions=r"північн\w+|південн\w+|західн\w+|східн\w+|північно-\w+|південно-\w+",
    near=r"поблизу|біля|неподалік\s+від|неподалік|в\s+околицях|в\s+районі|у\s+районі",
    type_prefixes=(
        r"сел[оаіу]|селищ[еаіу]|смт|місто|міста|місті|громад[аиіу]|район[уі]?|област[ьі]"
        r"|с\.|м\.|смт\."
    ),
    city_words=r"(?:в\s+|у\s+)?(?:міст[аоі]|м\.)",
    unit_words=r"район\w*|громад\w*|округ\w*|сільрад\w*",
    province_words=r"(?:в\s+|у\s+)?област[ьі]",
)
