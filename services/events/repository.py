"""Every SQL statement of the events service."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy import Select, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from services.common.auth import Principal
from services.common.errors import InvalidInput
from services.common.pagination import PageParams, decode_cursor, keyset
from services.common.stats import Statement, Territory, run_statements
from services.common.text import like_pattern
from services.events.models import (
    COUNT_COLUMNS,
    Attendee,
    Commitment,
    CommitmentNote,
    Event,
    Participation,
    PiiAccess,
    RiskFactor,
)
from services.events.vocabularies import OPTIONAL_COUNTS, PENDING_COMMITMENT

# --- events ----------------------------------------------------------------------------


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
    stmt = select(Event).where(Event.id == event_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_events(
    session: AsyncSession, *, principal: Principal, filters: EventFilters, page: PageParams
) -> Sequence[Event]:
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


# --- participation ---------------------------------------------------------------------


async def get_participation(
    session: AsyncSession, event_id: uuid.UUID, *, for_update: bool = False
) -> Participation | None:
    stmt = select(Participation).where(Participation.event_id == event_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def delete_participation(session: AsyncSession, event_id: uuid.UUID) -> None:
    await session.execute(sa.delete(Participation).where(Participation.event_id == event_id))  # type: ignore[arg-type]


# --- attendees -------------------------------------------------------------------------


async def get_attendee(
    session: AsyncSession, attendee_id: uuid.UUID, *, for_update: bool = False
) -> Attendee | None:
    stmt = select(Attendee).where(Attendee.id == attendee_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_attendees(
    session: AsyncSession, event_id: uuid.UUID, page: PageParams, *, include_archived: bool = False
) -> Sequence[Attendee]:
    a = Attendee
    stmt = select(a).where(a.event_id == event_id)  # type: ignore[arg-type]
    if not include_archived:
        stmt = stmt.where(a.archived_at.is_(None))  # type: ignore[union-attr]
    stmt = keyset(stmt, (a.created_at, a.id), page)
    return (await session.execute(stmt)).scalars().all()


async def active_attendees(session: AsyncSession, event_id: uuid.UUID) -> Sequence[Attendee]:
    stmt = select(Attendee).where(
        col(Attendee.event_id) == event_id, col(Attendee.archived_at).is_(None)
    )
    return (await session.execute(stmt)).scalars().all()


async def has_active_attendees(session: AsyncSession, event_id: uuid.UUID) -> bool:
    stmt = (
        select(col(Attendee.id))
        .where(col(Attendee.event_id) == event_id, col(Attendee.archived_at).is_(None))
        .limit(1)
    )
    return (await session.execute(stmt)).first() is not None


async def document_taken(
    session: AsyncSession, *, event_id: uuid.UUID, digest: bytes, excluding: uuid.UUID | None = None
) -> bool:
    a = Attendee
    stmt = select(col(a.id)).where(
        col(a.event_id) == event_id, col(a.document_hash) == digest, col(a.archived_at).is_(None)
    )
    if excluding is not None:
        stmt = stmt.where(col(a.id) != excluding)
    return (await session.execute(stmt.limit(1))).first() is not None


# --- PII access log ----------------------------------------------------------------------


@dataclass(frozen=True)
class PiiAccessFilters:
    event_id: uuid.UUID | None = None
    subject: str | None = None
    occurred_from: datetime | None = None
    occurred_before: datetime | None = None


async def list_pii_access(
    session: AsyncSession, *, filters: PiiAccessFilters, page: PageParams
) -> Sequence[PiiAccess]:
    p = PiiAccess
    stmt = select(p)
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


# --- risk factors ----------------------------------------------------------------------


async def get_risk_factor(
    session: AsyncSession, risk_factor_id: uuid.UUID, *, for_update: bool = False
) -> RiskFactor | None:
    stmt = select(RiskFactor).where(RiskFactor.id == risk_factor_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_risk_factors(
    session: AsyncSession, event_id: uuid.UUID, page: PageParams, *, include_archived: bool = False
) -> Sequence[RiskFactor]:
    r = RiskFactor
    stmt = select(r).where(r.event_id == event_id)  # type: ignore[arg-type]
    if not include_archived:
        stmt = stmt.where(r.archived_at.is_(None))  # type: ignore[union-attr]
    stmt = keyset(stmt, (r.created_at, r.id), page)
    return (await session.execute(stmt)).scalars().all()


# --- commitments -----------------------------------------------------------------------


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
    return sa.and_(col(Commitment.status).in_(PENDING_COMMITMENT), col(Commitment.due_date) < today)


async def get_commitment(
    session: AsyncSession, commitment_id: uuid.UUID, *, for_update: bool = False
) -> Commitment | None:
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


# --- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class StatsFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None


@dataclass(frozen=True)
class StatsScope:
    """Rows a statistics request covers: territory (claims and filters) and start times."""

    territory: Territory
    starts_from: datetime | None = None
    starts_before: datetime | None = None


class _Statement(Statement):
    def events_in_scope(self, scope: StatsScope) -> str:
        """Active events (alias ``e``) in the territory, starting within the range."""
        conditions = [self.in_territory(scope.territory, "e")]
        if scope.starts_from is not None:
            conditions.append(f"e.starts_at >= {self.param(scope.starts_from, 'timestamptz')}")
        if scope.starts_before is not None:
            conditions.append(f"e.starts_at < {self.param(scope.starts_before, 'timestamptz')}")
        return " AND ".join(conditions)


PROTECTION_WORKSHOPS = ("taller_psicosocial", "taller_autoproteccion")
PARTICIPATION_SUMS = [
    "total",
    *[c for cols in COUNT_COLUMNS.values() for c in cols],
    *OPTIONAL_COUNTS,
]
_PARTICIPATION_COLUMNS = ",\n".join(f"coalesce(sum(p.{c}), 0)" for c in PARTICIPATION_SUMS)
_PENDING = ", ".join(f"'{status}'" for status in PENDING_COMMITMENT)
_WORKSHOPS = ", ".join(f"'{kind}'" for kind in PROTECTION_WORKSHOPS)


def _counts_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, type, status, events, distinct communities) groups."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, e.type, e.status, count(*) AS events,
               count(DISTINCT e.community_key) AS communities
        FROM events e WHERE {s.events_in_scope(scope)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _protection_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, distinct communities with a held psychosocial or self-protection
    workshop)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(DISTINCT e.community_key) AS communities
        FROM events e
        WHERE {s.events_in_scope(scope)} AND e.status = 'held' AND e.type IN ({_WORKSHOPS})
        GROUP BY 1"""
    return sql, s.args


