from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanScore")


@_attrs_define
class PlanScore:
    """
    Attributes:
        municipality_code (str):
        plan_id (UUID):
        reviewed_on (datetime.date):
        score (float):
        term_start_year (int):
    """

    municipality_code: str
    plan_id: UUID
    reviewed_on: datetime.date
    score: float
    term_start_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        municipality_code = self.municipality_code

        plan_id = str(self.plan_id)

        reviewed_on = self.reviewed_on.isoformat()

        score = self.score

        term_start_year = self.term_start_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "municipality_code": municipality_code,
                "plan_id": plan_id,
                "reviewed_on": reviewed_on,
                "score": score,
                "term_start_year": term_start_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        municipality_code = d.pop("municipality_code")

        plan_id = UUID(d.pop("plan_id"))

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        score = d.pop("score")

        term_start_year = d.pop("term_start_year")

        plan_score = cls(
            municipality_code=municipality_code,
            plan_id=plan_id,
            reviewed_on=reviewed_on,
            score=score,
            term_start_year=term_start_year,
        )

        plan_score.additional_properties = d
        return plan_score

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
