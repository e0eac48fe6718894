"""Text normalisation for accent- and case-insensitive search and uniqueness."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-case, accents removed (á→a, ñ→n), spaces collapsed: 'TÚMACO ' → 'tumaco'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().casefold()


def like_pattern(query: str) -> str:
    """A LIKE pattern matching ``query`` anywhere, with LIKE's wildcards escaped."""
    q = normalize(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{q}%"
