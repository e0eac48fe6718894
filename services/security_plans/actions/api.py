"""Routes of a plan's actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import Computed, FastList, Parent, model_columns
from services.common.routes import WriteGuardDep, child_loader
from services.security_plans.actions import service
from services.security_plans.actions.schemas import (
    ActionCreate,
    ActionList,
    ActionRead,
    ActionUpdate,
    action_fields,
    action_read,
)
from services.security_plans.lines.api import CurrentLine, LineToChange
from services.security_plans.models import SecurityPlanAction
from services.security_plans.plans.api import CurrentPlan, PlanToChange
from services.security_plans.records import (
    PLAN,
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    created,
)

router = APIRouter(prefix=PLAN, tags=["plan-content"])

# An action of the path's plan, or 404; locked (with its plan) for writes and new reports.
CurrentAction = Annotated[
    SecurityPlanAction,
    Depends(
        child_loader(
            service.load_action, id_param="action_id", parent_param="plan_id", parent=CurrentPlan
        )
    ),
]
ActionToChange = Annotated[
    SecurityPlanAction,
    Depends(
        child_loader(
            service.load_action,
            id_param="action_id",
            parent_param="plan_id",
            parent=PlanToChange,
            for_update=True,
        )
    ),
]


@router.post(
    "/lines/{line_id}/actions",
    status_code=201,
    operation_id="plan-actions-create",
    response_model=ActionRead,
    responses=problem_responses(404, 409),
    summary="Add an action (project) under a strategic line",
)
async def create_action(
    body: ActionCreate,
    plan: PlanToChange,
    line: LineToChange,
    session: SessionDep,
    response: Response,
) -> ActionRead:
    action, is_new = await service.create_action(session, plan=plan, line=line, data=body)
    created(response, is_new, action.version, f"{PLANS}/{plan.id}/actions/{action.id}")
    return action_read(action)


@router.get(
    "/lines/{line_id}/actions",
    operation_id="plan-actions-list",
    response_model=ActionList,
    responses=problem_responses(404),
)
async def list_actions(
    plan: CurrentPlan,
    line: CurrentLine,
    session: SessionDep,
    include_archived: IncludeArchived = False,
) -> ActionList:
    rows = await service.list_actions(
        session, plan=plan, line=line, include_archived=include_archived
    )
    return ActionList(items=[action_read(r) for r in rows])


@router.get(
    "/actions/{action_id}",
    operation_id="plan-actions-get",
    response_model=ActionRead,
    responses=problem_responses(404),
)
async def get_action(action: CurrentAction, write: WriteGuardDep) -> ActionRead:
    write.etag(action)
    return action_read(action)


@router.patch(
    "/actions/{action_id}",
    operation_id="plan-actions-update",
    response_model=ActionRead,
    responses=WRITE_ERRORS,
)
async def update_action(
    body: ActionUpdate,
    plan: PlanToChange,
    action: ActionToChange,
    session: SessionDep,
    write: WriteGuardDep,
) -> ActionRead:
    changed = await write(
        action, lambda a: service.update_action(session, plan=plan, action=a, changes=body)
    )
    return action_read(changed)


@router.delete(
    "/actions/{action_id}",
    operation_id="plan-actions-archive",
    response_model=ActionRead,
    responses=WRITE_ERRORS,
)
async def archive_action(
    plan: PlanToChange, action: ActionToChange, session: SessionDep, write: WriteGuardDep
) -> ActionRead:
    archived = await write(action, lambda a: service.archive_action(session, plan=plan, action=a))
    return action_read(archived)


# The list above on the lean path (``fastlist``): the line must belong to the visible plan.
FAST_LIST = FastList(
    path=PLAN + "/lines/{line_id}/actions",
    scope="plans:read",
    select=f"SELECT {model_columns(ActionRead)} FROM plan_actions",
    page=ActionList,
    order=(("created_at", "t"), ("id", "u")),
    archived="archived_at",
    parent=Parent(
        "line_id",
        "SELECT p.municipality_code FROM plan_lines l JOIN security_plans p ON p.id = l.plan_id "
        "WHERE p.id = $1 AND l.id = $2",
        column="line_id",
    ),
    computed=Computed(("indicator", "budget"), lambda _app, _caller: action_fields),
    paged=False,
)
