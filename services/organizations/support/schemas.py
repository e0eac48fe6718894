"""Request and response models of capacity support given to organizations."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, PatchModel, UtcDatetime
from services.organizations.vocabularies import SupportKind

Hours = Annotated[Decimal, Field(gt=0, le=1000, max_digits=6, decimal_places=2)]


class SupportActivityCreate(InputModel):
    id: uuid.UUID | None = None
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date = Field(description="Not in the future (Colombia's calendar)")
    hours: Hours
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)]
    description: str = Field(default="", max_length=4000)


class SupportActivityUpdate(PatchModel):
    required_fields = "*"

    kind: SupportKind | None = None
    delivered_on: date | None = None
    hours: Hours | None = None
    delivered_by: Annotated[str, Field(min_length=2, max_length=200)] | None = None
    description: str | None = Field(default=None, max_length=4000)


class SupportActivityRead(OutputModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    kind: SupportKind
    delivered_on: date
    hours: float
    delivered_by: str
    description: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class SupportActivityPage(Page[SupportActivityRead]):
    pass
