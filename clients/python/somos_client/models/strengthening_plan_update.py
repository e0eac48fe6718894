from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrengtheningPlanUpdate")


@_attrs_define
class StrengtheningPlanUpdate:
    """Fields to change on an open plan; absent fields stay as they are.

    Attributes:
        baseline_assessment_id (UUID | Unset):
        end_date (datetime.date | Unset):
        start_date (datetime.date | Unset):
        title (str | Unset):
    """

    baseline_assessment_id: UUID | Unset = UNSET
    end_date: datetime.date | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        baseline_assessment_id: str | Unset = UNSET
        if not isinstance(self.baseline_assessment_id, Unset):
            baseline_assessment_id = str(self.baseline_assessment_id)

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = self.end_date.isoformat()

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if baseline_assessment_id is not UNSET:
            field_dict["baseline_assessment_id"] = baseline_assessment_id
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _baseline_assessment_id = d.pop("baseline_assessment_id", UNSET)
        baseline_assessment_id: UUID | Unset
        if isinstance(_baseline_assessment_id, Unset):
            baseline_assessment_id = UNSET
        else:
            baseline_assessment_id = UUID(_baseline_assessment_id)

        _end_date = d.pop("end_date", UNSET)
        end_date: datetime.date | Unset
        if isinstance(_end_date, Unset):
            end_date = UNSET
        else:
            end_date = datetime.date.fromisoformat(_end_date)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        title = d.pop("title", UNSET)

        strengthening_plan_update = cls(
            baseline_assessment_id=baseline_assessment_id,
            end_date=end_date,
            start_date=start_date,
            title=title,
        )

        return strengthening_plan_update
