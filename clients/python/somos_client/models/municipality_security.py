from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.current_plan import CurrentPlan
    from ..models.municipality_plan_counts import MunicipalityPlanCounts
    from ..models.strategy_stats import StrategyStats


T = TypeVar("T", bound="MunicipalitySecurity")


@_attrs_define
class MunicipalitySecurity:
    """One municipality's PISCC situation in one read (the gateway's overview uses it).

    Attributes:
        as_of (datetime.date):
        current_plan (CurrentPlan | None): Null when it has no live plan
        current_term_start_year (int):
        municipality_code (str):
        plans (MunicipalityPlanCounts):
        prevention_strategies (StrategyStats):
    """

    as_of: datetime.date
    current_plan: CurrentPlan | None
    current_term_start_year: int
    municipality_code: str
    plans: MunicipalityPlanCounts
    prevention_strategies: StrategyStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.current_plan import CurrentPlan  # noqa: PLC0415

        as_of = self.as_of.isoformat()

        current_plan: dict[str, Any] | None
        if isinstance(self.current_plan, CurrentPlan):
            current_plan = self.current_plan.to_dict()
        else:
            current_plan = self.current_plan

        current_term_start_year = self.current_term_start_year

        municipality_code = self.municipality_code

        plans = self.plans.to_dict()

        prevention_strategies = self.prevention_strategies.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "current_plan": current_plan,
                "current_term_start_year": current_term_start_year,
                "municipality_code": municipality_code,
                "plans": plans,
                "prevention_strategies": prevention_strategies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.current_plan import CurrentPlan  # noqa: PLC0415
        from ..models.municipality_plan_counts import MunicipalityPlanCounts  # noqa: PLC0415
        from ..models.strategy_stats import StrategyStats  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        def _parse_current_plan(data: object) -> CurrentPlan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_plan_type_0 = CurrentPlan.from_dict(data)

                return current_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentPlan | None, data)

        current_plan = _parse_current_plan(d.pop("current_plan"))

        current_term_start_year = d.pop("current_term_start_year")

        municipality_code = d.pop("municipality_code")

        plans = MunicipalityPlanCounts.from_dict(d.pop("plans"))

        prevention_strategies = StrategyStats.from_dict(d.pop("prevention_strategies"))

        municipality_security = cls(
            as_of=as_of,
            current_plan=current_plan,
            current_term_start_year=current_term_start_year,
            municipality_code=municipality_code,
            plans=plans,
            prevention_strategies=prevention_strategies,
        )

        municipality_security.additional_properties = d
        return municipality_security

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
