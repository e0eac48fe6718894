from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.commitment_stats import CommitmentStats
    from ..models.event_stats_by_municipality import EventStatsByMunicipality
    from ..models.event_stats_communities_by_type import EventStatsCommunitiesByType
    from ..models.event_stats_events_by_status import EventStatsEventsByStatus
    from ..models.event_stats_filters import EventStatsFilters
    from ..models.event_stats_held_by_type import EventStatsHeldByType
    from ..models.participants_stats import ParticipantsStats
    from ..models.trust_stats import TrustStats


T = TypeVar("T", bound="EventStats")


@_attrs_define
class EventStats:
    """
    Attributes:
        by_municipality (EventStatsByMunicipality): The same figures per municipality, keyed by DIVIPOLA code
        commitments (CommitmentStats):
        communities_by_type (EventStatsCommunitiesByType): Distinct communities (municipality + normalised community
            name) with a held event of each type
        communities_in_protection_workshops (int): Distinct communities with a held taller_psicosocial or
            taller_autoproteccion (a community with both counts once)
        events_by_status (EventStatsEventsByStatus):
        events_total (int): Events not archived, any status
        filters (EventStatsFilters):
        held_by_type (EventStatsHeldByType):
        participants (ParticipantsStats):
        trust (TrustStats):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    by_municipality: EventStatsByMunicipality
    commitments: CommitmentStats
    communities_by_type: EventStatsCommunitiesByType
    communities_in_protection_workshops: int
    events_by_status: EventStatsEventsByStatus
    events_total: int
    filters: EventStatsFilters
    held_by_type: EventStatsHeldByType
    participants: ParticipantsStats
    trust: TrustStats
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_municipality = self.by_municipality.to_dict()

        commitments = self.commitments.to_dict()

        communities_by_type = self.communities_by_type.to_dict()

        communities_in_protection_workshops = self.communities_in_protection_workshops

        events_by_status = self.events_by_status.to_dict()

        events_total = self.events_total

        filters = self.filters.to_dict()

        held_by_type = self.held_by_type.to_dict()

        participants = self.participants.to_dict()

        trust = self.trust.to_dict()

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_municipality": by_municipality,
                "commitments": commitments,
                "communities_by_type": communities_by_type,
                "communities_in_protection_workshops": communities_in_protection_workshops,
                "events_by_status": events_by_status,
                "events_total": events_total,
                "filters": filters,
                "held_by_type": held_by_type,
                "participants": participants,
                "trust": trust,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commitment_stats import CommitmentStats  # noqa: PLC0415
        from ..models.event_stats_by_municipality import EventStatsByMunicipality  # noqa: PLC0415
        from ..models.event_stats_communities_by_type import EventStatsCommunitiesByType  # noqa: PLC0415
        from ..models.event_stats_events_by_status import EventStatsEventsByStatus  # noqa: PLC0415
        from ..models.event_stats_filters import EventStatsFilters  # noqa: PLC0415
        from ..models.event_stats_held_by_type import EventStatsHeldByType  # noqa: PLC0415
        from ..models.participants_stats import ParticipantsStats  # noqa: PLC0415
        from ..models.trust_stats import TrustStats  # noqa: PLC0415

        d = dict(src_dict)
        by_municipality = EventStatsByMunicipality.from_dict(d.pop("by_municipality"))

        commitments = CommitmentStats.from_dict(d.pop("commitments"))

        communities_by_type = EventStatsCommunitiesByType.from_dict(d.pop("communities_by_type"))

        communities_in_protection_workshops = d.pop("communities_in_protection_workshops")

        events_by_status = EventStatsEventsByStatus.from_dict(d.pop("events_by_status"))

        events_total = d.pop("events_total")

        filters = EventStatsFilters.from_dict(d.pop("filters"))

        held_by_type = EventStatsHeldByType.from_dict(d.pop("held_by_type"))

        participants = ParticipantsStats.from_dict(d.pop("participants"))

        trust = TrustStats.from_dict(d.pop("trust"))

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        event_stats = cls(
            by_municipality=by_municipality,
            commitments=commitments,
            communities_by_type=communities_by_type,
            communities_in_protection_workshops=communities_in_protection_workshops,
            events_by_status=events_by_status,
            events_total=events_total,
            filters=filters,
            held_by_type=held_by_type,
            participants=participants,
            trust=trust,
            suppressed=suppressed,
        )

        event_stats.additional_properties = d
        return event_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
