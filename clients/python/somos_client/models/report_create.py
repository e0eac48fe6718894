from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportCreate")


@_attrs_define
class ReportCreate:
    """
    Attributes:
        budget_executed_cop (int): Colombian pesos (integer)
        period (str): A quarter of the term, `YYYY-Qn`
        value (float): Indicator value at the end of the period
        id (None | Unset | UUID):
        note (None | str | Unset):
    """

    budget_executed_cop: int
    period: str
    value: float
    id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        budget_executed_cop = self.budget_executed_cop

        period = self.period

        value = self.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "budget_executed_cop": budget_executed_cop,
                "period": period,
                "value": value,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        budget_executed_cop = d.pop("budget_executed_cop")

        period = d.pop("period")

        value = d.pop("value")

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

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        report_create = cls(
            budget_executed_cop=budget_executed_cop,
            period=period,
            value=value,
            id=id,
            note=note,
        )

        return report_create
