from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.approach import Approach
from ..models.problem_input import ProblemInput
from ..models.target_population import TargetPopulation
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyCreate")


@_attrs_define
class StrategyCreate:
    """
    Attributes:
        approach (Approach):
        evidence_summary (str):
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        target_population (TargetPopulation):
        target_problems (list[ProblemInput]):
        title (str):
        evidence_references (list[str] | Unset):
        id (None | Unset | UUID):
        results_note (None | str | Unset):
        security_plan_id (None | Unset | UUID): A plan of the same municipality
        started_on (datetime.date | None | Unset):
    """

    approach: Approach
    evidence_summary: str
    municipality_code: str
    target_population: TargetPopulation
    target_problems: list[ProblemInput]
    title: str
    evidence_references: list[str] | Unset = UNSET
    id: None | Unset | UUID = UNSET
    results_note: None | str | Unset = UNSET
    security_plan_id: None | Unset | UUID = UNSET
    started_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        approach = self.approach.value

        evidence_summary = self.evidence_summary

        municipality_code = self.municipality_code

        target_population = self.target_population.value

        target_problems = []
        for target_problems_item_data in self.target_problems:
            target_problems_item = target_problems_item_data.value
            target_problems.append(target_problems_item)

        title = self.title

        evidence_references: list[str] | Unset = UNSET
        if not isinstance(self.evidence_references, Unset):
            evidence_references = self.evidence_references

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        results_note: None | str | Unset
        if isinstance(self.results_note, Unset):
            results_note = UNSET
        else:
            results_note = self.results_note

        security_plan_id: None | str | Unset
        if isinstance(self.security_plan_id, Unset):
            security_plan_id = UNSET
        elif isinstance(self.security_plan_id, UUID):
            security_plan_id = str(self.security_plan_id)
        else:
            security_plan_id = self.security_plan_id

        started_on: None | str | Unset
        if isinstance(self.started_on, Unset):
            started_on = UNSET
        elif isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approach": approach,
                "evidence_summary": evidence_summary,
                "municipality_code": municipality_code,
                "target_population": target_population,
                "target_problems": target_problems,
                "title": title,
            }
        )
        if evidence_references is not UNSET:
            field_dict["evidence_references"] = evidence_references
        if id is not UNSET:
            field_dict["id"] = id
        if results_note is not UNSET:
            field_dict["results_note"] = results_note
        if security_plan_id is not UNSET:
            field_dict["security_plan_id"] = security_plan_id
        if started_on is not UNSET:
            field_dict["started_on"] = started_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approach = Approach(d.pop("approach"))

        evidence_summary = d.pop("evidence_summary")

        municipality_code = d.pop("municipality_code")

        target_population = TargetPopulation(d.pop("target_population"))

        target_problems = []
        _target_problems = d.pop("target_problems")
        for target_problems_item_data in _target_problems:
            target_problems_item = ProblemInput(target_problems_item_data)

            target_problems.append(target_problems_item)

        title = d.pop("title")

        evidence_references = cast(list[str], d.pop("evidence_references", UNSET))

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

        def _parse_results_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_note = _parse_results_note(d.pop("results_note", UNSET))

        def _parse_security_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                security_plan_id_type_0 = UUID(data)

                return security_plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        security_plan_id = _parse_security_plan_id(d.pop("security_plan_id", UNSET))

        def _parse_started_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        started_on = _parse_started_on(d.pop("started_on", UNSET))

        strategy_create = cls(
            approach=approach,
            evidence_summary=evidence_summary,
            municipality_code=municipality_code,
            target_population=target_population,
            target_problems=target_problems,
            title=title,
            evidence_references=evidence_references,
            id=id,
            results_note=results_note,
            security_plan_id=security_plan_id,
            started_on=started_on,
        )

        return strategy_create
