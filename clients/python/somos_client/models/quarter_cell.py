from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quarter_cell_status import QuarterCellStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuarterCell")


@_attrs_define
class QuarterCell:
    """
    Attributes:
        end (datetime.date):
        ended (bool): The quarter's last Colombian day is over
        start (datetime.date):
        status (QuarterCellStatus):
        changed_since_submission (bool | Unset):  Default: False.
        live_value (float | None | Unset): Submitted quarters only: today's figure, when it differs from the submitted
            one (late data)
        narrative (None | str | Unset):
        submitted_at (None | str | Unset):
        submitted_by (None | str | Unset):
    """

    end: datetime.date
    ended: bool
    start: datetime.date
    status: QuarterCellStatus
    changed_since_submission: bool | Unset = False
    live_value: float | None | Unset = UNSET
    narrative: None | str | Unset = UNSET
    submitted_at: None | str | Unset = UNSET
    submitted_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        ended = self.ended

        start = self.start.isoformat()

        status = self.status.value

        changed_since_submission = self.changed_since_submission

        live_value: float | None | Unset
        if isinstance(self.live_value, Unset):
            live_value = UNSET
        else:
            live_value = self.live_value

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = self.submitted_at

        submitted_by: None | str | Unset
        if isinstance(self.submitted_by, Unset):
            submitted_by = UNSET
        else:
            submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end": end,
                "ended": ended,
                "start": start,
                "status": status,
            }
        )
        if changed_since_submission is not UNSET:
            field_dict["changed_since_submission"] = changed_since_submission
        if live_value is not UNSET:
            field_dict["live_value"] = live_value
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if submitted_by is not UNSET:
            field_dict["submitted_by"] = submitted_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))

        ended = d.pop("ended")

        start = datetime.date.fromisoformat(d.pop("start"))

        status = QuarterCellStatus(d.pop("status"))

        changed_since_submission = d.pop("changed_since_submission", UNSET)

        def _parse_live_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        live_value = _parse_live_value(d.pop("live_value", UNSET))

        def _parse_narrative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrative = _parse_narrative(d.pop("narrative", UNSET))

        def _parse_submitted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_submitted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by", UNSET))

        quarter_cell = cls(
            end=end,
            ended=ended,
            start=start,
            status=status,
            changed_since_submission=changed_since_submission,
            live_value=live_value,
            narrative=narrative,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
        )

        quarter_cell.additional_properties = d
        return quarter_cell

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
