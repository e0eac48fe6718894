"""Route of an organization's record: the organization with its OPI, plans and support."""

from __future__ import annotations

from fastapi import APIRouter

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.organizations.organization_record import service
from services.organizations.organization_record.schemas import OrganizationRecord
from services.organizations.records import Reader
from services.organizations.registry.api import CurrentOrganization

router = APIRouter(prefix="/api/v1/organizations", tags=["organizations"])


@router.get(
    "/{organization_id}/record",
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
    organization: CurrentOrganization, session: SessionDep, principal: Reader
) -> OrganizationRecord:
    return await service.organization_record(
        session, organization=organization, principal=principal
    )
