"""The change feed: a transactional outbox filled by triggers, read in commit order.

Every table a service lists in its ``ChangeFeed`` gets PostgreSQL triggers that write one row
to ``changes`` for each insert, new version (update, archive, transition) and, where a table
loses rows for good (erasure), delete: no write path can forget it, and the row commits or
rolls back with the change itself.

Commit order. A sequence value taken at insert time is *not* commit order: a transaction
that takes 7 may commit after one that took 8, and a reader that saw 8 and moved its cursor
past it would never see 7. So the triggers are deferred constraint triggers: they run at
commit, take a transaction-level advisory lock and only then draw ``position`` from the
sequence. The lock is released after the commit is visible, so positions become visible in
increasing order and the visible positions are always a prefix of the feed: ``position >
cursor`` never skips a row that commits later. The lock covers only the commit's tail (the
triggers' inserts and the commit record), never the transaction's own work, so it cannot
deadlock with row locks; ``bench/changes.py`` measures what it costs writers.

Types that no write makes (a commitment's due date passing) are a source's ``announcements``:
the service inserts a row in a notices table, and that table's deferred trigger appends the
change for the record it names, so it commits with the notice, in the same order.

``GET /api/v1/changes`` (``changes_router``) reads the feed filtered by the caller's scopes
and territories; ``wait`` long-polls on LISTEN/NOTIFY (the triggers notify on commit).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import asyncpg
from fastapi import FastAPI
from pydantic import BaseModel, Field

from services.common.auth import Principal
from services.common.db import Database, asyncpg_dsn
from services.common.errors import DomainError, InvalidInput, MissingScope
from services.common.vocabulary import Vocabulary

logger = logging.getLogger("somos.changes")

TABLE = "changes"
HORIZON = "changes_purged"  # one row: the last position retention deleted
SEQUENCE = "changes_position_seq"
CHANNEL = "somos_changes"
# The one advisory lock that orders commits of changes ('somos' in ASCII); locks are per
# database, so each service's feed has its own.
COMMIT_ORDER_LOCK = 0x736F6D6F73
MAX_WAIT_SECONDS = 25
MAX_LIMIT = 200
DEFAULT_LIMIT = 50
# A long poll re-reads at least this often, should a notification be lost (listener down).
FALLBACK_POLL_SECONDS = 5.0
TAG = "changes"


# --- what a service declares ---------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """A status a resource moves to, and the change type's verb for it."""

    status: str
    verb: str
    es: str
    en: str


@dataclass(frozen=True)
class Announcement:
    """A change type the service announces itself rather than a write of the source's table
    (``commitment.overdue``: a date passed). Its rows are written by a trigger on the
    ``notices`` table, keyed by ``key`` (the source row's id), when a notice is inserted
    (see ``change_outbox.announcement_statements``)."""

    verb: str
    es: str
    en: str
    notices: str
    key: str


@dataclass(frozen=True)
class ChangeSource:
    """One table whose writes are changes: type name, resource, path, territory, scopes.

    ``path`` and ``municipality`` are SQL expressions over ``r``, the row as written (as it
    was, for a delete); ``municipality`` may look the code up in a parent table.
    """

    table: str
    type: str  # singular snake_case: "strengthening_plan"
    resource: str  # plural kebab-case: "strengthening-plans"
    label: tuple[str, str]  # (es, en)
    path: str
    municipality: str
    scopes: tuple[str, ...]
    transitions: tuple[Transition, ...] = ()
    archivable: bool = True
    versioned: bool = True
    deleted_verb: str | None = None  # rows deleted for good (erasure): "<type>.<verb>"
    id_column: str = "id"
    announcements: tuple[Announcement, ...] = ()

    def verbs(self) -> list[tuple[str, str, str]]:
        """(verb, es, en) of every change type of this source."""
        verbs = [("created", "alta", "created"), ("updated", "modificación", "updated")]
        if self.archivable:
            verbs.append(("archived", "archivo", "archived"))
        verbs += [(t.verb, t.es, t.en) for t in self.transitions]
        if self.deleted_verb:
            verbs.append((self.deleted_verb, "supresión", self.deleted_verb))
        verbs += [(a.verb, a.es, a.en) for a in self.announcements]
        return verbs

    def types(self) -> list[str]:
        return [f"{self.type}.{verb}" for verb, _, _ in self.verbs()]


