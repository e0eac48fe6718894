"""Request and response models of strategic lines."""

from __future__ import annotations

import uuid

from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.security_plans.records import Text, Title


class LineCreate(InputModel):
    id: uuid.UUID | None = None
    name: Title
    objective: Text


class LineUpdate(PatchModel):
    required_fields = ("name", "objective")

    name: Title | None = None
    objective: Text | None = None


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
