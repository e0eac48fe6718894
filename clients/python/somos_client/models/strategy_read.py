from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approach import Approach
from ..models.services_security_plans_vocabularies_problem import ServicesSecurityPlansVocabulariesProblem
from ..models.strategy_status import StrategyStatus
from ..models.target_population import TargetPopulation

T = TypeVar("T", bound="StrategyRead")


@_attrs_define
class StrategyRead:
    """
    Attributes:
        approach (Approach):
        archived_at (None | str):
        created_at (str):
        department_code (str):
        evidence_references (list[str]):
        evidence_summary (str):
        id (UUID):
        municipality_code (str):
        results_note (None | str):
        security_plan_id (None | UUID):
        started_on (datetime.date | None):
        status (StrategyStatus):
        status_reason (None | str):
        target_population (TargetPopulation):
        target_problems (list[ServicesSecurityPlansVocabulariesProblem]):
        title (str):
        updated_at (str):
        version (int):
    """

    approach: Approach
    archived_at: None | str
    created_at: str
    department_code: str
    evidence_references: list[str]
    evidence_summary: str
    id: UUID
    municipality_code: str
    results_note: None | str
    security_plan_id: None | UUID
    started_on: datetime.date | None
    status: StrategyStatus
    status_reason: None | str
    target_population: TargetPopulation
    target_problems: list[ServicesSecurityPlansVocabulariesProblem]
    title: str
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approach = self.approach.value

        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        department_code = self.department_code

        evidence_references = self.evidence_references

        evidence_summary = self.evidence_summary

        id = str(self.id)

        municipality_code = self.municipality_code

        results_note: None | str
        results_note = self.results_note

        security_plan_id: None | str
        if isinstance(self.security_plan_id, UUID):
            security_plan_id = str(self.security_plan_id)
        else:
            security_plan_id = self.security_plan_id

        started_on: None | str
        if isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        target_population = self.target_population.value

        target_problems = []
        for target_problems_item_data in self.target_problems:
            target_problems_item = target_problems_item_data.value
            target_problems.append(target_problems_item)

        title = self.title

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approach": approach,
                "archived_at": archived_at,
                "created_at": created_at,
                "department_code": department_code,
                "evidence_references": evidence_references,
                "evidence_summary": evidence_summary,
                "id": id,
                "municipality_code": municipality_code,
                "results_note": results_note,
                "security_plan_id": security_plan_id,
                "started_on": started_on,
                "status": status,
                "status_reason": status_reason,
                "target_population": target_population,
                "target_problems": target_problems,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approach = Approach(d.pop("approach"))

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        evidence_references = cast(list[str], d.pop("evidence_references"))

        evidence_summary = d.pop("evidence_summary")

        id = UUID(d.pop("id"))

        municipality_code = d.pop("municipality_code")

        def _parse_results_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        results_note = _parse_results_note(d.pop("results_note"))

        def _parse_security_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                security_plan_id_type_0 = UUID(data)

                return security_plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        security_plan_id = _parse_security_plan_id(d.pop("security_plan_id"))

        def _parse_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        started_on = _parse_started_on(d.pop("started_on"))

        status = StrategyStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        target_population = TargetPopulation(d.pop("target_population"))

        target_problems = []
        _target_problems = d.pop("target_problems")
        for target_problems_item_data in _target_problems:
            target_problems_item = ServicesSecurityPlansVocabulariesProblem(target_problems_item_data)

            target_problems.append(target_problems_item)

        title = d.pop("title")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        strategy_read = cls(
            approach=approach,
            archived_at=archived_at,
            created_at=created_at,
            department_code=department_code,
            evidence_references=evidence_references,
            evidence_summary=evidence_summary,
            id=id,
            municipality_code=municipality_code,
            results_note=results_note,
            security_plan_id=security_plan_id,
            started_on=started_on,
            status=status,
            status_reason=status_reason,
            target_population=target_population,
            target_problems=target_problems,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        strategy_read.additional_properties = d
        return strategy_read

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
