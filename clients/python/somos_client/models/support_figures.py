from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.support_figures_by_kind import SupportFiguresByKind


T = TypeVar("T", bound="SupportFigures")


@_attrs_define
class SupportFigures:
    """
    Attributes:
        activities (int):
        by_kind (SupportFiguresByKind):
        hours (float):
        organizations_communications_or_relations (int): Distinct organizations supported in communications or in
            relations with authorities (one with both counts once)
        organizations_supported (int): Distinct organizations supported
    """

    activities: int
    by_kind: SupportFiguresByKind
    hours: float
    organizations_communications_or_relations: int
    organizations_supported: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities

        by_kind = self.by_kind.to_dict()

        hours = self.hours

        organizations_communications_or_relations = self.organizations_communications_or_relations

        organizations_supported = self.organizations_supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "by_kind": by_kind,
                "hours": hours,
                "organizations_communications_or_relations": organizations_communications_or_relations,
                "organizations_supported": organizations_supported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.support_figures_by_kind import SupportFiguresByKind  # noqa: PLC0415

        d = dict(src_dict)
        activities = d.pop("activities")

        by_kind = SupportFiguresByKind.from_dict(d.pop("by_kind"))

        hours = d.pop("hours")

        organizations_communications_or_relations = d.pop("organizations_communications_or_relations")

        organizations_supported = d.pop("organizations_supported")

        support_figures = cls(
            activities=activities,
            by_kind=by_kind,
            hours=hours,
            organizations_communications_or_relations=organizations_communications_or_relations,
            organizations_supported=organizations_supported,
        )

        support_figures.additional_properties = d
        return support_figures

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
