from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization_profile_assessments_type_0_item import OrganizationProfileAssessmentsType0Item
    from ..models.organization_profile_events_type_0_item import OrganizationProfileEventsType0Item
    from ..models.organization_profile_organization_type_0 import OrganizationProfileOrganizationType0
    from ..models.organization_profile_performance_type_0 import OrganizationProfilePerformanceType0
    from ..models.organization_profile_problems import OrganizationProfileProblems
    from ..models.organization_profile_strengthening_plans_type_0_item import (
        OrganizationProfileStrengtheningPlansType0Item,
    )
    from ..models.organization_profile_support_type_0 import OrganizationProfileSupportType0
    from ..models.territory import Territory


T = TypeVar("T", bound="OrganizationProfile")


@_attrs_define
class OrganizationProfile:
    """
    Attributes:
        assessments (list[OrganizationProfileAssessmentsType0Item] | None): OPI assessments over time
        events (list[OrganizationProfileEventsType0Item] | None): Events it took part in
        generated_at (datetime.datetime):
        organization (None | OrganizationProfileOrganizationType0):
        partial (bool): True when a service failed or was too slow
        performance (None | OrganizationProfilePerformanceType0): OPI baseline vs latest verified follow-up
        strengthening_plans (list[OrganizationProfileStrengtheningPlansType0Item] | None): Plans with progress
        support (None | OrganizationProfileSupportType0): Support received: activities, by kind, hours
        territory (None | Territory):
        unavailable (list[str]): Services whose parts are missing (their sections are null)
        problems (OrganizationProfileProblems | Unset): Why, per service
    """

    assessments: list[OrganizationProfileAssessmentsType0Item] | None
    events: list[OrganizationProfileEventsType0Item] | None
    generated_at: datetime.datetime
    organization: None | OrganizationProfileOrganizationType0
    partial: bool
    performance: None | OrganizationProfilePerformanceType0
    strengthening_plans: list[OrganizationProfileStrengtheningPlansType0Item] | None
    support: None | OrganizationProfileSupportType0
    territory: None | Territory
    unavailable: list[str]
    problems: OrganizationProfileProblems | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization_profile_organization_type_0 import OrganizationProfileOrganizationType0  # noqa: PLC0415
        from ..models.organization_profile_performance_type_0 import OrganizationProfilePerformanceType0  # noqa: PLC0415
        from ..models.organization_profile_support_type_0 import OrganizationProfileSupportType0  # noqa: PLC0415
        from ..models.territory import Territory  # noqa: PLC0415

        assessments: list[dict[str, Any]] | None
        if isinstance(self.assessments, list):
            assessments = []
            for assessments_type_0_item_data in self.assessments:
                assessments_type_0_item = assessments_type_0_item_data.to_dict()
                assessments.append(assessments_type_0_item)

        else:
            assessments = self.assessments

        events: list[dict[str, Any]] | None
        if isinstance(self.events, list):
            events = []
            for events_type_0_item_data in self.events:
                events_type_0_item = events_type_0_item_data.to_dict()
                events.append(events_type_0_item)

        else:
            events = self.events

        generated_at = self.generated_at.isoformat()

        organization: dict[str, Any] | None
        if isinstance(self.organization, OrganizationProfileOrganizationType0):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        partial = self.partial

        performance: dict[str, Any] | None
        if isinstance(self.performance, OrganizationProfilePerformanceType0):
            performance = self.performance.to_dict()
        else:
            performance = self.performance

        strengthening_plans: list[dict[str, Any]] | None
        if isinstance(self.strengthening_plans, list):
            strengthening_plans = []
            for strengthening_plans_type_0_item_data in self.strengthening_plans:
                strengthening_plans_type_0_item = strengthening_plans_type_0_item_data.to_dict()
                strengthening_plans.append(strengthening_plans_type_0_item)

        else:
            strengthening_plans = self.strengthening_plans

        support: dict[str, Any] | None
        if isinstance(self.support, OrganizationProfileSupportType0):
            support = self.support.to_dict()
        else:
            support = self.support

        territory: dict[str, Any] | None
        if isinstance(self.territory, Territory):
            territory = self.territory.to_dict()
        else:
            territory = self.territory

        unavailable = self.unavailable

        problems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessments": assessments,
                "events": events,
                "generated_at": generated_at,
                "organization": organization,
                "partial": partial,
                "performance": performance,
                "strengthening_plans": strengthening_plans,
                "support": support,
                "territory": territory,
                "unavailable": unavailable,
            }
        )
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_profile_assessments_type_0_item import OrganizationProfileAssessmentsType0Item  # noqa: PLC0415
        from ..models.organization_profile_events_type_0_item import OrganizationProfileEventsType0Item  # noqa: PLC0415
        from ..models.organization_profile_organization_type_0 import OrganizationProfileOrganizationType0  # noqa: PLC0415
        from ..models.organization_profile_performance_type_0 import OrganizationProfilePerformanceType0  # noqa: PLC0415
        from ..models.organization_profile_problems import OrganizationProfileProblems  # noqa: PLC0415
        from ..models.organization_profile_strengthening_plans_type_0_item import (
            OrganizationProfileStrengtheningPlansType0Item,  # noqa: PLC0415
        )
        from ..models.organization_profile_support_type_0 import OrganizationProfileSupportType0  # noqa: PLC0415
        from ..models.territory import Territory  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assessments(data: object) -> list[OrganizationProfileAssessmentsType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assessments_type_0 = []
                _assessments_type_0 = data
                for assessments_type_0_item_data in _assessments_type_0:
                    assessments_type_0_item = OrganizationProfileAssessmentsType0Item.from_dict(
                        assessments_type_0_item_data
                    )

                    assessments_type_0.append(assessments_type_0_item)

                return assessments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrganizationProfileAssessmentsType0Item] | None, data)

        assessments = _parse_assessments(d.pop("assessments"))

        def _parse_events(data: object) -> list[OrganizationProfileEventsType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                events_type_0 = []
                _events_type_0 = data
                for events_type_0_item_data in _events_type_0:
                    events_type_0_item = OrganizationProfileEventsType0Item.from_dict(events_type_0_item_data)

                    events_type_0.append(events_type_0_item)

                return events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrganizationProfileEventsType0Item] | None, data)

        events = _parse_events(d.pop("events"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        def _parse_organization(data: object) -> None | OrganizationProfileOrganizationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_0 = OrganizationProfileOrganizationType0.from_dict(data)

                return organization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationProfileOrganizationType0, data)

        organization = _parse_organization(d.pop("organization"))

        partial = d.pop("partial")

        def _parse_performance(data: object) -> None | OrganizationProfilePerformanceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                performance_type_0 = OrganizationProfilePerformanceType0.from_dict(data)

                return performance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationProfilePerformanceType0, data)

        performance = _parse_performance(d.pop("performance"))

        def _parse_strengthening_plans(data: object) -> list[OrganizationProfileStrengtheningPlansType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                strengthening_plans_type_0 = []
                _strengthening_plans_type_0 = data
                for strengthening_plans_type_0_item_data in _strengthening_plans_type_0:
                    strengthening_plans_type_0_item = OrganizationProfileStrengtheningPlansType0Item.from_dict(
                        strengthening_plans_type_0_item_data
                    )

                    strengthening_plans_type_0.append(strengthening_plans_type_0_item)

                return strengthening_plans_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrganizationProfileStrengtheningPlansType0Item] | None, data)

        strengthening_plans = _parse_strengthening_plans(d.pop("strengthening_plans"))

        def _parse_support(data: object) -> None | OrganizationProfileSupportType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                support_type_0 = OrganizationProfileSupportType0.from_dict(data)

                return support_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationProfileSupportType0, data)

        support = _parse_support(d.pop("support"))

        def _parse_territory(data: object) -> None | Territory:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                territory_type_0 = Territory.from_dict(data)

                return territory_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Territory, data)

        territory = _parse_territory(d.pop("territory"))

        unavailable = cast(list[str], d.pop("unavailable"))

        _problems = d.pop("problems", UNSET)
        problems: OrganizationProfileProblems | Unset
        if isinstance(_problems, Unset):
            problems = UNSET
        else:
            problems = OrganizationProfileProblems.from_dict(_problems)

        organization_profile = cls(
            assessments=assessments,
            events=events,
            generated_at=generated_at,
            organization=organization,
            partial=partial,
            performance=performance,
            strengthening_plans=strengthening_plans,
            support=support,
            territory=territory,
            unavailable=unavailable,
            problems=problems,
        )

        organization_profile.additional_properties = d
        return organization_profile

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
