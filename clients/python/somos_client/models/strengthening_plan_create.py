from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrengtheningPlanCreate")


@_attrs_define
class StrengtheningPlanCreate:
    """A new strengthening plan (draft), built on a verified OPI assessment.

    Attributes:
        baseline_assessment_id (UUID): A verified OPI assessment of the same organization
        end_date (datetime.date): After start_date
        organization_id (UUID):
        start_date (datetime.date):
        title (str):
        id (None | Unset | UUID):
    """

    baseline_assessment_id: UUID
    end_date: datetime.date
    organization_id: UUID
    start_date: datetime.date
    title: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        baseline_assessment_id = str(self.baseline_assessment_id)

        end_date = self.end_date.isoformat()

        organization_id = str(self.organization_id)

        start_date = self.start_date.isoformat()

        title = self.title

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "baseline_assessment_id": baseline_assessment_id,
                "end_date": end_date,
                "organization_id": organization_id,
                "start_date": start_date,
                "title": title,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        baseline_assessment_id = UUID(d.pop("baseline_assessment_id"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        organization_id = UUID(d.pop("organization_id"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

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

        strengthening_plan_create = cls(
            baseline_assessment_id=baseline_assessment_id,
            end_date=end_date,
            organization_id=organization_id,
            start_date=start_date,
            title=title,
            id=id,
        )

        return strengthening_plan_create
