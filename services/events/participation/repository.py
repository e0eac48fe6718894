"""Statements on participation summaries and the attendees they are computed from."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.events.models import Attendee, Participation, ParticipationErased


async def get_participation(
    session: AsyncSession, event_id: uuid.UUID, *, for_update: bool = False
) -> Participation | None:
    """The event's summary, if any (locked when ``for_update``)."""
    stmt = select(Participation).where(Participation.event_id == event_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def delete_participation(session: AsyncSession, event_id: uuid.UUID) -> None:
    """Remove the event's summary."""
    await session.execute(sa.delete(Participation).where(Participation.event_id == event_id))  # type: ignore[arg-type]


async def active_attendees(session: AsyncSession, event_id: uuid.UUID) -> Sequence[Attendee]:
    """The event's attendees that are not archived."""
    stmt = select(Attendee).where(
        col(Attendee.event_id) == event_id, col(Attendee.archived_at).is_(None)
    )
    return (await session.execute(stmt)).scalars().all()


async def has_active_attendees(session: AsyncSession, event_id: uuid.UUID) -> bool:
    """Whether the event has any attendee that is not archived."""
    stmt = (
        select(col(Attendee.id))
        .where(col(Attendee.event_id) == event_id, col(Attendee.archived_at).is_(None))
        .limit(1)
    )
    return (await session.execute(stmt)).first() is not None


async def get_erased_counts(
    session: AsyncSession, event_id: uuid.UUID
) -> ParticipationErased | None:
    """The anonymous counts of the event's erased attendees, if any."""
    stmt = select(ParticipationErased).where(col(ParticipationErased.event_id) == event_id)
    return (await session.execute(stmt)).scalar_one_or_none()
