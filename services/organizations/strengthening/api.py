"""Routes of strengthening plans and of their actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.fastlist import (
    Computed,
    FastList,
    Filter,
    Parent,
    department_param,
    enum_param,
    municipality_param,
    uuid_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import DepartmentCode, MunicipalityCode
from services.organizations.models import StrengtheningPlan
from services.organizations.records import Paging, Reader, Writer
from services.organizations.strengthening import service
from services.organizations.strengthening.repository import PlanFilters, PlanProgress
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

CurrentPlan = Annotated[
    StrengtheningPlan,
    Depends(record_loader(service.load_plan, id_param="plan_id", principal=Reader)),
]
PlanToChange = Annotated[
    StrengtheningPlan,
    Depends(
        record_loader(service.load_plan, id_param="plan_id", principal=Writer, for_update=True)
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="strengthening-plans-create",
    response_model=StrengtheningPlanRead,
    responses=created_responses(StrengtheningPlanRead, 409),
    summary="Start a strengthening plan (draft) on a verified OPI assessment",
)
async def create_plan(
    body: StrengtheningPlanCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    write: WriteGuardDep,
) -> StrengtheningPlanRead:
    plan, created = await service.create_plan(session, data=body, principal=principal)
    if not created:
        response.status_code = 200
    write.etag(plan)
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
    page: Paging,
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
    plan: CurrentPlan, session: SessionDep, response: Response
) -> StrengtheningPlanRead:
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


@router.patch(
    "/{plan_id}",
    operation_id="strengthening-plans-update",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_plan(
    body: StrengtheningPlanUpdate, plan: PlanToChange, session: SessionDep, write: WriteGuardDep
) -> StrengtheningPlanRead:
    changed = await write(plan, lambda p: service.update_plan(session, plan=p, changes=body))
    return await service.plan_with_progress(session, changed)


@router.delete(
    "/{plan_id}",
    operation_id="strengthening-plans-archive",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a plan (it stays readable with include_archived)",
)
async def archive_plan(
    plan: PlanToChange, session: SessionDep, write: WriteGuardDep
) -> StrengtheningPlanRead:
    archived = await write(plan, lambda p: service.archive_plan(session, plan=p))
    return await service.plan_with_progress(session, archived)


@router.post(
    "/{plan_id}/transitions",
    operation_id="strengthening-plans-transition",
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 409),
    summary="Approve, start, complete or cancel a plan",
)
async def transition_plan(
    body: StrengtheningPlanTransition,
    plan: PlanToChange,
    session: SessionDep,
    principal: Writer,
    write: WriteGuardDep,
) -> StrengtheningPlanRead:
    plan = await service.transition_plan(session, plan=plan, request=body, principal=principal)
    write.etag(plan)
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
    body: StrengtheningActionCreate,
    plan: PlanToChange,
    session: SessionDep,
    response: Response,
    write: WriteGuardDep,
) -> StrengtheningActionRead:
    action, created = await service.create_action(session, plan=plan, data=body)
    if not created:
        response.status_code = 200
    write.etag(action)
    response.headers["Location"] = f"{PREFIX}/{plan.id}/actions/{action.id}"
    return service.action_read(action)


@router.get(
    ACTIONS,
    operation_id="strengthening-actions-list",
    response_model=StrengtheningActionPage,
    responses=problem_responses(404),
)
async def list_actions(
    plan: CurrentPlan,
    request: Request,
    response: Response,
    session: SessionDep,
    page: Paging,
    status: ActionStatus | None = None,
    opi_area: OpiArea | None = None,
    include_archived: bool = False,
) -> StrengtheningActionPage:
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
    session: SessionDep,
    principal: Writer,
    write: WriteGuardDep,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    changed = await write(
        action, lambda a: service.update_action(session, plan=plan, action=a, changes=body)
    )
    return service.action_read(changed)


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
    session: SessionDep,
    principal: Writer,
    write: WriteGuardDep,
) -> StrengtheningActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    archived = await write(action, lambda a: service.archive_action(session, plan=plan, action=a))
    return service.action_read(archived)


def _action_overdue(_app: Any, _caller: Principal) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """An action's ``overdue`` as of today in Colombia (taken once per request)."""
    today = colombia_today()
    return lambda row: {"overdue": service.action_overdue(row["due_date"], row["status"], today)}


