"""Statements of habeas data requests and of retention: one person's records by keyed hash,
their erasure, and the anonymous counts erased attendees leave behind."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.auth import Principal
from services.common.models import utcnow
from services.events.models import Attendee, Event, ParticipationErased


async def records_of_person(
    session: AsyncSession, *, person_hash: bytes, principal: Principal, for_update: bool = False
) -> Sequence[tuple[Attendee, Event]]:
    """Every attendee record (archived ones too) with this person hash, in the caller's
    territories, oldest event first (index ``ix_attendees_person_hash``, no clear scan)."""
    stmt = (
        select(Attendee, Event)
        .join(Event, col(Event.id) == col(Attendee.event_id))
        .where(
            col(Attendee.person_hash) == person_hash,
            principal.territory_clause(col(Event.municipality_code), col(Event.department_code)),
        )
        .order_by(col(Event.starts_at), col(Event.id), col(Attendee.id))
    )
    if for_update:
        stmt = stmt.with_for_update(of=Attendee)
    return [(a, e) for a, e in (await session.execute(stmt)).all()]


async def lock_events(session: AsyncSession, event_ids: Sequence[uuid.UUID]) -> None:
    """Lock these events (in id order, as attendee writes do one at a time)."""
    if event_ids:
        stmt = (
            select(col(Event.id))
            .where(col(Event.id).in_(sorted(event_ids)))
            .order_by(col(Event.id))
            .with_for_update()
        )
        await session.execute(stmt)


async def delete_attendees(session: AsyncSession, attendee_ids: Sequence[uuid.UUID]) -> int:
    """Delete attendee rows: ciphertext and both keyed hashes go with them."""
    if not attendee_ids:
        return 0
    result = await session.execute(sa.delete(Attendee).where(col(Attendee.id).in_(attendee_ids)))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def add_erased_counts(
    session: AsyncSession, *, event_id: uuid.UUID, counts: Mapping[str, int], replace: bool = False
) -> None:
    """Add ``counts`` to the event's erased counts (or, with ``replace``, set them)."""
    table: sa.Table = ParticipationErased.__table__  # type: ignore[attr-defined]
    values = {"event_id": event_id, "updated_at": utcnow(), **counts}
    stmt = insert(table).values(values)
    updates = {
        name: (stmt.excluded[name] if replace else table.c[name] + stmt.excluded[name])
        for name in counts
    }
    updates["updated_at"] = stmt.excluded.updated_at
    await session.execute(stmt.on_conflict_do_update(index_elements=["event_id"], set_=updates))


async def events_past_retention(
    session: AsyncSession, *, ended_before: datetime, limit: int
) -> Sequence[Event]:
    """Events ended (or, without an end, started) before the cutoff that still keep attendee
    records, locked and skipping those another purge holds."""
    ended = sa.func.coalesce(col(Event.ends_at), col(Event.starts_at))
    has_attendees = sa.exists().where(col(Attendee.event_id) == col(Event.id))
    stmt = (
        select(Event)
        .where(ended < ended_before, has_attendees)
        .order_by(col(Event.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return (await session.execute(stmt)).scalars().all()


async def delete_event_attendees(session: AsyncSession, event_id: uuid.UUID) -> int:
    """Delete every attendee row of one event; how many."""
    result = await session.execute(sa.delete(Attendee).where(col(Attendee.event_id) == event_id))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def attendees_without_person_hash(
    session: AsyncSession, *, after: uuid.UUID, limit: int
) -> Sequence[Attendee]:
    """Rows whose person hash is not filled in yet (locked, skipping rows others hold)."""
    stmt = (
        select(Attendee)
        .where(col(Attendee.person_hash).is_(None), col(Attendee.id) > after)
        .order_by(col(Attendee.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return (await session.execute(stmt)).scalars().all()
