"""Text normalisation for accent- and case-insensitive search and uniqueness."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, TypeVar

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


SearchT = TypeVar("SearchT", bound=str | None)


def _refuse_control_characters(value: SearchT) -> SearchT:
    # NUL cannot reach PostgreSQL text (a 500 otherwise); other control characters are
    # never part of a name anyone searches for.
    if value is not None and any(unicodedata.category(c) == "Cc" for c in value):
        raise ValueError("must not contain NUL or other control characters")
    return value


SearchText = Annotated[SearchT, AfterValidator(_refuse_control_characters)]
"""A ``q`` search parameter: control characters (NUL included) are a 422 naming it.

Wrap the parameter's whole annotation, Query included, so the check runs after FastAPI's
constraints and the OpenAPI parameter stays exactly what it was:
``q: SearchText[Annotated[str | None, Query(min_length=1, max_length=100)]] = None``.
"""
