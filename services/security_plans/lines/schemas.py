"""Request and response models of strategic lines."""

from __future__ import annotations

import uuid

from pydantic import model_validator

from services.common.schemas import OutputModel, UtcDatetime
from services.security_plans.records import Input, Text, Title, forbid_null


class LineCreate(Input):
    id: uuid.UUID | None = None
    name: Title
    objective: Text


class LineUpdate(Input):
    name: Title | None = None
    objective: Text | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> LineUpdate:
        forbid_null(self, ("name", "objective"))
        return self


class LineRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    name: str
    objective: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class LineList(OutputModel):
    items: list[LineRead]
