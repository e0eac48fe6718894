"""Statements on security plans."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.security_plans.models import PlanLine, PlanProblem, SecurityPlan, SecurityPlanAction
from services.security_plans.records import table

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
    """A plan by id (locked for update when asked)."""
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
    """One keyset page of plans in the caller's territories."""
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
        await session.execute(
            sa.select(count(PlanProblem), count(PlanLine), count(SecurityPlanAction))
        )
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
