from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SupportKindFigures")


@_attrs_define
class SupportKindFigures:
    """
    Attributes:
        activities (int):
        hours (float):
        organizations (int): Distinct organizations supported
    """

    activities: int
    hours: float
    organizations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities

        hours = self.hours

        organizations = self.organizations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "hours": hours,
                "organizations": organizations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activities = d.pop("activities")

        hours = d.pop("hours")

        organizations = d.pop("organizations")

        support_kind_figures = cls(
            activities=activities,
            hours=hours,
            organizations=organizations,
        )

        support_kind_figures.additional_properties = d
        return support_kind_figures

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
