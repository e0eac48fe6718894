from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_counts_by_status import PlanCountsByStatus
    from ..models.plan_counts_by_term import PlanCountsByTerm


T = TypeVar("T", bound="PlanCounts")


@_attrs_define
class PlanCounts:
    """
    Attributes:
        approved (int): Plans with an approval date
        approved_on_time (int): Approved on or before 30 June of the first year
        by_status (PlanCountsByStatus):
        by_term (PlanCountsByTerm): Plans per term_start_year
        total (int):
    """

    approved: int
    approved_on_time: int
    by_status: PlanCountsByStatus
    by_term: PlanCountsByTerm
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        approved_on_time = self.approved_on_time

        by_status = self.by_status.to_dict()

        by_term = self.by_term.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "approved_on_time": approved_on_time,
                "by_status": by_status,
                "by_term": by_term,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_counts_by_status import PlanCountsByStatus  # noqa: PLC0415
        from ..models.plan_counts_by_term import PlanCountsByTerm  # noqa: PLC0415

        d = dict(src_dict)
        approved = d.pop("approved")

        approved_on_time = d.pop("approved_on_time")

        by_status = PlanCountsByStatus.from_dict(d.pop("by_status"))

        by_term = PlanCountsByTerm.from_dict(d.pop("by_term"))

        total = d.pop("total")

        plan_counts = cls(
            approved=approved,
            approved_on_time=approved_on_time,
            by_status=by_status,
            by_term=by_term,
            total=total,
        )

        plan_counts.additional_properties = d
        return plan_counts

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
