from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_read import AssessmentRead
    from ..models.organization_read import OrganizationRead
    from ..models.performance import Performance
    from ..models.strengthening_plan_read import StrengtheningPlanRead
    from ..models.support_activity_read import SupportActivityRead


T = TypeVar("T", bound="OrganizationRecord")


@_attrs_define
class OrganizationRecord:
    """An organization with what the programme did with it, in one read (the gateway's
    profile uses it). Lists hold their first 200 items, in each list's own order.

        Attributes:
            assessments (list[AssessmentRead]):
            organization (OrganizationRead):
            performance (Performance): Baseline vs latest verified follow-up: the basis of 'organizations with improved
                OPI'.
            strengthening_plans (list[StrengtheningPlanRead]): Active plans
            support_activities (list[SupportActivityRead]): Active activities
    """

    assessments: list[AssessmentRead]
    organization: OrganizationRead
    performance: Performance
    strengthening_plans: list[StrengtheningPlanRead]
    support_activities: list[SupportActivityRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessments = []
        for assessments_item_data in self.assessments:
            assessments_item = assessments_item_data.to_dict()
            assessments.append(assessments_item)

        organization = self.organization.to_dict()

        performance = self.performance.to_dict()

        strengthening_plans = []
        for strengthening_plans_item_data in self.strengthening_plans:
            strengthening_plans_item = strengthening_plans_item_data.to_dict()
            strengthening_plans.append(strengthening_plans_item)

        support_activities = []
        for support_activities_item_data in self.support_activities:
            support_activities_item = support_activities_item_data.to_dict()
            support_activities.append(support_activities_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessments": assessments,
                "organization": organization,
                "performance": performance,
                "strengthening_plans": strengthening_plans,
                "support_activities": support_activities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_read import AssessmentRead  # noqa: PLC0415
        from ..models.organization_read import OrganizationRead  # noqa: PLC0415
        from ..models.performance import Performance  # noqa: PLC0415
        from ..models.strengthening_plan_read import StrengtheningPlanRead  # noqa: PLC0415
        from ..models.support_activity_read import SupportActivityRead  # noqa: PLC0415

        d = dict(src_dict)
        assessments = []
        _assessments = d.pop("assessments")
        for assessments_item_data in _assessments:
            assessments_item = AssessmentRead.from_dict(assessments_item_data)

            assessments.append(assessments_item)

        organization = OrganizationRead.from_dict(d.pop("organization"))

        performance = Performance.from_dict(d.pop("performance"))

        strengthening_plans = []
        _strengthening_plans = d.pop("strengthening_plans")
        for strengthening_plans_item_data in _strengthening_plans:
            strengthening_plans_item = StrengtheningPlanRead.from_dict(strengthening_plans_item_data)

            strengthening_plans.append(strengthening_plans_item)

        support_activities = []
        _support_activities = d.pop("support_activities")
        for support_activities_item_data in _support_activities:
            support_activities_item = SupportActivityRead.from_dict(support_activities_item_data)

            support_activities.append(support_activities_item)

        organization_record = cls(
            assessments=assessments,
            organization=organization,
            performance=performance,
            strengthening_plans=strengthening_plans,
            support_activities=support_activities,
        )

        organization_record.additional_properties = d
        return organization_record

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
