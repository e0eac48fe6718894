"""Text normalisation for accent- and case-insensitive search and uniqueness."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator

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


def _refuse_control_characters(value: str) -> str:
    # NUL cannot reach PostgreSQL text (a 500 otherwise); other control characters are
    # never part of a name anyone searches for.
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValueError("must not contain NUL or other control characters")
    return value


SearchText = Annotated[str, AfterValidator(_refuse_control_characters)]
"""Text of a ``q`` search parameter: control characters (NUL included) are a 422 naming it."""
