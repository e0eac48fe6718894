"""Routes of a plan's actions."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.security_plans.actions import service
from services.security_plans.actions.schemas import (
    ActionCreate,
    ActionList,
    ActionRead,
    ActionUpdate,
    action_read,
)
from services.security_plans.lines.service import load_line
from services.security_plans.plans.service import load_plan
from services.security_plans.records import (
    PLAN,
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    Reader,
    Writer,
    created,
)

router = APIRouter(prefix=PLAN, tags=["plan-content"])


@router.post(
    "/lines/{line_id}/actions",
    status_code=201,
    operation_id="plan-actions-create",
    response_model=ActionRead,
    responses=problem_responses(404, 409),
    summary="Add an action (project) under a strategic line",
)
async def create_action(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    body: ActionCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ActionRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await load_line(session, plan=plan, line_id=line_id)
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
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    include_archived: IncludeArchived = False,
) -> ActionList:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    line = await load_line(session, plan=plan, line_id=line_id)
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
async def get_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> ActionRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal)
    action = await service.load_action(session, plan=plan, action_id=action_id)
    set_etag(response, action.version)
    return action_read(action)


@router.patch(
    "/actions/{action_id}",
    operation_id="plan-actions-update",
    response_model=ActionRead,
    responses=WRITE_ERRORS,
)
async def update_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    body: ActionUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ActionRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.update_action(session, plan=plan, action=action, changes=body)
    set_etag(response, action.version)
    return action_read(action)


@router.delete(
    "/actions/{action_id}",
    operation_id="plan-actions-archive",
    response_model=ActionRead,
    responses=WRITE_ERRORS,
)
async def archive_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ActionRead:
    plan = await load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.archive_action(session, plan=plan, action=action)
    set_etag(response, action.version)
    return action_read(action)
