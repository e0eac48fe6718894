"""Indicator bodies: the reference sheet (PIRS) as read, and what an admin sends to add one."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from services.common.schemas import InputModel, OutputModel, UtcDatetime

Text = Annotated[str, Field(min_length=1, max_length=4000, pattern=r"^[^\x00]*$")]
Direction = Literal["increase", "decrease"]
Frequency = Literal["quarterly", "semiannual", "annual"]
Disaggregation = Literal["department", "municipality", "sex", "age_group", "ethnicity", "role"]


class Name(OutputModel):
    es: str
    en: str


class NameIn(InputModel):
    es: Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\x00]*$")]
    en: Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\x00]*$")]


class IndicatorRead(OutputModel):
    """An indicator with its Performance Indicator Reference Sheet (PIRS)."""

    code: str = Field(examples=["R9"])
    name: Name
    definition: str
    unit: Literal["count", "percent"]
    direction: Direction
    measure: str = Field(description="The measure it is built from (GET /api/v1/measures)")
    parameter: str | None = Field(description="The measure's parameter (an event type, a group)")
    calculation: str = Field(
        description="What is counted, from which service, and which date places it in a period"
    )
    disaggregations: list[str]
    frequency: str
    data_source: str
    limitations: str
    baseline: float | None
    baseline_year: int | None
    lop_target: float | None = Field(description="The programme's life-of-project target")
    version: int
    created_by: str
    updated_at: UtcDatetime


class IndicatorList(OutputModel):
    items: list[IndicatorRead]
    next_cursor: str | None = Field(
        default=None, description="Always null: the framework's indicators fit in one page"
    )


class IndicatorCreate(InputModel):
    """A new indicator built from a measure the services already expose (admin)."""

    code: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$", examples=["R11"])]
    name: NameIn
    definition: Text
    direction: Direction = "increase"
    measure: Annotated[str, Field(examples=["held_events"])]
    parameter: Annotated[str | None, Field(examples=["mesa_seguridad"])] = None
    disaggregations: list[Disaggregation] = Field(default_factory=lambda: ["department"])  # type: ignore[arg-type]
    frequency: Frequency = "quarterly"
    data_source: Text | None = None
    limitations: Text = "Counts only what programme staff entered in Somos."
    baseline: Annotated[float | None, Field(ge=0, le=1e12, allow_inf_nan=False)] = None
    baseline_year: Annotated[int | None, Field(ge=2000, le=2100)] = None

    @model_validator(mode="after")
    def _unique_disaggregations(self) -> IndicatorCreate:
        self.disaggregations = list(dict.fromkeys(self.disaggregations))
        return self


class MeasureRead(OutputModel):
    code: str
    services: list[str]
    description: str
    unit: Literal["count", "percent"]
    parameter: str | None
    choices: list[str]
    people: bool = Field(description="Counts people: disclosure control applies")
    dated_by: str


class MeasureList(OutputModel):
    items: list[MeasureRead]
