"""Spanish: attribution words of `actors/sources.py` (names: `es.yaml`)."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="es",
    speech=(
        r"dijo|dijeron|informó|informaron|señaló|señalaron|indicó|indicaron|afirmó|afirmaron"
        r"|aseguró|aseguraron|confirmó|confirmaron|denunció|denunciaron|reportó|reportaron"
        r"|declaró|precisó|detalló|explicó|elevó|informa|reporta|reivindicó"
    ),
    according=r"según|de\s+acuerdo\s+con|conforme\s+a",
)
