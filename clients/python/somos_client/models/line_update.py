from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineUpdate")


@_attrs_define
class LineUpdate:
    """
    Attributes:
        name (str | Unset):
        objective (str | Unset):
    """

    name: str | Unset = UNSET
    objective: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        objective = self.objective

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if objective is not UNSET:
            field_dict["objective"] = objective

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        objective = d.pop("objective", UNSET)

        line_update = cls(
            name=name,
            objective=objective,
        )

        return line_update
