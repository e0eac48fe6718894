"""Statements on the events table."""

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
from services.common.text import like_pattern
from services.events.models import Event


@dataclass(frozen=True)
class EventFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    type: str | None = None
    status: str | None = None
    organization_id: uuid.UUID | None = None
    security_plan_id: uuid.UUID | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    q: str | None = None
    include_archived: bool = False


async def get_event(
    session: AsyncSession, event_id: uuid.UUID, *, for_update: bool = False
) -> Event | None:
    """One event by id, archived or not (locked when ``for_update``)."""
    stmt = select(Event).where(Event.id == event_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_events(
    session: AsyncSession, *, principal: Principal, filters: EventFilters, page: PageParams
) -> Sequence[Event]:
    """One page of events in the caller's territory, newest start first."""
    e = Event
    stmt = select(e).where(principal.territory_clause(e.municipality_code, e.department_code))
    if not filters.include_archived:
        stmt = stmt.where(e.archived_at.is_(None))  # type: ignore[union-attr]
    for column, value in (
        (e.municipality_code, filters.municipality_code),
        (e.department_code, filters.department_code),
        (e.type, filters.type),
        (e.status, filters.status),
        (e.security_plan_id, filters.security_plan_id),
    ):
        if value is not None:
            stmt = stmt.where(column == value)  # type: ignore[arg-type]
    if filters.organization_id is not None:
        stmt = stmt.where(e.organization_ids.contains([filters.organization_id]))  # type: ignore[attr-defined]
    if filters.starts_from is not None:
        stmt = stmt.where(col(e.starts_at) >= filters.starts_from)
    if filters.starts_before is not None:
        stmt = stmt.where(col(e.starts_at) < filters.starts_before)
    if filters.q:
        stmt = stmt.where(e.search_text.like(like_pattern(filters.q), escape="\\"))  # type: ignore[attr-defined]
    stmt = keyset(stmt, (e.starts_at, e.id), page, descending=True)
    return (await session.execute(stmt)).scalars().all()
