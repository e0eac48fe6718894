from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.document_type import DocumentType
from ..models.ethnicity import Ethnicity
from ..models.participant_role import ParticipantRole
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="AttendeeUpdate")


@_attrs_define
class AttendeeUpdate:
    """
    Attributes:
        birth_year (int | None | Unset):
        document_number (None | str | Unset):
        document_type (DocumentType | Unset):
        ethnicity (Ethnicity | Unset):
        full_name (str | Unset):
        is_social_leader (bool | Unset):
        organization_id (None | Unset | UUID):
        phone (None | str | Unset):
        role (ParticipantRole | Unset):
        sex (Sex | Unset):
    """

    birth_year: int | None | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_type: DocumentType | Unset = UNSET
    ethnicity: Ethnicity | Unset = UNSET
    full_name: str | Unset = UNSET
    is_social_leader: bool | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    phone: None | str | Unset = UNSET
    role: ParticipantRole | Unset = UNSET
    sex: Sex | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_type: str | Unset = UNSET
        if not isinstance(self.document_type, Unset):
            document_type = self.document_type.value

        ethnicity: str | Unset = UNSET
        if not isinstance(self.ethnicity, Unset):
            ethnicity = self.ethnicity.value

        full_name = self.full_name

        is_social_leader = self.is_social_leader

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        sex: str | Unset = UNSET
        if not isinstance(self.sex, Unset):
            sex = self.sex.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if is_social_leader is not UNSET:
            field_dict["is_social_leader"] = is_social_leader
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if role is not UNSET:
            field_dict["role"] = role
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        _document_type = d.pop("document_type", UNSET)
        document_type: DocumentType | Unset
        if isinstance(_document_type, Unset):
            document_type = UNSET
        else:
            document_type = DocumentType(_document_type)

        _ethnicity = d.pop("ethnicity", UNSET)
        ethnicity: Ethnicity | Unset
        if isinstance(_ethnicity, Unset):
            ethnicity = UNSET
        else:
            ethnicity = Ethnicity(_ethnicity)

        full_name = d.pop("full_name", UNSET)

        is_social_leader = d.pop("is_social_leader", UNSET)

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        _role = d.pop("role", UNSET)
        role: ParticipantRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = ParticipantRole(_role)

        _sex = d.pop("sex", UNSET)
        sex: Sex | Unset
        if isinstance(_sex, Unset):
            sex = UNSET
        else:
            sex = Sex(_sex)

        attendee_update = cls(
            birth_year=birth_year,
            document_number=document_number,
            document_type=document_type,
            ethnicity=ethnicity,
            full_name=full_name,
            is_social_leader=is_social_leader,
            organization_id=organization_id,
            phone=phone,
            role=role,
            sex=sex,
        )

        return attendee_update