def _participation_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Per municipality: held events with a summary, then the sum of every count column
    (in PARTICIPATION_SUMS order)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(*) AS events, {_PARTICIPATION_COLUMNS}
        FROM participation p JOIN events e ON e.id = p.event_id
        WHERE {s.events_in_scope(scope)} AND e.status = 'held'
        GROUP BY 1"""
    return sql, s.args


def _commitments_sql(scope: StatsScope, today: date) -> tuple[str, list[Any]]:
    """(municipality, status, commitments, overdue) groups of active commitments."""
    s = _Statement()
    events = s.events_in_scope(scope)
    sql = f"""
        SELECT e.municipality_code, c.status, count(*) AS commitments,
               count(*) FILTER (
                   WHERE c.status IN ({_PENDING}) AND c.due_date < {s.param(today, "date")}
               ) AS overdue
        FROM commitments c JOIN events e ON e.id = c.event_id
        WHERE {events} AND c.archived_at IS NULL
        GROUP BY 1, 2"""
    return sql, s.args


def _trust_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """(municipality, held sessions with a trust change, sum of the changes)."""
    s = _Statement()
    sql = f"""
        SELECT e.municipality_code, count(*) AS sessions, sum(e.trust_change) AS change_sum
        FROM events e
        WHERE {s.events_in_scope(scope)} AND e.status = 'held' AND e.trust_change IS NOT NULL
        GROUP BY 1"""
    return sql, s.args


async def event_stats(
    pool: asyncpg.Pool, scope: StatsScope, today: date
) -> dict[str, list[asyncpg.Record]]:
    """The rows of the five statistics statements."""
    return await run_statements(
        pool,
        {
            "counts": _counts_sql(scope),
            "protection": _protection_sql(scope),
            "participation": _participation_sql(scope),
            "commitments": _commitments_sql(scope, today),
            "trust": _trust_sql(scope),
        },
        territory=scope.territory,
    )


def add(session: AsyncSession, row: Any) -> None:
    session.add(row)
