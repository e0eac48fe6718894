"""Rules of actions: they address problems of the diagnosis and carry a budget by source."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.errors import InvalidInput, NotFound
from services.common.records import archive, bump_version, flush
from services.security_plans import records
from services.security_plans.actions import repository
from services.security_plans.actions.schemas import ActionCreate, ActionUpdate
from services.security_plans.diagnosis.repository import problem_codes
from services.security_plans.models import PlanLine, SecurityPlan, SecurityPlanAction
from services.security_plans.plans.service import ensure_in_formulation
from services.security_plans.vocabularies import FundingSource


async def _check_problems(session: AsyncSession, plan: SecurityPlan, codes: Iterable[str]) -> None:
    diagnosis = await problem_codes(session, plan.id)
    outside = [c for c in codes if c not in diagnosis]
    if outside:
        raise InvalidInput(
            "problems",
            f"not in the plan's diagnosis: {', '.join(outside)} (add them to the diagnosis first)",
        )


def _budget(values: Mapping[Any, int]) -> dict[str, int]:
    return {FundingSource(k).value: int(v) for k, v in values.items()}


async def create_action(
    session: AsyncSession, *, plan: SecurityPlan, line: PlanLine, data: ActionCreate
) -> tuple[SecurityPlanAction, bool]:
    """Add an action under an active line; returns it and whether it is new."""
    fields: dict[str, Any] = {
        "line_id": line.id,
        "name": data.name,
        "responsible_institution": data.responsible_institution.value,
        "problems": [p.value for p in data.problems],
        "indicator": data.indicator.model_dump(),
        "budget": _budget(data.budget),
    }
    existing = await records.replayed_child(
        session, SecurityPlanAction, data.id, plan_id=plan.id, fields=fields, what="Action"
    )
    if existing is not None:
        return existing, False
    ensure_in_formulation(plan)
    if line.archived_at is not None:
        raise NotFound(f"No line with id {line.id} in this plan.")
    await _check_problems(session, plan, fields["problems"])
    action = SecurityPlanAction(
        **fields,
        id=data.id or uuid.uuid4(),
        plan_id=plan.id,
        budget_total_cop=sum(fields["budget"].values()),
    )
    session.add(action)
    await flush(session)
    return action, True


async def list_actions(
    session: AsyncSession, *, plan: SecurityPlan, line: PlanLine, include_archived: bool
) -> Sequence[SecurityPlanAction]:
    """The actions of a line."""
    return await repository.list_actions(
        session, plan.id, line.id, include_archived=include_archived
    )


async def load_action(
    session: AsyncSession, *, plan: SecurityPlan, action_id: uuid.UUID, for_update: bool = False
) -> SecurityPlanAction:
    """An action of the plan, or 404."""
    return await records.load_child(
        session,
        SecurityPlanAction,
        plan_id=plan.id,
        child_id=action_id,
        what="action",
        for_update=for_update,
    )


async def update_action(
    session: AsyncSession, *, plan: SecurityPlan, action: SecurityPlanAction, changes: ActionUpdate
) -> SecurityPlanAction:
    """Change an action of a plan in formulation (or move it to another active line)."""
    ensure_in_formulation(plan)
    values = changes.model_dump(exclude_unset=True)
    if "line_id" in values:
        line = await records.get_child(session, PlanLine, plan.id, values["line_id"])
        if line is None or line.archived_at is not None:
            raise InvalidInput("line_id", "is not an active line of this plan")
    if "problems" in values:
        values["problems"] = [str(p) for p in values["problems"]]
        await _check_problems(session, plan, values["problems"])
    if "budget" in values:
        values["budget"] = _budget(values["budget"])
        action.budget_total_cop = sum(values["budget"].values())
    if "responsible_institution" in values:
        values["responsible_institution"] = str(values["responsible_institution"])
    for key, value in values.items():
        setattr(action, key, value)
    bump_version(action)
    await flush(session)
    return action


async def archive_action(
    session: AsyncSession, *, plan: SecurityPlan, action: SecurityPlanAction
) -> SecurityPlanAction:
    """Archive an action of a plan in formulation."""
    ensure_in_formulation(plan)
    if archive(action):
        await flush(session)
    return action
