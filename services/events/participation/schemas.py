"""Request and response models of an event's anonymous participation summary."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field

from services.common.disclosure import Suppressed
from services.common.schemas import InputModel, OutputModel, UtcDatetime
from services.events.vocabularies import AgeGroup, Ethnicity, ParticipantRole, Sex

Count = Annotated[int, Field(ge=0, le=1_000_000)]


class ParticipationWrite(InputModel):
    """Anonymous counts; every breakdown must add up to `total`."""

    total: Count
    by_sex: dict[Sex, Count] = Field(default_factory=dict)
    by_age_group: dict[AgeGroup, Count] = Field(default_factory=dict)
    by_ethnicity: dict[Ethnicity, Count] = Field(default_factory=dict)
    by_role: dict[ParticipantRole, Count] = Field(default_factory=dict)
    conflict_victims: Count | None = None
    persons_with_disability: Count | None = None
    lgbtiq: Count | None = Field(default=None, description="LGBTIQ+ participants")


class ParticipationRead(OutputModel):
    event_id: uuid.UUID
    source: str = Field(
        description="manual, or attendees when computed from the attendee "
        "list (then it cannot be edited by hand)"
    )
    total: int
    by_sex: dict[Sex, int | None]
    by_age_group: dict[AgeGroup, int | None]
    by_ethnicity: dict[Ethnicity, int | None]
    by_role: dict[ParticipantRole, int | None]
    conflict_victims: int | None
    persons_with_disability: int | None
    lgbtiq: int | None
    suppressed: Suppressed = []
    version: int
    updated_at: UtcDatetime
