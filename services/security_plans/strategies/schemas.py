"""Request and response models of prevention strategies."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.common.territory import MunicipalityCode
from services.security_plans.records import LongText, Reason, Title, dedupe
from services.security_plans.vocabularies import (
    Approach,
    Problem,
    StrategyStatus,
    TargetPopulation,
)

Reference = Annotated[str, Field(min_length=1, max_length=1000)]


class StrategyCreate(InputModel):
    id: uuid.UUID | None = None
    title: Title
    municipality_code: MunicipalityCode
    security_plan_id: uuid.UUID | None = Field(
        default=None, description="A plan of the same municipality"
    )
    approach: Approach
    target_problems: list[Problem] = Field(min_length=1, max_length=14)
    target_population: TargetPopulation
    evidence_summary: LongText
    evidence_references: list[Reference] = Field(default_factory=list, max_length=50)
    started_on: date | None = None
    results_note: LongText | None = None

    _dedupe = field_validator("target_problems")(dedupe)


class StrategyUpdate(PatchModel):
    required_fields = (
        "title",
        "approach",
        "target_problems",
        "target_population",
        "evidence_summary",
        "evidence_references",
    )

    title: Title | None = None
    security_plan_id: uuid.UUID | None = None
    approach: Approach | None = None
    target_problems: list[Problem] | None = Field(default=None, min_length=1, max_length=14)
    target_population: TargetPopulation | None = None
    evidence_summary: LongText | None = None
    evidence_references: list[Reference] | None = Field(default=None, max_length=50)
    started_on: date | None = None
    results_note: LongText | None = None

    _dedupe = field_validator("target_problems")(dedupe)


class StrategyTransition(InputModel):
    """`implementing` needs `started_on` (here or already set); `evaluated` needs
    `results_note`; `discontinued` needs a `reason`."""

    to: StrategyStatus
    reason: Reason | None = None
    started_on: date | None = None
    results_note: LongText | None = None


class StrategyRead(OutputModel):
    id: uuid.UUID
    title: str
    municipality_code: str
    department_code: str
    security_plan_id: uuid.UUID | None
    approach: Approach
    target_problems: list[Problem]
    target_population: TargetPopulation
    evidence_summary: str
    evidence_references: list[str]
    status: StrategyStatus
    status_reason: str | None
    started_on: date | None
    results_note: str | None
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class StrategyPage(Page[StrategyRead]):
    pass
