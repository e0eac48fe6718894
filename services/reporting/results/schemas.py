"""The results report's body (its shape is the one `/api/v1/results` has always had)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from services.common.disclosure import Suppressed


class Name(BaseModel):
    es: str
    en: str


class Indicator(BaseModel):
    code: str = Field(examples=["R1"])
    name: Name
    unit: Literal["count", "percent"]
    target: float | None = Field(
        description="The life-of-project target (reporting service); null when none is set"
    )
    actual: float | None = Field(description="Null when a service it needs is unavailable")
    percent_of_target: float | None = Field(description="100 * actual / target, one decimal")
    by_department: dict[str, float] = Field(description="Actual per DANE department code")
    computed_from: str
    numerator: int | None = None
    denominator: int | None = None


class ResultsFilters(BaseModel):
    department_code: str | None
    municipality_code: str | None
    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None


class PeopleReached(BaseModel):
    """People-level figures: counts of 1 to k-1 people are null without attendees:pii."""

    participants: dict[str, Any] | None = Field(
        description="Participants of held events (events statistics): total, by_sex, "
        "by_age_group, by_ethnicity, by_role, conflict_victims, persons_with_disability, "
        "lgbtiq; null when the events service is unavailable"
    )
    beneficiaries: dict[str, Any] | None = Field(
        description="Beneficiaries of community initiatives that are not cancelled "
        "(organizations statistics): total, by_sex, by_age_group, by_ethnicity; null when the "
        "organizations service is unavailable"
    )


class ResultsReport(BaseModel):
    filters: ResultsFilters
    partial: bool
    unavailable: list[str]
    problems: dict[str, str] = Field(default_factory=dict)
    generated_at: datetime
    indicators: list[Indicator]
    people: PeopleReached
    suppressed: Suppressed = []