@dataclass(frozen=True)
class ChangeKind:
    """What a reader needs to know of one resource type: who may read it, its change types."""

    type: str
    scopes: tuple[str, ...]
    change_types: tuple[str, ...]


@dataclass(frozen=True)
class FeedCatalogue:
    """A service's resource types as readers filter them (the gateway gets it from the
    contract's ``x-change-feeds``, without importing the services)."""

    service: str
    kinds: tuple[ChangeKind, ...]

    def kind(self, type_name: str) -> ChangeKind | None:
        return next((k for k in self.kinds if k.type == type_name), None)

    def types(self) -> list[str]:
        return [t for k in self.kinds for t in k.change_types]

    def document(self) -> list[dict[str, Any]]:
        return [
            {"type": k.type, "scopes": list(k.scopes), "change_types": list(k.change_types)}
            for k in self.kinds
        ]

    @classmethod
    def from_document(cls, service: str, kinds: list[dict[str, Any]]) -> FeedCatalogue:
        return cls(
            service,
            tuple(
                ChangeKind(k["type"], tuple(k["scopes"]), tuple(k["change_types"])) for k in kinds
            ),
        )


@dataclass(frozen=True)
class ChangeFeed:
    """The change sources of one service and the name of its feed operation."""

    service: str
    operation_id: str
    sources: tuple[ChangeSource, ...]

    def types(self) -> list[str]:
        return [t for s in self.sources for t in s.types()]

    def catalogue(self) -> FeedCatalogue:
        return FeedCatalogue(
            self.service,
            tuple(ChangeKind(s.type, s.scopes, tuple(s.types())) for s in self.sources),
        )

    def labels(self) -> dict[str, tuple[str, str]]:
        """(es, en) label of every change type."""
        return {
            f"{s.type}.{verb}": (f"{s.label[0]}: {es}", f"{s.label[1]} {en}")
            for s in self.sources
            for verb, es, en in s.verbs()
        }

    def vocabulary(self) -> Vocabulary:
        """The change types as a coded list (served with the service's vocabularies)."""
        codes = StrEnum(  # type: ignore[misc]
            "ChangeType", {t.replace(".", "_"): t for t in self.types()}
        )
        return Vocabulary(
            "change_types",
            codes,
            self.labels(),
            "Types of the changes in GET /api/v1/changes (`<resource>.<verb>`)",
        )


# --- cursors -------------------------------------------------------------------------------


