"""Request and response models of a plan's actions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import Field, field_validator

from services.common.fastlist_json import JsonField
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.security_plans.models import SecurityPlanAction
from services.security_plans.records import Measure, Pesos, Title, dedupe, loads
from services.security_plans.vocabularies import FundingSource, Institution, Problem


class Indicator(InputModel):
    name: str = Field(
        min_length=1, max_length=300, examples=["Tasa de homicidios por 100.000 habitantes"]
    )
    unit: str = Field(min_length=1, max_length=60, examples=["tasa_100k"])
    baseline: Measure
    target: Measure


class IndicatorRead(OutputModel):
    name: str
    unit: str
    baseline: float
    target: float


Budget = dict[FundingSource, Pesos]


class ActionCreate(InputModel):
    id: uuid.UUID | None = None
    name: Title
    responsible_institution: Institution
    problems: list[Problem] = Field(
        min_length=1, max_length=14, description="Codes from the plan's diagnosis"
    )
    indicator: Indicator
    budget: Budget = Field(
        default_factory=dict,
        examples=[{"fonset": 120000000, "recursos_propios": 30000000}],
        description="Planned pesos by funding source",
    )

    _dedupe = field_validator("problems")(dedupe)


class ActionUpdate(PatchModel):
    """Changes to an action; `line_id` moves it to another line of the same plan."""

    required_fields = (
        "line_id",
        "name",
        "responsible_institution",
        "problems",
        "indicator",
        "budget",
    )

    line_id: uuid.UUID | None = None
    name: Title | None = None
    responsible_institution: Institution | None = None
    problems: list[Problem] | None = Field(default=None, min_length=1, max_length=14)
    indicator: Indicator | None = None
    budget: Budget | None = Field(default=None, description="Replaces the whole budget")

    _dedupe = field_validator("problems")(dedupe)


class ActionRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    line_id: uuid.UUID
    name: str
    responsible_institution: Institution
    problems: list[Problem]
    indicator: IndicatorRead
    budget: dict[FundingSource, int]
    budget_total_cop: int
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class ActionList(OutputModel):
    items: list[ActionRead]


_INDICATOR = JsonField(IndicatorRead)
_BUDGET = JsonField(dict[FundingSource, int])


def action_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """``indicator`` and ``budget`` of an action's row (JSON columns) as JSON values, as
    ``action_read`` shows them (the lean list writes the rest from the row)."""
    return {
        "indicator": _INDICATOR(row["indicator"]),
        "budget": _BUDGET(row["budget"]),
    }


def action_read(row: SecurityPlanAction | Mapping[str, Any]) -> ActionRead:
    """An action as clients read it, from a table row or a raw record (JSON columns decoded)."""
    data = row.model_dump() if isinstance(row, SecurityPlanAction) else dict(row)
    data["indicator"] = loads(data["indicator"])
    data["budget"] = loads(data["budget"])
    return ActionRead.model_validate(data)
