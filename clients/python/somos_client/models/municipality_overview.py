from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.municipality_overview_commitments_type_0 import MunicipalityOverviewCommitmentsType0
    from ..models.municipality_overview_community_initiatives_type_0 import (
        MunicipalityOverviewCommunityInitiativesType0,
    )
    from ..models.municipality_overview_events_type_0 import MunicipalityOverviewEventsType0
    from ..models.municipality_overview_organizations_type_0 import MunicipalityOverviewOrganizationsType0
    from ..models.municipality_overview_prevention_strategies_type_0 import (
        MunicipalityOverviewPreventionStrategiesType0,
    )
    from ..models.municipality_overview_problems import MunicipalityOverviewProblems
    from ..models.municipality_overview_security_plan_type_0 import MunicipalityOverviewSecurityPlanType0
    from ..models.municipality_overview_strengthening_plans_type_0 import MunicipalityOverviewStrengtheningPlansType0
    from ..models.territory import Territory


T = TypeVar("T", bound="MunicipalityOverview")


@_attrs_define
class MunicipalityOverview:
    """
    Attributes:
        commitments (MunicipalityOverviewCommitmentsType0 | None): Commitments by status, open and overdue
        community_initiatives (MunicipalityOverviewCommunityInitiativesType0 | None): Initiatives by status, and the
            list
        events (MunicipalityOverviewEventsType0 | None): Events held by type, participants and breakdowns
        generated_at (datetime.datetime):
        municipality (Territory):
        organizations (MunicipalityOverviewOrganizationsType0 | None): Count by type, mean baseline and latest OPI,
            assessed twice and improved
        partial (bool): True when a service failed or was too slow
        prevention_strategies (MunicipalityOverviewPreventionStrategiesType0 | None): Prevention strategies by status
        security_plan (MunicipalityOverviewSecurityPlanType0 | None): Current PISCC: status, term, latest review score,
            execution %
        strengthening_plans (MunicipalityOverviewStrengtheningPlansType0 | None): Strengthening plans by status
        unavailable (list[str]): Services whose parts are missing (their sections are null)
        problems (MunicipalityOverviewProblems | Unset): Why, per service
    """

    commitments: MunicipalityOverviewCommitmentsType0 | None
    community_initiatives: MunicipalityOverviewCommunityInitiativesType0 | None
    events: MunicipalityOverviewEventsType0 | None
    generated_at: datetime.datetime
    municipality: Territory
    organizations: MunicipalityOverviewOrganizationsType0 | None
    partial: bool
    prevention_strategies: MunicipalityOverviewPreventionStrategiesType0 | None
    security_plan: MunicipalityOverviewSecurityPlanType0 | None
    strengthening_plans: MunicipalityOverviewStrengtheningPlansType0 | None
    unavailable: list[str]
    problems: MunicipalityOverviewProblems | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.municipality_overview_commitments_type_0 import MunicipalityOverviewCommitmentsType0  # noqa: PLC0415
        from ..models.municipality_overview_community_initiatives_type_0 import (
            MunicipalityOverviewCommunityInitiativesType0,  # noqa: PLC0415
        )
        from ..models.municipality_overview_events_type_0 import MunicipalityOverviewEventsType0  # noqa: PLC0415
        from ..models.municipality_overview_organizations_type_0 import MunicipalityOverviewOrganizationsType0  # noqa: PLC0415
        from ..models.municipality_overview_prevention_strategies_type_0 import (
            MunicipalityOverviewPreventionStrategiesType0,  # noqa: PLC0415
        )
        from ..models.municipality_overview_security_plan_type_0 import MunicipalityOverviewSecurityPlanType0  # noqa: PLC0415
        from ..models.municipality_overview_strengthening_plans_type_0 import (
            MunicipalityOverviewStrengtheningPlansType0,  # noqa: PLC0415
        )

        commitments: dict[str, Any] | None
        if isinstance(self.commitments, MunicipalityOverviewCommitmentsType0):
            commitments = self.commitments.to_dict()
        else:
            commitments = self.commitments

        community_initiatives: dict[str, Any] | None
        if isinstance(self.community_initiatives, MunicipalityOverviewCommunityInitiativesType0):
            community_initiatives = self.community_initiatives.to_dict()
        else:
            community_initiatives = self.community_initiatives

        events: dict[str, Any] | None
        if isinstance(self.events, MunicipalityOverviewEventsType0):
            events = self.events.to_dict()
        else:
            events = self.events

        generated_at = self.generated_at.isoformat()

        municipality = self.municipality.to_dict()

        organizations: dict[str, Any] | None
        if isinstance(self.organizations, MunicipalityOverviewOrganizationsType0):
            organizations = self.organizations.to_dict()
        else:
            organizations = self.organizations

        partial = self.partial

        prevention_strategies: dict[str, Any] | None
        if isinstance(self.prevention_strategies, MunicipalityOverviewPreventionStrategiesType0):
            prevention_strategies = self.prevention_strategies.to_dict()
        else:
            prevention_strategies = self.prevention_strategies

        security_plan: dict[str, Any] | None
        if isinstance(self.security_plan, MunicipalityOverviewSecurityPlanType0):
            security_plan = self.security_plan.to_dict()
        else:
            security_plan = self.security_plan

        strengthening_plans: dict[str, Any] | None
        if isinstance(self.strengthening_plans, MunicipalityOverviewStrengtheningPlansType0):
            strengthening_plans = self.strengthening_plans.to_dict()
        else:
            strengthening_plans = self.strengthening_plans

        unavailable = self.unavailable

        problems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commitments": commitments,
                "community_initiatives": community_initiatives,
                "events": events,
                "generated_at": generated_at,
                "municipality": municipality,
                "organizations": organizations,
                "partial": partial,
                "prevention_strategies": prevention_strategies,
                "security_plan": security_plan,
                "strengthening_plans": strengthening_plans,
                "unavailable": unavailable,
            }
        )
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.municipality_overview_commitments_type_0 import MunicipalityOverviewCommitmentsType0  # noqa: PLC0415
        from ..models.municipality_overview_community_initiatives_type_0 import (
            MunicipalityOverviewCommunityInitiativesType0,  # noqa: PLC0415
        )
        from ..models.municipality_overview_events_type_0 import MunicipalityOverviewEventsType0  # noqa: PLC0415
        from ..models.municipality_overview_organizations_type_0 import MunicipalityOverviewOrganizationsType0  # noqa: PLC0415
        from ..models.municipality_overview_prevention_strategies_type_0 import (
            MunicipalityOverviewPreventionStrategiesType0,  # noqa: PLC0415
        )
        from ..models.municipality_overview_problems import MunicipalityOverviewProblems  # noqa: PLC0415
        from ..models.municipality_overview_security_plan_type_0 import MunicipalityOverviewSecurityPlanType0  # noqa: PLC0415
        from ..models.municipality_overview_strengthening_plans_type_0 import (
            MunicipalityOverviewStrengtheningPlansType0,  # noqa: PLC0415
        )
        from ..models.territory import Territory  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_commitments(data: object) -> MunicipalityOverviewCommitmentsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commitments_type_0 = MunicipalityOverviewCommitmentsType0.from_dict(data)

                return commitments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewCommitmentsType0 | None, data)

        commitments = _parse_commitments(d.pop("commitments"))

        def _parse_community_initiatives(data: object) -> MunicipalityOverviewCommunityInitiativesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                community_initiatives_type_0 = MunicipalityOverviewCommunityInitiativesType0.from_dict(data)

                return community_initiatives_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewCommunityInitiativesType0 | None, data)

        community_initiatives = _parse_community_initiatives(d.pop("community_initiatives"))

        def _parse_events(data: object) -> MunicipalityOverviewEventsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                events_type_0 = MunicipalityOverviewEventsType0.from_dict(data)

                return events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewEventsType0 | None, data)

        events = _parse_events(d.pop("events"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        municipality = Territory.from_dict(d.pop("municipality"))

        def _parse_organizations(data: object) -> MunicipalityOverviewOrganizationsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organizations_type_0 = MunicipalityOverviewOrganizationsType0.from_dict(data)

                return organizations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewOrganizationsType0 | None, data)

        organizations = _parse_organizations(d.pop("organizations"))

        partial = d.pop("partial")

        def _parse_prevention_strategies(data: object) -> MunicipalityOverviewPreventionStrategiesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prevention_strategies_type_0 = MunicipalityOverviewPreventionStrategiesType0.from_dict(data)

                return prevention_strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewPreventionStrategiesType0 | None, data)

        prevention_strategies = _parse_prevention_strategies(d.pop("prevention_strategies"))

        def _parse_security_plan(data: object) -> MunicipalityOverviewSecurityPlanType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                security_plan_type_0 = MunicipalityOverviewSecurityPlanType0.from_dict(data)

                return security_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewSecurityPlanType0 | None, data)

        security_plan = _parse_security_plan(d.pop("security_plan"))

        def _parse_strengthening_plans(data: object) -> MunicipalityOverviewStrengtheningPlansType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                strengthening_plans_type_0 = MunicipalityOverviewStrengtheningPlansType0.from_dict(data)

                return strengthening_plans_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MunicipalityOverviewStrengtheningPlansType0 | None, data)

        strengthening_plans = _parse_strengthening_plans(d.pop("strengthening_plans"))

        unavailable = cast(list[str], d.pop("unavailable"))

        _problems = d.pop("problems", UNSET)
        problems: MunicipalityOverviewProblems | Unset
        if isinstance(_problems, Unset):
            problems = UNSET
        else:
            problems = MunicipalityOverviewProblems.from_dict(_problems)

        municipality_overview = cls(
            commitments=commitments,
            community_initiatives=community_initiatives,
            events=events,
            generated_at=generated_at,
            municipality=municipality,
            organizations=organizations,
            partial=partial,
            prevention_strategies=prevention_strategies,
            security_plan=security_plan,
            strengthening_plans=strengthening_plans,
            unavailable=unavailable,
            problems=problems,
        )

        municipality_overview.additional_properties = d
        return municipality_overview

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
