"""Rules of a plan's diagnosis: one entry per problem, none taken out while actions use it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.errors import Conflict
from services.common.records import archive, bump_version, flush
from services.security_plans import records
from services.security_plans.diagnosis import repository
from services.security_plans.diagnosis.schemas import ProblemCreate, ProblemUpdate
from services.security_plans.models import PlanProblem, SecurityPlan
from services.security_plans.plans.service import ensure_in_formulation


class DuplicateProblem(Conflict):
    slug, title = "duplicate-problem", "The problem is already in the diagnosis"


ERRORS = {
    "uq_plan_problems_plan_id_problem": lambda: DuplicateProblem(
        "That problem is already in the diagnosis."
    )
}


async def create_problem(
    session: AsyncSession, *, plan: SecurityPlan, data: ProblemCreate
) -> tuple[PlanProblem, bool]:
    """Add a problem to the diagnosis; returns it and whether it is new."""
    fields = data.model_dump(exclude={"id"}, exclude_none=True)
    existing = await records.replayed_child(
        session, PlanProblem, data.id, plan_id=plan.id, fields=fields, what="Problem"
    )
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    if data.problem.value in await repository.problem_codes(session, plan.id):
        raise DuplicateProblem(
            f"'{data.problem.value}' is already in the plan's diagnosis; change that entry instead."
        )
    if "priority" not in fields:
        fields["priority"] = await repository.next_priority(session, plan.id)
    problem = PlanProblem(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    session.add(problem)
    await flush(session, ERRORS)
    return problem, True


async def list_problems(
    session: AsyncSession, *, plan: SecurityPlan, include_archived: bool
) -> Sequence[PlanProblem]:
    """The plan's diagnosis, by priority."""
    return await repository.list_problems(session, plan.id, include_archived=include_archived)


async def load_problem(
    session: AsyncSession, *, plan: SecurityPlan, problem_id: uuid.UUID, for_update: bool = False
) -> PlanProblem:
    """A problem of the plan, or 404."""
    return await records.load_child(
        session,
        PlanProblem,
        plan_id=plan.id,
        child_id=problem_id,
        what="problem",
        for_update=for_update,
    )


async def update_problem(
    session: AsyncSession, *, plan: SecurityPlan, problem: PlanProblem, changes: ProblemUpdate
) -> PlanProblem:
    """Change a problem of a plan in formulation."""
    ensure_in_formulation(plan)
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(problem, key, value)
    bump_version(problem)
    await flush(session, ERRORS)
    return problem


async def archive_problem(
    session: AsyncSession, *, plan: SecurityPlan, problem: PlanProblem
) -> PlanProblem:
    """Take a problem out of the diagnosis unless active actions address it."""
    ensure_in_formulation(plan)
    if problem.archived_at is None:
        users = await repository.actions_addressing(session, plan.id, problem.problem)
        if users:
            raise records.InUse(
                f"Actions still address '{problem.problem}': {', '.join(users)}. Change them first."
            )
        archive(problem)
        await flush(session, ERRORS)
    return problem
