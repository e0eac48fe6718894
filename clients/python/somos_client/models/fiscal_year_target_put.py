from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FiscalYearTargetPut")


@_attrs_define
class FiscalYearTargetPut:
    """
    Attributes:
        rationale (str): Why this target (kept in the history)
        value (float):
    """

    rationale: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        rationale = self.rationale

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rationale": rationale,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rationale = d.pop("rationale")

        value = d.pop("value")

        fiscal_year_target_put = cls(
            rationale=rationale,
            value=value,
        )

        return fiscal_year_target_put
