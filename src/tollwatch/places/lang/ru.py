"""Russian: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="ru",
    directions=r"северн\w+|южн\w+|западн\w+|восточн\w+|северо-\w+|юго-\w+",
    near=r"под|около|вблизи|недалеко\s+от|в\s+окрестностях|в\s+районе",
    type_prefixes=(
        r"сел[оаеу]|поселк[аеу]|посёлк[аеу]|поселок|посёлок|деревн[яиюе]|город[аеу]?|станиц[аыеу]"
        r"|район[аеу]?|област[ьи]|пгт|с\.|г\.|пос\."
    ),
    city_words=r"(?:в\s+)?(?:город[аеу]?|г\.)",
    unit_words=r"район\w*|округ\w*|сельсовет\w*|поселени\w*",
    province_words=r"(?:в\s+)?област[ьи]",
)
