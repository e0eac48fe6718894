"""A lean path for list pages: one SQL statement on the raw pool, rows straight to JSON.

A list route declared in FastAPI (the contract, and the fallback) pays for dependency
solving, the ORM identity map, a pydantic model per row and response-model validation;
that costs several times the query. A ``FastList`` describes the same list as data: the
``FROM`` clause, the filters and the query parameters that feed them, the territory and
archived columns and the keyset order. ``FastReadMiddleware`` (``fastpath``) answers a
matching ``GET`` with it: same auth and scope check, same territory rule, same keyset cursor
and ``Link`` header, and the body serialized by the route's own page model (so the JSON is
byte for byte the route's).

Anything the lean parser is not sure of (an unknown value, a repeated parameter, a cursor it
cannot read, a parent record it cannot see) is *not* answered here: the request goes on to the
FastAPI route, which answers with its usual 422 or 404 problem. The lean path never invents an
error of its own beyond the 401/403 that the FastAPI dependencies would give first.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from pydantic import BaseModel
from pydantic_core import to_json
from starlette.requests import Request
from starlette.responses import Response

from services.common.auth import Principal
from services.common.errors import InvalidInput
from services.common.fastlist_json import (
    Computed as Computed,
)
from services.common.fastlist_json import (
    computed_items,
    computed_layout,
    native_twin,
    plain_fields,
    plain_row,
)
from services.common.fastlist_params import (
    Fallback as Fallback,
)
from services.common.fastlist_params import (
    Parser as Parser,
)
from services.common.fastlist_params import (
    bool_param as bool_param,
)
from services.common.fastlist_params import (
    date_param as date_param,
)
from services.common.fastlist_params import (
    department_param as department_param,
)
from services.common.fastlist_params import (
    enum_param as enum_param,
)
from services.common.fastlist_params import (
    int_param as int_param,
)
from services.common.fastlist_params import (
    municipality_param as municipality_param,
)
from services.common.fastlist_params import (
    search_param as search_param,
)
from services.common.fastlist_params import (
    text_param as text_param,
)
from services.common.fastlist_params import (
    uuid_param as uuid_param,
)
from services.common.pagination import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor

Binder = Callable[[Any], str]


@dataclass(frozen=True)
class Filter:
    """``?name=`` parsed by ``parse`` and applied as ``sql`` (``{}`` is the placeholder), or
    as ``build(value, bind)`` when the term's shape depends on the value (``overdue=false``)."""

    parse: Parser
    sql: str = ""
    build: Callable[[Any, Binder], str] | None = None

    def term(self, value: Any, bind: Binder) -> str:
        if self.build is not None:
            return self.build(value, bind)
        return self.sql.format(bind(value))

    @classmethod
    def equals(cls, column: str, parse: Parser) -> Filter:
        return cls(parse, f"{column} = {{}}")

    @classmethod
    def at_least(cls, column: str, parse: Parser) -> Filter:
        return cls(parse, f"{column} >= {{}}")

    @classmethod
    def at_most(cls, column: str, parse: Parser) -> Filter:
        return cls(parse, f"{column} <= {{}}")

    @classmethod
    def contains(cls, column: str, parse: Parser) -> Filter:
        """The array ``column`` holds the value."""
        return cls(parse, f"{{}} = ANY({column})")

    @classmethod
    def before(cls, column: str, parse: Parser) -> Filter:
        """``column`` strictly before the value (the end of a half-open range)."""
        return cls(parse, f"{column} < {{}}")

    @classmethod
    def like(cls, column: str, max_length: int = 100) -> Filter:
        return cls(search_param(max_length), f"{column} LIKE {{}} ESCAPE '\\'")


@dataclass(frozen=True)
class Parent:
    """A list nested under a record (``/plans/{plan_id}/actions``): the parent must be visible.

    ``param`` names the path parameter (the parent's id); ``sql`` selects the parent's
    municipality code by ``$1`` (that id; with several ids in the path, ``$1 … $n`` outermost
    first, ``sql`` checks that each belongs to the one before) and, with ``refuse_archived``,
    a second column that is non-null when the parent is archived (the route refuses those:
    FastAPI answers). ``column`` is the child's column holding the (innermost) parent's id.
    A missing or invisible parent falls back too: FastAPI's loader gives the 404 with its own
    wording.
    """

    param: str
    sql: str
    column: str
    refuse_archived: bool = False


