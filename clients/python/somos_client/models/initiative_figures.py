from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.beneficiaries_read import BeneficiariesRead
    from ..models.initiative_figures_by_methodology import InitiativeFiguresByMethodology
    from ..models.initiative_figures_by_methodology_and_status import InitiativeFiguresByMethodologyAndStatus
    from ..models.initiative_figures_by_status import InitiativeFiguresByStatus


T = TypeVar("T", bound="InitiativeFigures")


@_attrs_define
class InitiativeFigures:
    """
    Attributes:
        beneficiaries (BeneficiariesRead): Counts of 1 to k-1 people are null for tokens without attendees:pii (see
            `suppressed` beside it).
        budget_cop (int): Sum over initiatives that are not cancelled
        by_methodology (InitiativeFiguresByMethodology):
        by_methodology_and_status (InitiativeFiguresByMethodologyAndStatus):
        by_status (InitiativeFiguresByStatus):
        total (int):
    """

    beneficiaries: BeneficiariesRead
    budget_cop: int
    by_methodology: InitiativeFiguresByMethodology
    by_methodology_and_status: InitiativeFiguresByMethodologyAndStatus
    by_status: InitiativeFiguresByStatus
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beneficiaries = self.beneficiaries.to_dict()

        budget_cop = self.budget_cop

        by_methodology = self.by_methodology.to_dict()

        by_methodology_and_status = self.by_methodology_and_status.to_dict()

        by_status = self.by_status.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beneficiaries": beneficiaries,
                "budget_cop": budget_cop,
                "by_methodology": by_methodology,
                "by_methodology_and_status": by_methodology_and_status,
                "by_status": by_status,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries_read import BeneficiariesRead  # noqa: PLC0415
        from ..models.initiative_figures_by_methodology import InitiativeFiguresByMethodology  # noqa: PLC0415
        from ..models.initiative_figures_by_methodology_and_status import InitiativeFiguresByMethodologyAndStatus  # noqa: PLC0415
        from ..models.initiative_figures_by_status import InitiativeFiguresByStatus  # noqa: PLC0415

        d = dict(src_dict)
        beneficiaries = BeneficiariesRead.from_dict(d.pop("beneficiaries"))

        budget_cop = d.pop("budget_cop")

        by_methodology = InitiativeFiguresByMethodology.from_dict(d.pop("by_methodology"))

        by_methodology_and_status = InitiativeFiguresByMethodologyAndStatus.from_dict(
            d.pop("by_methodology_and_status")
        )

        by_status = InitiativeFiguresByStatus.from_dict(d.pop("by_status"))

        total = d.pop("total")

        initiative_figures = cls(
            beneficiaries=beneficiaries,
            budget_cop=budget_cop,
            by_methodology=by_methodology,
            by_methodology_and_status=by_methodology_and_status,
            by_status=by_status,
            total=total,
        )

        initiative_figures.additional_properties = d
        return initiative_figures

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
