from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_figures_by_status import PlanFiguresByStatus


T = TypeVar("T", bound="PlanFigures")


@_attrs_define
class PlanFigures:
    """
    Attributes:
        approved_or_later (int): approved + in_progress + completed
        by_status (PlanFiguresByStatus):
        total (int):
    """

    approved_or_later: int
    by_status: PlanFiguresByStatus
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_or_later = self.approved_or_later

        by_status = self.by_status.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_or_later": approved_or_later,
                "by_status": by_status,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_figures_by_status import PlanFiguresByStatus  # noqa: PLC0415

        d = dict(src_dict)
        approved_or_later = d.pop("approved_or_later")

        by_status = PlanFiguresByStatus.from_dict(d.pop("by_status"))

        total = d.pop("total")

        plan_figures = cls(
            approved_or_later=approved_or_later,
            by_status=by_status,
            total=total,
        )

        plan_figures.additional_properties = d
        return plan_figures

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
