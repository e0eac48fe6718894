"""Request and response models of the risk factors named in an event."""

from __future__ import annotations

import uuid

from pydantic import Field

from services.common.pagination import Page
from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.events.vocabularies import RiskFactorCategory


class RiskFactorCreate(InputModel):
    id: uuid.UUID | None = None
    category: RiskFactorCategory
    description: str = Field(min_length=3, max_length=4000)


class RiskFactorRead(OutputModel):
    id: uuid.UUID
    event_id: uuid.UUID
    category: RiskFactorCategory
    description: str
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    archived_at: UtcDatetime | None


class RiskFactorPage(Page[RiskFactorRead]):
    pass
