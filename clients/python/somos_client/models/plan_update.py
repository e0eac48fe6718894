from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """Changes to a plan in formulation; absent fields stay as they are.

    Attributes:
        term_start_year (int | Unset): First year of the mayoral term: 2016, 2020, 2024, 2028…
        title (str | Unset):
    """

    term_start_year: int | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        term_start_year = self.term_start_year

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if term_start_year is not UNSET:
            field_dict["term_start_year"] = term_start_year
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        term_start_year = d.pop("term_start_year", UNSET)

        title = d.pop("title", UNSET)

        plan_update = cls(
            term_start_year=term_start_year,
            title=title,
        )

        return plan_update
