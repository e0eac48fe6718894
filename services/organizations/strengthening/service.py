"""Rules of strengthening plans and their actions: one open plan, approval, progress."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.organizations.assessments import service as assessments
from services.organizations.models import StrengtheningAction, StrengtheningPlan
from services.organizations.records import RecordArchived
from services.organizations.registry import service as registry
from services.organizations.strengthening import repository
from services.organizations.strengthening.schemas import (
    StrengtheningActionCreate,
    StrengtheningActionRead,
    StrengtheningActionUpdate,
    StrengtheningPlanCreate,
    StrengtheningPlanRead,
    StrengtheningPlanTransition,
    StrengtheningPlanUpdate,
)
from services.organizations.vocabularies import ActionStatus, OpiArea, StrengtheningPlanStatus

PLAN_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("approved", "cancelled"),
    "approved": ("in_progress", "cancelled"),
    "in_progress": ("completed", "cancelled"),
    "completed": (),
    "cancelled": (),
}
FINAL_PLAN_STATUSES = ("completed", "cancelled")


class OpenPlanExists(Conflict):
    slug, title = "open-plan-exists", "The organization already has an open plan"


class PlanWithoutActions(Conflict):
    slug, title = "plan-without-actions", "A plan needs actions to be approved"


class PlanClosed(Conflict):
    slug, title = "plan-closed", "The plan is completed or cancelled"


ERRORS = {
    "uq_strengthening_plans_one_open": lambda: OpenPlanExists(
        "The organization already has an open strengthening plan."
    ),
}


def plan_read(plan: StrengtheningPlan, progress: repository.PlanProgress) -> StrengtheningPlanRead:
    """The response body of a plan with the figures of its actions."""
    return StrengtheningPlanRead(
        id=plan.id,
        organization_id=plan.organization_id,
        baseline_assessment_id=plan.baseline_assessment_id,
        title=plan.title,
        start_date=plan.start_date,
        end_date=plan.end_date,
        status=StrengtheningPlanStatus(plan.status),
        cancellation_reason=plan.cancellation_reason,
        approved_by=plan.approved_by,
        approved_at=plan.approved_at,
        **plan_figures(progress),
        version=plan.version,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        archived_at=plan.archived_at,
    )


async def plan_with_progress(
    session: AsyncSession, plan: StrengtheningPlan
) -> StrengtheningPlanRead:
    """The response body of one plan, its progress computed as of today in Colombia."""
    progress = await repository.plan_progress(session, [plan.id], today=colombia_today())
    return plan_read(plan, progress.get(plan.id, repository.PlanProgress()))


async def _check_baseline(
    session: AsyncSession, *, assessment_id: uuid.UUID, organization_id: uuid.UUID
) -> None:
    assessment = await assessments.find_assessment(session, assessment_id)
    if assessment is None or assessment.organization_id != organization_id:
        raise InvalidInput(
            "baseline_assessment_id", "must be an OPI assessment of the plan's organization"
        )
    if assessment.status != "verified":
        raise InvalidInput(
            "baseline_assessment_id",
            "the assessment is not verified; verify it before planning on it",
        )


async def _ensure_no_open_plan(
    session: AsyncSession, organization_id: uuid.UUID, *, excluding: uuid.UUID | None = None
) -> None:
    existing = await repository.open_plan_of(session, organization_id, excluding=excluding)
    if existing is not None:
        raise OpenPlanExists(
            f"The organization already has plan {existing.id} in status '{existing.status}'; "
            "complete or cancel it first.",
            extra={"existing_id": str(existing.id)},
        )


async def create_plan(
    session: AsyncSession, *, data: StrengtheningPlanCreate, principal: Principal
) -> tuple[StrengtheningPlan, bool]:
    """A new draft plan; returns it and whether it is new (False: same id and content)."""
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_plan(session, data.id)
        if existing is not None:
            visible = await registry.organization_visible(
                session, existing.organization_id, principal
            )
            return replay_or_refuse(
                existing, fields, what="Strengthening plan", visible=visible
            ), False
    organization = await registry.referenced_organization(
        session, organization_id=data.organization_id, principal=principal, field="organization_id"
    )
    await _check_baseline(
        session, assessment_id=data.baseline_assessment_id, organization_id=organization.id
    )
    # Lock the organization so two concurrent creations cannot both pass the check.
    await registry.lock_organization(session, organization.id)
    await _ensure_no_open_plan(session, organization.id)
    plan = StrengtheningPlan(**fields, id=data.id or uuid.uuid4())
    session.add(plan)
    await flush(session, ERRORS)
    return plan, True


async def load_plan(
    session: AsyncSession, *, plan_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> StrengtheningPlan:
    """The plan, 404 when it does not exist or its organization is outside the territory."""
    plan = await repository.get_plan(session, plan_id, for_update=for_update)
    if plan is None or not await registry.organization_visible(
        session, plan.organization_id, principal
    ):
        raise NotFound(f"No strengthening plan with id {plan_id}.")
    return plan


async def list_plans(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.PlanFilters,
    page: PageParams,
) -> tuple[list[StrengtheningPlanRead], str | None]:
    """One page of plans with their progress, and the cursor of the next."""
    rows = await repository.list_plans(session, principal=principal, filters=filters, page=page)
    items, next_cursor = finish_page(rows, page, lambda p: (p.created_at, p.id))
    progress = await repository.plan_progress(
        session, [p.id for p in items], today=colombia_today()
    )
    return (
        [plan_read(p, progress.get(p.id, repository.PlanProgress())) for p in items],
        next_cursor,
    )


def _ensure_plan_open(plan: StrengtheningPlan, what: str) -> None:
    if plan.status in FINAL_PLAN_STATUSES:
        raise PlanClosed(f"The plan is {plan.status}; {what} are read-only.")
    if plan.archived_at is not None:
        raise RecordArchived(f"The plan is archived; {what} are read-only.")


async def update_plan(
    session: AsyncSession, *, plan: StrengtheningPlan, changes: StrengtheningPlanUpdate
) -> StrengtheningPlan:
    """Change an open plan; the end stays after the start, the baseline verified."""
    _ensure_plan_open(plan, "its fields")
    values = changes.model_dump(exclude_unset=True)
    start = values.get("start_date", plan.start_date)
    end = values.get("end_date", plan.end_date)
    if end <= start:
        raise InvalidInput("end_date", "must be after start_date")
    if "baseline_assessment_id" in values:
        await _check_baseline(
            session,
            assessment_id=values["baseline_assessment_id"],
            organization_id=plan.organization_id,
        )
    for key, value in values.items():
        setattr(plan, key, value)
    bump_version(plan)
    await flush(session, ERRORS)
    return plan


async def archive_plan(session: AsyncSession, *, plan: StrengtheningPlan) -> StrengtheningPlan:
    """Set ``archived_at`` (once); the plan stays readable with include_archived."""
    if archive(plan):
        await flush(session, ERRORS)
    return plan


async def transition_plan(
    session: AsyncSession,
    *,
    plan: StrengtheningPlan,
    request: StrengtheningPlanTransition,
    principal: Principal,
) -> StrengtheningPlan:
    """Move the plan along draft → approved → in_progress → completed, or cancel it."""
    if plan.archived_at is not None:
        raise RecordArchived("The plan is archived; it cannot change status.")
    allowed = PLAN_TRANSITIONS[plan.status]
    if request.to not in allowed:
        raise InvalidTransition(current=plan.status, requested=request.to, allowed=allowed)
    if request.to == "cancelled":
        if not request.reason:
            raise InvalidInput("reason", "a reason is required to cancel a plan")
        plan.cancellation_reason = request.reason
    if request.to == "approved":
        if await repository.countable_actions(session, plan.id) == 0:
            raise PlanWithoutActions(
                "A plan cannot be approved without actions (dropped "
                "actions do not count); add its actions first."
            )
        plan.approved_by = principal.sub
        plan.approved_at = utcnow()
    plan.status = request.to
    bump_version(plan)
    await flush(session, ERRORS)
    return plan


def action_overdue(due_date: date, status: str, today: date) -> bool:
    """Due before ``today`` (Colombia) and not done or dropped."""
    return due_date < today and status not in ("done", "dropped")


def plan_figures(progress: repository.PlanProgress) -> dict[str, Any]:
    """A plan's figures from its actions, as ``plan_read`` shows them."""
    covered = set(progress.opi_areas)
    return {
        "actions_count": progress.actions_count,
        "progress_pct": progress.progress_pct,
        "overdue_actions": progress.overdue_actions,
        "opi_areas_covered": [area.value for area in OpiArea if area.value in covered],
    }


