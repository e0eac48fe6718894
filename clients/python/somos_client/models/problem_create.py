from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.baseline_unit import BaselineUnit
from ..models.problem_input import ProblemInput
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProblemCreate")


@_attrs_define
class ProblemCreate:
    """
    Attributes:
        baseline_value (float):
        baseline_year (int):
        problem (ProblemInput):
        source (str):
        unit (BaselineUnit):
        id (None | Unset | UUID):
        priority (int | None | Unset): 1 = highest; next free rank when omitted
    """

    baseline_value: float
    baseline_year: int
    problem: ProblemInput
    source: str
    unit: BaselineUnit
    id: None | Unset | UUID = UNSET
    priority: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        baseline_value = self.baseline_value

        baseline_year = self.baseline_year

        problem = self.problem.value

        source = self.source

        unit = self.unit.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "baseline_value": baseline_value,
                "baseline_year": baseline_year,
                "problem": problem,
                "source": source,
                "unit": unit,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        baseline_value = d.pop("baseline_value")

        baseline_year = d.pop("baseline_year")

        problem = ProblemInput(d.pop("problem"))

        source = d.pop("source")

        unit = BaselineUnit(d.pop("unit"))

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

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        problem_create = cls(
            baseline_value=baseline_value,
            baseline_year=baseline_year,
            problem=problem,
            source=source,
            unit=unit,
            id=id,
            priority=priority,
        )

        return problem_create
