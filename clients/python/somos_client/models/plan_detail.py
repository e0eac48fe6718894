from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approving_body import ApprovingBody
from ..models.security_plan_status import SecurityPlanStatus

if TYPE_CHECKING:
    from ..models.line_with_actions import LineWithActions
    from ..models.problem_read import ProblemRead


T = TypeVar("T", bound="PlanDetail")


@_attrs_define
class PlanDetail:
    """A plan with its diagnosis and its lines and actions (archived ones left out).

    Attributes:
        act_reference (None | str):
        approval_deadline (datetime.date): 30 June of the term's first year
        approved_on (datetime.date | None):
        approved_on_time (bool | None): approved_on ≤ approval_deadline; null until approved
        approving_body (ApprovingBody | None):
        archived_at (None | str):
        created_at (str):
        department_code (str):
        id (UUID):
        lines (list[LineWithActions]):
        municipality_code (str):
        problems (list[ProblemRead]):
        status (SecurityPlanStatus):
        status_changed_at (None | str):
        status_reason (None | str):
        term_end_year (int): term_start_year + 3
        term_start_year (int):
        title (str):
        updated_at (str):
        version (int):
    """

    act_reference: None | str
    approval_deadline: datetime.date
    approved_on: datetime.date | None
    approved_on_time: bool | None
    approving_body: ApprovingBody | None
    archived_at: None | str
    created_at: str
    department_code: str
    id: UUID
    lines: list[LineWithActions]
    municipality_code: str
    problems: list[ProblemRead]
    status: SecurityPlanStatus
    status_changed_at: None | str
    status_reason: None | str
    term_end_year: int
    term_start_year: int
    title: str
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        act_reference: None | str
        act_reference = self.act_reference

        approval_deadline = self.approval_deadline.isoformat()

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approved_on_time: bool | None
        approved_on_time = self.approved_on_time

        approving_body: None | str
        if isinstance(self.approving_body, ApprovingBody):
            approving_body = self.approving_body.value
        else:
            approving_body = self.approving_body

        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        department_code = self.department_code

        id = str(self.id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        municipality_code = self.municipality_code

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        status = self.status.value

        status_changed_at: None | str
        status_changed_at = self.status_changed_at

        status_reason: None | str
        status_reason = self.status_reason

        term_end_year = self.term_end_year

        term_start_year = self.term_start_year

        title = self.title

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "act_reference": act_reference,
                "approval_deadline": approval_deadline,
                "approved_on": approved_on,
                "approved_on_time": approved_on_time,
                "approving_body": approving_body,
                "archived_at": archived_at,
                "created_at": created_at,
                "department_code": department_code,
                "id": id,
                "lines": lines,
                "municipality_code": municipality_code,
                "problems": problems,
                "status": status,
                "status_changed_at": status_changed_at,
                "status_reason": status_reason,
                "term_end_year": term_end_year,
                "term_start_year": term_start_year,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_with_actions import LineWithActions  # noqa: PLC0415
        from ..models.problem_read import ProblemRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_act_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        act_reference = _parse_act_reference(d.pop("act_reference"))

        approval_deadline = datetime.date.fromisoformat(d.pop("approval_deadline"))

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

        def _parse_approving_body(data: object) -> ApprovingBody | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approving_body_type_0 = ApprovingBody(data)

                return approving_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovingBody | None, data)

        approving_body = _parse_approving_body(d.pop("approving_body"))

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        id = UUID(d.pop("id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineWithActions.from_dict(lines_item_data)

            lines.append(lines_item)

        municipality_code = d.pop("municipality_code")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ProblemRead.from_dict(problems_item_data)

            problems.append(problems_item)

        status = SecurityPlanStatus(d.pop("status"))

        def _parse_status_changed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        term_end_year = d.pop("term_end_year")

        term_start_year = d.pop("term_start_year")

        title = d.pop("title")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        plan_detail = cls(
            act_reference=act_reference,
            approval_deadline=approval_deadline,
            approved_on=approved_on,
            approved_on_time=approved_on_time,
            approving_body=approving_body,
            archived_at=archived_at,
            created_at=created_at,
            department_code=department_code,
            id=id,
            lines=lines,
            municipality_code=municipality_code,
            problems=problems,
            status=status,
            status_changed_at=status_changed_at,
            status_reason=status_reason,
            term_end_year=term_end_year,
            term_start_year=term_start_year,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        plan_detail.additional_properties = d
        return plan_detail

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
