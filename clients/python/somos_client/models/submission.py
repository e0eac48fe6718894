from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Submission")


@_attrs_define
class Submission:
    """One submission of the quarter; a reopened one says who reopened it, when and why.

    Attributes:
        reopen_reason (None | str):
        reopened_at (None | str):
        reopened_by (None | str):
        submitted_at (str):
        submitted_by (str):
    """

    reopen_reason: None | str
    reopened_at: None | str
    reopened_by: None | str
    submitted_at: str
    submitted_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reopen_reason: None | str
        reopen_reason = self.reopen_reason

        reopened_at: None | str
        reopened_at = self.reopened_at

        reopened_by: None | str
        reopened_by = self.reopened_by

        submitted_at = self.submitted_at

        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reopen_reason": reopen_reason,
                "reopened_at": reopened_at,
                "reopened_by": reopened_by,
                "submitted_at": submitted_at,
                "submitted_by": submitted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reopen_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reopen_reason = _parse_reopen_reason(d.pop("reopen_reason"))

        def _parse_reopened_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reopened_at = _parse_reopened_at(d.pop("reopened_at"))

        def _parse_reopened_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reopened_by = _parse_reopened_by(d.pop("reopened_by"))

        submitted_at = d.pop("submitted_at")

        submitted_by = d.pop("submitted_by")

        submission = cls(
            reopen_reason=reopen_reason,
            reopened_at=reopened_at,
            reopened_by=reopened_by,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
        )

        submission.additional_properties = d
        return submission

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
