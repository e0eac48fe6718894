from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_figures import AssessmentFigures
    from ..models.initiative_figures import InitiativeFigures
    from ..models.opi_figures import OpiFigures
    from ..models.organization_figures import OrganizationFigures
    from ..models.plan_figures import PlanFigures
    from ..models.support_figures import SupportFigures


T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """
    Attributes:
        assessments (AssessmentFigures):
        initiatives (InitiativeFigures):
        opi (OpiFigures):
        organizations (OrganizationFigures):
        strengthening_plans (PlanFigures):
        support (SupportFigures):
    """

    assessments: AssessmentFigures
    initiatives: InitiativeFigures
    opi: OpiFigures
    organizations: OrganizationFigures
    strengthening_plans: PlanFigures
    support: SupportFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessments = self.assessments.to_dict()

        initiatives = self.initiatives.to_dict()

        opi = self.opi.to_dict()

        organizations = self.organizations.to_dict()

        strengthening_plans = self.strengthening_plans.to_dict()

        support = self.support.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessments": assessments,
                "initiatives": initiatives,
                "opi": opi,
                "organizations": organizations,
                "strengthening_plans": strengthening_plans,
                "support": support,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_figures import AssessmentFigures  # noqa: PLC0415
        from ..models.initiative_figures import InitiativeFigures  # noqa: PLC0415
        from ..models.opi_figures import OpiFigures  # noqa: PLC0415
        from ..models.organization_figures import OrganizationFigures  # noqa: PLC0415
        from ..models.plan_figures import PlanFigures  # noqa: PLC0415
        from ..models.support_figures import SupportFigures  # noqa: PLC0415

        d = dict(src_dict)
        assessments = AssessmentFigures.from_dict(d.pop("assessments"))

        initiatives = InitiativeFigures.from_dict(d.pop("initiatives"))

        opi = OpiFigures.from_dict(d.pop("opi"))

        organizations = OrganizationFigures.from_dict(d.pop("organizations"))

        strengthening_plans = PlanFigures.from_dict(d.pop("strengthening_plans"))

        support = SupportFigures.from_dict(d.pop("support"))

        figures = cls(
            assessments=assessments,
            initiatives=initiatives,
            opi=opi,
            organizations=organizations,
            strengthening_plans=strengthening_plans,
            support=support,
        )

        figures.additional_properties = d
        return figures

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