# The actions list on the lean path (``fastlist``); the plan's organization must be visible.
FAST_ACTIONS_LIST = FastList(
    path=PREFIX + ACTIONS,
    scope="organizations:read",
    select=(
        "SELECT id, plan_id, opi_area, description, strategy, evidence_reference, responsible, "
        "due_date, status, progress_pct, version, created_at, updated_at, archived_at "
        "FROM strengthening_actions"
    ),
    page=StrengtheningActionPage,
    order=(("created_at", "t"), ("id", "u")),
    filters={
        "status": Filter.equals("status", enum_param(ActionStatus)),
        "opi_area": Filter.equals("opi_area", enum_param(OpiArea)),
    },
    archived="archived_at",
    parent=Parent(
        "plan_id",
        "SELECT o.municipality_code FROM strengthening_plans p "
        "JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1",
        column="plan_id",
    ),
    computed=Computed(("overdue",), _action_overdue),
)


def _plan_figures(_app: Any, _caller: Principal) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """``service.plan_figures`` from the lateral join's columns (overdue counted as of today
    in Colombia, taken once per request, like the route)."""
    today = colombia_today()

    def figures(row: Mapping[str, Any]) -> dict[str, Any]:
        progress = PlanProgress(
            actions_count=row["actions_count"],
            progress_pct=None if row["progress_avg"] is None else float(row["progress_avg"]),
            overdue_actions=sum(1 for due in row["open_due"] or () if due < today),
            opi_areas=tuple(row["areas"] or ()),
        )
        return service.plan_figures(progress)

    return figures


# The plans list on the lean path (``fastlist``): each plan's action figures in one lateral
# aggregate (archived actions excluded, dropped ones not counted in progress or areas).
FAST_PLANS_LIST = FastList(
    path=PREFIX,
    scope="organizations:read",
    select=(
        "SELECT p.id, p.organization_id, p.baseline_assessment_id, p.title, p.start_date, "
        "p.end_date, p.status, p.cancellation_reason, p.approved_by, p.approved_at, p.version, "
        "p.created_at, p.updated_at, p.archived_at, g.actions_count, g.progress_avg, "
        "g.open_due, g.areas "
        "FROM strengthening_plans p JOIN organizations o ON o.id = p.organization_id "
        "LEFT JOIN LATERAL (SELECT count(*) AS actions_count, "
        "round(avg(a.progress_pct) FILTER (WHERE a.status <> 'dropped'), 1) AS progress_avg, "
        "array_agg(a.due_date) FILTER (WHERE a.status NOT IN ('done', 'dropped')) AS open_due, "
        "array_agg(DISTINCT a.opi_area) FILTER (WHERE a.status <> 'dropped') AS areas "
        "FROM strengthening_actions a WHERE a.plan_id = p.id AND a.archived_at IS NULL) g ON true"
    ),
    page=StrengtheningPlanPage,
    order=(("p.created_at", "t"), ("p.id", "u")),
    filters={
        "organization_id": Filter.equals("p.organization_id", uuid_param),
        "municipality_code": Filter.equals("o.municipality_code", municipality_param),
        "department_code": Filter.equals("o.department_code", department_param),
        "status": Filter.equals("p.status", enum_param(StrengtheningPlanStatus)),
    },
    territory=("o.municipality_code", "o.department_code"),
    archived="p.archived_at",
    computed=Computed(
        ("actions_count", "progress_pct", "overdue_actions", "opi_areas_covered"), _plan_figures
    ),
)
