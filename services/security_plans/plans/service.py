"""Rules of security plans: one plan per municipality and term, the lifecycle, approval."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.colombia import colombia_today
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.common.territory import Territories, check_municipality
from services.security_plans.actions.schemas import ActionRead, action_read
from services.security_plans.diagnosis.schemas import ProblemRead
from services.security_plans.models import SecurityPlan
from services.security_plans.plans import repository
from services.security_plans.plans.schemas import (
    LineWithActions,
    PlanCreate,
    PlanDetail,
    PlanRead,
    PlanUpdate,
    SecurityPlanTransition,
)

PLAN_TRANSITIONS: dict[str, list[str]] = {
    "formulation": ["submitted"],
    "submitted": ["approved", "formulation"],
    "approved": ["in_implementation"],
    "in_implementation": ["closed"],
    "closed": [],
}


class DuplicatePlan(Conflict):
    slug, title = "duplicate-plan", "The municipality already has a plan for that term"


class PlanNotInFormulation(Conflict):
    slug, title = "plan-not-in-formulation", "The plan can only change in formulation"


class PlanNotInImplementation(Conflict):
    slug, title = "plan-not-in-implementation", "Progress is reported only in implementation"


class PlanArchived(Conflict):
    slug, title = "plan-archived", "The plan is archived"


class PlanIncomplete(Conflict):
    slug, title = "plan-incomplete", "The plan is not complete enough for that"


ERRORS = {
    "uq_security_plans_municipality_code_term_start_year": lambda: DuplicatePlan(
        "The municipality already has a plan for that term."
    )
}


def approval_deadline(term_start_year: int) -> date:
    """30 June of the term's first year (Ley 1801 de 2016 art. 205)."""
    return date(term_start_year, 6, 30)


def approval_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """``approval_deadline`` and ``approved_on_time`` of a plan's row (the lean list writes
    the other fields from the row)."""
    approved_on = row["approved_on"]
    deadline = approval_deadline(row["term_start_year"])
    on_time = None if approved_on is None else approved_on <= deadline
    return {"approval_deadline": deadline, "approved_on_time": on_time}


def _plan_fields(row: SecurityPlan | Mapping[str, Any]) -> dict[str, Any]:
    data = row.model_dump() if isinstance(row, SecurityPlan) else dict(row)
    return data | approval_fields(data)


def plan_read(row: SecurityPlan | Mapping[str, Any]) -> PlanRead:
    """A plan as clients read it, with its approval deadline and punctuality."""
    return PlanRead.model_validate(_plan_fields(row))


async def create_plan(
    session: AsyncSession, *, data: PlanCreate, principal: Principal, territories: Territories
) -> tuple[SecurityPlan, bool]:
    """Create a plan in formulation; returns it and whether it is new."""
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = data.model_dump(exclude={"id"})
    existing = None if data.id is None else await repository.get_plan(session, data.id)
    if existing is not None:
        visible = principal.can_access(existing.municipality_code)
        return replay_or_refuse(existing, fields, what="Security plan", visible=visible), False
    if await repository.term_taken(
        session, municipality_code=data.municipality_code, term_start_year=data.term_start_year
    ):
        raise DuplicatePlan(
            f"Municipality {data.municipality_code} already has a plan for "
            f"the {data.term_start_year}-{data.term_start_year + 3} term."
        )
    plan = SecurityPlan(
        **fields,
        id=data.id or uuid.uuid4(),
        department_code=data.municipality_code[:2],
        term_end_year=data.term_start_year + 3,
    )
    session.add(plan)
    await flush(session, ERRORS)
    return plan, True


