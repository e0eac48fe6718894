"""Routes of the security_plans service: parse, call the service, return."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal, require_scope
from services.common.concurrency import require_if_match, set_etag
from services.common.db import DatabaseDep, SessionDep
from services.common.errors import InvalidInput, problem_responses
from services.common.pagination import PageParams, finish_page, page_params, set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.vocabulary import vocabularies_router
from services.security_plans import repository, service, vocabularies
from services.security_plans.models import PlanAction, PlanLine, PlanProblem, ProgressReport
from services.security_plans.schemas import (
    ActionCreate,
    ActionList,
    ActionRead,
    ActionUpdate,
    LineCreate,
    LineList,
    LineRead,
    LineUpdate,
    MunicipalitySecurity,
    PlanCreate,
    PlanDetail,
    PlanExecution,
    PlanPage,
    PlanRead,
    PlanTransition,
    PlanUpdate,
    ProblemCreate,
    ProblemList,
    ProblemRead,
    ProblemUpdate,
    ReportCreate,
    ReportList,
    ReportRead,
    ReportUpdate,
    ReviewCreate,
    ReviewPage,
    ReviewRead,
    SecurityPlanStats,
    StrategyCreate,
    StrategyPage,
    StrategyRead,
    StrategyTransition,
    StrategyUpdate,
)
from services.security_plans.vocabularies import (
    Approach,
    PlanStatus,
    Problem,
    StrategyStatus,
)

Reader = Annotated[Principal, Depends(require_scope("plans:read"))]
Writer = Annotated[Principal, Depends(require_scope("plans:write"))]
Page = Annotated[PageParams, Depends(page_params)]
IncludeArchived = Annotated[bool, Query(description="Include archived records")]

router = APIRouter()
PLANS = "/api/v1/security-plans"
PLAN = PLANS + "/{plan_id}"
STRATEGIES = "/api/v1/prevention-strategies"
TAG_PLANS = "security-plans"
TAG_CONTENT = "plan-content"
TAG_EXECUTION = "plan-execution"
TAG_REVIEWS = "plan-reviews"
TAG_STRATEGIES = "prevention-strategies"
TAG_STATS = "statistics"
WRITE_ERRORS = problem_responses(404, 409, 412, 428)


def _created(response: Response, created: bool, version: int, location: str) -> None:
    if not created:
        response.status_code = 200
    set_etag(response, version)
    response.headers["Location"] = location


# --- plans -----------------------------------------------------------------------------


@router.post(
    PLANS,
    status_code=201,
    operation_id="security-plans-create",
    tags=[TAG_PLANS],
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
    plan, created = await service.create_plan(
        session, data=body, principal=principal, territories=territories
    )
    _created(response, created, plan.version, f"{PLANS}/{plan.id}")
    return service.plan_read(plan)


@router.get(
    PLANS,
    operation_id="security-plans-list",
    tags=[TAG_PLANS],
    response_model=PlanPage,
    summary="List security plans",
)
async def list_plans(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    term_start_year: Annotated[int | None, Query(ge=2016, le=2096)] = None,
    status: PlanStatus | None = None,
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
    PLAN,
    operation_id="security-plans-get",
    tags=[TAG_PLANS],
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
    PLAN,
    operation_id="security-plans-update",
    tags=[TAG_PLANS],
    response_model=PlanRead,
    responses=WRITE_ERRORS,
    summary="Change a plan in formulation",
)
async def update_plan(
    plan_id: uuid.UUID,
    body: PlanUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> PlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    require_if_match(request, plan.version)
    plan = await service.update_plan(session, plan=plan, changes=body)
    set_etag(response, plan.version)
    return service.plan_read(plan)


@router.delete(
    PLAN,
    operation_id="security-plans-archive",
    tags=[TAG_PLANS],
    response_model=PlanRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a plan (it stays readable with include_archived)",
)
async def archive_plan(
    plan_id: uuid.UUID, request: Request, response: Response, session: SessionDep, principal: Writer
) -> PlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    require_if_match(request, plan.version)
    plan = await service.archive_plan(session, plan=plan)
    set_etag(response, plan.version)
    return service.plan_read(plan)


@router.post(
    PLAN + "/transitions",
    operation_id="security-plans-transition",
    tags=[TAG_PLANS],
    response_model=PlanRead,
    responses=problem_responses(404, 409),
    summary="Submit, send back, approve, start implementing or close a plan",
)
async def transition_plan(
    plan_id: uuid.UUID,
    body: PlanTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> PlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    plan = await service.transition_plan(session, plan=plan, request=body)
    set_etag(response, plan.version)
    return service.plan_read(plan)


@router.get(
    PLAN + "/execution",
    operation_id="security-plans-execution",
    tags=[TAG_EXECUTION],
    response_model=PlanExecution,
    responses=problem_responses(404),
    summary="Budget execution, indicator progress and reporting gaps of a plan",
)
async def get_execution(
    plan_id: uuid.UUID,
    database: DatabaseDep,
    principal: Reader,
    as_of: Annotated[
        date | None,
        Query(
            description="Reference date for 'recent' quarters (default: today in Colombia)",
        ),
    ] = None,
) -> PlanExecution:
    assert database.pool is not None
    return await service.execution(database.pool, plan_id=plan_id, principal=principal, as_of=as_of)


# --- diagnosis -------------------------------------------------------------------------


@router.post(
    PLAN + "/problems",
    status_code=201,
    operation_id="plan-problems-create",
    tags=[TAG_CONTENT],
    response_model=ProblemRead,
    responses=problem_responses(404, 409),
    summary="Add a prioritised problem to the diagnosis",
)
async def create_problem(
    plan_id: uuid.UUID,
    body: ProblemCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ProblemRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem, created = await service.create_problem(session, plan=plan, data=body)
    _created(response, created, problem.version, f"{PLANS}/{plan.id}/problems/{problem.id}")
    return ProblemRead.model_validate(problem)


@router.get(
    PLAN + "/problems",
    operation_id="plan-problems-list",
    tags=[TAG_CONTENT],
    response_model=ProblemList,
    responses=problem_responses(404),
    summary="The plan's diagnosis, by priority",
)
async def list_problems(
    plan_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    include_archived: IncludeArchived = False,
) -> ProblemList:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    rows = await repository.list_children(
        session,
        PlanProblem,
        plan.id,
        include_archived=include_archived,
        order=("priority", "created_at", "id"),
    )
    return ProblemList(items=[ProblemRead.model_validate(r) for r in rows])


@router.get(
    PLAN + "/problems/{problem_id}",
    operation_id="plan-problems-get",
    tags=[TAG_CONTENT],
    response_model=ProblemRead,
    responses=problem_responses(404),
)
async def get_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> ProblemRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    problem = await service.load_child(
        session, PlanProblem, plan=plan, child_id=problem_id, what="problem"
    )
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)


@router.patch(
    PLAN + "/problems/{problem_id}",
    operation_id="plan-problems-update",
    tags=[TAG_CONTENT],
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
)
async def update_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    body: ProblemUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ProblemRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem = await service.load_child(
        session, PlanProblem, plan=plan, child_id=problem_id, what="problem", for_update=True
    )
    require_if_match(request, problem.version)
    problem = await service.update_problem(session, plan=plan, problem=problem, changes=body)
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)


@router.delete(
    PLAN + "/problems/{problem_id}",
    operation_id="plan-problems-archive",
    tags=[TAG_CONTENT],
    response_model=ProblemRead,
    responses=WRITE_ERRORS,
    summary="Take a problem out of the diagnosis (archived)",
)
async def archive_problem(
    plan_id: uuid.UUID,
    problem_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ProblemRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    problem = await service.load_child(
        session, PlanProblem, plan=plan, child_id=problem_id, what="problem", for_update=True
    )
    require_if_match(request, problem.version)
    problem = await service.archive_problem(session, plan=plan, problem=problem)
    set_etag(response, problem.version)
    return ProblemRead.model_validate(problem)


# --- strategic lines -------------------------------------------------------------------


@router.post(
    PLAN + "/lines",
    status_code=201,
    operation_id="plan-lines-create",
    tags=[TAG_CONTENT],
    response_model=LineRead,
    responses=problem_responses(404, 409),
    summary="Add a strategic line",
)
async def create_line(
    plan_id: uuid.UUID, body: LineCreate, session: SessionDep, principal: Writer, response: Response
) -> LineRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line, created = await service.create_line(session, plan=plan, data=body)
    _created(response, created, line.version, f"{PLANS}/{plan.id}/lines/{line.id}")
    return LineRead.model_validate(line)


@router.get(
    PLAN + "/lines",
    operation_id="plan-lines-list",
    tags=[TAG_CONTENT],
    response_model=LineList,
    responses=problem_responses(404),
)
async def list_lines(
    plan_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    include_archived: IncludeArchived = False,
) -> LineList:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    rows = await repository.list_children(
        session, PlanLine, plan.id, include_archived=include_archived
    )
    return LineList(items=[LineRead.model_validate(r) for r in rows])


@router.get(
    PLAN + "/lines/{line_id}",
    operation_id="plan-lines-get",
    tags=[TAG_CONTENT],
    response_model=LineRead,
    responses=problem_responses(404),
)
async def get_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> LineRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    line = await service.load_child(session, PlanLine, plan=plan, child_id=line_id, what="line")
    set_etag(response, line.version)
    return LineRead.model_validate(line)


@router.patch(
    PLAN + "/lines/{line_id}",
    operation_id="plan-lines-update",
    tags=[TAG_CONTENT],
    response_model=LineRead,
    responses=WRITE_ERRORS,
)
async def update_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    body: LineUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> LineRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await service.load_child(
        session, PlanLine, plan=plan, child_id=line_id, what="line", for_update=True
    )
    require_if_match(request, line.version)
    line = await service.update_line(session, plan=plan, line=line, changes=body)
    set_etag(response, line.version)
    return LineRead.model_validate(line)


@router.delete(
    PLAN + "/lines/{line_id}",
    operation_id="plan-lines-archive",
    tags=[TAG_CONTENT],
    response_model=LineRead,
    responses=WRITE_ERRORS,
    summary="Archive a strategic line without active actions",
)
async def archive_line(
    plan_id: uuid.UUID,
    line_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> LineRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await service.load_child(
        session, PlanLine, plan=plan, child_id=line_id, what="line", for_update=True
    )
    require_if_match(request, line.version)
    line = await service.archive_line(session, plan=plan, line=line)
    set_etag(response, line.version)
    return LineRead.model_validate(line)


# --- actions ---------------------------------------------------------------------------


@router.post(
    PLAN + "/lines/{line_id}/actions",
    status_code=201,
    operation_id="plan-actions-create",
    tags=[TAG_CONTENT],
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
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    line = await service.load_child(session, PlanLine, plan=plan, child_id=line_id, what="line")
    action, created = await service.create_action(session, plan=plan, line=line, data=body)
    _created(response, created, action.version, f"{PLANS}/{plan.id}/actions/{action.id}")
    return service.action_read(action)


@router.get(
    PLAN + "/lines/{line_id}/actions",
    operation_id="plan-actions-list",
    tags=[TAG_CONTENT],
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
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    line = await service.load_child(session, PlanLine, plan=plan, child_id=line_id, what="line")
    rows = await repository.list_children(
        session, PlanAction, plan.id, include_archived=include_archived, line_id=line.id
    )
    return ActionList(items=[service.action_read(r) for r in rows])


@router.get(
    PLAN + "/actions/{action_id}",
    operation_id="plan-actions-get",
    tags=[TAG_CONTENT],
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
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    action = await service.load_child(
        session, PlanAction, plan=plan, child_id=action_id, what="action"
    )
    set_etag(response, action.version)
    return service.action_read(action)


@router.patch(
    PLAN + "/actions/{action_id}",
    operation_id="plan-actions-update",
    tags=[TAG_CONTENT],
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
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_child(
        session, PlanAction, plan=plan, child_id=action_id, what="action", for_update=True
    )
    require_if_match(request, action.version)
    action = await service.update_action(session, plan=plan, action=action, changes=body)
    set_etag(response, action.version)
    return service.action_read(action)


@router.delete(
    PLAN + "/actions/{action_id}",
    operation_id="plan-actions-archive",
    tags=[TAG_CONTENT],
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
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_child(
        session, PlanAction, plan=plan, child_id=action_id, what="action", for_update=True
    )
    require_if_match(request, action.version)
    action = await service.archive_action(session, plan=plan, action=action)
    set_etag(response, action.version)
    return service.action_read(action)


# --- progress reports ------------------------------------------------------------------


@router.post(
    PLAN + "/actions/{action_id}/reports",
    status_code=201,
    operation_id="progress-reports-create",
    tags=[TAG_EXECUTION],
    response_model=ReportRead,
    responses=problem_responses(404, 409),
    summary="Report an action's progress for one quarter",
)
async def create_report(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    body: ReportCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ReportRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_child(
        session, PlanAction, plan=plan, child_id=action_id, what="action"
    )
    report, created = await service.create_report(
        session, plan=plan, action=action, data=body, principal=principal
    )
    _created(
        response,
        created,
        report.version,
        f"{PLANS}/{plan.id}/actions/{action.id}/reports/{report.id}",
    )
    return ReportRead.model_validate(report)


@router.get(
    PLAN + "/actions/{action_id}/reports",
    operation_id="progress-reports-list",
    tags=[TAG_EXECUTION],
    response_model=ReportList,
    responses=problem_responses(404),
    summary="An action's reports, oldest first",
)
async def list_reports(
    plan_id: uuid.UUID, action_id: uuid.UUID, session: SessionDep, principal: Reader
) -> ReportList:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    action = await service.load_child(
        session, PlanAction, plan=plan, child_id=action_id, what="action"
    )
    rows = await repository.list_reports(session, action.id)
    return ReportList(items=[ReportRead.model_validate(r) for r in rows])


async def _load_report(
    session: SessionDep,
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    principal: Principal,
    *,
    for_update: bool,
) -> tuple[object, ProgressReport]:
    plan = await service.load_plan(
        session, plan_id=plan_id, principal=principal, for_update=for_update
    )
    report = await service.load_child(
        session,
        ProgressReport,
        plan=plan,
        child_id=report_id,
        what="progress report",
        for_update=for_update,
    )
    if report.action_id != action_id:
        raise service.NotFound(f"No progress report with id {report_id} for this action.")
    return plan, report


@router.get(
    PLAN + "/actions/{action_id}/reports/{report_id}",
    operation_id="progress-reports-get",
    tags=[TAG_EXECUTION],
    response_model=ReportRead,
    responses=problem_responses(404),
)
async def get_report(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> ReportRead:
    _, report = await _load_report(
        session, plan_id, action_id, report_id, principal, for_update=False
    )
    set_etag(response, report.version)
    return ReportRead.model_validate(report)


@router.patch(
    PLAN + "/actions/{action_id}/reports/{report_id}",
    operation_id="progress-reports-update",
    tags=[TAG_EXECUTION],
    response_model=ReportRead,
    responses=WRITE_ERRORS,
    summary="Correct a progress report (plan in implementation)",
)
async def update_report(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    report_id: uuid.UUID,
    body: ReportUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> ReportRead:
    plan, report = await _load_report(
        session, plan_id, action_id, report_id, principal, for_update=True
    )
    require_if_match(request, report.version)
    assert isinstance(plan, service.SecurityPlan)
    report = await service.update_report(session, plan=plan, report=report, changes=body)
    set_etag(response, report.version)
    return ReportRead.model_validate(report)


# --- reviews ---------------------------------------------------------------------------


@router.post(
    PLAN + "/reviews",
    status_code=201,
    operation_id="plan-reviews-create",
    tags=[TAG_REVIEWS],
    response_model=ReviewRead,
    responses=problem_responses(404, 409),
    summary="Record the programme's technical review of a plan",
)
async def create_review(
    plan_id: uuid.UUID,
    body: ReviewCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> ReviewRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    review, created = await service.create_review(session, plan=plan, data=body)
    _created(response, created, review.version, f"/api/v1/plan-reviews/{review.id}")
    return service.review_read(review)


@router.get(
    PLAN + "/reviews",
    operation_id="plan-reviews-list",
    tags=[TAG_REVIEWS],
    response_model=ReviewPage,
    responses=problem_responses(404),
)
async def list_reviews(
    plan_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
) -> ReviewPage:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    rows = await repository.list_reviews(session, plan.id, page)
    items, next_cursor = finish_page(rows, page, lambda r: (r.created_at, r.id))
    set_link_header(request, response, next_cursor)
    return ReviewPage(items=[service.review_read(r) for r in items], next_cursor=next_cursor)


@router.get(
    "/api/v1/plan-reviews/{review_id}",
    operation_id="plan-reviews-get",
    tags=[TAG_REVIEWS],
    response_model=ReviewRead,
    responses=problem_responses(404),
)
async def get_review(
    review_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ReviewRead:
    review = await service.load_review(session, review_id=review_id, principal=principal)
    set_etag(response, review.version)
    return service.review_read(review)


# --- prevention strategies -------------------------------------------------------------


@router.post(
    STRATEGIES,
    status_code=201,
    operation_id="prevention-strategies-create",
    tags=[TAG_STRATEGIES],
    response_model=StrategyRead,
    responses=problem_responses(409),
    summary="Design a prevention strategy",
)
async def create_strategy(
    body: StrategyCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
) -> StrategyRead:
    strategy, created = await service.create_strategy(
        session, data=body, principal=principal, territories=territories
    )
    _created(response, created, strategy.version, f"{STRATEGIES}/{strategy.id}")
    return StrategyRead.model_validate(strategy)


@router.get(
    STRATEGIES,
    operation_id="prevention-strategies-list",
    tags=[TAG_STRATEGIES],
    response_model=StrategyPage,
)
async def list_strategies(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    security_plan_id: uuid.UUID | None = None,
    approach: Approach | None = None,
    status: StrategyStatus | None = None,
    target_problem: Problem | None = None,
    include_archived: IncludeArchived = False,
) -> StrategyPage:
    filters = repository.StrategyFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        security_plan_id=security_plan_id,
        approach=approach,
        status=status,
        target_problem=target_problem,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_strategies(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return StrategyPage(
        items=[StrategyRead.model_validate(s) for s in items], next_cursor=next_cursor
    )


@router.get(
    STRATEGIES + "/{strategy_id}",
    operation_id="prevention-strategies-get",
    tags=[TAG_STRATEGIES],
    response_model=StrategyRead,
    responses=problem_responses(404),
)
async def get_strategy(
    strategy_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> StrategyRead:
    strategy = await service.load_strategy(session, strategy_id=strategy_id, principal=principal)
    set_etag(response, strategy.version)
    return StrategyRead.model_validate(strategy)


@router.patch(
    STRATEGIES + "/{strategy_id}",
    operation_id="prevention-strategies-update",
    tags=[TAG_STRATEGIES],
    response_model=StrategyRead,
    responses=WRITE_ERRORS,
)
async def update_strategy(
    strategy_id: uuid.UUID,
    body: StrategyUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrategyRead:
    strategy = await service.load_strategy(
        session, strategy_id=strategy_id, principal=principal, for_update=True
    )
    require_if_match(request, strategy.version)
    strategy = await service.update_strategy(session, strategy=strategy, changes=body)
    set_etag(response, strategy.version)
    return StrategyRead.model_validate(strategy)


@router.delete(
    STRATEGIES + "/{strategy_id}",
    operation_id="prevention-strategies-archive",
    tags=[TAG_STRATEGIES],
    response_model=StrategyRead,
    responses=problem_responses(404, 412, 428),
)
async def archive_strategy(
    strategy_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrategyRead:
    strategy = await service.load_strategy(
        session, strategy_id=strategy_id, principal=principal, for_update=True
    )
    require_if_match(request, strategy.version)
    strategy = await service.archive_strategy(session, strategy=strategy)
    set_etag(response, strategy.version)
    return StrategyRead.model_validate(strategy)


@router.post(
    STRATEGIES + "/{strategy_id}/transitions",
    operation_id="prevention-strategies-transition",
    tags=[TAG_STRATEGIES],
    response_model=StrategyRead,
    responses=problem_responses(404, 409),
    summary="Start, complete, evaluate or discontinue a strategy",
)
async def transition_strategy(
    strategy_id: uuid.UUID,
    body: StrategyTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrategyRead:
    strategy = await service.load_strategy(
        session, strategy_id=strategy_id, principal=principal, for_update=True
    )
    strategy = await service.transition_strategy(session, strategy=strategy, request=body)
    set_etag(response, strategy.version)
    return StrategyRead.model_validate(strategy)


# --- statistics ------------------------------------------------------------------------


@router.get(
    "/api/v1/stats/security-plans",
    operation_id="security-plans-stats",
    tags=[TAG_STATS],
    response_model=SecurityPlanStats,
    summary="Plans, approvals, reviews, budgets and strategies, by municipality",
    description=(
        "Aggregates within the caller's territories. `from`/`to` keep plans whose "
        "term overlaps the dates, reviews dated within them (latest per plan), "
        "executed budget of quarters starting within them, and strategies started "
        "(or, not started, created) within them."
    ),
)
async def get_stats(
    database: DatabaseDep,
    principal: Reader,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: date | None = None,
) -> SecurityPlanStats:
    if from_ is not None and to is not None and from_ > to:
        raise InvalidInput("from", "must not be after `to`")
    filters = repository.StatsFilters(
        department_code=department_code, municipality_code=municipality_code, from_=from_, to=to
    )
    assert database.pool is not None
    return await service.statistics(database.pool, principal=principal, filters=filters)


@router.get(
    "/api/v1/stats/security-plans/municipalities/{municipality_code}",
    operation_id="security-plans-municipality-summary",
    tags=[TAG_STATS],
    response_model=MunicipalitySecurity,
    responses=problem_responses(403),
    summary="One municipality's current PISCC, plans by status and prevention strategies",
    description=(
        "The plan for the term running on `as_of` (else the latest live plan) with its "
        "latest review and its execution (the figures of `GET /api/v1/security-plans/{id}/"
        "execution`), live plans by status, active strategies by status and approach. "
        "403 when the token does not cover the municipality."
    ),
)
async def get_municipality_summary(
    municipality_code: MunicipalityCode,
    database: DatabaseDep,
    principal: Reader,
    as_of: Annotated[
        date | None,
        Query(description="Reference date for the current term (default: today in Colombia)"),
    ] = None,
) -> MunicipalitySecurity:
    assert database.pool is not None
    return await service.municipality_summary(
        database.pool, municipality_code=municipality_code, principal=principal, as_of=as_of
    )


vocabulary_router = vocabularies_router(
    service="security_plans",
    path="/api/v1/vocabularies/security-plans",
    vocabularies=vocabularies.ALL,
    tag="vocabularies",
    operation_id="security-plans-vocabularies",
    guard=require_scope("plans:read"),
)
