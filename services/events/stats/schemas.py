"""Response models of the events statistics (aggregates only, by municipality)."""

from __future__ import annotations

from pydantic import Field

from services.common.disclosure import Suppressed
from services.common.schemas import OutputModel
from services.events.vocabularies import (
    AgeGroup,
    CommitmentStatus,
    Ethnicity,
    EventStatus,
    EventType,
    ParticipantRole,
    Sex,
)


class ParticipantsStats(OutputModel):
    total: int
    events_with_participation: int
    by_sex: dict[Sex, int | None]
    by_age_group: dict[AgeGroup, int | None]
    by_ethnicity: dict[Ethnicity, int | None]
    by_role: dict[ParticipantRole, int | None]
    conflict_victims: int | None
    persons_with_disability: int | None
    lgbtiq: int | None


class CommitmentStats(OutputModel):
    total: int
    by_status: dict[CommitmentStatus, int]
    overdue: int


class TrustStats(OutputModel):
    sessions_with_change: int
    mean_change: float | None


class AreaStats(OutputModel):
    events_total: int = Field(description="Events not archived, any status")
    events_by_status: dict[EventStatus, int]
    held_by_type: dict[EventType, int]
    communities_by_type: dict[EventType, int] = Field(
        description="Distinct communities (municipality + normalised community name) with a "
        "held event of each type"
    )
    communities_in_protection_workshops: int = Field(
        description="Distinct communities with a held taller_psicosocial or "
        "taller_autoproteccion (a community with both counts once)"
    )
    participants: ParticipantsStats = Field(description="Participants of held events")
    commitments: CommitmentStats
    trust: TrustStats


class EventStats(AreaStats):
    filters: dict[str, str | None]
    suppressed: Suppressed = []
    by_municipality: dict[str, AreaStats] = Field(
        description="The same figures per municipality, keyed by DIVIPOLA code"
    )
