"""Statements on prevention strategies."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.security_plans.models import PreventionStrategy
from services.security_plans.records import table


@dataclass(frozen=True)
class StrategyFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    security_plan_id: uuid.UUID | None = None
    approach: str | None = None
    status: str | None = None
    target_problem: str | None = None
    include_archived: bool = False


async def get_strategy(
    session: AsyncSession, strategy_id: uuid.UUID, *, for_update: bool = False
) -> PreventionStrategy | None:
    """A strategy by id (locked for update when asked)."""
    stmt = select(PreventionStrategy).where(col(PreventionStrategy.id) == strategy_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_strategies(
    session: AsyncSession, *, principal: Principal, filters: StrategyFilters, page: PageParams
) -> Sequence[PreventionStrategy]:
    """One keyset page of strategies in the caller's territories."""
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
