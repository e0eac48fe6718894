"""Request and response models of progress reports."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field

from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.security_plans.records import Measure, Pesos

PERIOD_PATTERN = r"^[0-9]{4}-Q[1-4]$"
Period = Annotated[
    str,
    Field(
        pattern=PERIOD_PATTERN, examples=["2024-Q3"], description="A quarter of the term, `YYYY-Qn`"
    ),
]


class ReportCreate(InputModel):
    id: uuid.UUID | None = None
    period: Period
    value: Measure = Field(description="Indicator value at the end of the period")
    budget_executed_cop: Pesos
    note: str | None = Field(default=None, max_length=4000)


class ReportUpdate(PatchModel):
    required_fields = ("value", "budget_executed_cop")

    value: Measure | None = None
    budget_executed_cop: Pesos | None = None
    note: str | None = Field(default=None, max_length=4000)


class ReportRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    action_id: uuid.UUID
    period: str
    value: float
    budget_executed_cop: int
    note: str | None
    reported_by: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime


class ReportList(OutputModel):
    items: list[ReportRead]
