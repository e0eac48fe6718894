"""Keyset (cursor) pagination: opaque cursors, `Link: rel="next"`, same cost for every page."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Select, tuple_

from services.common.errors import InvalidInput
from services.common.schemas import OutputModel

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

T = TypeVar("T")
SelectT = TypeVar("SelectT", bound=Select[Any])


class Page(OutputModel, Generic[T]):
    """One page of a list: the items and the cursor of the next page (null on the last).

    Subclass it per resource (``class OrganizationPage(Page[OrganizationRead]): pass``): the
    subclass's name is the component name in the OpenAPI document.
    """

    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(
            max_length=512,
            description="Opaque cursor from `next_cursor`; one this list did not issue is a 422",
        ),
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


def encode_cursor(values: Sequence[Any]) -> str:
    """Pack the sort key of the last row into an opaque URL-safe string."""
    raw = []
    for v in values:
        if isinstance(v, datetime):
            raw.append({"t": v.isoformat()})
        elif isinstance(v, uuid.UUID):
            raw.append({"u": str(v)})
        else:
            raw.append(v)
    return (
        base64.urlsafe_b64encode(json.dumps(raw, separators=(",", ":")).encode())
        .decode()
        .rstrip("=")
    )


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    """Unpack a cursor; a damaged or foreign cursor is a 422 naming `cursor`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(raw, list) or len(raw) != arity:
            raise ValueError
        out: list[Any] = []
        for v in raw:
            if isinstance(v, dict) and "t" in v:
                out.append(datetime.fromisoformat(v["t"]))
            elif isinstance(v, dict) and "u" in v:
                out.append(uuid.UUID(v["u"]))
            elif isinstance(v, str | int | float) or v is None:
                out.append(v)
            else:
                raise ValueError
        return out
    except (ValueError, binascii.Error, json.JSONDecodeError, TypeError, UnicodeDecodeError) as exc:
        raise InvalidInput("cursor", "not a cursor this list issued") from exc


def keyset(
    stmt: SelectT, order: Sequence[Any], params: PageParams, *, descending: bool = False
) -> SelectT:
    """Order ``stmt`` by the key columns, start after the cursor, fetch one extra row."""
    if params.cursor:
        values = _typed(decode_cursor(params.cursor, len(order)), order)
        if descending:
            stmt = stmt.where(tuple_(*order) < tuple_(*values))
        else:
            stmt = stmt.where(tuple_(*order) > tuple_(*values))
    ordering = [c.desc() for c in order] if descending else list(order)
    return stmt.order_by(*ordering).limit(params.limit + 1)


def _typed(values: list[Any], order: Sequence[Any]) -> list[Any]:
    """Check each cursor value against its column's type: a forged cursor is a 422, not SQL."""
    for value, column in zip(values, order, strict=True):
        try:
            expected = column.type.python_type
        except (AttributeError, NotImplementedError):
            continue
        if expected is float and isinstance(value, int):
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InvalidInput("cursor", "not a cursor this list issued")
    return values


def finish_page(rows: Sequence[Any], params: PageParams, key: Any) -> tuple[list[Any], str | None]:
    """Cut the extra row and build the next cursor from the last kept row's key."""
    items = list(rows[: params.limit])
    next_cursor = encode_cursor(key(items[-1])) if len(rows) > params.limit and items else None
    return items, next_cursor


def set_link_header(request: Request, response: Response, next_cursor: str | None) -> None:
    """Add `Link: <…cursor=…>; rel="next"` when there is a next page."""
    if next_cursor is None:
        return
    url = request.url.include_query_params(cursor=next_cursor)
    response.headers["Link"] = f'<{url}>; rel="next"'
