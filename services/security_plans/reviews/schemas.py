"""Request and response models of technical reviews."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field, field_validator

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.security_plans.vocabularies import ChecklistItem, Rating


class ChecklistEntry(InputModel):
    rating: Rating
    comment: str = Field(default="", max_length=4000)


class ChecklistEntryRead(OutputModel):
    rating: Rating
    comment: str


class ReviewCreate(InputModel):
    id: uuid.UUID | None = None
    reviewer: str = Field(min_length=2, max_length=200)
    reviewed_on: date
    checklist: dict[ChecklistItem, ChecklistEntry] = Field(
        description="Every one of the nine checklist items, rated with a comment",
        json_schema_extra={"required": [item.value for item in ChecklistItem]},
    )
    recommendations: str | None = Field(default=None, max_length=8000)

    @field_validator("checklist")
    @classmethod
    def _complete(
        cls, value: dict[ChecklistItem, ChecklistEntry]
    ) -> dict[ChecklistItem, ChecklistEntry]:
        missing = [i.value for i in ChecklistItem if i not in value]
        if missing:
            raise ValueError(f"missing checklist items: {', '.join(missing)}")
        return value


class ReviewRead(OutputModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    reviewer: str
    reviewed_on: date
    checklist: dict[ChecklistItem, ChecklistEntryRead]
    recommendations: str | None
    score: float = Field(
        description="cumple = 1, parcial = 0.5, no cumple = 0; mean x 100, two decimals"
    )
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime


class ReviewPage(Page[ReviewRead]):
    pass
