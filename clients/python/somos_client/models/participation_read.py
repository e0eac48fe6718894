from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participation_read_by_age_group import ParticipationReadByAgeGroup
    from ..models.participation_read_by_ethnicity import ParticipationReadByEthnicity
    from ..models.participation_read_by_role import ParticipationReadByRole
    from ..models.participation_read_by_sex import ParticipationReadBySex


T = TypeVar("T", bound="ParticipationRead")


@_attrs_define
class ParticipationRead:
    """
    Attributes:
        by_age_group (ParticipationReadByAgeGroup):
        by_ethnicity (ParticipationReadByEthnicity):
        by_role (ParticipationReadByRole):
        by_sex (ParticipationReadBySex):
        conflict_victims (int | None):
        event_id (UUID):
        lgbtiq (int | None):
        persons_with_disability (int | None):
        source (str): manual, or attendees when computed from the attendee list (then it cannot be edited by hand)
        total (int):
        updated_at (str):
        version (int):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    by_age_group: ParticipationReadByAgeGroup
    by_ethnicity: ParticipationReadByEthnicity
    by_role: ParticipationReadByRole
    by_sex: ParticipationReadBySex
    conflict_victims: int | None
    event_id: UUID
    lgbtiq: int | None
    persons_with_disability: int | None
    source: str
    total: int
    updated_at: str
    version: int
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_age_group = self.by_age_group.to_dict()

        by_ethnicity = self.by_ethnicity.to_dict()

        by_role = self.by_role.to_dict()

        by_sex = self.by_sex.to_dict()

        conflict_victims: int | None
        conflict_victims = self.conflict_victims

        event_id = str(self.event_id)

        lgbtiq: int | None
        lgbtiq = self.lgbtiq

        persons_with_disability: int | None
        persons_with_disability = self.persons_with_disability

        source = self.source

        total = self.total

        updated_at = self.updated_at

        version = self.version

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_age_group": by_age_group,
                "by_ethnicity": by_ethnicity,
                "by_role": by_role,
                "by_sex": by_sex,
                "conflict_victims": conflict_victims,
                "event_id": event_id,
                "lgbtiq": lgbtiq,
                "persons_with_disability": persons_with_disability,
                "source": source,
                "total": total,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participation_read_by_age_group import ParticipationReadByAgeGroup  # noqa: PLC0415
        from ..models.participation_read_by_ethnicity import ParticipationReadByEthnicity  # noqa: PLC0415
        from ..models.participation_read_by_role import ParticipationReadByRole  # noqa: PLC0415
        from ..models.participation_read_by_sex import ParticipationReadBySex  # noqa: PLC0415

        d = dict(src_dict)
        by_age_group = ParticipationReadByAgeGroup.from_dict(d.pop("by_age_group"))

        by_ethnicity = ParticipationReadByEthnicity.from_dict(d.pop("by_ethnicity"))

        by_role = ParticipationReadByRole.from_dict(d.pop("by_role"))

        by_sex = ParticipationReadBySex.from_dict(d.pop("by_sex"))

        def _parse_conflict_victims(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        conflict_victims = _parse_conflict_victims(d.pop("conflict_victims"))

        event_id = UUID(d.pop("event_id"))

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

        source = d.pop("source")

        total = d.pop("total")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        participation_read = cls(
            by_age_group=by_age_group,
            by_ethnicity=by_ethnicity,
            by_role=by_role,
            by_sex=by_sex,
            conflict_victims=conflict_victims,
            event_id=event_id,
            lgbtiq=lgbtiq,
            persons_with_disability=persons_with_disability,
            source=source,
            total=total,
            updated_at=updated_at,
            version=version,
            suppressed=suppressed,
        )

        participation_read.additional_properties = d
        return participation_read

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