def encode_cursor(position: int) -> str:
    """An opaque cursor for a position in one service's feed."""
    return base64.urlsafe_b64encode(f"c{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, field_name: str = "after") -> int:
    """The position a cursor names (0: the beginning); 422 naming the field when invalid."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not (text.startswith("c") and text[1:].isdigit() and len(text) < 21):
        raise InvalidInput(field_name, "is not a cursor of this change feed")
    return int(text[1:])


# --- reading -------------------------------------------------------------------------------


class ChangeRead(BaseModel):
    """One change: which record, which version, where; never its field values."""

    cursor: str = Field(description="Resume after this change: pass it as `after`")
    type: str = Field(examples=["organization.updated"], description="`<resource>.<verb>`")
    resource: str = Field(examples=["organizations"])
    id: uuid.UUID
    version: int = Field(description="The record's version after the change (its ETag)")
    municipality_code: str | None = Field(examples=["52835"])
    path: str = Field(
        examples=["/api/v1/organizations/5b0d6c1e-8f3a-4e52-9a07-2f8c8e9d1a10"],
        description="Where to read the record (or its list, for records without their own "
        "path): GET it for the current content",
    )
    occurred_at: datetime = Field(description="When the change committed (UTC)")


class ChangePage(BaseModel):
    """Changes in commit order and the cursor to read on from."""

    items: list[ChangeRead]
    next_cursor: str = Field(
        description="Pass it as `after` next time; an empty page means you are up to date "
        "(the cursor then still moves past changes you may not see)"
    )


@dataclass(frozen=True)
class Selection:
    """What one caller may see of a feed: change types, and territories (None: all)."""

    types: frozenset[str] | None
    municipalities: frozenset[str] | None
    departments: frozenset[str] | None

    def matches(self, change_type: str, municipality_code: str) -> bool:
        if self.types is not None and change_type not in self.types:
            return False
        if self.municipalities is None and self.departments is None:
            return True
        return municipality_code in (self.municipalities or ()) or (
            municipality_code[:2] in (self.departments or ())
        )


def selection(feed: FeedCatalogue, principal: Principal, types: str | None) -> Selection:
    """The caller's selection: ``types`` (``organization`` or ``organization.created``,
    comma-separated) within what its scopes may read; 422 for an unknown type, 403 when it
    asks for a type its scopes do not read or reads none."""
    readable = [k for k in feed.kinds if all(principal.has_scope(x) for x in k.scopes)]
    wanted: set[str] = set()
    if types:
        for name in (t.strip() for t in types.split(",")):
            if not name:
                continue
            kind = feed.kind(name.split(".", 1)[0])
            if kind is None or ("." in name and name not in kind.change_types):
                raise InvalidInput(
                    "types", f"'{name}' is not a change type of the {feed.service} service"
                )
            missing = [x for x in kind.scopes if not principal.has_scope(x)]
            if missing:
                raise MissingScope(missing[0])
            wanted |= {name} if "." in name else set(kind.change_types)
    else:
        if not readable:
            raise MissingScope(feed.kinds[0].scopes[0])
        wanted = {t for k in readable for t in k.change_types}
    everything = set(feed.types())
    return Selection(
        types=None if wanted == everything else frozenset(wanted),
        municipalities=principal.municipalities,
        departments=principal.departments,
    )


_READ = f"""
SELECT head.position AS head,
       coalesce((SELECT through_position FROM {HORIZON}), 0) AS purged_through, c.*
