from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.document_type import DocumentType
from ..models.ethnicity import Ethnicity
from ..models.participant_role import ParticipantRole
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="AttendeeCreate")


@_attrs_define
class AttendeeCreate:
    """A named attendee. Needs `consent_given: true` (Ley 1581 de 2012).

    Attributes:
        consent_given (bool): Must be true: prior, express and informed consent (Ley 1581 de 2012)
        document_type (DocumentType):
        full_name (str):
        birth_year (int | None | Unset):
        consent_at (datetime.datetime | None | Unset): When consent was given (default: now)
        document_number (None | str | Unset):
        ethnicity (Ethnicity | Unset):
        id (None | Unset | UUID):
        is_social_leader (bool | Unset):  Default: False.
        organization_id (None | Unset | UUID):
        phone (None | str | Unset):
        role (ParticipantRole | Unset):
        sex (Sex | Unset):
    """

    consent_given: bool
    document_type: DocumentType
    full_name: str
    birth_year: int | None | Unset = UNSET
    consent_at: datetime.datetime | None | Unset = UNSET
    document_number: None | str | Unset = UNSET
    ethnicity: Ethnicity | Unset = UNSET
    id: None | Unset | UUID = UNSET
    is_social_leader: bool | Unset = False
    organization_id: None | Unset | UUID = UNSET
    phone: None | str | Unset = UNSET
    role: ParticipantRole | Unset = UNSET
    sex: Sex | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consent_given = self.consent_given

        document_type = self.document_type.value

        full_name = self.full_name

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        consent_at: None | str | Unset
        if isinstance(self.consent_at, Unset):
            consent_at = UNSET
        elif isinstance(self.consent_at, datetime.datetime):
            consent_at = self.consent_at.isoformat()
        else:
            consent_at = self.consent_at

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        ethnicity: str | Unset = UNSET
        if not isinstance(self.ethnicity, Unset):
            ethnicity = self.ethnicity.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

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

        field_dict.update(
            {
                "consent_given": consent_given,
                "document_type": document_type,
                "full_name": full_name,
            }
        )
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if consent_at is not UNSET:
            field_dict["consent_at"] = consent_at
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if id is not UNSET:
            field_dict["id"] = id
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
        consent_given = d.pop("consent_given")

        document_type = DocumentType(d.pop("document_type"))

        full_name = d.pop("full_name")

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_consent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_at_type_0 = datetime.datetime.fromisoformat(data)

                return consent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        consent_at = _parse_consent_at(d.pop("consent_at", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        _ethnicity = d.pop("ethnicity", UNSET)
        ethnicity: Ethnicity | Unset
        if isinstance(_ethnicity, Unset):
            ethnicity = UNSET
        else:
            ethnicity = Ethnicity(_ethnicity)

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

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

        attendee_create = cls(
            consent_given=consent_given,
            document_type=document_type,
            full_name=full_name,
            birth_year=birth_year,
            consent_at=consent_at,
            document_number=document_number,
            ethnicity=ethnicity,
            id=id,
            is_social_leader=is_social_leader,
            organization_id=organization_id,
            phone=phone,
            role=role,
            sex=sex,
        )

        return attendee_create
