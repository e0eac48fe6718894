from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.baseline_unit import BaselineUnit
from ..models.services_security_plans_vocabularies_problem import ServicesSecurityPlansVocabulariesProblem

T = TypeVar("T", bound="ProblemRead")


@_attrs_define
class ProblemRead:
    """
    Attributes:
        archived_at (None | str):
        baseline_value (float):
        baseline_year (int):
        created_at (str):
        id (UUID):
        plan_id (UUID):
        priority (int):
        problem (ServicesSecurityPlansVocabulariesProblem):
        source (str):
        unit (BaselineUnit):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    baseline_value: float
    baseline_year: int
    created_at: str
    id: UUID
    plan_id: UUID
    priority: int
    problem: ServicesSecurityPlansVocabulariesProblem
    source: str
    unit: BaselineUnit
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        baseline_value = self.baseline_value

        baseline_year = self.baseline_year

        created_at = self.created_at

        id = str(self.id)

        plan_id = str(self.plan_id)

        priority = self.priority

        problem = self.problem.value

        source = self.source

        unit = self.unit.value

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "baseline_value": baseline_value,
                "baseline_year": baseline_year,
                "created_at": created_at,
                "id": id,
                "plan_id": plan_id,
                "priority": priority,
                "problem": problem,
                "source": source,
                "unit": unit,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        baseline_value = d.pop("baseline_value")

        baseline_year = d.pop("baseline_year")

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        plan_id = UUID(d.pop("plan_id"))

        priority = d.pop("priority")

        problem = ServicesSecurityPlansVocabulariesProblem(d.pop("problem"))

        source = d.pop("source")

        unit = BaselineUnit(d.pop("unit"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        problem_read = cls(
            archived_at=archived_at,
            baseline_value=baseline_value,
            baseline_year=baseline_year,
            created_at=created_at,
            id=id,
            plan_id=plan_id,
            priority=priority,
            problem=problem,
            source=source,
            unit=unit,
            updated_at=updated_at,
            version=version,
        )

        problem_read.additional_properties = d
        return problem_read

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