FROM (SELECT coalesce(max(position), 0) AS position FROM {TABLE}) AS head
LEFT JOIN LATERAL (
    SELECT position, type, resource, resource_id, version, municipality_code, path, occurred_at
    FROM {TABLE}
    WHERE position > $1
      AND ($2::text[] IS NULL OR type = ANY($2::text[]))
      AND ($3::text[] IS NULL OR municipality_code = ANY($3::text[])
           OR left(municipality_code, 2) = ANY($4::text[]))
    ORDER BY position
    LIMIT $5
) AS c ON true
"""


class CursorExpired(DomainError):
    """410: the changes after this cursor were partly deleted by retention."""

    status, slug, title = 410, "cursor-expired", "Changes after this cursor are no longer kept"


@dataclass
class Page:
    """Rows read and the position to read on from."""

    rows: list[asyncpg.Record]
    next_position: int


async def read_page(pool: asyncpg.Pool, *, after: int, chosen: Selection, limit: int) -> Page:
    """Up to ``limit`` changes after ``after`` that the selection sees, in commit order.

    One statement, one snapshot: when the page is not full, the cursor moves to the last
    committed position (rows the caller does not see are not read again).
    """
    territorial = chosen.municipalities is not None or chosen.departments is not None
    records = await pool.fetch(
        _READ,
        after,
        sorted(chosen.types) if chosen.types is not None else None,
        sorted(chosen.municipalities or ()) if territorial else None,
        sorted(chosen.departments or ()),
        limit,
    )
    if after and after < records[0]["purged_through"]:
        raise CursorExpired(
            "Changes after this cursor have been deleted (kept for SOMOS_CHANGES_RETENTION_DAYS "
            "days): read the lists again, then follow the feed from its current next_cursor."
        )
    rows = [r for r in records if r["position"] is not None]
    if len(rows) == limit:
        next_position = rows[-1]["position"]
    else:
        next_position = max(after, records[0]["head"] if records else after)
    return Page(rows, next_position)


def change_read(row: Mapping[str, Any]) -> ChangeRead:
    return ChangeRead(
        cursor=encode_cursor(row["position"]),
        type=row["type"],
        resource=row["resource"],
        id=row["resource_id"],
        version=row["version"],
        municipality_code=row["municipality_code"],
        path=row["path"],
        occurred_at=row["occurred_at"],
    )


# --- long polls ----------------------------------------------------------------------------


@dataclass(eq=False)
class _Waiter:
    chosen: Selection
    woken: asyncio.Event = field(default_factory=asyncio.Event)


class ChangeListener:
    """One LISTEN connection per process; wakes the long polls a committed change matches."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._connection: asyncpg.Connection | None = None
        self._connecting = asyncio.Lock()
        self._waiters: set[_Waiter] = set()

    @property
    def listening(self) -> bool:
        return self._connection is not None and not self._connection.is_closed()

    async def ensure(self) -> None:
        """Listen, unless already listening; a failure leaves waiters on their fallback poll."""
        if self.listening:
            return
        async with self._connecting:
            if self.listening:
                return
            try:
                connection = await asyncpg.connect(self.dsn, timeout=5)
                await connection.add_listener(CHANNEL, self._notified)
            except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
                logger.warning("change listener not connected", extra={"error": type(exc).__name__})
                return
            connection.add_termination_listener(self._terminated)
            self._connection = connection

    def _terminated(self, connection: asyncpg.Connection) -> None:
        if self._connection is connection:
            self._connection = None
        self._wake_all()

    def _notified(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        change_type, _, municipality_code = payload.partition(" ")
        for waiter in list(self._waiters):
            if waiter.chosen.matches(change_type, municipality_code):
                waiter.woken.set()

    def _wake_all(self) -> None:
        for waiter in list(self._waiters):
            waiter.woken.set()

    @contextlib.contextmanager
    def subscribe(self, chosen: Selection) -> Iterator[asyncio.Event]:
        """An event set when a change this selection sees commits (or the listener drops)."""
        waiter = _Waiter(chosen)
        self._waiters.add(waiter)
        try:
            yield waiter.woken
        finally:
            self._waiters.discard(waiter)

    async def close(self) -> None:
        self._wake_all()
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            with contextlib.suppress(Exception):
                await connection.close(timeout=2)


def listener_of(app: FastAPI) -> ChangeListener:
    """The app's change listener, created on first use."""
    listener: ChangeListener | None = getattr(app.state, "change_listener", None)
    if listener is None:
        database: Database = app.state.database
        listener = ChangeListener(asyncpg_dsn(database.url))
        app.state.change_listener = listener
    return listener


@asynccontextmanager
async def change_listener_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the listener (and answer waiting long polls) when the app stops."""
    try:
        yield
    finally:
        listener: ChangeListener | None = getattr(app.state, "change_listener", None)
        if listener is not None:
            app.state.change_listener = None
            await listener.close()


async def poll(
    *,
    pool: asyncpg.Pool,
    listener: ChangeListener | None,
    after: int,
    chosen: Selection,
    limit: int,
    wait: float,
    clock: Callable[[], float] = time.monotonic,
) -> Page:
    """A page; when empty and ``wait`` > 0, wait for a matching commit (at most ``wait`` s)."""
    if wait <= 0 or listener is None:
        return await read_page(pool, after=after, chosen=chosen, limit=limit)
    deadline = clock() + wait
    await listener.ensure()
    with listener.subscribe(chosen) as woken:
        while True:
            woken.clear()  # a commit from here on wakes the wait below
            page = await read_page(pool, after=after, chosen=chosen, limit=limit)
            remaining = deadline - clock()
            if page.rows or remaining <= 0:
                return page
            after = page.next_position
            if not listener.listening:
                await listener.ensure()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), min(remaining, FALLBACK_POLL_SECONDS))
