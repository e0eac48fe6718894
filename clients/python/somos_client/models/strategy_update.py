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

T = TypeVar("T", bound="StrategyUpdate")


@_attrs_define
class StrategyUpdate:
    """
    Attributes:
        approach (Approach | Unset):
        evidence_references (list[str] | Unset):
        evidence_summary (str | Unset):
        results_note (None | str | Unset):
        security_plan_id (None | Unset | UUID):
        started_on (datetime.date | None | Unset):
        target_population (TargetPopulation | Unset):
        target_problems (list[ProblemInput] | Unset):
        title (str | Unset):
    """

    approach: Approach | Unset = UNSET
    evidence_references: list[str] | Unset = UNSET
    evidence_summary: str | Unset = UNSET
    results_note: None | str | Unset = UNSET
    security_plan_id: None | Unset | UUID = UNSET
    started_on: datetime.date | None | Unset = UNSET
    target_population: TargetPopulation | Unset = UNSET
    target_problems: list[ProblemInput] | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        approach: str | Unset = UNSET
        if not isinstance(self.approach, Unset):
            approach = self.approach.value

        evidence_references: list[str] | Unset = UNSET
        if not isinstance(self.evidence_references, Unset):
            evidence_references = self.evidence_references

        evidence_summary = self.evidence_summary

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

        target_population: str | Unset = UNSET
        if not isinstance(self.target_population, Unset):
            target_population = self.target_population.value

        target_problems: list[str] | Unset = UNSET
        if not isinstance(self.target_problems, Unset):
            target_problems = []
            for target_problems_item_data in self.target_problems:
                target_problems_item = target_problems_item_data.value
                target_problems.append(target_problems_item)

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if approach is not UNSET:
            field_dict["approach"] = approach
        if evidence_references is not UNSET:
            field_dict["evidence_references"] = evidence_references
        if evidence_summary is not UNSET:
            field_dict["evidence_summary"] = evidence_summary
        if results_note is not UNSET:
            field_dict["results_note"] = results_note
        if security_plan_id is not UNSET:
            field_dict["security_plan_id"] = security_plan_id
        if started_on is not UNSET:
            field_dict["started_on"] = started_on
        if target_population is not UNSET:
            field_dict["target_population"] = target_population
        if target_problems is not UNSET:
            field_dict["target_problems"] = target_problems
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _approach = d.pop("approach", UNSET)
        approach: Approach | Unset
        if isinstance(_approach, Unset):
            approach = UNSET
        else:
            approach = Approach(_approach)

        evidence_references = cast(list[str], d.pop("evidence_references", UNSET))

        evidence_summary = d.pop("evidence_summary", UNSET)

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

        _target_population = d.pop("target_population", UNSET)
        target_population: TargetPopulation | Unset
        if isinstance(_target_population, Unset):
            target_population = UNSET
        else:
            target_population = TargetPopulation(_target_population)

        _target_problems = d.pop("target_problems", UNSET)
        target_problems: list[ProblemInput] | Unset = UNSET
        if _target_problems is not UNSET:
            target_problems = []
            for target_problems_item_data in _target_problems:
                target_problems_item = ProblemInput(target_problems_item_data)

                target_problems.append(target_problems_item)

        title = d.pop("title", UNSET)

        strategy_update = cls(
            approach=approach,
            evidence_references=evidence_references,
            evidence_summary=evidence_summary,
            results_note=results_note,
            security_plan_id=security_plan_id,
            started_on=started_on,
            target_population=target_population,
            target_problems=target_problems,
            title=title,
        )

        return strategy_update
