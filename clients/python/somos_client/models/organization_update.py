from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ethnic_focus import EthnicFocus
from ..models.focus_area import FocusArea
from ..models.organization_status import OrganizationStatus
from ..models.organization_type import OrganizationType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationUpdate")


@_attrs_define
class OrganizationUpdate:
    """Fields to change; absent fields stay as they are.

    Attributes:
        acronym (None | str | Unset):
        contact_email (None | str | Unset):
        contact_phone (None | str | Unset):
        ethnic_focus (EthnicFocus | Unset):
        focus_areas (list[FocusArea] | Unset):
        founded_year (int | None | Unset):
        members_count (int | None | Unset):
        municipality_code (str | Unset): DIVIPOLA municipality code (5 digits)
        name (str | Unset):
        status (OrganizationStatus | Unset):
        type_ (OrganizationType | Unset):
    """

    acronym: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    ethnic_focus: EthnicFocus | Unset = UNSET
    focus_areas: list[FocusArea] | Unset = UNSET
    founded_year: int | None | Unset = UNSET
    members_count: int | None | Unset = UNSET
    municipality_code: str | Unset = UNSET
    name: str | Unset = UNSET
    status: OrganizationStatus | Unset = UNSET
    type_: OrganizationType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acronym: None | str | Unset
        if isinstance(self.acronym, Unset):
            acronym = UNSET
        else:
            acronym = self.acronym

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        ethnic_focus: str | Unset = UNSET
        if not isinstance(self.ethnic_focus, Unset):
            ethnic_focus = self.ethnic_focus.value

        focus_areas: list[str] | Unset = UNSET
        if not isinstance(self.focus_areas, Unset):
            focus_areas = []
            for focus_areas_item_data in self.focus_areas:
                focus_areas_item = focus_areas_item_data.value
                focus_areas.append(focus_areas_item)

        founded_year: int | None | Unset
        if isinstance(self.founded_year, Unset):
            founded_year = UNSET
        else:
            founded_year = self.founded_year

        members_count: int | None | Unset
        if isinstance(self.members_count, Unset):
            members_count = UNSET
        else:
            members_count = self.members_count

        municipality_code = self.municipality_code

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acronym is not UNSET:
            field_dict["acronym"] = acronym
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if ethnic_focus is not UNSET:
            field_dict["ethnic_focus"] = ethnic_focus
        if focus_areas is not UNSET:
            field_dict["focus_areas"] = focus_areas
        if founded_year is not UNSET:
            field_dict["founded_year"] = founded_year
        if members_count is not UNSET:
            field_dict["members_count"] = members_count
        if municipality_code is not UNSET:
            field_dict["municipality_code"] = municipality_code
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acronym(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acronym = _parse_acronym(d.pop("acronym", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))

        _ethnic_focus = d.pop("ethnic_focus", UNSET)
        ethnic_focus: EthnicFocus | Unset
        if isinstance(_ethnic_focus, Unset):
            ethnic_focus = UNSET
        else:
            ethnic_focus = EthnicFocus(_ethnic_focus)

        _focus_areas = d.pop("focus_areas", UNSET)
        focus_areas: list[FocusArea] | Unset = UNSET
        if _focus_areas is not UNSET:
            focus_areas = []
            for focus_areas_item_data in _focus_areas:
                focus_areas_item = FocusArea(focus_areas_item_data)

                focus_areas.append(focus_areas_item)

        def _parse_founded_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        founded_year = _parse_founded_year(d.pop("founded_year", UNSET))

        def _parse_members_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        members_count = _parse_members_count(d.pop("members_count", UNSET))

        municipality_code = d.pop("municipality_code", UNSET)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: OrganizationStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OrganizationStatus(_status)

        _type_ = d.pop("type", UNSET)
        type_: OrganizationType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = OrganizationType(_type_)

        organization_update = cls(
            acronym=acronym,
            contact_email=contact_email,
            contact_phone=contact_phone,
            ethnic_focus=ethnic_focus,
            focus_areas=focus_areas,
            founded_year=founded_year,
            members_count=members_count,
            municipality_code=municipality_code,
            name=name,
            status=status,
            type_=type_,
        )

        return organization_update
