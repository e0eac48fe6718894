"""Every statement about strengthening plans and their actions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import distinct, func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.organizations.models import (
    OPEN_PLAN_STATUSES,
    Organization,
    StrengtheningAction,
    StrengtheningPlan,
)


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


async def get_plan(
    session: AsyncSession, plan_id: uuid.UUID, *, for_update: bool = False
) -> StrengtheningPlan | None:
    """One strengthening plan by id, locked when ``for_update``."""
    return await session.get(StrengtheningPlan, plan_id, with_for_update=for_update or None)


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
    """One keyset page of plans whose organization is in the caller's territories."""
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
    a = StrengtheningAction
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
    a = StrengtheningAction
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
) -> StrengtheningAction | None:
    """One plan action by id, locked when ``for_update``."""
    return await session.get(StrengtheningAction, action_id, with_for_update=for_update or None)


async def list_actions(
    session: AsyncSession,
    plan_id: uuid.UUID,
    page: PageParams,
    *,
    status: str | None = None,
    opi_area: str | None = None,
    include_archived: bool = False,
) -> Sequence[StrengtheningAction]:
    """One keyset page of a plan's actions."""
    a = StrengtheningAction
    stmt = select(a).where(col(a.plan_id) == plan_id)
    if not include_archived:
        stmt = stmt.where(col(a.archived_at).is_(None))
    if status is not None:
        stmt = stmt.where(col(a.status) == status)
    if opi_area is not None:
        stmt = stmt.where(col(a.opi_area) == opi_area)
    stmt = keyset(stmt, (a.created_at, a.id), page)
    return (await session.execute(stmt)).scalars().all()
