"""Statements on the PII access log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.events.models import Event, PiiAccess


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
