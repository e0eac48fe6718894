"""Target bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from services.common.schemas import InputModel, OutputModel, UtcDatetime

Value = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False, examples=[3])]
Rationale = Annotated[
    str,
    Field(
        min_length=1, max_length=2000, pattern=r"^[^\x00]*$", examples=["Plan de trabajo FY2025"]
    ),
]


class FiscalYearTargetPut(InputModel):
    value: Value
    rationale: Rationale = Field(description="Why this target (kept in the history)")


class LopTargetPut(InputModel):
    value: Value
    rationale: Rationale | None = Field(default=None, description="Why (kept in the history)")


class TargetRead(OutputModel):
    indicator_code: str
    fiscal_year: int | None = Field(description="Null for the life-of-project target")
    department_code: str | None = Field(description="Null for the whole programme")
    value: float
    rationale: str | None
    set_by: str
    updated_at: UtcDatetime
    version: int


class TargetList(OutputModel):
    items: list[TargetRead]
    next_cursor: str | None = None


class TargetChangeRead(OutputModel):
    fiscal_year: int | None = Field(description="Null for the life-of-project target")
    department_code: str | None
    previous_value: float | None = Field(description="Null when the target was first set")
    value: float
    rationale: str | None
    changed_by: str
    changed_at: UtcDatetime


class TargetHistory(OutputModel):
    indicator_code: str
    items: list[TargetChangeRead] = Field(description="Newest first")
    next_cursor: str | None = None
