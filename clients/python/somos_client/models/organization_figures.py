from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.organization_figures_by_ethnic_focus import OrganizationFiguresByEthnicFocus
    from ..models.organization_figures_by_type import OrganizationFiguresByType


T = TypeVar("T", bound="OrganizationFigures")


@_attrs_define
class OrganizationFigures:
    """
    Attributes:
        by_ethnic_focus (OrganizationFiguresByEthnicFocus):
        by_type (OrganizationFiguresByType):
        total (int):
    """

    by_ethnic_focus: OrganizationFiguresByEthnicFocus
    by_type: OrganizationFiguresByType
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_ethnic_focus = self.by_ethnic_focus.to_dict()

        by_type = self.by_type.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_ethnic_focus": by_ethnic_focus,
                "by_type": by_type,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_figures_by_ethnic_focus import OrganizationFiguresByEthnicFocus  # noqa: PLC0415
        from ..models.organization_figures_by_type import OrganizationFiguresByType  # noqa: PLC0415

        d = dict(src_dict)
        by_ethnic_focus = OrganizationFiguresByEthnicFocus.from_dict(d.pop("by_ethnic_focus"))

        by_type = OrganizationFiguresByType.from_dict(d.pop("by_type"))

        total = d.pop("total")

        organization_figures = cls(
            by_ethnic_focus=by_ethnic_focus,
            by_type=by_type,
            total=total,
        )

        organization_figures.additional_properties = d
        return organization_figures

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
