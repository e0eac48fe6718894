from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.participants_stats_by_age_group import ParticipantsStatsByAgeGroup
    from ..models.participants_stats_by_ethnicity import ParticipantsStatsByEthnicity
    from ..models.participants_stats_by_role import ParticipantsStatsByRole
    from ..models.participants_stats_by_sex import ParticipantsStatsBySex


T = TypeVar("T", bound="ParticipantsStats")


@_attrs_define
class ParticipantsStats:
    """
    Attributes:
        by_age_group (ParticipantsStatsByAgeGroup):
        by_ethnicity (ParticipantsStatsByEthnicity):
        by_role (ParticipantsStatsByRole):
        by_sex (ParticipantsStatsBySex):
        conflict_victims (int | None):
        events_with_participation (int):
        lgbtiq (int | None):
        persons_with_disability (int | None):
        total (int):
    """

    by_age_group: ParticipantsStatsByAgeGroup
    by_ethnicity: ParticipantsStatsByEthnicity
    by_role: ParticipantsStatsByRole
    by_sex: ParticipantsStatsBySex
    conflict_victims: int | None
    events_with_participation: int
    lgbtiq: int | None
    persons_with_disability: int | None
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_age_group = self.by_age_group.to_dict()

        by_ethnicity = self.by_ethnicity.to_dict()

        by_role = self.by_role.to_dict()

        by_sex = self.by_sex.to_dict()

        conflict_victims: int | None
        conflict_victims = self.conflict_victims

        events_with_participation = self.events_with_participation

        lgbtiq: int | None
        lgbtiq = self.lgbtiq

        persons_with_disability: int | None
        persons_with_disability = self.persons_with_disability

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_age_group": by_age_group,
                "by_ethnicity": by_ethnicity,
                "by_role": by_role,
                "by_sex": by_sex,
                "conflict_victims": conflict_victims,
                "events_with_participation": events_with_participation,
                "lgbtiq": lgbtiq,
                "persons_with_disability": persons_with_disability,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participants_stats_by_age_group import ParticipantsStatsByAgeGroup  # noqa: PLC0415
        from ..models.participants_stats_by_ethnicity import ParticipantsStatsByEthnicity  # noqa: PLC0415
        from ..models.participants_stats_by_role import ParticipantsStatsByRole  # noqa: PLC0415
        from ..models.participants_stats_by_sex import ParticipantsStatsBySex  # noqa: PLC0415

        d = dict(src_dict)
        by_age_group = ParticipantsStatsByAgeGroup.from_dict(d.pop("by_age_group"))

        by_ethnicity = ParticipantsStatsByEthnicity.from_dict(d.pop("by_ethnicity"))

        by_role = ParticipantsStatsByRole.from_dict(d.pop("by_role"))

        by_sex = ParticipantsStatsBySex.from_dict(d.pop("by_sex"))

        def _parse_conflict_victims(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        conflict_victims = _parse_conflict_victims(d.pop("conflict_victims"))

        events_with_participation = d.pop("events_with_participation")

        def _parse_lgbtiq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lgbtiq = _parse_lgbtiq(d.pop("lgbtiq"))

        def _parse_persons_with_disability(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        persons_with_disability = _parse_persons_with_disability(d.pop("persons_with_disability"))

        total = d.pop("total")

        participants_stats = cls(
            by_age_group=by_age_group,
            by_ethnicity=by_ethnicity,
            by_role=by_role,
            by_sex=by_sex,
            conflict_victims=conflict_victims,
            events_with_participation=events_with_participation,
            lgbtiq=lgbtiq,
            persons_with_disability=persons_with_disability,
            total=total,
        )

        participants_stats.additional_properties = d
        return participants_stats

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
