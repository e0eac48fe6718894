"""Request and response models of security plans."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.security_plans.actions.schemas import ActionRead
from services.security_plans.diagnosis.schemas import ProblemRead
from services.security_plans.lines.schemas import LineRead
from services.security_plans.records import FIRST_TERM_YEAR, Reason, Title
from services.security_plans.vocabularies import ApprovingBody, SecurityPlanStatus

TermStartYear = Annotated[
    int,
    Field(
        ge=FIRST_TERM_YEAR,
        le=2096,
        description="First year of the mayoral term: 2016, 2020, 2024, 2028…",
        examples=[2024],
        json_schema_extra={"multipleOf": 4},  # FIRST_TERM_YEAR is one: every 4th year
    ),
]


def _term_year(value: int | None) -> int | None:
    if value is not None and (value - FIRST_TERM_YEAR) % 4 != 0:
        raise ValueError(
            "mayoral terms start in 2016, 2020, 2024, 2028…; "
            f"{value} is not the first year of a term"
        )
    return value


class PlanCreate(InputModel):
    """A new plan, in formulation. `id` may be sent by offline clients."""

    id: uuid.UUID | None = None
    municipality_code: MunicipalityCode
    term_start_year: TermStartYear
    title: Title

    _term = field_validator("term_start_year")(_term_year)


class PlanUpdate(PatchModel):
    """Changes to a plan in formulation; absent fields stay as they are."""

    required_fields = ("title", "term_start_year")

    title: Title | None = None
    term_start_year: TermStartYear | None = None

    _term = field_validator("term_start_year")(_term_year)


class SecurityPlanTransition(InputModel):
    """Move a plan along its lifecycle; approval data is required when `to` is `approved`."""

    to: SecurityPlanStatus
    reason: Reason | None = Field(
        default=None, description="Required when sending a plan back to formulation"
    )
    approved_on: date | None = Field(default=None, description="Required on approval")
    approving_body: ApprovingBody = ApprovingBody.comite_territorial_orden_publico
    act_reference: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Act or decree number; required on approval",
        examples=["Acta CTOP 004 de 2024"],
    )


class PlanRead(OutputModel):
    id: uuid.UUID
    municipality_code: str
    department_code: str
    term_start_year: int
    term_end_year: int = Field(description="term_start_year + 3")
    title: str
    status: SecurityPlanStatus
    status_reason: str | None
    status_changed_at: UtcDatetime | None
    approved_on: date | None
    approving_body: ApprovingBody | None
    act_reference: str | None
    approval_deadline: date = Field(description="30 June of the term's first year")
    approved_on_time: bool | None = Field(
        description="approved_on ≤ approval_deadline; null until approved"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class PlanPage(Page[PlanRead]):
    pass


class LineWithActions(LineRead):
    actions: list[ActionRead]


class PlanDetail(PlanRead):
    """A plan with its diagnosis and its lines and actions (archived ones left out)."""

    problems: list[ProblemRead]
    lines: list[LineWithActions]
