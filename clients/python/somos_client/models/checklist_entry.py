from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.rating import Rating
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistEntry")


@_attrs_define
class ChecklistEntry:
    """
    Attributes:
        rating (Rating):
        comment (str | Unset):  Default: ''.
    """

    rating: Rating
    comment: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        rating = self.rating.value

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rating": rating,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rating = Rating(d.pop("rating"))

        comment = d.pop("comment", UNSET)

        checklist_entry = cls(
            rating=rating,
            comment=comment,
        )

        return checklist_entry