AccessRecorder = Callable[[Principal, uuid.UUID | None, Binder, str], str]
"""SQL of a call that writes a page's access-log entry: ``(caller, parent id, bind, SQL of the
number of rows shown)``; ``bind(value)`` adds a parameter and gives its ``$n``."""


@dataclass(frozen=True)
class FastList:
    """``GET path`` answered as a keyset page of ``select`` rows, serialized by ``page``.

    ``select`` is ``SELECT <columns> FROM ... [JOIN ...]`` (no WHERE); ``conditions`` are fixed
    ``WHERE`` terms; ``territory`` the municipality and department columns checked against
    the caller's claims; ``archived`` the column (or columns: a child hidden with its parent)
    hidden unless ``?include_archived=true`` (None: the list has no such parameter);
    ``order`` the keyset columns and their cursor kinds (``"t"`` timestamp, ``"u"`` uuid,
    ``"i"`` integer, ``"s"`` text, ``"d"`` a date carried as ``YYYY-MM-DD`` text).
    ``check`` sees the parsed filters together and raises ``Fallback`` where the route
    refuses a combination (``to`` before ``from``). ``paged=False``: a list that is not a
    keyset page (a plan's lines, in full): no ``limit``/``cursor``, ``page`` has ``items`` only.
    Items are the rows' columns written as they are (``fastlist_json``); ``computed`` names
    the few fields a service computes per row instead, with the function that computes them
    for a caller (disclosure control, personal data, "as of today" figures), once per request.

    Personal data: ``scope`` may name several scopes (checked in order, the first missing one
    is the 403, as ``require_scopes``); ``headers`` go on every page (``Cache-Control:
    no-store``); ``record`` gives the SQL that writes the access-log entry, which runs in the
    page's own statement (``_logged``): the page and its entry are one transaction.
    """

    path: str
    scope: str | tuple[str, ...]
    select: str
    page: type[BaseModel]
    order: Sequence[tuple[str, str]]
    filters: Mapping[str, Filter] = field(default_factory=dict)
    territory: tuple[str, str] | None = None
    archived: str | tuple[str, ...] | None = None
    conditions: Sequence[str] = ()
    parent: Parent | None = None
    descending: bool = False
    check: Callable[[Mapping[str, Any]], None] | None = None
    paged: bool = True
    headers: Mapping[str, str] = field(default_factory=dict)
    record: AccessRecorder | None = None
    computed: Computed | None = None

    def __post_init__(self) -> None:
        if self.computed is not None:
            computed_layout(self.page, self.computed.fields)  # TypeError when not writable

    @property
    def scopes(self) -> tuple[str, ...]:
        return (self.scope,) if isinstance(self.scope, str) else self.scope

    def pattern(self) -> tuple[re.Pattern[str], str]:
        """The path as a regex, one group per ``{param}`` (the parent's ids, outermost first)."""
        names = re.findall(r"\{(\w+)\}", self.path)
        regex = re.escape(self.path)
        for name in names:
            regex = regex.replace(re.escape("{" + name + "}"), r"([^/]+)", 1)
        return re.compile(regex), ",".join(names)

    async def answer(
        self, app: Any, scope: Any, principal: Principal, raw_ids: Sequence[str]
    ) -> Response:
        """The page, or ``Fallback`` when FastAPI must answer."""
        query = _query(scope)
        if self.paged:
            limit, cursor = _limit(query.pop("limit", None)), query.pop("cursor", None)
        else:
            limit, cursor = None, None  # the whole list; ``limit`` means nothing to the route
        include_archived = False
        if self.archived is not None and "include_archived" in query:
            include_archived = bool_param(query.pop("include_archived"))
        ids = [uuid_param(raw) for raw in raw_ids]
        parent_id = ids[-1] if ids else None
        # The parent's check rides in the page's statement (one round trip): its ids are $1 … $n.
        args: list[Any] = list(ids) if self.parent is not None else []
        where = list(self.conditions)

        def bind(value: Any) -> str:
            args.append(value)
            return f"${len(args)}"

        visible = ""
        if self.parent is not None:
            where.append(f"{self.parent.column} = ${len(ids)}")
            visible = self._parent_visible(principal, bind)
            if self.record is None:
                where.append(visible)
        parsed = {
            name: spec.parse(query[name]) for name, spec in self.filters.items() if name in query
        }
        if self.check is not None:
            self.check(parsed)
        for name, value in parsed.items():
            where.append(self.filters[name].term(value, bind))
        if self.territory is not None and principal.is_territorially_limited:
            where.append(_territory(principal, self.territory, bind))
        if self.archived is not None and not include_archived:
            hidden = (self.archived,) if isinstance(self.archived, str) else self.archived
            where += [f"{column} IS NULL" for column in hidden]
        columns = [column for column, _ in self.order]
        kinds = [kind for _, kind in self.order]
        if cursor is not None:
            values = _cursor(cursor, kinds)
            op = "<" if self.descending else ">"
            marks = ", ".join(bind(v) for v in values)
            where.append(f"({', '.join(columns)}) {op} ({marks})")
        direction = " DESC" if self.descending else ""
        sql = (
            self.select
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY "
            + ", ".join(c + direction for c in columns)
            + (f" LIMIT {limit + 1}" if limit is not None else "")
        )
        if self.record is not None:
            sql = self._logged(sql, principal, parent_id, visible, limit, bind)
        pool = app.state.database.pool
        assert pool is not None
        async with pool.acquire() as conn:
            rows = await conn.fetch(sql, *args)
            if self.record is not None:
                if not rows:  # nothing logged: no visible parent
                    raise Fallback
                if rows[0][_bare(columns[0])] is None:  # logged, and the page is empty
                    rows = []
            elif self.parent is not None and not rows:  # no children, or no visible parent?
                await self._check_parent(conn, ids, principal)
        computed = None if self.computed is None else self.computed.per_caller(app, principal)
        next_cursor = None
        if limit is not None and len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = encode_cursor(
                [_cursor_value(last[_bare(c)], k) for c, k in zip(columns, kinds, strict=True)]
            )
        body = self._body(rows, computed, next_cursor)
        headers = dict(self.headers)
        if next_cursor is not None:
            url = Request(scope).url.include_query_params(cursor=next_cursor)
            headers["Link"] = f'<{url}>; rel="next"'
        return Response(body, media_type="application/json", headers=headers)

    def _logged(
        self,
        page: str,
        principal: Principal,
        parent_id: uuid.UUID | None,
        visible: str,
        limit: int | None,
        bind: Binder,
    ) -> str:
        """The page's statement that also writes its access-log entry: one statement, so one
        transaction. The entry is written only where the parent is visible (``visible``) and
        counts the rows shown; its row comes back alone (all NULL) when the page is empty, and
        no row at all when the parent is not visible (FastAPI's loader answers then)."""
        assert self.record is not None
        shown = "count(*)" if limit is None else f"least(count(*), {limit})"
        entry = self.record(principal, parent_id, bind, f"SELECT {shown} FROM page")
        order = ", ".join(
            _bare(column) + (" DESC" if self.descending else "") for column, _ in self.order
        )
        return (
            f"WITH page AS MATERIALIZED ({page}), "
            f"logged AS MATERIALIZED (SELECT {entry} AS entry"
            + (f" WHERE {visible}" if visible else "")
            + f") SELECT page.* FROM logged LEFT JOIN page ON true ORDER BY {order}"
        )

    def _parent_visible(self, principal: Principal, bind: Binder) -> str:
        """SQL: the parent (``parent.sql`` on the path's ids, ``$1 … $n``) exists, lies in the
        caller's territories (``Principal.can_access``) and, where refused, is not archived."""
        assert self.parent is not None
        names = ["municipality"] + (["archived"] if self.parent.refuse_archived else [])
        conditions = []
        if principal.is_territorially_limited:
            column = "parent.municipality"
            territory = (column, f"left({column}, 2)")
            conditions.append(_territory(principal, territory, bind))
        if self.parent.refuse_archived:
            conditions.append("parent.archived IS NULL")
        return (
            f"EXISTS (SELECT FROM ({self.parent.sql}) AS parent({', '.join(names)})"
            + (" WHERE " + " AND ".join(conditions) if conditions else "")
            + ")"
        )

    async def _check_parent(self, conn: Any, ids: Sequence[Any], principal: Principal) -> None:
        """A missing, invisible or (where refused) archived parent: FastAPI's loader answers."""
        assert self.parent is not None
        parent = await conn.fetchrow(self.parent.sql, *ids)
        if parent is None or not principal.can_access(parent[0]):
            raise Fallback
        if self.parent.refuse_archived and parent[1] is not None:
            raise Fallback

    def _body(
        self,
        rows: Sequence[Any],
        computed: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None,
        cursor: str | None,
    ) -> bytes:
        """The page's JSON, as the route's page model writes it."""
        page = self.page
        content: dict[str, Any] = {}
        if self.computed is not None and computed is not None:
            fields = self.computed.fields
            items = computed_items(rows, computed_layout(page, fields), fields, computed)
            if items is None:
                raise Fallback  # a column the page model would write otherwise: the route
            content["items"] = items
        elif (names := plain_fields(page)) is not None and (not rows or plain_row(rows[0], names)):
            content["items"] = [dict(zip(names, row, strict=True)) for row in rows]
        else:  # rows untouched (timestamps in UTC from asyncpg), validated by the page's twin
            content["items"] = [dict(row) for row in rows]
            if self.paged:
                content["next_cursor"] = cursor
            return native_twin(page).model_validate(content).model_dump_json().encode()
        if self.paged:
            content["next_cursor"] = cursor
        return to_json(content)


