"""Routes of security plans."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.concurrency import set_etag
from services.common.db import DatabaseDep, SessionDep
from services.common.errors import problem_responses
from services.common.fastlist import (
    Computed,
    FastList,
    Filter,
    department_param,
    enum_param,
    int_param,
    municipality_param,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.security_plans.models import SecurityPlan
from services.security_plans.plans import repository, service
from services.security_plans.plans.schemas import (
    PlanCreate,
    PlanDetail,
    PlanPage,
    PlanRead,
    PlanUpdate,
    SecurityPlanTransition,
)
from services.security_plans.records import (
    PLANS,
    WRITE_ERRORS,
    IncludeArchived,
    PageQuery,
    Reader,
    Writer,
    created,
)
from services.security_plans.vocabularies import SecurityPlanStatus

router = APIRouter(prefix=PLANS, tags=["security-plans"])

# The plan of the path, or 404 (also outside the caller's territory): for reads, and locked
# for writes. The routes of the plan's records (diagnosis, lines, actions…) use them too.
CurrentPlan = Annotated[
    SecurityPlan, Depends(record_loader(service.load_plan, id_param="plan_id", principal=Reader))
]
PlanToChange = Annotated[
    SecurityPlan,
    Depends(
        record_loader(service.load_plan, id_param="plan_id", principal=Writer, for_update=True)
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="security-plans-create",
    response_model=PlanRead,
    responses=problem_responses(409),
    summary="Start a plan (PISCC) in formulation",
)
async def create_plan(
    body: PlanCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
) -> PlanRead:
    plan, is_new = await service.create_plan(
        session, data=body, principal=principal, territories=territories
    )
    created(response, is_new, plan.version, f"{PLANS}/{plan.id}")
    return service.plan_read(plan)


@router.get(
    "",
    operation_id="security-plans-list",
    response_model=PlanPage,
    summary="List security plans",
)
async def list_plans(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: PageQuery,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    term_start_year: Annotated[int | None, Query(ge=2016, le=2096)] = None,
    status: SecurityPlanStatus | None = None,
    include_archived: IncludeArchived = False,
) -> PlanPage:
    filters = repository.PlanFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        term_start_year=term_start_year,
        status=status,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_plans(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return PlanPage(items=[service.plan_read(p) for p in items], next_cursor=next_cursor)


@router.get(
    "/{plan_id}",
    operation_id="security-plans-get",
    response_model=PlanDetail,
    responses=problem_responses(404),
    summary="A plan with its diagnosis, strategic lines and actions",
)
async def get_plan(
    plan_id: uuid.UUID, database: DatabaseDep, principal: Reader, response: Response
) -> PlanDetail:
    assert database.pool is not None
    plan = await service.read_plan_detail(database.pool, plan_id=plan_id, principal=principal)
    set_etag(response, plan.version)
    return plan


@router.patch(
    "/{plan_id}",
    operation_id="security-plans-update",
    response_model=PlanRead,
    responses=WRITE_ERRORS,
    summary="Change a plan in formulation",
)
async def update_plan(
    body: PlanUpdate, plan: PlanToChange, session: SessionDep, write: WriteGuardDep
) -> PlanRead:
    changed = await write(plan, lambda p: service.update_plan(session, plan=p, changes=body))
    return service.plan_read(changed)


@router.delete(
    "/{plan_id}",
    operation_id="security-plans-archive",
    response_model=PlanRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a plan (it stays readable with include_archived)",
)
async def archive_plan(plan: PlanToChange, session: SessionDep, write: WriteGuardDep) -> PlanRead:
    archived = await write(plan, lambda p: service.archive_plan(session, plan=p))
    return service.plan_read(archived)


@router.post(
    "/{plan_id}/transitions",
    operation_id="security-plans-transition",
    response_model=PlanRead,
    responses=problem_responses(404, 409),
    summary="Submit, send back, approve, start implementing or close a plan",
)
async def transition_plan(
    body: SecurityPlanTransition, plan: PlanToChange, session: SessionDep, write: WriteGuardDep
) -> PlanRead:
    moved = await service.transition_plan(session, plan=plan, request=body)
    write.etag(moved)
    return service.plan_read(moved)


# The list above on the lean path (``fastlist``): same filters, territory, order and page model.
FAST_LIST = FastList(
    path=PLANS,
    scope="plans:read",
    select=f"SELECT {repository.PLAN_COLUMNS} FROM security_plans",
    page=PlanPage,
    order=(("created_at", "t"), ("id", "u")),
    filters={
        "municipality_code": Filter.equals("municipality_code", municipality_param),
        "department_code": Filter.equals("department_code", department_param),
        "term_start_year": Filter.equals("term_start_year", int_param(2016, 2096)),
        "status": Filter.equals("status", enum_param(SecurityPlanStatus)),
    },
    territory=("municipality_code", "department_code"),
    archived="archived_at",
    computed=Computed(
        ("approval_deadline", "approved_on_time"), lambda _app, _caller: service.approval_fields
    ),
)
