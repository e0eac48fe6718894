from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.age_group import AgeGroup
from ..models.document_type import DocumentType
from ..models.ethnicity import Ethnicity
from ..models.participant_role import ParticipantRole
from ..models.sex import Sex

T = TypeVar("T", bound="AttendeeRead")


@_attrs_define
class AttendeeRead:
    """
    Attributes:
        age_group (AgeGroup):
        archived_at (None | str):
        birth_year (int | None):
        consent_at (str):
        consent_given (bool):
        created_at (str):
        document_number (None | str):
        document_type (DocumentType):
        ethnicity (Ethnicity):
        event_id (UUID):
        full_name (str):
        id (UUID):
        is_social_leader (bool):
        organization_id (None | UUID):
        phone (None | str):
        role (ParticipantRole):
        sex (Sex):
        updated_at (str):
        version (int):
    """

    age_group: AgeGroup
    archived_at: None | str
    birth_year: int | None
    consent_at: str
    consent_given: bool
    created_at: str
    document_number: None | str
    document_type: DocumentType
    ethnicity: Ethnicity
    event_id: UUID
    full_name: str
    id: UUID
    is_social_leader: bool
    organization_id: None | UUID
    phone: None | str
    role: ParticipantRole
    sex: Sex
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        age_group = self.age_group.value

        archived_at: None | str
        archived_at = self.archived_at

        birth_year: int | None
        birth_year = self.birth_year

        consent_at = self.consent_at

        consent_given = self.consent_given

        created_at = self.created_at

        document_number: None | str
        document_number = self.document_number

        document_type = self.document_type.value

        ethnicity = self.ethnicity.value

        event_id = str(self.event_id)

        full_name = self.full_name

        id = str(self.id)

        is_social_leader = self.is_social_leader

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        phone: None | str
        phone = self.phone

        role = self.role.value

        sex = self.sex.value

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "age_group": age_group,
                "archived_at": archived_at,
                "birth_year": birth_year,
                "consent_at": consent_at,
                "consent_given": consent_given,
                "created_at": created_at,
                "document_number": document_number,
                "document_type": document_type,
                "ethnicity": ethnicity,
                "event_id": event_id,
                "full_name": full_name,
                "id": id,
                "is_social_leader": is_social_leader,
                "organization_id": organization_id,
                "phone": phone,
                "role": role,
                "sex": sex,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_group = AgeGroup(d.pop("age_group"))

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_birth_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        birth_year = _parse_birth_year(d.pop("birth_year"))

        consent_at = d.pop("consent_at")

        consent_given = d.pop("consent_given")

        created_at = d.pop("created_at")

        def _parse_document_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_number = _parse_document_number(d.pop("document_number"))

        document_type = DocumentType(d.pop("document_type"))

        ethnicity = Ethnicity(d.pop("ethnicity"))

        event_id = UUID(d.pop("event_id"))

        full_name = d.pop("full_name")

        id = UUID(d.pop("id"))

        is_social_leader = d.pop("is_social_leader")

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        role = ParticipantRole(d.pop("role"))

        sex = Sex(d.pop("sex"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        attendee_read = cls(
            age_group=age_group,
            archived_at=archived_at,
            birth_year=birth_year,
            consent_at=consent_at,
            consent_given=consent_given,
            created_at=created_at,
            document_number=document_number,
            document_type=document_type,
            ethnicity=ethnicity,
            event_id=event_id,
            full_name=full_name,
            id=id,
            is_social_leader=is_social_leader,
            organization_id=organization_id,
            phone=phone,
            role=role,
            sex=sex,
            updated_at=updated_at,
            version=version,
        )

        attendee_read.additional_properties = d
        return attendee_read

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
