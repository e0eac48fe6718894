"""Every SQL statement of the organizations service."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import asyncpg
import sqlalchemy as sa
from sqlalchemy import any_, distinct, func, literal
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.common.stats import Statement, Territory, run_statements
from services.common.text import like_pattern
from services.organizations.models import (
    OPEN_PLAN_STATUSES,
    Assessment,
    CommunityInitiative,
    Organization,
    PlanAction,
    StrengtheningPlan,
    SupportActivity,
)
from services.organizations.vocabularies import AgeGroup, Ethnicity, Sex

Row = TypeVar("Row", bound=SQLModel)

ORGANIZATION_COLUMNS = (
    "id, name, acronym, type, ethnic_focus, municipality_code, department_code, founded_year, "
    "members_count, focus_areas, contact_email, contact_phone, status, version, created_at, "
    "updated_at, archived_at"
)


@dataclass(frozen=True)
class OrganizationFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    type: str | None = None
    ethnic_focus: str | None = None
    status: str | None = None
    q: str | None = None
    include_archived: bool = False


async def fetch_organization_row(
    pool: asyncpg.Pool, organization_id: uuid.UUID
) -> asyncpg.Record | None:
    """One organization by id through the raw pool (the hot read path, no ORM)."""
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1", organization_id
        )


async def get_organization(
    session: AsyncSession, organization_id: uuid.UUID, *, for_update: bool = False
) -> Organization | None:
    stmt = select(Organization).where(col(Organization.id) == organization_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def name_taken(
    session: AsyncSession,
    *,
    municipality_code: str,
    name_key: str,
    excluding: uuid.UUID | None = None,
) -> bool:
    stmt = select(col(Organization.id)).where(
        col(Organization.municipality_code) == municipality_code,
        col(Organization.name_key) == name_key,
        col(Organization.archived_at).is_(None),
    )
    if excluding is not None:
        stmt = stmt.where(col(Organization.id) != excluding)
    return (await session.execute(stmt.limit(1))).first() is not None


async def list_organizations(
    session: AsyncSession, *, principal: Principal, filters: OrganizationFilters, page: PageParams
) -> Sequence[Organization]:
    o = Organization
    stmt = select(o).where(
        principal.territory_clause(col(o.municipality_code), col(o.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(o.archived_at).is_(None))
    for column, value in (
        (o.municipality_code, filters.municipality_code),
        (o.department_code, filters.department_code),
        (o.type, filters.type),
        (o.ethnic_focus, filters.ethnic_focus),
        (o.status, filters.status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.q:
        stmt = stmt.where(col(o.search_text).like(like_pattern(filters.q), escape="\\"))
    stmt = keyset(stmt, (col(o.created_at), col(o.id)), page)
    return (await session.execute(stmt)).scalars().all()


async def get_assessment(
    session: AsyncSession, assessment_id: uuid.UUID, *, for_update: bool = False
) -> Assessment | None:
    stmt = select(Assessment).where(col(Assessment.id) == assessment_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def baseline_of(session: AsyncSession, organization_id: uuid.UUID) -> Assessment | None:
    stmt = select(Assessment).where(
        col(Assessment.organization_id) == organization_id,
        col(Assessment.kind) == "baseline",
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_assessments(
    session: AsyncSession, organization_id: uuid.UUID, page: PageParams
) -> Sequence[Assessment]:
    a = Assessment
    stmt = select(a).where(col(a.organization_id) == organization_id)
    stmt = keyset(stmt, (col(a.created_at), col(a.id)), page)
    return (await session.execute(stmt)).scalars().all()


async def verified_assessments(
    session: AsyncSession, organization_id: uuid.UUID
) -> Sequence[Assessment]:
    """Verified assessments of one organization, oldest first."""
    a = Assessment
    stmt = (
        select(a)
        .where(
            col(a.organization_id) == organization_id,
            col(a.status) == "verified",
        )
        .order_by(col(a.assessed_on), col(a.created_at))
    )
    return (await session.execute(stmt)).scalars().all()


def add(session: AsyncSession, row: Any) -> None:
    session.add(row)


# --- strengthening plans and their actions ---------------------------------------------


@dataclass(frozen=True)
class PlanFilters:
    organization_id: uuid.UUID | None = None
    municipality_code: str | None = None
    department_code: str | None = None
    status: str | None = None
    include_archived: bool = False


@dataclass(frozen=True)
class PlanProgress:
    """What the plan's actions add up to (archived actions excluded)."""

    actions_count: int = 0
    progress_pct: float | None = None
    overdue_actions: int = 0
    opi_areas: tuple[str, ...] = ()


