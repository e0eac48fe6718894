"""Request and response models of community initiatives and their beneficiaries."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from services.common.disclosure import Suppressed
from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.organizations.vocabularies import (
    AgeGroup,
    Ethnicity,
    InitiativeStatus,
    Methodology,
    RiskFactor,
    Sex,
)

Title = Annotated[str, Field(min_length=2, max_length=200)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]


class Beneficiaries(InputModel):
    """A total and its breakdowns; each breakdown must add up to the total.

    Codes left out of a breakdown count as 0; a breakdown left out entirely is recorded as
    `{"no_reporta": total}`.
    """

    total: Count
    by_sex: dict[Sex, Count] | None = None
    by_age_group: dict[AgeGroup, Count] | None = None
    by_ethnicity: dict[Ethnicity, Count] | None = None

    @field_validator("by_sex", "by_age_group", "by_ethnicity")
    @classmethod
    def _adds_up(cls, value: dict[str, int] | None, info: ValidationInfo) -> dict[str, int] | None:
        total = info.data.get("total")
        if value is not None and total is not None and sum(value.values()) != total:
            raise ValueError(f"adds up to {sum(value.values())}, but total is {total}")
        return value


class BeneficiariesRead(OutputModel):
    """Counts of 1 to k-1 people are null for tokens without attendees:pii (see
    `suppressed` beside it)."""

    total: int
    by_sex: dict[Sex, int | None]
    by_age_group: dict[AgeGroup, int | None]
    by_ethnicity: dict[Ethnicity, int | None]


def _unique_codes(values: list[RiskFactor]) -> list[RiskFactor]:
    return list(dict.fromkeys(values))


class CommunityInitiativeCreate(InputModel):
    id: uuid.UUID | None = None
    title: Title
    municipality_code: MunicipalityCode
    community: Annotated[str, Field(min_length=2, max_length=200)] = Field(
        description="The vereda, barrio, corregimiento or community council"
    )
    lead_organization_id: uuid.UUID | None = None
    methodology: Methodology = Methodology.ibp
    objective: Annotated[str, Field(min_length=2, max_length=4000)]
    risk_factors_addressed: list[RiskFactor] = Field(min_length=1, max_length=10)
    start_date: date
    end_date: date | None = Field(default=None, description="On or after start_date")
    budget_cop: Annotated[int, Field(ge=0, le=10**13)] | None = Field(
        default=None, description="Colombian pesos, integer"
    )
    beneficiaries: Beneficiaries = Field(default_factory=lambda: Beneficiaries(total=0))

    _dedupe = field_validator("risk_factors_addressed")(_unique_codes)

    @field_validator("end_date")
    @classmethod
    def _after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise ValueError("must be on or after start_date")
        return value


class CommunityInitiativeUpdate(PatchModel):
    required_fields = "*"
    nullable_fields = ("budget_cop", "end_date", "lead_organization_id")

    title: Title | None = None
    municipality_code: MunicipalityCode | None = None
    community: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    lead_organization_id: uuid.UUID | None = None
    methodology: Methodology | None = None
    objective: Annotated[str, Field(min_length=2, max_length=4000)] | None = None
    risk_factors_addressed: list[RiskFactor] | None = Field(
        default=None, min_length=1, max_length=10
    )
    start_date: date | None = None
    end_date: date | None = None
    budget_cop: Annotated[int, Field(ge=0, le=10**13)] | None = None
    beneficiaries: Beneficiaries | None = None

    _dedupe = field_validator("risk_factors_addressed")(
        lambda v: _unique_codes(v) if v is not None else v
    )


class CommunityInitiativeRead(OutputModel):
    id: uuid.UUID
    title: str
    municipality_code: str
    department_code: str
    community: str
    lead_organization_id: uuid.UUID | None
    methodology: Methodology
    objective: str
    risk_factors_addressed: list[RiskFactor]
    status: InitiativeStatus
    cancellation_reason: str | None
    start_date: date
    end_date: date | None
    budget_cop: int | None
    beneficiaries: BeneficiariesRead
    suppressed: Suppressed = []
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class CommunityInitiativePage(Page[CommunityInitiativeRead]):
    pass


class InitiativeTransition(InputModel):
    """`{"to": "<status>"}`; `reason` to cancel; completing may carry the final figures."""

    to: InitiativeStatus
    reason: str | None = Field(default=None, min_length=1, max_length=2000)
    end_date: date | None = Field(
        default=None, description="To complete: the end date, if not set yet"
    )
    beneficiaries: Beneficiaries | None = Field(
        default=None, description="To complete: the final beneficiary figures"
    )
