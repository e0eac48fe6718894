"""Rules of strategic lines: they change with their plan, and are archived only when empty."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.records import archive, bump_version, flush
from services.security_plans import records
from services.security_plans.lines import repository
from services.security_plans.lines.schemas import LineCreate, LineUpdate
from services.security_plans.models import PlanLine, SecurityPlan
from services.security_plans.plans.service import ensure_in_formulation


async def create_line(
    session: AsyncSession, *, plan: SecurityPlan, data: LineCreate
) -> tuple[PlanLine, bool]:
    """Add a strategic line; returns it and whether it is new."""
    fields = data.model_dump(exclude={"id"})
    existing = await records.replayed_child(
        session, PlanLine, data.id, plan_id=plan.id, fields=fields, what="Line"
    )
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    line = PlanLine(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    session.add(line)
    await flush(session)
    return line, True


async def list_lines(
    session: AsyncSession, *, plan: SecurityPlan, include_archived: bool
) -> Sequence[PlanLine]:
    """The plan's strategic lines."""
    return await repository.list_lines(session, plan.id, include_archived=include_archived)


async def load_line(
    session: AsyncSession, *, plan: SecurityPlan, line_id: uuid.UUID, for_update: bool = False
) -> PlanLine:
    """A line of the plan, or 404."""
    return await records.load_child(
        session, PlanLine, plan_id=plan.id, child_id=line_id, what="line", for_update=for_update
    )


async def update_line(
    session: AsyncSession, *, plan: SecurityPlan, line: PlanLine, changes: LineUpdate
) -> PlanLine:
    """Change a line of a plan in formulation."""
    ensure_in_formulation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(line, key, value)
    bump_version(line)
    await flush(session)
    return line


async def archive_line(session: AsyncSession, *, plan: SecurityPlan, line: PlanLine) -> PlanLine:
    """Archive a line that holds no active action."""
    ensure_in_formulation(plan)
    if line.archived_at is None:
        if await repository.active_actions_in_line(session, line.id):
            raise records.InUse("The line still has actions; archive or move them first.")
        archive(line)
        await flush(session)
    return line
