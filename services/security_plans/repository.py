"""Every SQL statement of the security_plans service."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar, cast

import asyncpg
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.common.stats import Statement, Territory, run_statements
from services.security_plans.models import (
    PlanAction,
    PlanLine,
    PlanProblem,
    PlanReview,
    PreventionStrategy,
    ProgressReport,
    SecurityPlan,
)
from services.security_plans.vocabularies import FundingSource

PLAN_COLUMNS = (
    "id, municipality_code, department_code, term_start_year, term_end_year, title, status, "
    "status_reason, status_changed_at, approved_on, approving_body, act_reference, version, "
    "created_at, updated_at, archived_at"
)
PROBLEM_COLUMNS = (
    "id, plan_id, problem, priority, baseline_value, unit, baseline_year, source, version, "
    "created_at, updated_at, archived_at"
)
LINE_COLUMNS = "id, plan_id, name, objective, version, created_at, updated_at, archived_at"
ACTION_COLUMNS = (
    "id, plan_id, line_id, name, responsible_institution, problems, indicator, budget, "
    "budget_total_cop, version, created_at, updated_at, archived_at"
)

T = TypeVar("T", bound=SQLModel)


def table(model: type[SQLModel]) -> sa.Table:
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]


# --- plans -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    term_start_year: int | None = None
    status: str | None = None
    include_archived: bool = False


async def get_plan(
    session: AsyncSession, plan_id: uuid.UUID, *, for_update: bool = False
) -> SecurityPlan | None:
    stmt = select(SecurityPlan).where(col(SecurityPlan.id) == plan_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def term_taken(
    session: AsyncSession,
    *,
    municipality_code: str,
    term_start_year: int,
    excluding: uuid.UUID | None = None,
) -> bool:
    """True when another active plan covers that municipality and term."""
    stmt = select(SecurityPlan.id).where(
        col(SecurityPlan.municipality_code) == municipality_code,
        col(SecurityPlan.term_start_year) == term_start_year,
        col(SecurityPlan.archived_at).is_(None),
    )
    if excluding is not None:
        stmt = stmt.where(col(SecurityPlan.id) != excluding)
    return (await session.execute(stmt.limit(1))).first() is not None


async def list_plans(
    session: AsyncSession, *, principal: Principal, filters: PlanFilters, page: PageParams
) -> Sequence[SecurityPlan]:
    p = SecurityPlan
    stmt = select(p).where(
        principal.territory_clause(col(p.municipality_code), col(p.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(p.archived_at).is_(None))
    for column, value in (
        (col(p.municipality_code), filters.municipality_code),
        (col(p.department_code), filters.department_code),
        (col(p.term_start_year), filters.term_start_year),
        (col(p.status), filters.status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    paged = keyset(stmt, (col(p.created_at), col(p.id)), page)  # type: ignore[arg-type]
    return (await session.execute(paged)).scalars().all()


async def plan_parts_count(session: AsyncSession, plan_id: uuid.UUID) -> tuple[int, int, int]:
    """Active problems, lines and actions of a plan, in one statement."""

    def count(model: type[SQLModel]) -> Any:
        t = table(model)
        return (
            sa.select(sa.func.count())
            .select_from(t)
            .where(t.c.plan_id == plan_id, t.c.archived_at.is_(None))
            .scalar_subquery()
        )

    row = (
        await session.execute(sa.select(count(PlanProblem), count(PlanLine), count(PlanAction)))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


async def fetch_plan_detail(
    pool: asyncpg.Pool, plan_id: uuid.UUID
) -> tuple[asyncpg.Record, list[asyncpg.Record], list[asyncpg.Record], list[asyncpg.Record]] | None:
    """A plan with its active diagnosis, lines and actions: four statements, any plan size."""
    async with pool.acquire() as conn:
        plan = await conn.fetchrow(
            f"SELECT {PLAN_COLUMNS} FROM security_plans WHERE id = $1", plan_id
        )
        if plan is None:
            return None
        problems = await conn.fetch(
            f"SELECT {PROBLEM_COLUMNS} FROM plan_problems WHERE plan_id = $1 "
            "AND archived_at IS NULL ORDER BY priority, created_at, id",
            plan_id,
        )
        lines = await conn.fetch(
            f"SELECT {LINE_COLUMNS} FROM plan_lines WHERE plan_id = $1 "
            "AND archived_at IS NULL ORDER BY created_at, id",
            plan_id,
        )
        actions = await conn.fetch(
            f"SELECT {ACTION_COLUMNS} FROM plan_actions WHERE plan_id = $1 "
            "AND archived_at IS NULL ORDER BY created_at, id",
            plan_id,
        )
    return plan, list(problems), list(lines), list(actions)


async def fetch_execution(
    pool: asyncpg.Pool, plan_id: uuid.UUID, window: Callable[[asyncpg.Record], list[str]]
) -> (
    tuple[
        asyncpg.Record, list[str], list[asyncpg.Record], list[asyncpg.Record], list[asyncpg.Record]
    ]
    | None
):
    """Plan, lines, per-action report aggregates and planned budget by source (four
    statements; the sums are computed by PostgreSQL). ``window`` names, from the plan row,
    the periods that count as recent."""
    async with pool.acquire() as conn:
        plan = await conn.fetchrow(
            f"SELECT {PLAN_COLUMNS} FROM security_plans WHERE id = $1", plan_id
        )
        if plan is None:
            return None
        recent_periods = window(plan)
        lines = await conn.fetch(
            "SELECT id, name FROM plan_lines WHERE plan_id = $1 AND archived_at IS NULL "
            "ORDER BY created_at, id",
            plan_id,
        )
        actions = await conn.fetch(
            """
            SELECT a.id, a.line_id, a.name, a.indicator, a.budget_total_cop,
                   COALESCE(r.executed, 0) AS executed, COALESCE(r.reports, 0) AS reports,
                   r.latest_period, r.latest_value, COALESCE(r.recent, false) AS recent
            FROM plan_actions a
            LEFT JOIN (
                SELECT action_id, SUM(budget_executed_cop) AS executed, COUNT(*) AS reports,
                       (ARRAY_AGG(period ORDER BY period_start DESC))[1] AS latest_period,
                       (ARRAY_AGG(value ORDER BY period_start DESC))[1] AS latest_value,
                       BOOL_OR(period = ANY($2::text[])) AS recent
                FROM progress_reports WHERE plan_id = $1 GROUP BY action_id
            ) r ON r.action_id = a.id
            WHERE a.plan_id = $1 AND a.archived_at IS NULL
            ORDER BY a.created_at, a.id
            """,
            plan_id,
            recent_periods,
        )
        by_source = await conn.fetch(
            "SELECT b.key AS source, SUM(b.value::bigint) AS planned "
            "FROM plan_actions a CROSS JOIN LATERAL jsonb_each_text(a.budget) b "
            "WHERE a.plan_id = $1 AND a.archived_at IS NULL GROUP BY b.key",
            plan_id,
        )
    return plan, recent_periods, list(lines), list(actions), list(by_source)


# --- diagnosis, lines, actions ---------------------------------------------------------


async def get_child(
    session: AsyncSession,
    model: type[T],
    plan_id: uuid.UUID,
    child_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> T | None:
    """A row of ``model`` by id, only when it belongs to ``plan_id``."""
    t = table(model)
    stmt = select(model).where(t.c.id == child_id, t.c.plan_id == plan_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def get_strategy(
    session: AsyncSession, strategy_id: uuid.UUID, *, for_update: bool = False
) -> PreventionStrategy | None:
    stmt = select(PreventionStrategy).where(col(PreventionStrategy.id) == strategy_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def get_by_id(session: AsyncSession, model: type[T], row_id: uuid.UUID) -> T | None:
    return await session.get(model, row_id)


async def list_children(
    session: AsyncSession,
    model: type[T],
    plan_id: uuid.UUID,
    *,
    include_archived: bool = False,
    order: Sequence[str] = ("created_at", "id"),
    **equal: Any,
) -> Sequence[T]:
    t = table(model)
    stmt = select(model).where(t.c.plan_id == plan_id)
    if not include_archived and "archived_at" in t.c:
        stmt = stmt.where(t.c.archived_at.is_(None))
    for name, value in equal.items():
        stmt = stmt.where(t.c[name] == value)
    stmt = stmt.order_by(*(t.c[name] for name in order))
    return (await session.execute(stmt)).scalars().all()


async def problem_codes(session: AsyncSession, plan_id: uuid.UUID) -> set[str]:
    """Problem codes of the plan's active diagnosis."""
    stmt = select(PlanProblem.problem).where(
        col(PlanProblem.plan_id) == plan_id, col(PlanProblem.archived_at).is_(None)
    )
    return set((await session.execute(stmt)).scalars().all())


