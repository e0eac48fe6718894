"""Routes of strengthening plans and of their actions."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.pagination import set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode
from services.organizations.records import Page, Reader, Writer, colombia_today
from services.organizations.strengthening import service
from services.organizations.strengthening.repository import PlanFilters
from services.organizations.strengthening.schemas import (
    StrengtheningActionCreate,
    StrengtheningActionPage,
    StrengtheningActionRead,
    StrengtheningActionUpdate,
    StrengtheningPlanCreate,
    StrengtheningPlanPage,
    StrengtheningPlanRead,
    StrengtheningPlanTransition,
    StrengtheningPlanUpdate,
)
from services.organizations.vocabularies import ActionStatus, OpiArea, StrengtheningPlanStatus

PREFIX = "/api/v1/strengthening-plans"
ACTIONS = "/{plan_id}/actions"
router = APIRouter(prefix=PREFIX, tags=["strengthening-plans"])


@router.post(
    "",
    status_code=201,
    operation_id="strengthening-plans-create",
    response_model=StrengtheningPlanRead,
    responses=created_responses(StrengtheningPlanRead, 409),
    summary="Start a strengthening plan (draft) on a verified OPI assessment",
)
async def create_plan(
    body: StrengtheningPlanCreate, session: SessionDep, principal: Writer, response: Response
) -> StrengtheningPlanRead:
    plan, created = await service.create_plan(session, data=body, principal=principal)
    if not created:
        response.status_code = 200
    set_etag(response, plan.version)
    response.headers["Location"] = f"{PREFIX}/{plan.id}"
    return await service.plan_with_progress(session, plan)


@router.get(
    "",
    operation_id="strengthening-plans-list",
    response_model=StrengtheningPlanPage,
    summary="List strengthening plans",
)
async def list_plans(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    organization_id: uuid.UUID | None = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    status: StrengtheningPlanStatus | None = None,
    include_archived: bool = False,
) -> StrengtheningPlanPage:
    filters = PlanFilters(
        organization_id=organization_id,
        municipality_code=municipality_code,
        department_code=department_code,
        status=status,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_plans(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return StrengtheningPlanPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{plan_id}",
    operation_id="strengthening-plans-get",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404),
)
async def get_plan(
    plan_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> StrengtheningPlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


@router.patch(
    "/{plan_id}",
    operation_id="strengthening-plans-update",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_plan(
    plan_id: uuid.UUID,
    body: StrengtheningPlanUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrengtheningPlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    require_if_match(request, plan.version)
    plan = await service.update_plan(session, plan=plan, changes=body)
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


@router.delete(
    "/{plan_id}",
    operation_id="strengthening-plans-archive",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a plan (it stays readable with include_archived)",
)
async def archive_plan(
    plan_id: uuid.UUID, request: Request, response: Response, session: SessionDep, principal: Writer
) -> StrengtheningPlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    require_if_match(request, plan.version)
    plan = await service.archive_plan(session, plan=plan)
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


@router.post(
    "/{plan_id}/transitions",
    operation_id="strengthening-plans-transition",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 409),
    summary="Approve, start, complete or cancel a plan",
)
async def transition_plan(
    plan_id: uuid.UUID,
    body: StrengtheningPlanTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrengtheningPlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    plan = await service.transition_plan(session, plan=plan, request=body, principal=principal)
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


@router.post(
    ACTIONS,
    status_code=201,
    operation_id="strengthening-actions-create",
    response_model=StrengtheningActionRead,
    responses=created_responses(StrengtheningActionRead, 404, 409),
    summary="Add an action to an open plan",
)
async def create_action(
    plan_id: uuid.UUID,
    body: StrengtheningActionCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action, created = await service.create_action(session, plan=plan, data=body)
    if not created:
        response.status_code = 200
    set_etag(response, action.version)
    response.headers["Location"] = f"{PREFIX}/{plan.id}/actions/{action.id}"
    return service.action_read(action)


@router.get(
    ACTIONS,
    operation_id="strengthening-actions-list",
    response_model=StrengtheningActionPage,
    responses=problem_responses(404),
)
async def list_actions(
    plan_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    status: ActionStatus | None = None,
    opi_area: OpiArea | None = None,
    include_archived: bool = False,
) -> StrengtheningActionPage:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    items, next_cursor = await service.list_actions(
        session,
        plan=plan,
        page=page,
        status=status,
        opi_area=opi_area,
        include_archived=include_archived,
    )
    set_link_header(request, response, next_cursor)
    today = colombia_today()
    return StrengtheningActionPage(
        items=[service.action_read(a, today=today) for a in items], next_cursor=next_cursor
    )


@router.get(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-get",
    response_model=StrengtheningActionRead,
    responses=problem_responses(404),
)
async def get_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    action = await service.load_action(session, plan=plan, action_id=action_id)
    set_etag(response, action.version)
    return service.action_read(action)


@router.patch(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-update",
    response_model=StrengtheningActionRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    body: StrengtheningActionUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.update_action(session, plan=plan, action=action, changes=body)
    set_etag(response, action.version)
    return service.action_read(action)


@router.delete(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-archive",
    response_model=StrengtheningActionRead,
    responses=problem_responses(404, 409, 412, 428),
    summary="Archive an action (it no longer counts in the plan's figures)",
)
async def archive_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.archive_action(session, plan=plan, action=action)
    set_etag(response, action.version)
    return service.action_read(action)
