"""Statements on attendees (their personal fields stay sealed here)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.pagination import PageParams, keyset
from services.events.models import Attendee


async def get_attendee(
    session: AsyncSession, attendee_id: uuid.UUID, *, for_update: bool = False
) -> Attendee | None:
    """One attendee by id (locked when ``for_update``)."""
    stmt = select(Attendee).where(Attendee.id == attendee_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_attendees(
    session: AsyncSession, event_id: uuid.UUID, page: PageParams, *, include_archived: bool = False
) -> Sequence[Attendee]:
    """One page of an event's attendees, oldest first."""
    a = Attendee
    stmt = select(a).where(a.event_id == event_id)  # type: ignore[arg-type]
    if not include_archived:
        stmt = stmt.where(a.archived_at.is_(None))  # type: ignore[union-attr]
    stmt = keyset(stmt, (a.created_at, a.id), page)
    return (await session.execute(stmt)).scalars().all()


async def document_taken(
    session: AsyncSession, *, event_id: uuid.UUID, digest: bytes, excluding: uuid.UUID | None = None
) -> bool:
    """Whether another active attendee of the event has this document hash."""
    a = Attendee
    stmt = select(col(a.id)).where(
        col(a.event_id) == event_id, col(a.document_hash) == digest, col(a.archived_at).is_(None)
    )
    if excluding is not None:
        stmt = stmt.where(col(a.id) != excluding)
    return (await session.execute(stmt.limit(1))).first() is not None
