"""An organization's record: each part read as its own endpoint reads it, in one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.pagination import PageParams
from services.organizations.assessments import service as assessments
from services.organizations.models import Organization
from services.organizations.organization_record.schemas import OrganizationRecord
from services.organizations.registry import service as registry
from services.organizations.strengthening import service as strengthening
from services.organizations.strengthening.repository import PlanFilters
from services.organizations.support import service as support
from services.organizations.support.repository import SupportFilters

RECORD_LIST_LIMIT = 200


async def organization_record(
    session: AsyncSession, *, organization: Organization, principal: Principal
) -> OrganizationRecord:
    """The organization with its performance, assessments, plans and support, in one session."""
    page = PageParams(limit=RECORD_LIST_LIMIT, cursor=None)
    assessed, _ = await assessments.list_assessments(session, organization=organization, page=page)
    plans, _ = await strengthening.list_plans(
        session,
        principal=principal,
        filters=PlanFilters(organization_id=organization.id),
        page=page,
    )
    activities, _ = await support.list_support_activities(
        session,
        principal=principal,
        filters=SupportFilters(organization_id=organization.id),
        page=page,
    )
    return OrganizationRecord(
        organization=registry.organization_read(organization),
        performance=await assessments.performance(session, organization=organization),
        assessments=[assessments.assessment_read(a) for a in assessed],
        strengthening_plans=plans,
        support_activities=[support.support_read(s) for s in activities],
    )
