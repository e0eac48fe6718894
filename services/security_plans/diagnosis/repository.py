"""Statements on a plan's diagnosis."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.security_plans.models import PlanProblem, SecurityPlanAction
from services.security_plans.records import list_children, table


async def list_problems(
    session: AsyncSession, plan_id: uuid.UUID, *, include_archived: bool
) -> Sequence[PlanProblem]:
    """The plan's problems by priority."""
    return await list_children(
        session,
        PlanProblem,
        plan_id,
        include_archived=include_archived,
        order=("priority", "created_at", "id"),
    )


async def problem_codes(session: AsyncSession, plan_id: uuid.UUID) -> set[str]:
    """Problem codes of the plan's active diagnosis."""
    stmt = select(PlanProblem.problem).where(
        col(PlanProblem.plan_id) == plan_id, col(PlanProblem.archived_at).is_(None)
    )
    return set((await session.execute(stmt)).scalars().all())


async def next_priority(session: AsyncSession, plan_id: uuid.UUID) -> int:
    """The rank after the lowest-ranked active problem."""
    stmt = sa.select(sa.func.coalesce(sa.func.max(PlanProblem.priority), 0) + 1).where(
        col(PlanProblem.plan_id) == plan_id, col(PlanProblem.archived_at).is_(None)
    )
    return int((await session.execute(stmt)).scalar_one())


async def actions_addressing(
    session: AsyncSession, plan_id: uuid.UUID, problem: str
) -> Sequence[str]:
    """Names of active actions that address ``problem``."""
    a = table(SecurityPlanAction)
    stmt = sa.select(a.c.name).where(
        a.c.plan_id == plan_id,
        a.c.archived_at.is_(None),
        sa.literal(problem) == sa.any_(a.c.problems),
    )
    return (await session.execute(stmt)).scalars().all()