async def next_priority(session: AsyncSession, plan_id: uuid.UUID) -> int:
    stmt = sa.select(sa.func.coalesce(sa.func.max(PlanProblem.priority), 0) + 1).where(
        col(PlanProblem.plan_id) == plan_id, col(PlanProblem.archived_at).is_(None)
    )
    return int((await session.execute(stmt)).scalar_one())


async def actions_addressing(
    session: AsyncSession, plan_id: uuid.UUID, problem: str
) -> Sequence[str]:
    """Names of active actions that address ``problem``."""
    a = table(PlanAction)
    stmt = sa.select(a.c.name).where(
        a.c.plan_id == plan_id,
        a.c.archived_at.is_(None),
        sa.literal(problem) == sa.any_(a.c.problems),
    )
    return (await session.execute(stmt)).scalars().all()


async def active_actions_in_line(session: AsyncSession, line_id: uuid.UUID) -> int:
    a = table(PlanAction)
    stmt = (
        sa.select(sa.func.count())
        .select_from(a)
        .where(a.c.line_id == line_id, a.c.archived_at.is_(None))
    )
    return int((await session.execute(stmt)).scalar_one())


# --- reports ---------------------------------------------------------------------------


async def report_exists(session: AsyncSession, action_id: uuid.UUID, period: str) -> bool:
    stmt = select(ProgressReport.id).where(
        col(ProgressReport.action_id) == action_id, col(ProgressReport.period) == period
    )
    return (await session.execute(stmt.limit(1))).first() is not None


