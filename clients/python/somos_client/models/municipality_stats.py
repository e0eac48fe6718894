from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.municipality_stats_plans_by_status import MunicipalityStatsPlansByStatus
    from ..models.municipality_stats_prevention_strategies_by_status import (
        MunicipalityStatsPreventionStrategiesByStatus,
    )


T = TypeVar("T", bound="MunicipalityStats")


@_attrs_define
class MunicipalityStats:
    """
    Attributes:
        approved_on_time (int):
        budget_executed_cop (int):
        budget_planned_cop (int):
        latest_review_score (float | None): Latest review score of the municipality's most recent reviewed plan
        plans (int):
        plans_by_status (MunicipalityStatsPlansByStatus):
        prevention_strategies (int):
        prevention_strategies_by_status (MunicipalityStatsPreventionStrategiesByStatus):
        reviewed_plans (int):
    """

    approved_on_time: int
    budget_executed_cop: int
    budget_planned_cop: int
    latest_review_score: float | None
    plans: int
    plans_by_status: MunicipalityStatsPlansByStatus
    prevention_strategies: int
    prevention_strategies_by_status: MunicipalityStatsPreventionStrategiesByStatus
    reviewed_plans: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_on_time = self.approved_on_time

        budget_executed_cop = self.budget_executed_cop

        budget_planned_cop = self.budget_planned_cop

        latest_review_score: float | None
        latest_review_score = self.latest_review_score

        plans = self.plans

        plans_by_status = self.plans_by_status.to_dict()

        prevention_strategies = self.prevention_strategies

        prevention_strategies_by_status = self.prevention_strategies_by_status.to_dict()

        reviewed_plans = self.reviewed_plans

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_on_time": approved_on_time,
                "budget_executed_cop": budget_executed_cop,
                "budget_planned_cop": budget_planned_cop,
                "latest_review_score": latest_review_score,
                "plans": plans,
                "plans_by_status": plans_by_status,
                "prevention_strategies": prevention_strategies,
                "prevention_strategies_by_status": prevention_strategies_by_status,
                "reviewed_plans": reviewed_plans,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.municipality_stats_plans_by_status import MunicipalityStatsPlansByStatus  # noqa: PLC0415
        from ..models.municipality_stats_prevention_strategies_by_status import (
            MunicipalityStatsPreventionStrategiesByStatus,  # noqa: PLC0415
        )

        d = dict(src_dict)
        approved_on_time = d.pop("approved_on_time")

        budget_executed_cop = d.pop("budget_executed_cop")

        budget_planned_cop = d.pop("budget_planned_cop")

        def _parse_latest_review_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_review_score = _parse_latest_review_score(d.pop("latest_review_score"))

        plans = d.pop("plans")

        plans_by_status = MunicipalityStatsPlansByStatus.from_dict(d.pop("plans_by_status"))

        prevention_strategies = d.pop("prevention_strategies")

        prevention_strategies_by_status = MunicipalityStatsPreventionStrategiesByStatus.from_dict(
            d.pop("prevention_strategies_by_status")
        )

        reviewed_plans = d.pop("reviewed_plans")

        municipality_stats = cls(
            approved_on_time=approved_on_time,
            budget_executed_cop=budget_executed_cop,
            budget_planned_cop=budget_planned_cop,
            latest_review_score=latest_review_score,
            plans=plans,
            plans_by_status=plans_by_status,
            prevention_strategies=prevention_strategies,
            prevention_strategies_by_status=prevention_strategies_by_status,
            reviewed_plans=reviewed_plans,
        )

        municipality_stats.additional_properties = d
        return municipality_stats

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
