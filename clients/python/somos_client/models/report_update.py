from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportUpdate")


@_attrs_define
class ReportUpdate:
    """
    Attributes:
        budget_executed_cop (int | Unset): Colombian pesos (integer)
        note (None | str | Unset):
        value (float | Unset):
    """

    budget_executed_cop: int | Unset = UNSET
    note: None | str | Unset = UNSET
    value: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        budget_executed_cop = self.budget_executed_cop

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if budget_executed_cop is not UNSET:
            field_dict["budget_executed_cop"] = budget_executed_cop
        if note is not UNSET:
            field_dict["note"] = note
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        budget_executed_cop = d.pop("budget_executed_cop", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        value = d.pop("value", UNSET)

        report_update = cls(
            budget_executed_cop=budget_executed_cop,
            note=note,
            value=value,
        )

        return report_update
