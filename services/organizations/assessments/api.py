"""Routes of OPI assessments and of an organization's OPI performance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from services.common.concurrency import set_etag
from services.common.db import SessionDep
from services.common.errors import created_responses, problem_responses
from services.common.fastlist import (
    Computed,
    FastList,
    Parent,
)
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.organizations.assessments import service
from services.organizations.assessments.schemas import (
    AssessmentCreate,
    AssessmentPage,
    AssessmentRead,
    AssessmentTransition,
    AssessmentUpdate,
    Performance,
)
from services.organizations.models import Assessment
from services.organizations.records import Paging, Reader, Writer
from services.organizations.registry.api import CurrentOrganization, OrganizationToChange

router = APIRouter(prefix="/api/v1", tags=["opi-assessments"])

CurrentAssessment = Annotated[
    Assessment,
    Depends(record_loader(service.load_assessment, id_param="assessment_id", principal=Reader)),
]
AssessmentToChange = Annotated[
    Assessment,
    Depends(
        record_loader(
            service.load_assessment, id_param="assessment_id", principal=Writer, for_update=True
        )
    ),
]


@router.post(
    "/organizations/{organization_id}/assessments",
    status_code=201,
    operation_id="assessments-create",
    response_model=AssessmentRead,
    responses=created_responses(AssessmentRead, 404, 409),
    summary="Record an OPI assessment (draft)",
)
async def create_assessment(
    body: AssessmentCreate,
    organization: OrganizationToChange,
    session: SessionDep,
    response: Response,
    write: WriteGuardDep,
) -> AssessmentRead:
    assessment, created = await service.create_assessment(
        session, organization=organization, data=body
    )
    if not created:
        response.status_code = 200
    write.etag(assessment)
    response.headers["Location"] = f"/api/v1/assessments/{assessment.id}"
    return service.assessment_read(assessment)


@router.get(
    "/organizations/{organization_id}/assessments",
    operation_id="assessments-list",
    response_model=AssessmentPage,
    responses=problem_responses(404),
)
async def list_assessments(
    organization: CurrentOrganization,
    request: Request,
    response: Response,
    session: SessionDep,
    page: Paging,
) -> AssessmentPage:
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
async def get_assessment(assessment: CurrentAssessment, response: Response) -> AssessmentRead:
    set_etag(response, assessment.version)
    return service.assessment_read(assessment)


@router.patch(
    "/assessments/{assessment_id}",
    operation_id="assessments-update",
    response_model=AssessmentRead,
    responses=problem_responses(404, 409, 412, 428),
)
async def update_assessment(
    body: AssessmentUpdate,
    assessment: AssessmentToChange,
    session: SessionDep,
    write: WriteGuardDep,
) -> AssessmentRead:
    changed = await write(
        assessment, lambda a: service.update_assessment(session, assessment=a, changes=body)
    )
    return service.assessment_read(changed)


@router.post(
    "/assessments/{assessment_id}/transitions",
    operation_id="assessments-transition",
    response_model=AssessmentRead,
    responses=problem_responses(404, 409),
    summary="Verify an assessment",
)
async def transition_assessment(
    body: AssessmentTransition,
    assessment: AssessmentToChange,
    session: SessionDep,
    principal: Writer,
    write: WriteGuardDep,
) -> AssessmentRead:
    assessment = await service.transition_assessment(
        session, assessment=assessment, to=body.to, principal=principal
    )
    write.etag(assessment)
    return service.assessment_read(assessment)


@router.get(
    "/organizations/{organization_id}/performance",
    operation_id="organizations-performance",
    response_model=Performance,
    responses=problem_responses(404),
    summary="OPI baseline vs latest verified follow-up",
)
async def get_performance(organization: CurrentOrganization, session: SessionDep) -> Performance:
    return await service.performance(session, organization=organization)


# The list above on the lean path (``fastlist``); the organization must be visible (else the
# route answers its 404).
FAST_LIST = FastList(
    path="/api/v1/organizations/{organization_id}/assessments",
    scope="organizations:read",
    select=(
        "SELECT id, organization_id, kind, assessed_on, facilitator, scores, overall_score, "
        "status, verified_by, verified_at, version, created_at, updated_at FROM assessments"
    ),
    page=AssessmentPage,
    order=(("created_at", "t"), ("id", "u")),
    parent=Parent(
        "organization_id",
        "SELECT municipality_code FROM organizations WHERE id = $1",
        column="organization_id",
    ),
    computed=Computed(
        ("scores", "domain_scores", "overall_score"), lambda _app, _caller: service.score_fields
    ),
)
