"""Statements on the PII access log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.events.models import Event, PiiAccess
from services.events.pii_access_log.chain import APPEND_LOCK


@dataclass(frozen=True)
class PiiAccessFilters:
    event_id: uuid.UUID | None = None
    subject: str | None = None
    occurred_from: datetime | None = None
    occurred_before: datetime | None = None


async def list_pii_access(
    session: AsyncSession, *, principal: Principal, filters: PiiAccessFilters, page: PageParams
) -> Sequence[PiiAccess]:
    """One page of access entries of events in the caller's territories, newest first."""
    p = PiiAccess
    stmt = select(p)
    if principal.is_territorially_limited:
        # An entry belongs to its event's territory; one without a known event to none.
        stmt = stmt.join(Event, col(Event.id) == col(p.event_id)).where(
            principal.territory_clause(Event.municipality_code, Event.department_code)
        )
    if filters.event_id is not None:
        stmt = stmt.where(p.event_id == filters.event_id)  # type: ignore[arg-type]
    if filters.subject is not None:
        stmt = stmt.where(p.subject == filters.subject)  # type: ignore[arg-type]
    if filters.occurred_from is not None:
        stmt = stmt.where(col(p.occurred_at) >= filters.occurred_from)
    if filters.occurred_before is not None:
        stmt = stmt.where(col(p.occurred_at) < filters.occurred_before)
    stmt = keyset(stmt, (p.occurred_at, p.id), page, descending=True)
    return (await session.execute(stmt)).scalars().all()


async def lock_chain(session: AsyncSession) -> None:
    """Serialise appends to the chain until this transaction ends."""
    await session.execute(select(func.pg_advisory_xact_lock(APPEND_LOCK)))


async def chain_head(session: AsyncSession) -> tuple[int, str] | None:
    """Position and hash of the last entry (None while the log is empty)."""
    stmt = (
        select(col(PiiAccess.position), col(PiiAccess.entry_hash))
        .order_by(col(PiiAccess.position).desc())
        .limit(1)
    )
    row = (await session.execute(stmt)).first()
    return (int(row[0]), str(row[1])) if row else None


# The same three statements on a raw asyncpg connection (the lean attendees list).
_HEAD = "SELECT position, entry_hash FROM pii_access_log ORDER BY position DESC LIMIT 1"
_COLUMNS = (
    "id",
    "occurred_at",
    "subject",
    "token_id",
    "action",
    "event_id",
    "attendee_id",
    "record_count",
    "request_id",
    "position",
    "previous_hash",
    "entry_hash",
)
_INSERT = (
    f"INSERT INTO pii_access_log ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join(f'${i}' for i in range(1, len(_COLUMNS) + 1))})"
)


async def lock_chain_raw(conn: Any) -> None:
    await conn.execute("SELECT pg_advisory_xact_lock($1)", APPEND_LOCK)


async def chain_head_raw(conn: Any) -> tuple[int, str] | None:
    row = await conn.fetchrow(_HEAD)
    return (int(row[0]), str(row[1])) if row else None


async def insert_raw(conn: Any, entry: PiiAccess) -> None:
    await conn.execute(_INSERT, *(getattr(entry, name) for name in _COLUMNS))
