from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.area_stats_communities_by_type import AreaStatsCommunitiesByType
    from ..models.area_stats_events_by_status import AreaStatsEventsByStatus
    from ..models.area_stats_held_by_type import AreaStatsHeldByType
    from ..models.commitment_stats import CommitmentStats
    from ..models.participants_stats import ParticipantsStats
    from ..models.trust_stats import TrustStats


T = TypeVar("T", bound="AreaStats")


@_attrs_define
class AreaStats:
    """
    Attributes:
        commitments (CommitmentStats):
        communities_by_type (AreaStatsCommunitiesByType): Distinct communities (municipality + normalised community
            name) with a held event of each type
        communities_in_protection_workshops (int): Distinct communities with a held taller_psicosocial or
            taller_autoproteccion (a community with both counts once)
        events_by_status (AreaStatsEventsByStatus):
        events_total (int): Events not archived, any status
        held_by_type (AreaStatsHeldByType):
        participants (ParticipantsStats):
        trust (TrustStats):
    """

    commitments: CommitmentStats
    communities_by_type: AreaStatsCommunitiesByType
    communities_in_protection_workshops: int
    events_by_status: AreaStatsEventsByStatus
    events_total: int
    held_by_type: AreaStatsHeldByType
    participants: ParticipantsStats
    trust: TrustStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        commitments = self.commitments.to_dict()

        communities_by_type = self.communities_by_type.to_dict()

        communities_in_protection_workshops = self.communities_in_protection_workshops

        events_by_status = self.events_by_status.to_dict()

        events_total = self.events_total

        held_by_type = self.held_by_type.to_dict()

        participants = self.participants.to_dict()

        trust = self.trust.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commitments": commitments,
                "communities_by_type": communities_by_type,
                "communities_in_protection_workshops": communities_in_protection_workshops,
                "events_by_status": events_by_status,
                "events_total": events_total,
                "held_by_type": held_by_type,
                "participants": participants,
                "trust": trust,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_stats_communities_by_type import AreaStatsCommunitiesByType  # noqa: PLC0415
        from ..models.area_stats_events_by_status import AreaStatsEventsByStatus  # noqa: PLC0415
        from ..models.area_stats_held_by_type import AreaStatsHeldByType  # noqa: PLC0415
        from ..models.commitment_stats import CommitmentStats  # noqa: PLC0415
        from ..models.participants_stats import ParticipantsStats  # noqa: PLC0415
        from ..models.trust_stats import TrustStats  # noqa: PLC0415

        d = dict(src_dict)
        commitments = CommitmentStats.from_dict(d.pop("commitments"))

        communities_by_type = AreaStatsCommunitiesByType.from_dict(d.pop("communities_by_type"))

        communities_in_protection_workshops = d.pop("communities_in_protection_workshops")

        events_by_status = AreaStatsEventsByStatus.from_dict(d.pop("events_by_status"))

        events_total = d.pop("events_total")

        held_by_type = AreaStatsHeldByType.from_dict(d.pop("held_by_type"))

        participants = ParticipantsStats.from_dict(d.pop("participants"))

        trust = TrustStats.from_dict(d.pop("trust"))

        area_stats = cls(
            commitments=commitments,
            communities_by_type=communities_by_type,
            communities_in_protection_workshops=communities_in_protection_workshops,
            events_by_status=events_by_status,
            events_total=events_total,
            held_by_type=held_by_type,
            participants=participants,
            trust=trust,
        )

        area_stats.additional_properties = d
        return area_stats

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
