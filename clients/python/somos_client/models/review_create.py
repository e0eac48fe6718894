from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.review_create_checklist import ReviewCreateChecklist


T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        checklist (ReviewCreateChecklist): Every one of the nine checklist items, rated with a comment
        reviewed_on (datetime.date):
        reviewer (str):
        id (None | Unset | UUID):
        recommendations (None | str | Unset):
    """

    checklist: ReviewCreateChecklist
    reviewed_on: datetime.date
    reviewer: str
    id: None | Unset | UUID = UNSET
    recommendations: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checklist = self.checklist.to_dict()

        reviewed_on = self.reviewed_on.isoformat()

        reviewer = self.reviewer

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        recommendations: None | str | Unset
        if isinstance(self.recommendations, Unset):
            recommendations = UNSET
        else:
            recommendations = self.recommendations

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checklist": checklist,
                "reviewed_on": reviewed_on,
                "reviewer": reviewer,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_create_checklist import ReviewCreateChecklist  # noqa: PLC0415

        d = dict(src_dict)
        checklist = ReviewCreateChecklist.from_dict(d.pop("checklist"))

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        reviewer = d.pop("reviewer")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_recommendations(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recommendations = _parse_recommendations(d.pop("recommendations", UNSET))

        review_create = cls(
            checklist=checklist,
            reviewed_on=reviewed_on,
            reviewer=reviewer,
            id=id,
            recommendations=recommendations,
        )

        return review_create
