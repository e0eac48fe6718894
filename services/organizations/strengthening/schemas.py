"""Request and response models of strengthening plans and their actions."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.organizations.vocabularies import ActionStatus, OpiArea, StrengtheningPlanStatus

Title = Annotated[str, Field(min_length=2, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]


class StrengtheningPlanCreate(InputModel):
    """A new strengthening plan (draft), built on a verified OPI assessment."""

    id: uuid.UUID | None = None
    organization_id: uuid.UUID
    baseline_assessment_id: uuid.UUID = Field(
        description="A verified OPI assessment of the same organization"
    )
    title: Title
    start_date: date
    end_date: date = Field(description="After start_date")

    @field_validator("end_date")
    @classmethod
    def _after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("start_date")
        if start is not None and value <= start:
            raise ValueError("must be after start_date")
        return value


class StrengtheningPlanUpdate(PatchModel):
    """Fields to change on an open plan; absent fields stay as they are."""

    required_fields = "*"

    baseline_assessment_id: uuid.UUID | None = None
    title: Title | None = None
    start_date: date | None = None
    end_date: date | None = None


class StrengtheningPlanRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    baseline_assessment_id: uuid.UUID
    title: str
    start_date: date
    end_date: date
    status: StrengtheningPlanStatus
    cancellation_reason: str | None
    approved_by: str | None = Field(description="`sub` of the token that approved the plan")
    approved_at: UtcDatetime | None
    actions_count: int = Field(description="Actions of the plan (archived ones excluded)")
    progress_pct: float | None = Field(
        description="Mean progress of the actions that are not dropped, one decimal "
        "(null while there are none)"
    )
    overdue_actions: int = Field(
        description="Actions due before today (Colombia) that are not done or dropped"
    )
    opi_areas_covered: list[OpiArea] = Field(
        description="OPI sub-areas with at least one action that is not dropped"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class StrengtheningPlanPage(Page[StrengtheningPlanRead]):
    pass


class StrengtheningPlanTransition(InputModel):
    """`{"to": "<status>"}`; `reason` is required to cancel."""

    to: StrengtheningPlanStatus
    reason: str | None = Field(default=None, min_length=1, max_length=2000)


ProgressPct = Annotated[int, Field(ge=0, le=100)]


class StrengtheningActionCreate(InputModel):
    id: uuid.UUID | None = None
    opi_area: OpiArea
    description: LongText
    strategy: LongText = Field(description="The evidence-based strategy the action applies")
    evidence_reference: Annotated[str, Field(min_length=1, max_length=1000)] = Field(
        description="Where the evidence for the strategy comes from"
    )
    responsible: Annotated[str, Field(min_length=2, max_length=200)]
    due_date: date
    status: ActionStatus = ActionStatus.pending
    progress_pct: ProgressPct = Field(default=0, description="0 to 100; `done` forces 100")


class StrengtheningActionUpdate(PatchModel):
    required_fields = "*"

    opi_area: OpiArea | None = None
    description: LongText | None = None
    strategy: LongText | None = None
    evidence_reference: Annotated[str, Field(min_length=1, max_length=1000)] | None = None
    responsible: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    due_date: date | None = None
    status: ActionStatus | None = None
    progress_pct: ProgressPct | None = None


class StrengtheningActionRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    opi_area: OpiArea
    description: str
    strategy: str
    evidence_reference: str
    responsible: str
    due_date: date
    status: ActionStatus
    progress_pct: int
    overdue: bool = Field(description="Due before today (Colombia) and not done or dropped")
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class StrengtheningActionPage(Page[StrengtheningActionRead]):
    pass