async def load_plan(
    session: AsyncSession, *, plan_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> SecurityPlan:
    """The plan, or 404 when it does not exist or lies outside the caller's territory."""
    plan = await repository.get_plan(session, plan_id, for_update=for_update)
    if plan is None or not principal.can_access(plan.municipality_code):
        raise NotFound(f"No security plan with id {plan_id}.")
    return plan


def ensure_in_formulation(plan: SecurityPlan) -> None:
    """Diagnosis, lines and actions change only while the plan is in formulation."""
    if plan.archived_at is not None:
        raise PlanArchived("The plan is archived; restore it before changing it.")
    if plan.status != "formulation":
        raise PlanNotInFormulation(
            f"The plan is '{plan.status}'; its content can change only in 'formulation' "
            "(send a submitted plan back to formulation first)."
        )


def ensure_in_implementation(plan: SecurityPlan) -> None:
    """Progress is reported only while the plan is in implementation."""
    if plan.archived_at is not None:
        raise PlanArchived("The plan is archived.")
    if plan.status != "in_implementation":
        raise PlanNotInImplementation(
            f"The plan is '{plan.status}'; progress reports are accepted only while it is "
            "'in_implementation'."
        )


async def list_plans(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.PlanFilters,
    page: PageParams,
) -> tuple[list[SecurityPlan], str | None]:
    """One page of plans and the cursor of the next."""
    rows = await repository.list_plans(session, principal=principal, filters=filters, page=page)
    return finish_page(rows, page, lambda p: (p.created_at, p.id))


async def update_plan(
    session: AsyncSession, *, plan: SecurityPlan, changes: PlanUpdate
) -> SecurityPlan:
    """Change a plan in formulation (its term stays unique in the municipality)."""
    ensure_in_formulation(plan)
    values = changes.model_dump(exclude_unset=True)
    year = values.get("term_start_year")
    if year is not None and year != plan.term_start_year:
        if await repository.term_taken(
            session,
            municipality_code=plan.municipality_code,
            term_start_year=year,
            excluding=plan.id,
        ):
            raise DuplicatePlan(
                f"Municipality {plan.municipality_code} already has a plan "
                f"for the {year}-{year + 3} term."
            )
        plan.term_end_year = year + 3
    for key, value in values.items():
        setattr(plan, key, value)
    bump_version(plan)
    await flush(session, ERRORS)
    return plan


async def archive_plan(session: AsyncSession, *, plan: SecurityPlan) -> SecurityPlan:
    """Archive a plan (idempotent)."""
    if archive(plan):
        await flush(session, ERRORS)
    return plan


async def transition_plan(
    session: AsyncSession, *, plan: SecurityPlan, request: SecurityPlanTransition
) -> SecurityPlan:
    """Apply a lifecycle transition with the data its target needs."""
    if plan.archived_at is not None:
        raise PlanArchived("An archived plan cannot change status.")
    to = request.to.value
    allowed = PLAN_TRANSITIONS[plan.status]
    if to not in allowed:
        raise InvalidTransition(current=plan.status, requested=to, allowed=allowed)
    if to != "approved":
        for name in ("approved_on", "act_reference"):
            if getattr(request, name) is not None:
                raise InvalidInput(name, "is only accepted when approving (to = 'approved')")
    if to == "submitted":
        problems, lines, actions = await repository.plan_parts_count(session, plan.id)
        missing = [
            what
            for what, n in (
                ("a prioritised problem in the diagnosis", problems),
                ("a strategic line", lines),
                ("an action", actions),
            )
            if n == 0
        ]
        if missing:
            raise PlanIncomplete(
                "A plan needs at least " + ", ".join(missing) + " before it is submitted."
            )
    elif to == "formulation" and not request.reason:
        raise InvalidInput("reason", "is required when sending a plan back to formulation")
    elif to == "approved":
        _check_approval(plan, request)
        plan.approved_on = request.approved_on
        plan.approving_body = request.approving_body.value
        plan.act_reference = request.act_reference
    plan.status = to
    plan.status_reason = request.reason
    plan.status_changed_at = utcnow()
    bump_version(plan)
    await flush(session, ERRORS)
    return plan


def _check_approval(plan: SecurityPlan, request: SecurityPlanTransition) -> None:
    if request.approved_on is None:
        raise InvalidInput("approved_on", "is required to approve a plan")
    if request.act_reference is None:
        raise InvalidInput(
            "act_reference",
            "is required to approve a plan (the act or decree that records the approval)",
        )
    if request.approved_on < date(plan.term_start_year, 1, 1):
        raise InvalidInput(
            "approved_on", f"is before the term starts ({plan.term_start_year}-01-01)"
        )
    if request.approved_on > date(plan.term_end_year, 12, 31):
        raise InvalidInput("approved_on", f"is after the term ends ({plan.term_end_year}-12-31)")
    if request.approved_on > colombia_today():
        raise InvalidInput("approved_on", "cannot be in the future")


async def read_plan_detail(
    pool: asyncpg.Pool, *, plan_id: uuid.UUID, principal: Principal
) -> PlanDetail:
    """The plan with its diagnosis, lines and actions (hot path: raw pool, four queries)."""
    found = await repository.fetch_plan_detail(pool, plan_id)
    if found is None or not principal.can_access(found[0]["municipality_code"]):
        raise NotFound(f"No security plan with id {plan_id}.")
    plan, problems, lines, actions = found
    by_line: dict[uuid.UUID, list[ActionRead]] = defaultdict(list)
    for action in actions:
        by_line[action["line_id"]].append(action_read(action))
    return PlanDetail(
        **_plan_fields(plan),
        problems=[ProblemRead.model_validate(dict(p)) for p in problems],
        lines=[
            LineWithActions(**dict(line), actions=by_line.get(line["id"], [])) for line in lines
        ],
    )