def _cursor_value(value: Any, kind: str) -> Any:
    return value.isoformat() if kind == "d" else value


def _bare(column: str) -> str:
    return column.rpartition(".")[2]


def _query(scope: Any) -> dict[str, str]:
    """The query parameters; a repeated one falls back (FastAPI decides which value counts)."""
    raw = scope.get("query_string", b"")
    if not raw:
        return {}
    out: dict[str, str] = {}
    for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        if key in out:
            raise Fallback
        out[key] = value
    return out


def _limit(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_LIMIT
    if not (raw.isascii() and raw.isdigit()) or raw[0] == "0" or len(raw) > 3:
        raise Fallback
    value = int(raw)
    if value > MAX_LIMIT:
        raise Fallback
    return value


_KINDS: dict[str, type] = {"t": datetime, "u": uuid.UUID, "i": int, "s": str, "d": str}


def _cursor(raw: str, kinds: Sequence[str]) -> list[Any]:
    if len(raw) > 512:
        raise Fallback
    try:
        values = decode_cursor(raw, len(kinds))
    except InvalidInput:
        raise Fallback from None
    for value, kind in zip(values, kinds, strict=True):
        expected = _KINDS[kind]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise Fallback
    return [date_param(v) if k == "d" else v for v, k in zip(values, kinds, strict=True)]


def _territory(principal: Principal, columns: tuple[str, str], bind: Callable[[Any], str]) -> str:
    """The caller's territories as SQL (``Principal.territory_clause``, on raw columns)."""
    municipality, department = columns
    clauses = []
    if principal.municipalities:
        clauses.append(f"{municipality} = ANY({bind(sorted(principal.municipalities))}::text[])")
    if principal.departments:
        clauses.append(f"{department} = ANY({bind(sorted(principal.departments))}::text[])")
    return "(" + " OR ".join(clauses) + ")" if clauses else "false"


def model_columns(model: type[BaseModel], table: str = "") -> str:
    """``SELECT`` list of the read model's fields (the columns of the same names)."""
    prefix = f"{table}." if table else ""
    return ", ".join(prefix + name for name in model.model_fields)
