"""Statements on strategic lines."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.security_plans.models import PlanLine, SecurityPlanAction
from services.security_plans.records import list_children, table


async def list_lines(
    session: AsyncSession, plan_id: uuid.UUID, *, include_archived: bool
) -> Sequence[PlanLine]:
    """The plan's lines, oldest first."""
    return await list_children(session, PlanLine, plan_id, include_archived=include_archived)


async def active_actions_in_line(session: AsyncSession, line_id: uuid.UUID) -> int:
    """How many active actions the line holds."""
    a = table(SecurityPlanAction)
    stmt = (
        sa.select(sa.func.count())
        .select_from(a)
        .where(a.c.line_id == line_id, a.c.archived_at.is_(None))
    )
    return int((await session.execute(stmt)).scalar_one())
