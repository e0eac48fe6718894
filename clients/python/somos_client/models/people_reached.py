from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.people_reached_beneficiaries_type_0 import PeopleReachedBeneficiariesType0
    from ..models.people_reached_participants_type_0 import PeopleReachedParticipantsType0


T = TypeVar("T", bound="PeopleReached")


@_attrs_define
class PeopleReached:
    """People-level figures: counts of 1 to k-1 people are null without attendees:pii.

    Attributes:
        beneficiaries (None | PeopleReachedBeneficiariesType0): Beneficiaries of community initiatives that are not
            cancelled (organizations statistics): total, by_sex, by_age_group, by_ethnicity; null when the organizations
            service is unavailable
        participants (None | PeopleReachedParticipantsType0): Participants of held events (events statistics): total,
            by_sex, by_age_group, by_ethnicity, by_role, conflict_victims, persons_with_disability, lgbtiq; null when the
            events service is unavailable
    """

    beneficiaries: None | PeopleReachedBeneficiariesType0
    participants: None | PeopleReachedParticipantsType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.people_reached_beneficiaries_type_0 import PeopleReachedBeneficiariesType0  # noqa: PLC0415
        from ..models.people_reached_participants_type_0 import PeopleReachedParticipantsType0  # noqa: PLC0415

        beneficiaries: dict[str, Any] | None
        if isinstance(self.beneficiaries, PeopleReachedBeneficiariesType0):
            beneficiaries = self.beneficiaries.to_dict()
        else:
            beneficiaries = self.beneficiaries

        participants: dict[str, Any] | None
        if isinstance(self.participants, PeopleReachedParticipantsType0):
            participants = self.participants.to_dict()
        else:
            participants = self.participants

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beneficiaries": beneficiaries,
                "participants": participants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.people_reached_beneficiaries_type_0 import PeopleReachedBeneficiariesType0  # noqa: PLC0415
        from ..models.people_reached_participants_type_0 import PeopleReachedParticipantsType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_beneficiaries(data: object) -> None | PeopleReachedBeneficiariesType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beneficiaries_type_0 = PeopleReachedBeneficiariesType0.from_dict(data)

                return beneficiaries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PeopleReachedBeneficiariesType0, data)

        beneficiaries = _parse_beneficiaries(d.pop("beneficiaries"))

        def _parse_participants(data: object) -> None | PeopleReachedParticipantsType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                participants_type_0 = PeopleReachedParticipantsType0.from_dict(data)

                return participants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PeopleReachedParticipantsType0, data)

        participants = _parse_participants(d.pop("participants"))

        people_reached = cls(
            beneficiaries=beneficiaries,
            participants=participants,
        )

        people_reached.additional_properties = d
        return people_reached

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
