from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opi_area import OpiArea
from ..models.strengthening_plan_status import StrengtheningPlanStatus

T = TypeVar("T", bound="StrengtheningPlanRead")


@_attrs_define
class StrengtheningPlanRead:
    """
    Attributes:
        actions_count (int): Actions of the plan (archived ones excluded)
        approved_at (None | str):
        approved_by (None | str): `sub` of the token that approved the plan
        archived_at (None | str):
        baseline_assessment_id (UUID):
        cancellation_reason (None | str):
        created_at (str):
        end_date (datetime.date):
        id (UUID):
        opi_areas_covered (list[OpiArea]): OPI sub-areas with at least one action that is not dropped
        organization_id (UUID):
        overdue_actions (int): Actions due before today (Colombia) that are not done or dropped
        progress_pct (float | None): Mean progress of the actions that are not dropped, one decimal (null while there
            are none)
        start_date (datetime.date):
        status (StrengtheningPlanStatus):
        title (str):
        updated_at (str):
        version (int):
    """

    actions_count: int
    approved_at: None | str
    approved_by: None | str
    archived_at: None | str
    baseline_assessment_id: UUID
    cancellation_reason: None | str
    created_at: str
    end_date: datetime.date
    id: UUID
    opi_areas_covered: list[OpiArea]
    organization_id: UUID
    overdue_actions: int
    progress_pct: float | None
    start_date: datetime.date
    status: StrengtheningPlanStatus
    title: str
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions_count = self.actions_count

        approved_at: None | str
        approved_at = self.approved_at

        approved_by: None | str
        approved_by = self.approved_by

        archived_at: None | str
        archived_at = self.archived_at

        baseline_assessment_id = str(self.baseline_assessment_id)

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        created_at = self.created_at

        end_date = self.end_date.isoformat()

        id = str(self.id)

        opi_areas_covered = []
        for opi_areas_covered_item_data in self.opi_areas_covered:
            opi_areas_covered_item = opi_areas_covered_item_data.value
            opi_areas_covered.append(opi_areas_covered_item)

        organization_id = str(self.organization_id)

        overdue_actions = self.overdue_actions

        progress_pct: float | None
        progress_pct = self.progress_pct

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions_count": actions_count,
                "approved_at": approved_at,
                "approved_by": approved_by,
                "archived_at": archived_at,
                "baseline_assessment_id": baseline_assessment_id,
                "cancellation_reason": cancellation_reason,
                "created_at": created_at,
                "end_date": end_date,
                "id": id,
                "opi_areas_covered": opi_areas_covered,
                "organization_id": organization_id,
                "overdue_actions": overdue_actions,
                "progress_pct": progress_pct,
                "start_date": start_date,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actions_count = d.pop("actions_count")

        def _parse_approved_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        baseline_assessment_id = UUID(d.pop("baseline_assessment_id"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        created_at = d.pop("created_at")

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        id = UUID(d.pop("id"))

        opi_areas_covered = []
        _opi_areas_covered = d.pop("opi_areas_covered")
        for opi_areas_covered_item_data in _opi_areas_covered:
            opi_areas_covered_item = OpiArea(opi_areas_covered_item_data)

            opi_areas_covered.append(opi_areas_covered_item)

        organization_id = UUID(d.pop("organization_id"))

        overdue_actions = d.pop("overdue_actions")

        def _parse_progress_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        progress_pct = _parse_progress_pct(d.pop("progress_pct"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = StrengtheningPlanStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        strengthening_plan_read = cls(
            actions_count=actions_count,
            approved_at=approved_at,
            approved_by=approved_by,
            archived_at=archived_at,
            baseline_assessment_id=baseline_assessment_id,
            cancellation_reason=cancellation_reason,
            created_at=created_at,
            end_date=end_date,
            id=id,
            opi_areas_covered=opi_areas_covered,
            organization_id=organization_id,
            overdue_actions=overdue_actions,
            progress_pct=progress_pct,
            start_date=start_date,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        strengthening_plan_read.additional_properties = d
        return strengthening_plan_read

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
