from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.institution import Institution
from ..models.problem_input import ProblemInput
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_update_budget import ActionUpdateBudget
    from ..models.indicator import Indicator


T = TypeVar("T", bound="ActionUpdate")


@_attrs_define
class ActionUpdate:
    """Changes to an action; `line_id` moves it to another line of the same plan.

    Attributes:
        budget (ActionUpdateBudget | Unset): Replaces the whole budget
        indicator (Indicator | Unset):
        line_id (UUID | Unset):
        name (str | Unset):
        problems (list[ProblemInput] | Unset):
        responsible_institution (Institution | Unset):
    """

    budget: ActionUpdateBudget | Unset = UNSET
    indicator: Indicator | Unset = UNSET
    line_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    problems: list[ProblemInput] | Unset = UNSET
    responsible_institution: Institution | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        budget: dict[str, Any] | Unset = UNSET
        if not isinstance(self.budget, Unset):
            budget = self.budget.to_dict()

        indicator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.indicator, Unset):
            indicator = self.indicator.to_dict()

        line_id: str | Unset = UNSET
        if not isinstance(self.line_id, Unset):
            line_id = str(self.line_id)

        name = self.name

        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = []
            for problems_item_data in self.problems:
                problems_item = problems_item_data.value
                problems.append(problems_item)

        responsible_institution: str | Unset = UNSET
        if not isinstance(self.responsible_institution, Unset):
            responsible_institution = self.responsible_institution.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if budget is not UNSET:
            field_dict["budget"] = budget
        if indicator is not UNSET:
            field_dict["indicator"] = indicator
        if line_id is not UNSET:
            field_dict["line_id"] = line_id
        if name is not UNSET:
            field_dict["name"] = name
        if problems is not UNSET:
            field_dict["problems"] = problems
        if responsible_institution is not UNSET:
            field_dict["responsible_institution"] = responsible_institution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_update_budget import ActionUpdateBudget  # noqa: PLC0415
        from ..models.indicator import Indicator  # noqa: PLC0415

        d = dict(src_dict)
        _budget = d.pop("budget", UNSET)
        budget: ActionUpdateBudget | Unset
        if isinstance(_budget, Unset):
            budget = UNSET
        else:
            budget = ActionUpdateBudget.from_dict(_budget)

        _indicator = d.pop("indicator", UNSET)
        indicator: Indicator | Unset
        if isinstance(_indicator, Unset):
            indicator = UNSET
        else:
            indicator = Indicator.from_dict(_indicator)

        _line_id = d.pop("line_id", UNSET)
        line_id: UUID | Unset
        if isinstance(_line_id, Unset):
            line_id = UNSET
        else:
            line_id = UUID(_line_id)

        name = d.pop("name", UNSET)

        _problems = d.pop("problems", UNSET)
        problems: list[ProblemInput] | Unset = UNSET
        if _problems is not UNSET:
            problems = []
            for problems_item_data in _problems:
                problems_item = ProblemInput(problems_item_data)

                problems.append(problems_item)

        _responsible_institution = d.pop("responsible_institution", UNSET)
        responsible_institution: Institution | Unset
        if isinstance(_responsible_institution, Unset):
            responsible_institution = UNSET
        else:
            responsible_institution = Institution(_responsible_institution)

        action_update = cls(
            budget=budget,
            indicator=indicator,
            line_id=line_id,
            name=name,
            problems=problems,
            responsible_institution=responsible_institution,
        )

        return action_update
