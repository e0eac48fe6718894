"""Request and response models of a plan's diagnosis (prioritised problems)."""

from __future__ import annotations

import uuid

from pydantic import Field

from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.security_plans.records import Measure, Year
from services.security_plans.vocabularies import BaselineUnit, Problem


class ProblemCreate(InputModel):
    id: uuid.UUID | None = None
    problem: Problem
    priority: int | None = Field(
        default=None, ge=1, le=100, description="1 = highest; next free rank when omitted"
    )
    baseline_value: Measure
    unit: BaselineUnit
    baseline_year: Year
    source: str = Field(min_length=1, max_length=300, examples=["SIEDCO - Policía Nacional"])


class ProblemUpdate(PatchModel):
    required_fields = ("priority", "baseline_value", "unit", "baseline_year", "source")

    priority: int | None = Field(default=None, ge=1, le=100)
    baseline_value: Measure | None = None
    unit: BaselineUnit | None = None
    baseline_year: Year | None = None
    source: str | None = Field(default=None, min_length=1, max_length=300)


class ProblemRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    problem: Problem
    priority: int
    baseline_value: float
    unit: BaselineUnit
    baseline_year: int
    source: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class ProblemList(OutputModel):
    items: list[ProblemRead]
