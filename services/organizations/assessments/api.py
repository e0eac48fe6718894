"""Routes of OPI assessments and of an organization's OPI performance."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.pagination import set_link_header
from services.organizations.assessments import service
from services.organizations.assessments.schemas import (
    AssessmentCreate,
    AssessmentPage,
    AssessmentRead,
    AssessmentTransition,
    AssessmentUpdate,
    Performance,
)
from services.organizations.records import Page, Reader, Writer
from services.organizations.registry import service as registry

router = APIRouter(prefix="/api/v1", tags=["opi-assessments"])


@router.post(
    "/organizations/{organization_id}/assessments",
    status_code=201,
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
    organization = await registry.load_organization(
        session, organization_id=organization_id, principal=principal, for_update=True
    )
    assessment, created = await service.create_assessment(
        session, organization=organization, data=body
    )
    if not created:
        response.status_code = 200
    set_etag(response, assessment.version)
    response.headers["Location"] = f"/api/v1/assessments/{assessment.id}"
    return service.assessment_read(assessment)


@router.get(
    "/organizations/{organization_id}/assessments",
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
    organization = await registry.load_organization(
        session, organization_id=organization_id, principal=principal
    )
    items, next_cursor = await service.list_assessments(
        session, organization=organization, page=page
    )
    set_link_header(request, response, next_cursor)
    return AssessmentPage(
        items=[service.assessment_read(a) for a in items], next_cursor=next_cursor
    )


@router.get(
    "/assessments/{assessment_id}",
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
    "/assessments/{assessment_id}",
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
    "/assessments/{assessment_id}/transitions",
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
    "/organizations/{organization_id}/performance",
    operation_id="organizations-performance",
    response_model=Performance,
    responses=problem_responses(404),
    summary="OPI baseline vs latest verified follow-up",
)
async def get_performance(
    organization_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Performance:
    organization = await registry.load_organization(
        session, organization_id=organization_id, principal=principal
    )
    return await service.performance(session, organization=organization)