async def list_reports(session: AsyncSession, action_id: uuid.UUID) -> Sequence[ProgressReport]:
    stmt = (
        select(ProgressReport)
        .where(col(ProgressReport.action_id) == action_id)
        .order_by(col(ProgressReport.period_start))
    )
    return (await session.execute(stmt)).scalars().all()


# --- reviews ---------------------------------------------------------------------------


async def list_reviews(
    session: AsyncSession, plan_id: uuid.UUID, page: PageParams
) -> Sequence[PlanReview]:
    r = PlanReview
    stmt = select(r).where(col(r.plan_id) == plan_id)
    paged = keyset(stmt, (col(r.created_at), col(r.id)), page)  # type: ignore[arg-type]
    return (await session.execute(paged)).scalars().all()


# --- prevention strategies -------------------------------------------------------------


@dataclass(frozen=True)
class StrategyFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    security_plan_id: uuid.UUID | None = None
    approach: str | None = None
    status: str | None = None
    target_problem: str | None = None
    include_archived: bool = False


async def list_strategies(
    session: AsyncSession, *, principal: Principal, filters: StrategyFilters, page: PageParams
) -> Sequence[PreventionStrategy]:
    s = PreventionStrategy
    stmt = select(s).where(
        principal.territory_clause(col(s.municipality_code), col(s.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(s.archived_at).is_(None))
    for column, value in (
        (col(s.municipality_code), filters.municipality_code),
        (col(s.department_code), filters.department_code),
        (col(s.security_plan_id), filters.security_plan_id),
        (col(s.approach), filters.approach),
        (col(s.status), filters.status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.target_problem is not None:
        stmt = stmt.where(sa.literal(filters.target_problem) == sa.any_(table(s).c.target_problems))
    paged = keyset(stmt, (col(s.created_at), col(s.id)), page)  # type: ignore[arg-type]
    return (await session.execute(paged)).scalars().all()


# --- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class StatsFilters:
    department_code: str | None = None
    municipality_code: str | None = None
    from_: date | None = None
    to: date | None = None


class _Statement(Statement):
    def plans_in_scope(self, territory: Territory, filters: StatsFilters) -> str:
        """Active plans (alias ``p``) in the territory whose term overlaps the dates."""
        conditions = [self.in_territory(territory, "p")]
        if filters.from_:
            conditions.append(f"p.term_end_year >= {self.param(filters.from_.year, 'int')}")
        if filters.to:
            conditions.append(f"p.term_start_year <= {self.param(filters.to.year, 'int')}")
        return " AND ".join(conditions)


def _plans_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Plans grouped by municipality, status and term, with approval counts."""
    s = _Statement()
    sql = f"""
        SELECT p.municipality_code, p.status, p.term_start_year, count(*) AS plans,
               count(p.approved_on) AS approved,
               count(*) FILTER (WHERE p.approved_on <= make_date(p.term_start_year, 6, 30))
                   AS on_time
        FROM security_plans p WHERE {s.plans_in_scope(territory, filters)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


def _latest_reviews_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """The latest review (within the dates) of every plan in scope."""
    s = _Statement()
    sql = f"""
        SELECT DISTINCT ON (r.plan_id) r.plan_id, p.municipality_code, p.term_start_year,
               r.score, r.reviewed_on
        FROM plan_reviews r JOIN security_plans p ON p.id = r.plan_id
        WHERE {s.plans_in_scope(territory, filters)}
          AND {s.within_dates("r.reviewed_on", filters.from_, filters.to)}
        ORDER BY r.plan_id, r.reviewed_on DESC, r.created_at DESC"""
    return sql, s.args


def _planned_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Planned pesos by municipality, one column per funding source (active actions).

    The sources are a closed vocabulary, so each is read by key instead of expanding every
    budget with jsonb_each_text."""
    s = _Statement()
    sources = ",\n".join(
        f"coalesce(sum((a.budget ->> '{source.value}')::bigint), 0) AS {source.value}"
        for source in FundingSource
    )
    sql = f"""
        SELECT p.municipality_code, {sources}
        FROM plan_actions a JOIN security_plans p ON p.id = a.plan_id
        WHERE a.archived_at IS NULL AND {s.plans_in_scope(territory, filters)}
        GROUP BY 1"""
    return sql, s.args


def _executed_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Executed pesos by municipality (reports of active actions, periods within the dates)."""
    s = _Statement()
    sql = f"""
        SELECT p.municipality_code, sum(r.budget_executed_cop) AS executed
        FROM progress_reports r
        JOIN plan_actions a ON a.id = r.action_id
        JOIN security_plans p ON p.id = r.plan_id
        WHERE a.archived_at IS NULL AND {s.plans_in_scope(territory, filters)}
          AND {s.within_dates("r.period_start", filters.from_, filters.to)}
        GROUP BY 1"""
    return sql, s.args


def _strategies_sql(territory: Territory, filters: StatsFilters) -> tuple[str, list[Any]]:
    """Active strategies by municipality, status and approach; dated by start (or creation,
    as a Colombian date)."""
    s = _Statement()
    day = "coalesce(s.started_on, (s.created_at AT TIME ZONE 'America/Bogota')::date)"
    sql = f"""
        SELECT s.municipality_code, s.status, s.approach, count(*) AS strategies
        FROM prevention_strategies s
        WHERE {s.in_territory(territory, "s")}
          AND {s.within_dates(day, filters.from_, filters.to)}
        GROUP BY 1, 2, 3"""
    return sql, s.args


async def statistics(
    pool: asyncpg.Pool, principal: Principal, filters: StatsFilters
) -> dict[str, list[asyncpg.Record]]:
    """The rows of the five statistics statements (services/common/stats.py)."""
    territory = Territory.of(
        principal,
        municipality_code=filters.municipality_code,
        department_code=filters.department_code,
    )
    return await run_statements(
        pool,
        {
            "plans": _plans_sql(territory, filters),
            "reviews": _latest_reviews_sql(territory, filters),
            "planned": _planned_sql(territory, filters),
            "executed": _executed_sql(territory, filters),
            "strategies": _strategies_sql(territory, filters),
        },
        territory=territory,
    )


async def fetch_municipality_summary(
    pool: asyncpg.Pool, municipality_code: str
) -> tuple[list[asyncpg.Record], list[asyncpg.Record]]:
    """One municipality's live plans, each with its latest review and its budget, and its
    active strategies counted by status and approach: two statements on one connection.

    The budget is the plan execution's: planned pesos of active actions, executed pesos of
    their reports (any period). A municipality has a plan per term, so the correlated
    sub-queries run a handful of times.
    """
    async with pool.acquire() as conn:
        plans = await conn.fetch(
            """
            SELECT p.id, p.title, p.status, p.term_start_year, p.term_end_year, p.approved_on,
                   review.score AS latest_review_score,
                   review.reviewed_on AS latest_review_on,
                   (SELECT COALESCE(SUM(a.budget_total_cop), 0) FROM plan_actions a
                     WHERE a.plan_id = p.id AND a.archived_at IS NULL) AS planned,
                   (SELECT COALESCE(SUM(r.budget_executed_cop), 0)
                      FROM progress_reports r JOIN plan_actions a ON a.id = r.action_id
                     WHERE r.plan_id = p.id AND a.archived_at IS NULL) AS executed
            FROM security_plans p
            LEFT JOIN LATERAL (
                SELECT score, reviewed_on FROM plan_reviews
                WHERE plan_id = p.id ORDER BY reviewed_on DESC, created_at DESC LIMIT 1
            ) review ON true
            WHERE p.municipality_code = $1 AND p.archived_at IS NULL
            ORDER BY p.term_start_year
            """,
            municipality_code,
        )
        strategies = await conn.fetch(
            "SELECT status, approach, count(*) AS strategies FROM prevention_strategies "
            "WHERE municipality_code = $1 AND archived_at IS NULL GROUP BY status, approach",
            municipality_code,
        )
    return list(plans), list(strategies)


def add(session: AsyncSession, row: Any) -> None:
    session.add(row)
