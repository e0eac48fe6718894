from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.institution import Institution
from ..models.problem_input import ProblemInput
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_create_budget import ActionCreateBudget
    from ..models.indicator import Indicator


T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        indicator (Indicator):
        name (str):
        problems (list[ProblemInput]): Codes from the plan's diagnosis
        responsible_institution (Institution):
        budget (ActionCreateBudget | Unset): Planned pesos by funding source
        id (None | Unset | UUID):
    """

    indicator: Indicator
    name: str
    problems: list[ProblemInput]
    responsible_institution: Institution
    budget: ActionCreateBudget | Unset = UNSET
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        indicator = self.indicator.to_dict()

        name = self.name

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.value
            problems.append(problems_item)

        responsible_institution = self.responsible_institution.value

        budget: dict[str, Any] | Unset = UNSET
        if not isinstance(self.budget, Unset):
            budget = self.budget.to_dict()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator": indicator,
                "name": name,
                "problems": problems,
                "responsible_institution": responsible_institution,
            }
        )
        if budget is not UNSET:
            field_dict["budget"] = budget
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_create_budget import ActionCreateBudget  # noqa: PLC0415
        from ..models.indicator import Indicator  # noqa: PLC0415

        d = dict(src_dict)
        indicator = Indicator.from_dict(d.pop("indicator"))

        name = d.pop("name")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ProblemInput(problems_item_data)

            problems.append(problems_item)

        responsible_institution = Institution(d.pop("responsible_institution"))

        _budget = d.pop("budget", UNSET)
        budget: ActionCreateBudget | Unset
        if isinstance(_budget, Unset):
            budget = UNSET
        else:
            budget = ActionCreateBudget.from_dict(_budget)

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

        action_create = cls(
            indicator=indicator,
            name=name,
            problems=problems,
            responsible_institution=responsible_institution,
            budget=budget,
            id=id,
        )

        return action_create
