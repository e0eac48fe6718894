"""Routes of the organizations service: parse, call the service, return."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import Principal, require_scope
from services.common.concurrency import require_if_match, set_etag
from services.common.db import DatabaseDep, SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.pagination import PageParams, page_params, set_link_header
from services.common.territory import DepartmentCode, MunicipalityCode, TerritoriesDep
from services.common.vocabulary import vocabularies_router
from services.organizations import service, vocabularies
from services.organizations.repository import OrganizationFilters
from services.organizations.schemas import (
    AssessmentCreate,
    AssessmentPage,
    AssessmentRead,
    AssessmentTransition,
    AssessmentUpdate,
    OrganizationCreate,
    OrganizationPage,
    OrganizationRead,
    OrganizationUpdate,
    Performance,
)
from services.organizations.vocabularies import EthnicFocus, OrganizationStatus, OrganizationType

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
    organization_id: uuid.UUID, database: DatabaseDep, principal: Reader, response: Response
) -> OrganizationRead:
    assert database.pool is not None
    organization = await service.read_organization(
        database.pool, organization_id=organization_id, principal=principal
    )
    set_etag(response, organization.version)
    return organization


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


vocabulary_router = vocabularies_router(
    service="organizations",
    path="/api/v1/vocabularies/organizations",
    vocabularies=vocabularies.ALL,
    tag="vocabularies",
    operation_id="organizations-vocabularies",
    guard=require_scope("organizations:read"),
)