def action_read(
    action: StrengtheningAction, *, today: date | None = None
) -> StrengtheningActionRead:
    """The response body of an action; ``overdue`` as of ``today`` (Colombia)."""
    today = today or colombia_today()
    return StrengtheningActionRead(
        id=action.id,
        plan_id=action.plan_id,
        opi_area=OpiArea(action.opi_area),
        description=action.description,
        strategy=action.strategy,
        evidence_reference=action.evidence_reference,
        responsible=action.responsible,
        due_date=action.due_date,
        status=ActionStatus(action.status),
        progress_pct=action.progress_pct,
        overdue=action_overdue(action.due_date, action.status, today),
        version=action.version,
        created_at=action.created_at,
        updated_at=action.updated_at,
        archived_at=action.archived_at,
    )


async def create_action(
    session: AsyncSession, *, plan: StrengtheningPlan, data: StrengtheningActionCreate
) -> tuple[StrengtheningAction, bool]:
    """A new action of an open plan; returns it and whether it is new."""
    fields = data.model_dump(exclude={"id"})
    if fields["status"] == "done":
        fields["progress_pct"] = 100
    if data.id is not None:
        existing = await repository.get_action(session, data.id)
        if existing is not None:
            same_plan = existing.plan_id == plan.id
            return replay_or_refuse(existing, fields, what="Plan action", visible=same_plan), False
    _ensure_plan_open(plan, "its actions")
    action = StrengtheningAction(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    session.add(action)
    await flush(session, ERRORS)
    return action, True


async def load_action(
    session: AsyncSession,
    *,
    plan: StrengtheningPlan,
    action_id: uuid.UUID,
    for_update: bool = False,
) -> StrengtheningAction:
    """The action of that plan, 404 otherwise."""
    action = await repository.get_action(session, action_id, for_update=for_update)
    if action is None or action.plan_id != plan.id:
        raise NotFound(f"No action with id {action_id} in plan {plan.id}.")
    return action


async def update_action(
    session: AsyncSession,
    *,
    plan: StrengtheningPlan,
    action: StrengtheningAction,
    changes: StrengtheningActionUpdate,
) -> StrengtheningAction:
    """Change an action of an open plan; ``done`` forces 100 % progress."""
    _ensure_plan_open(plan, "its actions")
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(action, key, value)
    if action.status == "done":
        action.progress_pct = 100
    bump_version(action)
    await flush(session, ERRORS)
    return action


async def archive_action(
    session: AsyncSession, *, plan: StrengtheningPlan, action: StrengtheningAction
) -> StrengtheningAction:
    """Set ``archived_at`` (once) on an action of an open plan."""
    _ensure_plan_open(plan, "its actions")
    if archive(action):
        await flush(session, ERRORS)
    return action


async def list_actions(
    session: AsyncSession,
    *,
    plan: StrengtheningPlan,
    page: PageParams,
    status: str | None = None,
    opi_area: str | None = None,
    include_archived: bool = False,
) -> tuple[list[StrengtheningAction], str | None]:
    """One page of the plan's actions and the cursor of the next."""
    rows = await repository.list_actions(
        session, plan.id, page, status=status, opi_area=opi_area, include_archived=include_archived
    )
    return finish_page(rows, page, lambda a: (a.created_at, a.id))
