"""Response model of an organization's record: the organization and what was done with it."""

from __future__ import annotations

from pydantic import Field

from services.common.schemas import OutputModel
from services.organizations.assessments.schemas import AssessmentRead, Performance
from services.organizations.registry.schemas import OrganizationRead
from services.organizations.strengthening.schemas import StrengtheningPlanRead
from services.organizations.support.schemas import SupportActivityRead


class OrganizationRecord(OutputModel):
    """An organization with what the programme did with it, in one read (the gateway's
    profile uses it). Lists hold their first 200 items, in each list's own order."""

    organization: OrganizationRead
    performance: Performance
    assessments: list[AssessmentRead]
    strengthening_plans: list[StrengtheningPlanRead] = Field(description="Active plans")
    support_activities: list[SupportActivityRead] = Field(description="Active activities")
