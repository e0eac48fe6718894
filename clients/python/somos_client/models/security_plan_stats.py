from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_stats import BudgetStats
    from ..models.plan_counts import PlanCounts
    from ..models.review_stats import ReviewStats
    from ..models.security_plan_stats_by_municipality import SecurityPlanStatsByMunicipality
    from ..models.strategy_stats import StrategyStats


T = TypeVar("T", bound="SecurityPlanStats")


@_attrs_define
class SecurityPlanStats:
    """
    Attributes:
        budget (BudgetStats):
        by_municipality (SecurityPlanStatsByMunicipality): Keyed by DIVIPOLA municipality code
        plans (PlanCounts):
        prevention_strategies (StrategyStats):
        reviews (ReviewStats):
    """

    budget: BudgetStats
    by_municipality: SecurityPlanStatsByMunicipality
    plans: PlanCounts
    prevention_strategies: StrategyStats
    reviews: ReviewStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget = self.budget.to_dict()

        by_municipality = self.by_municipality.to_dict()

        plans = self.plans.to_dict()

        prevention_strategies = self.prevention_strategies.to_dict()

        reviews = self.reviews.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget": budget,
                "by_municipality": by_municipality,
                "plans": plans,
                "prevention_strategies": prevention_strategies,
                "reviews": reviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_stats import BudgetStats  # noqa: PLC0415
        from ..models.plan_counts import PlanCounts  # noqa: PLC0415
        from ..models.review_stats import ReviewStats  # noqa: PLC0415
        from ..models.security_plan_stats_by_municipality import SecurityPlanStatsByMunicipality  # noqa: PLC0415
        from ..models.strategy_stats import StrategyStats  # noqa: PLC0415

        d = dict(src_dict)
        budget = BudgetStats.from_dict(d.pop("budget"))

        by_municipality = SecurityPlanStatsByMunicipality.from_dict(d.pop("by_municipality"))

        plans = PlanCounts.from_dict(d.pop("plans"))

        prevention_strategies = StrategyStats.from_dict(d.pop("prevention_strategies"))

        reviews = ReviewStats.from_dict(d.pop("reviews"))

        security_plan_stats = cls(
            budget=budget,
            by_municipality=by_municipality,
            plans=plans,
            prevention_strategies=prevention_strategies,
            reviews=reviews,
        )

        security_plan_stats.additional_properties = d
        return security_plan_stats

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
