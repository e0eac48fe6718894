from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OpiFigures")


@_attrs_define
class OpiFigures:
    """
    Attributes:
        improved_pct (float | None): 100 * numerator / denominator, one decimal
        mean_baseline_overall (float | None):
        mean_latest_overall (float | None): Same organizations: latest verified follow-up in range, else baseline
        organizations_assessed_twice (int): Denominator: verified baseline and a verified follow-up in range
        organizations_improved (int): Numerator: latest follow-up overall score above the baseline's
        organizations_with_baseline (int): Organizations with a verified baseline assessed on or before `to`
    """

    improved_pct: float | None
    mean_baseline_overall: float | None
    mean_latest_overall: float | None
    organizations_assessed_twice: int
    organizations_improved: int
    organizations_with_baseline: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        improved_pct: float | None
        improved_pct = self.improved_pct

        mean_baseline_overall: float | None
        mean_baseline_overall = self.mean_baseline_overall

        mean_latest_overall: float | None
        mean_latest_overall = self.mean_latest_overall

        organizations_assessed_twice = self.organizations_assessed_twice

        organizations_improved = self.organizations_improved

        organizations_with_baseline = self.organizations_with_baseline

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "improved_pct": improved_pct,
                "mean_baseline_overall": mean_baseline_overall,
                "mean_latest_overall": mean_latest_overall,
                "organizations_assessed_twice": organizations_assessed_twice,
                "organizations_improved": organizations_improved,
                "organizations_with_baseline": organizations_with_baseline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_improved_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        improved_pct = _parse_improved_pct(d.pop("improved_pct"))

        def _parse_mean_baseline_overall(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_baseline_overall = _parse_mean_baseline_overall(d.pop("mean_baseline_overall"))

        def _parse_mean_latest_overall(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_latest_overall = _parse_mean_latest_overall(d.pop("mean_latest_overall"))

        organizations_assessed_twice = d.pop("organizations_assessed_twice")

        organizations_improved = d.pop("organizations_improved")

        organizations_with_baseline = d.pop("organizations_with_baseline")

        opi_figures = cls(
            improved_pct=improved_pct,
            mean_baseline_overall=mean_baseline_overall,
            mean_latest_overall=mean_latest_overall,
            organizations_assessed_twice=organizations_assessed_twice,
            organizations_improved=organizations_improved,
            organizations_with_baseline=organizations_with_baseline,
        )

        opi_figures.additional_properties = d
        return opi_figures

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
