"""Statements on commitments and their notes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.auth import Principal
from services.common.errors import InvalidInput
from services.common.pagination import PageParams, decode_cursor
from services.events.models import Commitment, CommitmentNote, CommitmentOverdueNotice, Event
from services.events.vocabularies import PENDING_COMMITMENT


@dataclass(frozen=True)
class CommitmentFilters:
    event_id: uuid.UUID | None = None
    status: str | None = None
    overdue: bool | None = None
    responsible_party: str | None = None
    municipality_code: str | None = None
    department_code: str | None = None
    due_from: date | None = None
    due_to: date | None = None
    include_archived: bool = False


def overdue_clause(today: date) -> sa.ColumnElement[bool]:
    """Still pending after its due date."""
    return sa.and_(col(Commitment.status).in_(PENDING_COMMITMENT), col(Commitment.due_date) < today)


async def insert_overdue_notices(session: AsyncSession, *, today: date) -> int:
    """A notice for every pending, unarchived commitment past its due date that has none for
    that date (one statement); how many were inserted.

    The commitments are share-locked until commit, so none is fulfilled, cancelled or moved
    while its announcement commits (the change would follow the write that made it untrue);
    one a transaction is writing right now is skipped, for the next round to judge."""
    c, n = Commitment, CommitmentOverdueNotice
    announced = sa.exists().where(
        col(n.commitment_id) == col(c.id), col(n.due_date) == col(c.due_date)
    )
    candidates = (
        select(col(c.id), col(c.due_date), sa.func.now())
        .where(overdue_clause(today), col(c.archived_at).is_(None), ~announced)
        .order_by(col(c.id))
        .with_for_update(read=True, skip_locked=True, of=c)
    )
    stmt = (
        insert(n)
        .from_select(["commitment_id", "due_date", "announced_at"], candidates)
        .on_conflict_do_nothing()
    )
    result = await session.execute(stmt)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def get_commitment(
    session: AsyncSession, commitment_id: uuid.UUID, *, for_update: bool = False
) -> Commitment | None:
    """One commitment by id (locked when ``for_update``)."""
    stmt = select(Commitment).where(Commitment.id == commitment_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_commitments(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: CommitmentFilters,
    page: PageParams,
    today: date,
) -> Sequence[tuple[Commitment, Event]]:
    """Commitments with their event, ordered by due date (the follow-up order)."""
    c, e = Commitment, Event
    stmt: Select[Any] = (
        select(c, e)
        .join(e, col(e.id) == col(c.event_id))  # type: ignore[assignment]
        .where(principal.territory_clause(e.municipality_code, e.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(c.archived_at.is_(None), e.archived_at.is_(None))  # type: ignore[union-attr]
    for column, value in (
        (c.event_id, filters.event_id),
        (c.status, filters.status),
        (c.responsible_party, filters.responsible_party),
        (e.municipality_code, filters.municipality_code),
        (e.department_code, filters.department_code),
    ):
        if value is not None:
            stmt = stmt.where(column == value)  # type: ignore[arg-type]
    if filters.overdue is True:
        stmt = stmt.where(overdue_clause(today))
    elif filters.overdue is False:
        stmt = stmt.where(sa.not_(overdue_clause(today)))
    if filters.due_from is not None:
        stmt = stmt.where(col(c.due_date) >= filters.due_from)
    if filters.due_to is not None:
        stmt = stmt.where(col(c.due_date) <= filters.due_to)
    if page.cursor:
        due, last_id = decode_cursor(page.cursor, 2)
        try:
            after = (date.fromisoformat(due), last_id)
        except (TypeError, ValueError):
            after = None
        if after is None or not isinstance(last_id, uuid.UUID):
            raise InvalidInput("cursor", "not a cursor this list issued")
        stmt = stmt.where(tuple_(c.due_date, c.id) > tuple_(*after))  # type: ignore[arg-type]
    stmt = stmt.order_by(c.due_date, c.id).limit(page.limit + 1)  # type: ignore[arg-type]
    return [(row[0], row[1]) for row in (await session.execute(stmt)).all()]


async def notes_for(
    session: AsyncSession, commitment_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[CommitmentNote]]:
    """Notes of several commitments in one query, oldest first."""
    out: dict[uuid.UUID, list[CommitmentNote]] = {i: [] for i in commitment_ids}
    if not commitment_ids:
        return out
    n = CommitmentNote
    stmt = (
        select(n)
        .where(col(n.commitment_id).in_(list(commitment_ids)))
        .order_by(col(n.created_at), col(n.id))
    )
    for note in (await session.execute(stmt)).scalars():
        out[note.commitment_id].append(note)
    return out
