from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_plan_status import SecurityPlanStatus

T = TypeVar("T", bound="CurrentPlan")


@_attrs_define
class CurrentPlan:
    """The plan a municipality is working with: the running term's, else its latest.

    Attributes:
        approved_on (datetime.date | None):
        approved_on_time (bool | None): Approved on or before 30 June of the term's first year
        budget_executed_cop (int): Reported pesos of active actions
        budget_planned_cop (int): As in the plan's execution: active actions
        current_term (bool): The plan is for the term running on `as_of`
        execution_pct (float | None): executed / planned x 100; null if 0 planned
        id (UUID):
        latest_review_on (datetime.date | None):
        latest_review_score (float | None):
        status (SecurityPlanStatus):
        term_end_year (int):
        term_start_year (int):
        title (str):
    """

    approved_on: datetime.date | None
    approved_on_time: bool | None
    budget_executed_cop: int
    budget_planned_cop: int
    current_term: bool
    execution_pct: float | None
    id: UUID
    latest_review_on: datetime.date | None
    latest_review_score: float | None
    status: SecurityPlanStatus
    term_end_year: int
    term_start_year: int
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approved_on_time: bool | None
        approved_on_time = self.approved_on_time

        budget_executed_cop = self.budget_executed_cop

        budget_planned_cop = self.budget_planned_cop

        current_term = self.current_term

        execution_pct: float | None
        execution_pct = self.execution_pct

        id = str(self.id)

        latest_review_on: None | str
        if isinstance(self.latest_review_on, datetime.date):
            latest_review_on = self.latest_review_on.isoformat()
        else:
            latest_review_on = self.latest_review_on

        latest_review_score: float | None
        latest_review_score = self.latest_review_score

        status = self.status.value

        term_end_year = self.term_end_year

        term_start_year = self.term_start_year

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_on": approved_on,
                "approved_on_time": approved_on_time,
                "budget_executed_cop": budget_executed_cop,
                "budget_planned_cop": budget_planned_cop,
                "current_term": current_term,
                "execution_pct": execution_pct,
                "id": id,
                "latest_review_on": latest_review_on,
                "latest_review_score": latest_review_score,
                "status": status,
                "term_end_year": term_end_year,
                "term_start_year": term_start_year,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))

        def _parse_approved_on_time(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        approved_on_time = _parse_approved_on_time(d.pop("approved_on_time"))

        budget_executed_cop = d.pop("budget_executed_cop")

        budget_planned_cop = d.pop("budget_planned_cop")

        current_term = d.pop("current_term")

        def _parse_execution_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        execution_pct = _parse_execution_pct(d.pop("execution_pct"))

        id = UUID(d.pop("id"))

        def _parse_latest_review_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_review_on_type_0 = datetime.date.fromisoformat(data)

                return latest_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        latest_review_on = _parse_latest_review_on(d.pop("latest_review_on"))

        def _parse_latest_review_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latest_review_score = _parse_latest_review_score(d.pop("latest_review_score"))

        status = SecurityPlanStatus(d.pop("status"))

        term_end_year = d.pop("term_end_year")

        term_start_year = d.pop("term_start_year")

        title = d.pop("title")

        current_plan = cls(
            approved_on=approved_on,
            approved_on_time=approved_on_time,
            budget_executed_cop=budget_executed_cop,
            budget_planned_cop=budget_planned_cop,
            current_term=current_term,
            execution_pct=execution_pct,
            id=id,
            latest_review_on=latest_review_on,
            latest_review_score=latest_review_score,
            status=status,
            term_end_year=term_end_year,
            term_start_year=term_start_year,
            title=title,
        )

        current_plan.additional_properties = d
        return current_plan

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
