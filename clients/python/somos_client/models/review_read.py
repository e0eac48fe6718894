from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.review_read_checklist import ReviewReadChecklist


T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """
    Attributes:
        checklist (ReviewReadChecklist):
        created_at (str):
        id (UUID):
        plan_id (UUID):
        recommendations (None | str):
        reviewed_on (datetime.date):
        reviewer (str):
        score (float): cumple = 1, parcial = 0.5, no cumple = 0; mean x 100, two decimals
        updated_at (str):
        version (int):
    """

    checklist: ReviewReadChecklist
    created_at: str
    id: UUID
    plan_id: UUID
    recommendations: None | str
    reviewed_on: datetime.date
    reviewer: str
    score: float
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checklist = self.checklist.to_dict()

        created_at = self.created_at

        id = str(self.id)

        plan_id = str(self.plan_id)

        recommendations: None | str
        recommendations = self.recommendations

        reviewed_on = self.reviewed_on.isoformat()

        reviewer = self.reviewer

        score = self.score

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checklist": checklist,
                "created_at": created_at,
                "id": id,
                "plan_id": plan_id,
                "recommendations": recommendations,
                "reviewed_on": reviewed_on,
                "reviewer": reviewer,
                "score": score,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_read_checklist import ReviewReadChecklist  # noqa: PLC0415

        d = dict(src_dict)
        checklist = ReviewReadChecklist.from_dict(d.pop("checklist"))

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        plan_id = UUID(d.pop("plan_id"))

        def _parse_recommendations(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recommendations = _parse_recommendations(d.pop("recommendations"))

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        reviewer = d.pop("reviewer")

        score = d.pop("score")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        review_read = cls(
            checklist=checklist,
            created_at=created_at,
            id=id,
            plan_id=plan_id,
            recommendations=recommendations,
            reviewed_on=reviewed_on,
            reviewer=reviewer,
            score=score,
            updated_at=updated_at,
            version=version,
        )

        review_read.additional_properties = d
        return review_read

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
