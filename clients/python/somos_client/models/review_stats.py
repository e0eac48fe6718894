from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_score import PlanScore


T = TypeVar("T", bound="ReviewStats")


@_attrs_define
class ReviewStats:
    """
    Attributes:
        latest_score_per_plan (list[PlanScore]):
        mean_latest_score (float | None):
        municipalities_with_review (int):
        reviewed_plans (int):
    """

    latest_score_per_plan: list[PlanScore]
    mean_latest_score: float | None
    municipalities_with_review: int
    reviewed_plans: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        latest_score_per_plan = []
        for latest_score_per_plan_item_data in self.latest_score_per_plan:
            latest_score_per_plan_item = latest_score_per_plan_item_data.to_dict()
            latest_score_per_plan.append(latest_score_per_plan_item)

        mean_latest_score: float | None
        mean_latest_score = self.mean_latest_score

        municipalities_with_review = self.municipalities_with_review

        reviewed_plans = self.reviewed_plans

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "latest_score_per_plan": latest_score_per_plan,
                "mean_latest_score": mean_latest_score,
                "municipalities_with_review": municipalities_with_review,
                "reviewed_plans": reviewed_plans,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_score import PlanScore  # noqa: PLC0415

        d = dict(src_dict)
        latest_score_per_plan = []
        _latest_score_per_plan = d.pop("latest_score_per_plan")
        for latest_score_per_plan_item_data in _latest_score_per_plan:
            latest_score_per_plan_item = PlanScore.from_dict(latest_score_per_plan_item_data)

            latest_score_per_plan.append(latest_score_per_plan_item)

        def _parse_mean_latest_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_latest_score = _parse_mean_latest_score(d.pop("mean_latest_score"))

        municipalities_with_review = d.pop("municipalities_with_review")

        reviewed_plans = d.pop("reviewed_plans")

        review_stats = cls(
            latest_score_per_plan=latest_score_per_plan,
            mean_latest_score=mean_latest_score,
            municipalities_with_review=municipalities_with_review,
            reviewed_plans=reviewed_plans,
        )

        review_stats.additional_properties = d
        return review_stats

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
