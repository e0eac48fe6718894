"""Routes of the organizations service: parse, call the service, return."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal, require_scope
from services.common.concurrency import require_if_match, set_etag
from services.common.db import DatabaseDep, SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.fastpath import FastRead
from services.common.pagination import PageParams, page_params, set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.vocabulary import vocabularies_router
from services.organizations import service, vocabularies
from services.organizations.repository import (
    InitiativeFilters,
    OrganizationFilters,
    PlanFilters,
    SupportFilters,
)
from services.organizations.schemas import (
    AssessmentCreate,
    AssessmentPage,
    AssessmentRead,
    AssessmentTransition,
    AssessmentUpdate,
    CommunityInitiativeCreate,
    CommunityInitiativePage,
    CommunityInitiativeRead,
    CommunityInitiativeUpdate,
    InitiativeTransition,
    MunicipalityOrganizations,
    OrganizationCreate,
    OrganizationPage,
    OrganizationRead,
    OrganizationRecord,
    OrganizationStats,
    OrganizationUpdate,
    Performance,
    PlanActionCreate,
    PlanActionPage,
    PlanActionRead,
    PlanActionUpdate,
    PlanTransition,
    StrengtheningPlanCreate,
    StrengtheningPlanPage,
    StrengtheningPlanRead,
    StrengtheningPlanUpdate,
    SupportActivityCreate,
    SupportActivityPage,
    SupportActivityRead,
    SupportActivityUpdate,
)
from services.organizations.vocabularies import (
    ActionStatus,
    EthnicFocus,
    InitiativeStatus,
    Methodology,
    OpiArea,
    OrganizationStatus,
    OrganizationType,
    PlanStatus,
    RiskFactor,
    SupportKind,
)

Reader = Annotated[Principal, Depends(require_scope("organizations:read"))]
Writer = Annotated[Principal, Depends(require_scope("organizations:write"))]
Page = Annotated[PageParams, Depends(page_params)]

router = APIRouter()
ORG = "/api/v1/organizations"
TAG_ORGS = "organizations"
TAG_OPI = "opi-assessments"


def _location(response: Response, path: str) -> None:
    response.headers["Location"] = path


@router.post(
    ORG,
    status_code=201,
    operation_id="organizations-create",
    tags=[TAG_ORGS],
    response_model=OrganizationRead,
    responses=created_responses(OrganizationRead, 409),
    summary="Register an organization",
)
async def create_organization(
    body: OrganizationCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
) -> OrganizationRead:
    organization, created = await service.create_organization(
        session, data=body, principal=principal, territories=territories
    )
    if not created:
        response.status_code = 200
    set_etag(response, organization.version)
    _location(response, f"{ORG}/{organization.id}")
    return service.organization_read(organization)


@router.get(
    ORG,
    operation_id="organizations-list",
    tags=[TAG_ORGS],
    response_model=OrganizationPage,
    summary="List and search organizations",
)
async def list_organizations(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    type: OrganizationType | None = None,
    ethnic_focus: EthnicFocus | None = None,
    status: OrganizationStatus | None = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="Accent- and case-insensitive text in name or acronym",
        ),
    ] = None,
    include_archived: bool = False,
) -> OrganizationPage:
    filters = OrganizationFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        type=type,
        ethnic_focus=ethnic_focus,
        status=status,
        q=q,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_organizations(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return OrganizationPage(
        items=[service.organization_read(o) for o in items], next_cursor=next_cursor
    )


@router.get(
    ORG + "/{organization_id}",
    operation_id="organizations-get",
    tags=[TAG_ORGS],
    response_model=OrganizationRead,
    responses=problem_responses(404),
)
async def get_organization(
    organization_id: uuid.UUID, request: Request, principal: Reader, response: Response
) -> OrganizationRead:
    # Normally answered by the lean path (FAST_READS); kept for the contract and as fallback.
    organization = await read_organization(request.app, principal, organization_id)
    set_etag(response, organization.version)
    return organization


async def read_organization(
    app: Any, principal: Principal, organization_id: uuid.UUID
) -> OrganizationRead:
    """GET by id, shared by the FastAPI route and the lean path: raw pool, no ORM."""
    pool = app.state.database.pool
    assert pool is not None
    return await service.read_organization(
        pool, organization_id=organization_id, principal=principal
    )


FAST_READS = [FastRead(ORG + "/{organization_id}", "organizations:read", read_organization)]


@router.patch(
    ORG + "/{organization_id}",
    operation_id="organizations-update",
    tags=[TAG_ORGS],
    response_model=OrganizationRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_organization(
    organization_id: uuid.UUID,
    body: OrganizationUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
) -> OrganizationRead:
    organization = await service.load_organization(
        session, organization_id=organization_id, principal=principal, for_update=True
    )
    require_if_match(request, organization.version)
    organization = await service.update_organization(
        session,
        organization=organization,
        changes=body,
        principal=principal,
        territories=territories,
    )
    set_etag(response, organization.version)
    return service.organization_read(organization)


@router.delete(
    ORG + "/{organization_id}",
    operation_id="organizations-archive",
    tags=[TAG_ORGS],
    response_model=OrganizationRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive an organization (it stays readable with include_archived)",
)
async def archive_organization(
    organization_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> OrganizationRead:
    organization = await service.load_organization(
        session, organization_id=organization_id, principal=principal, for_update=True
    )
    require_if_match(request, organization.version)
    organization = await service.archive_organization(session, organization=organization)
    set_etag(response, organization.version)
    return service.organization_read(organization)


# --- OPI assessments -------------------------------------------------------------------


@router.post(
    ORG + "/{organization_id}/assessments",
    status_code=201,
    tags=[TAG_OPI],
    operation_id="assessments-create",
    response_model=AssessmentRead,
    responses=created_responses(AssessmentRead, 404, 409),
    summary="Record an OPI assessment (draft)",
)
async def create_assessment(
    organization_id: uuid.UUID,
    body: AssessmentCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> AssessmentRead:
    organization = await service.load_organization(
        session, organization_id=organization_id, principal=principal, for_update=True
    )
    assessment, created = await service.create_assessment(
        session, organization=organization, data=body
    )
    if not created:
        response.status_code = 200
    set_etag(response, assessment.version)
    _location(response, f"/api/v1/assessments/{assessment.id}")
    return service.assessment_read(assessment)


@router.get(
    ORG + "/{organization_id}/assessments",
    tags=[TAG_OPI],
    operation_id="assessments-list",
    response_model=AssessmentPage,
    responses=problem_responses(404),
)
async def list_assessments(
    organization_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
) -> AssessmentPage:
    organization = await service.load_organization(
        session, organization_id=organization_id, principal=principal
    )
    rows = await service.repository.list_assessments(session, organization.id, page)
    items, next_cursor = service.finish_page(rows, page, lambda a: (a.created_at, a.id))
    set_link_header(request, response, next_cursor)
    return AssessmentPage(
        items=[service.assessment_read(a) for a in items], next_cursor=next_cursor
    )


@router.get(
    "/api/v1/assessments/{assessment_id}",
    tags=[TAG_OPI],
    operation_id="assessments-get",
    response_model=AssessmentRead,
    responses=problem_responses(404),
)
async def get_assessment(
    assessment_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> AssessmentRead:
    assessment, _ = await service.load_assessment(
        session, assessment_id=assessment_id, principal=principal
    )
    set_etag(response, assessment.version)
    return service.assessment_read(assessment)


@router.patch(
    "/api/v1/assessments/{assessment_id}",
    tags=[TAG_OPI],
    operation_id="assessments-update",
    response_model=AssessmentRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_assessment(
    assessment_id: uuid.UUID,
    body: AssessmentUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> AssessmentRead:
    assessment, _ = await service.load_assessment(
        session, assessment_id=assessment_id, principal=principal, for_update=True
    )
    require_if_match(request, assessment.version)
    assessment = await service.update_assessment(session, assessment=assessment, changes=body)
    set_etag(response, assessment.version)
    return service.assessment_read(assessment)


@router.post(
    "/api/v1/assessments/{assessment_id}/transitions",
    tags=[TAG_OPI],
    operation_id="assessments-transition",
    response_model=AssessmentRead,
    responses=problem_responses(404, 409),
    summary="Verify an assessment",
)
async def transition_assessment(
    assessment_id: uuid.UUID,
    body: AssessmentTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> AssessmentRead:
    assessment, _ = await service.load_assessment(
        session, assessment_id=assessment_id, principal=principal, for_update=True
    )
    assessment = await service.transition_assessment(
        session, assessment=assessment, to=body.to, principal=principal
    )
    set_etag(response, assessment.version)
    return service.assessment_read(assessment)


@router.get(
    ORG + "/{organization_id}/performance",
    tags=[TAG_OPI],
    operation_id="organizations-performance",
    response_model=Performance,
    responses=problem_responses(404),
    summary="OPI baseline vs latest verified follow-up",
)
async def get_performance(
    organization_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Performance:
    organization = await service.load_organization(
        session, organization_id=organization_id, principal=principal
    )
    return await service.performance(session, organization=organization)


@router.get(
    ORG + "/{organization_id}/record",
    tags=[TAG_ORGS],
    operation_id="organizations-record",
    response_model=OrganizationRecord,
    responses=problem_responses(404),
    summary="An organization with its OPI performance, assessments, plans and support",
    description=(
        "What `GET /api/v1/organizations/{id}`, `…/performance`, `…/assessments`, "
        "`/api/v1/strengthening-plans?organization_id=` and "
        "`/api/v1/support-activities?organization_id=` answer, in one read (the first 200 "
        "items of each list)."
    ),
)
async def get_organization_record(
    organization_id: uuid.UUID, session: SessionDep, principal: Reader
) -> OrganizationRecord:
    return await service.organization_record(
        session, organization_id=organization_id, principal=principal
    )


vocabulary_router = vocabularies_router(
    service="organizations",
    path="/api/v1/vocabularies/organizations",
    vocabularies=vocabularies.ALL,
    tag="vocabularies",
    operation_id="organizations-vocabularies",
    guard=require_scope("organizations:read"),
)


# --- strengthening plans ---------------------------------------------------------------

PLANS = "/api/v1/strengthening-plans"
TAG_PLANS = "strengthening-plans"
TAG_SUPPORT = "capacity-support"
TAG_INITIATIVES = "community-initiatives"
TAG_STATS = "statistics"


@router.post(
    PLANS,
    status_code=201,
    operation_id="strengthening-plans-create",
    tags=[TAG_PLANS],
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
    _location(response, f"{PLANS}/{plan.id}")
    return await service.plan_with_progress(session, plan)


@router.get(
    PLANS,
    operation_id="strengthening-plans-list",
    tags=[TAG_PLANS],
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
    status: PlanStatus | None = None,
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
    PLANS + "/{plan_id}",
    operation_id="strengthening-plans-get",
    tags=[TAG_PLANS],
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
    PLANS + "/{plan_id}",
    operation_id="strengthening-plans-update",
    tags=[TAG_PLANS],
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
    PLANS + "/{plan_id}",
    operation_id="strengthening-plans-archive",
    tags=[TAG_PLANS],
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
    PLANS + "/{plan_id}/transitions",
    operation_id="strengthening-plans-transition",
    tags=[TAG_PLANS],
    response_model=StrengtheningPlanRead,
    responses=problem_responses(404, 409),
    summary="Approve, start, complete or cancel a plan",
)
async def transition_plan(
    plan_id: uuid.UUID,
    body: PlanTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> StrengtheningPlanRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    plan = await service.transition_plan(session, plan=plan, request=body, principal=principal)
    set_etag(response, plan.version)
    return await service.plan_with_progress(session, plan)


# --- plan actions ----------------------------------------------------------------------

ACTIONS = PLANS + "/{plan_id}/actions"


@router.post(
    ACTIONS,
    status_code=201,
    operation_id="strengthening-actions-create",
    tags=[TAG_PLANS],
    response_model=PlanActionRead,
    responses=created_responses(PlanActionRead, 404, 409),
    summary="Add an action to an open plan",
)
async def create_action(
    plan_id: uuid.UUID,
    body: PlanActionCreate,
    session: SessionDep,
    principal: Writer,
    response: Response,
) -> PlanActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action, created = await service.create_action(session, plan=plan, data=body)
    if not created:
        response.status_code = 200
    set_etag(response, action.version)
    _location(response, f"{PLANS}/{plan.id}/actions/{action.id}")
    return service.action_read(action)


@router.get(
    ACTIONS,
    operation_id="strengthening-actions-list",
    tags=[TAG_PLANS],
    response_model=PlanActionPage,
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
) -> PlanActionPage:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    rows = await service.repository.list_actions(
        session, plan.id, page, status=status, opi_area=opi_area, include_archived=include_archived
    )
    items, next_cursor = service.finish_page(rows, page, lambda a: (a.created_at, a.id))
    set_link_header(request, response, next_cursor)
    today = service.colombia_today()
    return PlanActionPage(
        items=[service.action_read(a, today=today) for a in items], next_cursor=next_cursor
    )


@router.get(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-get",
    tags=[TAG_PLANS],
    response_model=PlanActionRead,
    responses=problem_responses(404),
)
async def get_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    response: Response,
) -> PlanActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal)
    action = await service.load_action(session, plan=plan, action_id=action_id)
    set_etag(response, action.version)
    return service.action_read(action)


@router.patch(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-update",
    tags=[TAG_PLANS],
    response_model=PlanActionRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_action(
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    body: PlanActionUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> PlanActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.update_action(session, plan=plan, action=action, changes=body)
    set_etag(response, action.version)
    return service.action_read(action)


@router.delete(
    ACTIONS + "/{action_id}",
    operation_id="strengthening-actions-archive",
    tags=[TAG_PLANS],
    response_model=PlanActionRead,
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
) -> PlanActionRead:
    plan = await service.load_plan(session, plan_id=plan_id, principal=principal, for_update=True)
    action = await service.load_action(session, plan=plan, action_id=action_id, for_update=True)
    require_if_match(request, action.version)
    action = await service.archive_action(session, plan=plan, action=action)
    set_etag(response, action.version)
    return service.action_read(action)


# --- capacity support ------------------------------------------------------------------

SUPPORT = "/api/v1/support-activities"


@router.post(
    SUPPORT,
    status_code=201,
    operation_id="support-activities-create",
    tags=[TAG_SUPPORT],
    response_model=SupportActivityRead,
    responses=created_responses(SupportActivityRead, 409),
    summary="Record support given to an organization",
)
async def create_support_activity(
    body: SupportActivityCreate, session: SessionDep, principal: Writer, response: Response
) -> SupportActivityRead:
    activity, created = await service.create_support_activity(
        session, data=body, principal=principal
    )
    if not created:
        response.status_code = 200
    set_etag(response, activity.version)
    _location(response, f"{SUPPORT}/{activity.id}")
    return service.support_read(activity)


@router.get(
    SUPPORT,
    operation_id="support-activities-list",
    tags=[TAG_SUPPORT],
    response_model=SupportActivityPage,
    summary="List support activities",
)
async def list_support_activities(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    organization_id: uuid.UUID | None = None,
    kind: SupportKind | None = None,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    from_: Annotated[date | None, Query(alias="from", description="Delivered on or after")] = None,
    to: Annotated[date | None, Query(description="Delivered on or before")] = None,
    include_archived: bool = False,
) -> SupportActivityPage:
    filters = SupportFilters(
        organization_id=organization_id,
        kind=kind,
        municipality_code=municipality_code,
        department_code=department_code,
        delivered_from=from_,
        delivered_to=to,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_support_activities(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return SupportActivityPage(
        items=[service.support_read(s) for s in items], next_cursor=next_cursor
    )


@router.get(
    SUPPORT + "/{activity_id}",
    operation_id="support-activities-get",
    tags=[TAG_SUPPORT],
    response_model=SupportActivityRead,
    responses=problem_responses(404),
)
async def get_support_activity(
    activity_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal
    )
    set_etag(response, activity.version)
    return service.support_read(activity)


@router.patch(
    SUPPORT + "/{activity_id}",
    operation_id="support-activities-update",
    tags=[TAG_SUPPORT],
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
)
async def update_support_activity(
    activity_id: uuid.UUID,
    body: SupportActivityUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal, for_update=True
    )
    require_if_match(request, activity.version)
    activity = await service.update_support_activity(session, activity=activity, changes=body)
    set_etag(response, activity.version)
    return service.support_read(activity)


@router.delete(
    SUPPORT + "/{activity_id}",
    operation_id="support-activities-archive",
    tags=[TAG_SUPPORT],
    response_model=SupportActivityRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a support activity",
)
async def archive_support_activity(
    activity_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> SupportActivityRead:
    activity = await service.load_support_activity(
        session, activity_id=activity_id, principal=principal, for_update=True
    )
    require_if_match(request, activity.version)
    activity = await service.archive_support_activity(session, activity=activity)
    set_etag(response, activity.version)
    return service.support_read(activity)


# --- community initiatives -------------------------------------------------------------

INITIATIVES = "/api/v1/community-initiatives"


@router.post(
    INITIATIVES,
    status_code=201,
    operation_id="community-initiatives-create",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativeRead,
    responses=created_responses(CommunityInitiativeRead, 409),
    summary="Register a community initiative (IBP or other)",
)
async def create_initiative(
    body: CommunityInitiativeCreate,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
    response: Response,
) -> CommunityInitiativeRead:
    initiative, created = await service.create_initiative(
        session, data=body, principal=principal, territories=territories
    )
    if not created:
        response.status_code = 200
    set_etag(response, initiative.version)
    _location(response, f"{INITIATIVES}/{initiative.id}")
    return service.initiative_read(initiative)


@router.get(
    INITIATIVES,
    operation_id="community-initiatives-list",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativePage,
    summary="List community initiatives",
)
async def list_initiatives(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    page: Page,
    municipality_code: MunicipalityCode | None = None,
    department_code: DepartmentCode | None = None,
    status: InitiativeStatus | None = None,
    methodology: Methodology | None = None,
    lead_organization_id: uuid.UUID | None = None,
    risk_factor: Annotated[
        RiskFactor | None, Query(description="Initiatives addressing this risk factor")
    ] = None,
    from_: Annotated[date | None, Query(alias="from", description="Starting on or after")] = None,
    to: Annotated[date | None, Query(description="Starting on or before")] = None,
    include_archived: bool = False,
) -> CommunityInitiativePage:
    filters = InitiativeFilters(
        municipality_code=municipality_code,
        department_code=department_code,
        status=status,
        methodology=methodology,
        lead_organization_id=lead_organization_id,
        risk_factor=risk_factor,
        starts_from=from_,
        starts_to=to,
        include_archived=include_archived,
    )
    items, next_cursor = await service.list_initiatives(
        session, principal=principal, filters=filters, page=page
    )
    set_link_header(request, response, next_cursor)
    return CommunityInitiativePage(
        items=[service.initiative_read(c) for c in items], next_cursor=next_cursor
    )


@router.get(
    INITIATIVES + "/{initiative_id}",
    operation_id="community-initiatives-get",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404),
)
async def get_initiative(
    initiative_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> CommunityInitiativeRead:
    initiative = await service.load_initiative(
        session, initiative_id=initiative_id, principal=principal
    )
    set_etag(response, initiative.version)
    return service.initiative_read(initiative)


@router.patch(
    INITIATIVES + "/{initiative_id}",
    operation_id="community-initiatives-update",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_initiative(
    initiative_id: uuid.UUID,
    body: CommunityInitiativeUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
    territories: TerritoriesDep,
) -> CommunityInitiativeRead:
    initiative = await service.load_initiative(
        session, initiative_id=initiative_id, principal=principal, for_update=True
    )
    require_if_match(request, initiative.version)
    initiative = await service.update_initiative(
        session, initiative=initiative, changes=body, principal=principal, territories=territories
    )
    set_etag(response, initiative.version)
    return service.initiative_read(initiative)


@router.delete(
    INITIATIVES + "/{initiative_id}",
    operation_id="community-initiatives-archive",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 412, 428),
    summary="Archive a community initiative",
)
async def archive_initiative(
    initiative_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> CommunityInitiativeRead:
    initiative = await service.load_initiative(
        session, initiative_id=initiative_id, principal=principal, for_update=True
    )
    require_if_match(request, initiative.version)
    initiative = await service.archive_initiative(session, initiative=initiative)
    set_etag(response, initiative.version)
    return service.initiative_read(initiative)


@router.post(
    INITIATIVES + "/{initiative_id}/transitions",
    operation_id="community-initiatives-transition",
    tags=[TAG_INITIATIVES],
    response_model=CommunityInitiativeRead,
    responses=problem_responses(404, 409),
    summary="Start, complete or cancel an initiative",
)
async def transition_initiative(
    initiative_id: uuid.UUID,
    body: InitiativeTransition,
    response: Response,
    session: SessionDep,
    principal: Writer,
) -> CommunityInitiativeRead:
    initiative = await service.load_initiative(
        session, initiative_id=initiative_id, principal=principal, for_update=True
    )
    initiative = await service.transition_initiative(session, initiative=initiative, request=body)
    set_etag(response, initiative.version)
    return service.initiative_read(initiative)


# --- statistics ------------------------------------------------------------------------


@router.get(
    "/api/v1/stats/organizations",
    operation_id="organizations-stats",
    tags=[TAG_STATS],
    response_model=OrganizationStats,
    summary="Programme figures, in total and by municipality (DIVIPOLA keys)",
)
async def get_organization_stats(
    database: DatabaseDep,
    principal: Reader,
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[
        date | None,
        Query(
            alias="from",
            description=(
                "Start of the period: assessments, plans (start date), support (delivery date) "
                "and initiatives (start date) on or after it"
            ),
        ),
    ] = None,
    to: Annotated[date | None, Query(description="End of the period (inclusive)")] = None,
) -> OrganizationStats:
    assert database.pool is not None
    return await service.organization_stats(
        database.pool,
        principal=principal,
        municipality_code=municipality_code,
        department_code=department_code,
        date_from=from_,
        date_to=to,
    )


@router.get(
    "/api/v1/stats/organizations/municipalities/{municipality_code}",
    operation_id="organizations-municipality-summary",
    tags=[TAG_STATS],
    response_model=MunicipalityOrganizations,
    responses=problem_responses(403),
    summary="One municipality's figures with its community initiatives listed",
    description=(
        "The statistics of one municipality (as `totals` of `GET /api/v1/stats/organizations"
        "?municipality_code=`) and its active initiatives, in one read. 403 when the token "
        "does not cover the municipality."
    ),
)
async def get_municipality_summary(
    municipality_code: MunicipalityCode, database: DatabaseDep, principal: Reader
) -> MunicipalityOrganizations:
    assert database.pool is not None
    return await service.municipality_summary(
        database.pool, principal=principal, municipality_code=municipality_code
    )