async def _one_by_id(
    session: AsyncSession, model: type[Row], row_id: uuid.UUID, *, for_update: bool
) -> Row | None:
    stmt = select(model).where(col(model.id) == row_id)  # type: ignore[attr-defined]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def get_plan(
    session: AsyncSession, plan_id: uuid.UUID, *, for_update: bool = False
) -> StrengtheningPlan | None:
    return await _one_by_id(session, StrengtheningPlan, plan_id, for_update=for_update)


async def open_plan_of(
    session: AsyncSession, organization_id: uuid.UUID, *, excluding: uuid.UUID | None = None
) -> StrengtheningPlan | None:
    """The organization's plan that is neither completed nor cancelled (nor archived)."""
    p = StrengtheningPlan
    stmt = select(p).where(
        col(p.organization_id) == organization_id,
        col(p.status).in_(OPEN_PLAN_STATUSES),
        col(p.archived_at).is_(None),
    )
    if excluding is not None:
        stmt = stmt.where(col(p.id) != excluding)
    return (await session.execute(stmt.limit(1))).scalar_one_or_none()


async def list_plans(
    session: AsyncSession, *, principal: Principal, filters: PlanFilters, page: PageParams
) -> Sequence[StrengtheningPlan]:
    p, o = StrengtheningPlan, Organization
    stmt = (
        select(p)
        .join(o, col(o.id) == col(p.organization_id))
        .where(principal.territory_clause(o.municipality_code, o.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(p.archived_at).is_(None))
    for column, value in (
        (col(p.organization_id), filters.organization_id),
        (col(p.status), filters.status),
        (col(o.municipality_code), filters.municipality_code),
        (col(o.department_code), filters.department_code),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    stmt = keyset(stmt, (p.created_at, p.id), page)
    return (await session.execute(stmt)).scalars().all()


async def plan_progress(
    session: AsyncSession, plan_ids: Sequence[uuid.UUID], *, today: date
) -> dict[uuid.UUID, PlanProgress]:
    """Computed figures of several plans in one aggregate query."""
    if not plan_ids:
        return {}
    a = PlanAction
    counted = col(a.status) != "dropped"
    stmt = (
        sa.select(
            col(a.plan_id),
            func.count(),
            func.round(func.avg(col(a.progress_pct)).filter(counted), 1),
            func.count().filter(col(a.due_date) < today, col(a.status).notin_(("done", "dropped"))),
            func.array_agg(distinct(col(a.opi_area))).filter(counted),
        )
        .where(col(a.plan_id).in_(list(plan_ids)), col(a.archived_at).is_(None))
        .group_by(col(a.plan_id))
    )
    out: dict[uuid.UUID, PlanProgress] = {}
    for plan_id, count, progress, overdue, areas in (await session.execute(stmt)).all():
        out[plan_id] = PlanProgress(
            actions_count=count,
            progress_pct=None if progress is None else float(progress),
            overdue_actions=overdue,
            opi_areas=tuple(areas or ()),
        )
    return out


async def countable_actions(session: AsyncSession, plan_id: uuid.UUID) -> int:
    """Actions of the plan that are neither dropped nor archived."""
    a = PlanAction
    stmt = (
        select(func.count())
        .select_from(a)
        .where(
            col(a.plan_id) == plan_id,
            col(a.status) != "dropped",
            col(a.archived_at).is_(None),
        )
    )
    return int((await session.execute(stmt)).scalar_one())


async def get_action(
    session: AsyncSession, action_id: uuid.UUID, *, for_update: bool = False
) -> PlanAction | None:
    return await _one_by_id(session, PlanAction, action_id, for_update=for_update)


async def list_actions(
    session: AsyncSession,
    plan_id: uuid.UUID,
    page: PageParams,
    *,
    status: str | None = None,
    opi_area: str | None = None,
    include_archived: bool = False,
) -> Sequence[PlanAction]:
    a = PlanAction
    stmt = select(a).where(col(a.plan_id) == plan_id)
    if not include_archived:
        stmt = stmt.where(col(a.archived_at).is_(None))
    if status is not None:
        stmt = stmt.where(col(a.status) == status)
    if opi_area is not None:
        stmt = stmt.where(col(a.opi_area) == opi_area)
    stmt = keyset(stmt, (a.created_at, a.id), page)
    return (await session.execute(stmt)).scalars().all()


# --- capacity support ------------------------------------------------------------------


@dataclass(frozen=True)
class SupportFilters:
    organization_id: uuid.UUID | None = None
    kind: str | None = None
    municipality_code: str | None = None
    department_code: str | None = None
    delivered_from: date | None = None
    delivered_to: date | None = None
    include_archived: bool = False


async def get_support_activity(
    session: AsyncSession, activity_id: uuid.UUID, *, for_update: bool = False
) -> SupportActivity | None:
    return await _one_by_id(session, SupportActivity, activity_id, for_update=for_update)


async def list_support_activities(
    session: AsyncSession, *, principal: Principal, filters: SupportFilters, page: PageParams
) -> Sequence[SupportActivity]:
    s, o = SupportActivity, Organization
    stmt = (
        select(s)
        .join(o, col(o.id) == col(s.organization_id))
        .where(principal.territory_clause(o.municipality_code, o.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(s.archived_at).is_(None))
    for column, value in (
        (col(s.organization_id), filters.organization_id),
        (col(s.kind), filters.kind),
        (col(o.municipality_code), filters.municipality_code),
        (col(o.department_code), filters.department_code),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.delivered_from is not None:
        stmt = stmt.where(col(s.delivered_on) >= filters.delivered_from)
    if filters.delivered_to is not None:
        stmt = stmt.where(col(s.delivered_on) <= filters.delivered_to)
    stmt = keyset(stmt, (s.created_at, s.id), page)
    return (await session.execute(stmt)).scalars().all()


# --- community initiatives -------------------------------------------------------------


@dataclass(frozen=True)
class InitiativeFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    status: str | None = None
    methodology: str | None = None
    lead_organization_id: uuid.UUID | None = None
    risk_factor: str | None = None
    starts_from: date | None = None
    starts_to: date | None = None
    include_archived: bool = False


async def get_initiative(
    session: AsyncSession, initiative_id: uuid.UUID, *, for_update: bool = False
) -> CommunityInitiative | None:
    return await _one_by_id(session, CommunityInitiative, initiative_id, for_update=for_update)


async def list_initiatives(
    session: AsyncSession, *, principal: Principal, filters: InitiativeFilters, page: PageParams
) -> Sequence[CommunityInitiative]:
    c = CommunityInitiative
    stmt = select(c).where(principal.territory_clause(c.municipality_code, c.department_code))
    if not filters.include_archived:
        stmt = stmt.where(col(c.archived_at).is_(None))
    for column, value in (
        (col(c.municipality_code), filters.municipality_code),
        (col(c.department_code), filters.department_code),
        (col(c.status), filters.status),
        (col(c.methodology), filters.methodology),
        (col(c.lead_organization_id), filters.lead_organization_id),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.risk_factor is not None:
        stmt = stmt.where(literal(filters.risk_factor) == any_(col(c.risk_factors_addressed)))
    if filters.starts_from is not None:
        stmt = stmt.where(col(c.start_date) >= filters.starts_from)
    if filters.starts_to is not None:
        stmt = stmt.where(col(c.start_date) <= filters.starts_to)
    stmt = keyset(stmt, (c.created_at, c.id), page)
    return (await session.execute(stmt)).scalars().all()


# --- statistics ------------------------------------------------------------------------
# Raw SQL through the asyncpg pool (services/common/stats.py): aggregates only, run side by
# side, one connection each.


@dataclass(frozen=True)
class StatsScope:
    territory: Territory
    date_from: date | None
    date_to: date | None


def _organizations_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Organizations (a stock: the dates do not apply) by municipality, type, ethnic focus."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, o.type, o.ethnic_focus, count(*) AS n
        FROM organizations o
        WHERE {s.in_territory(scope.territory, "o")}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _opi_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Verified assessments and OPI figures by municipality, in one join with organizations.

    Baseline: the organization's verified baseline assessed on or before `to` (at most one
    baseline per organization). Latest: its latest verified follow-up assessed within
    from/to (same order as the performance endpoint).
    """
    s = Statement()
    follow_ups = s.within_dates("f.assessed_on", scope.date_from, scope.date_to)
    if scope.territory.narrowed:
        # Only the follow-ups of organizations in scope, not the whole country's.
        follow_ups += (
            " AND f.organization_id IN "
            f"(SELECT t.id FROM organizations t WHERE {s.in_territory(scope.territory, 't')})"
        )
    assessed = s.within_dates("a.assessed_on", scope.date_from, scope.date_to)
    baseline = "a.kind = 'baseline'" + (
        f" AND a.assessed_on <= {s.param(scope.date_to, 'date')}" if scope.date_to else ""
    )
    organizations = s.in_territory(scope.territory, "o")
    sql = f"""
        WITH latest AS (
            SELECT DISTINCT ON (f.organization_id) f.organization_id, f.overall_score
            FROM assessments f
            WHERE f.kind = 'follow_up' AND f.status = 'verified' AND {follow_ups}
            ORDER BY f.organization_id DESC, f.assessed_on DESC, f.created_at DESC
        )
        SELECT o.municipality_code,
               count(*) FILTER (WHERE a.kind = 'baseline' AND {assessed}) AS verified_baseline,
               count(*) FILTER (WHERE a.kind = 'follow_up' AND {assessed})
                   AS verified_follow_up,
               count(*) FILTER (WHERE {baseline}) AS with_baseline,
               sum(a.overall_score) FILTER (WHERE {baseline}) AS baseline_sum,
               sum(coalesce(l.overall_score, a.overall_score)) FILTER (WHERE {baseline})
                   AS latest_sum,
               count(l.organization_id) FILTER (WHERE {baseline}) AS assessed_twice,
               count(*) FILTER (WHERE {baseline} AND l.overall_score > a.overall_score)
                   AS improved
        FROM assessments a
        JOIN organizations o ON o.id = a.organization_id
        LEFT JOIN latest l ON l.organization_id = a.organization_id AND a.kind = 'baseline'
        WHERE {organizations} AND a.status = 'verified'
        GROUP BY 1"""
    return sql, s.args


def _plans_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Strengthening plans (start date within from/to) by municipality and status."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, p.status, count(*) AS n
        FROM strengthening_plans p JOIN organizations o ON o.id = p.organization_id
        WHERE {s.in_territory(scope.territory, "o")} AND p.archived_at IS NULL
          AND {s.within_dates("p.start_date", scope.date_from, scope.date_to)}
        GROUP BY 1, 2"""
    return sql, s.args


def _support_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Support by municipality and kind; kind NULL rows: distinct organizations over all kinds."""
    s = Statement()
    sql = f"""
        SELECT o.municipality_code, sa.kind, count(*) AS n, sum(sa.hours) AS hours,
               count(DISTINCT sa.organization_id) AS organizations,
               count(DISTINCT sa.organization_id) FILTER (
                   WHERE sa.kind IN ('communications', 'relationship_with_authorities')
               ) AS organizations_communications_or_relations
        FROM support_activities sa JOIN organizations o ON o.id = sa.organization_id
        WHERE {s.in_territory(scope.territory, "o")} AND sa.archived_at IS NULL
          AND {s.within_dates("sa.delivered_on", scope.date_from, scope.date_to)}
        GROUP BY GROUPING SETS ((o.municipality_code, sa.kind), (o.municipality_code))"""
    return sql, s.args


BENEFICIARY_BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "by_sex": tuple(s.value for s in Sex),
    "by_age_group": tuple(a.value for a in AgeGroup),
    "by_ethnicity": tuple(e.value for e in Ethnicity),
}


def _initiatives_sql(scope: StatsScope) -> tuple[str, list[Any]]:
    """Initiatives by municipality, status, methodology; sums over the ones not cancelled.

    The beneficiary breakdowns are read key by key (the codes are a closed vocabulary),
    one column per (breakdown, code) in BENEFICIARY_BREAKDOWNS order.
    """
    s = Statement()
    breakdowns = ",\n".join(
        f"coalesce(sum((c.beneficiaries -> '{name}' ->> '{code}')::int)"
        f" FILTER (WHERE c.status <> 'cancelled'), 0)"
        for name, codes in BENEFICIARY_BREAKDOWNS.items()
        for code in codes
    )
    sql = f"""
        SELECT c.municipality_code, c.status, c.methodology, count(*) AS n,
               coalesce(sum(c.budget_cop) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS budget_cop,
               coalesce(sum(c.beneficiaries_total) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS beneficiaries,
               {breakdowns}
        FROM community_initiatives c
        WHERE {s.in_territory(scope.territory, "c")}
          AND {s.within_dates("c.start_date", scope.date_from, scope.date_to)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _stats_statements(scope: StatsScope) -> dict[str, tuple[str, list[Any]]]:
    return {
        "organizations": _organizations_sql(scope),
        "opi": _opi_sql(scope),
        "plans": _plans_sql(scope),
        "support": _support_sql(scope),
        "initiatives": _initiatives_sql(scope),
    }


async def organization_stats(
    pool: asyncpg.Pool, scope: StatsScope
) -> dict[str, list[asyncpg.Record]]:
    """The rows of every statistics statement."""
    return await run_statements(pool, _stats_statements(scope), territory=scope.territory)


async def municipality_figures(
    pool: asyncpg.Pool, municipality_code: str, listed: int
) -> dict[str, list[asyncpg.Record]]:
    """One municipality's statistics rows and, as ``listed``, its active initiatives (latest
    start first, at most ``listed``)."""
    scope = StatsScope(
        territory=Territory(
            limited=False,  # callers check the token covers the municipality
            municipalities=(),
            departments=(),
            municipality_code=municipality_code,
            department_code=None,
        ),
        date_from=None,
        date_to=None,
    )
    listing = (
        "SELECT id, title, community, methodology, status, start_date, end_date "
        "FROM community_initiatives WHERE municipality_code = $1 AND archived_at IS NULL "
        "ORDER BY start_date DESC, created_at DESC, id LIMIT $2"
    )
    return await run_statements(
        pool,
        {**_stats_statements(scope), "listed": (listing, [municipality_code, listed])},
        territory=scope.territory,
    )
