"""The lean list path's query-parameter parsers (``services/common/fastlist.py``).

Each parser accepts only plain, valid input and raises ``Fallback`` for anything else, so the
FastAPI route answers it with its usual 422.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from services.common.territory import DEPARTMENTS
from services.common.text import like_pattern


class Fallback(Exception):
    """The lean path is not sure: let the FastAPI route answer (it validates, it explains)."""


Parser = Callable[[str], Any]


def enum_param(vocabulary: type[Enum]) -> Parser:
    """A coded value of ``vocabulary`` (its ``.value``); anything else falls back."""
    codes = {str(member.value): member.value for member in vocabulary}

    def parse(raw: str) -> Any:
        try:
            return codes[raw]
        except KeyError:
            raise Fallback from None

    return parse


def municipality_param(raw: str) -> str:
    if len(raw) != 5 or not (raw.isascii() and raw.isdigit()) or raw[:2] not in DEPARTMENTS:
        raise Fallback
    return raw


def department_param(raw: str) -> str:
    if raw not in DEPARTMENTS:
        raise Fallback
    return raw


def uuid_param(raw: str) -> uuid.UUID:
    if len(raw) != 36:  # the canonical form only; pydantic's other spellings go to FastAPI
        raise Fallback
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise Fallback from None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_param(raw: str) -> date:
    if _ISO_DATE.fullmatch(raw) is None:  # YYYY-MM-DD only; pydantic's other forms: FastAPI
        raise Fallback
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Fallback from None


def int_param(low: int, high: int) -> Parser:
    """An integer in ``low..high`` written plainly (no sign, no leading zero)."""

    def parse(raw: str) -> int:
        if not (raw.isascii() and raw.isdigit()) or raw[0] == "0" or len(raw) > 9:
            raise Fallback
        value = int(raw)
        if not low <= value <= high:
            raise Fallback
        return value

    return parse


def bool_param(raw: str) -> bool:
    if raw == "true":
        return True
    if raw == "false":
        return False
    raise Fallback  # pydantic also reads yes/on/1...: FastAPI answers those


def text_param(max_length: int) -> Parser:
    """Free text of 1..max_length characters without NUL (``Query(pattern=NO_NUL)``)."""

    def parse(raw: str) -> str:
        if not 1 <= len(raw) <= max_length or "\x00" in raw:
            raise Fallback
        return raw

    return parse


def search_param(max_length: int = 100) -> Parser:
    """A ``q`` text (``SearchText``): 1..max_length characters, no control characters."""

    def parse(raw: str) -> str:
        if not 1 <= len(raw) <= max_length or not raw.isprintable():
            raise Fallback
        return like_pattern(raw)

    return parse
