from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ethnic_focus import EthnicFocus
from ..models.focus_area import FocusArea
from ..models.organization_status import OrganizationStatus
from ..models.organization_type import OrganizationType

T = TypeVar("T", bound="OrganizationRead")


@_attrs_define
class OrganizationRead:
    """
    Attributes:
        acronym (None | str):
        archived_at (None | str):
        contact_email (None | str):
        contact_phone (None | str):
        created_at (str):
        department_code (str): First two digits of the municipality code
        ethnic_focus (EthnicFocus):
        focus_areas (list[FocusArea]):
        founded_year (int | None):
        id (UUID):
        members_count (int | None):
        municipality_code (str):
        name (str):
        status (OrganizationStatus):
        type_ (OrganizationType):
        updated_at (str):
        version (int):
    """

    acronym: None | str
    archived_at: None | str
    contact_email: None | str
    contact_phone: None | str
    created_at: str
    department_code: str
    ethnic_focus: EthnicFocus
    focus_areas: list[FocusArea]
    founded_year: int | None
    id: UUID
    members_count: int | None
    municipality_code: str
    name: str
    status: OrganizationStatus
    type_: OrganizationType
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acronym: None | str
        acronym = self.acronym

        archived_at: None | str
        archived_at = self.archived_at

        contact_email: None | str
        contact_email = self.contact_email

        contact_phone: None | str
        contact_phone = self.contact_phone

        created_at = self.created_at

        department_code = self.department_code

        ethnic_focus = self.ethnic_focus.value

        focus_areas = []
        for focus_areas_item_data in self.focus_areas:
            focus_areas_item = focus_areas_item_data.value
            focus_areas.append(focus_areas_item)

        founded_year: int | None
        founded_year = self.founded_year

        id = str(self.id)

        members_count: int | None
        members_count = self.members_count

        municipality_code = self.municipality_code

        name = self.name

        status = self.status.value

        type_ = self.type_.value

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acronym": acronym,
                "archived_at": archived_at,
                "contact_email": contact_email,
                "contact_phone": contact_phone,
                "created_at": created_at,
                "department_code": department_code,
                "ethnic_focus": ethnic_focus,
                "focus_areas": focus_areas,
                "founded_year": founded_year,
                "id": id,
                "members_count": members_count,
                "municipality_code": municipality_code,
                "name": name,
                "status": status,
                "type": type_,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acronym(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acronym = _parse_acronym(d.pop("acronym"))

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_contact_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_email = _parse_contact_email(d.pop("contact_email"))

        def _parse_contact_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone"))

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        ethnic_focus = EthnicFocus(d.pop("ethnic_focus"))

        focus_areas = []
        _focus_areas = d.pop("focus_areas")
        for focus_areas_item_data in _focus_areas:
            focus_areas_item = FocusArea(focus_areas_item_data)

            focus_areas.append(focus_areas_item)

        def _parse_founded_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        founded_year = _parse_founded_year(d.pop("founded_year"))

        id = UUID(d.pop("id"))

        def _parse_members_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        members_count = _parse_members_count(d.pop("members_count"))

        municipality_code = d.pop("municipality_code")

        name = d.pop("name")

        status = OrganizationStatus(d.pop("status"))

        type_ = OrganizationType(d.pop("type"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        organization_read = cls(
            acronym=acronym,
            archived_at=archived_at,
            contact_email=contact_email,
            contact_phone=contact_phone,
            created_at=created_at,
            department_code=department_code,
            ethnic_focus=ethnic_focus,
            focus_areas=focus_areas,
            founded_year=founded_year,
            id=id,
            members_count=members_count,
            municipality_code=municipality_code,
            name=name,
            status=status,
            type_=type_,
            updated_at=updated_at,
            version=version,
        )

        organization_read.additional_properties = d
        return organization_read

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
