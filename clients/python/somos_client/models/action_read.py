from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.institution import Institution
from ..models.services_security_plans_vocabularies_problem import ServicesSecurityPlansVocabulariesProblem

if TYPE_CHECKING:
    from ..models.action_read_budget import ActionReadBudget
    from ..models.indicator_read import IndicatorRead


T = TypeVar("T", bound="ActionRead")


@_attrs_define
class ActionRead:
    """
    Attributes:
        archived_at (None | str):
        budget (ActionReadBudget):
        budget_total_cop (int):
        created_at (str):
        id (UUID):
        indicator (IndicatorRead):
        line_id (UUID):
        name (str):
        plan_id (UUID):
        problems (list[ServicesSecurityPlansVocabulariesProblem]):
        responsible_institution (Institution):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    budget: ActionReadBudget
    budget_total_cop: int
    created_at: str
    id: UUID
    indicator: IndicatorRead
    line_id: UUID
    name: str
    plan_id: UUID
    problems: list[ServicesSecurityPlansVocabulariesProblem]
    responsible_institution: Institution
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        budget = self.budget.to_dict()

        budget_total_cop = self.budget_total_cop

        created_at = self.created_at

        id = str(self.id)

        indicator = self.indicator.to_dict()

        line_id = str(self.line_id)

        name = self.name

        plan_id = str(self.plan_id)

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.value
            problems.append(problems_item)

        responsible_institution = self.responsible_institution.value

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "budget": budget,
                "budget_total_cop": budget_total_cop,
                "created_at": created_at,
                "id": id,
                "indicator": indicator,
                "line_id": line_id,
                "name": name,
                "plan_id": plan_id,
                "problems": problems,
                "responsible_institution": responsible_institution,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read_budget import ActionReadBudget  # noqa: PLC0415
        from ..models.indicator_read import IndicatorRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        budget = ActionReadBudget.from_dict(d.pop("budget"))

        budget_total_cop = d.pop("budget_total_cop")

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        indicator = IndicatorRead.from_dict(d.pop("indicator"))

        line_id = UUID(d.pop("line_id"))

        name = d.pop("name")

        plan_id = UUID(d.pop("plan_id"))

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ServicesSecurityPlansVocabulariesProblem(problems_item_data)

            problems.append(problems_item)

        responsible_institution = Institution(d.pop("responsible_institution"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        action_read = cls(
            archived_at=archived_at,
            budget=budget,
            budget_total_cop=budget_total_cop,
            created_at=created_at,
            id=id,
            indicator=indicator,
            line_id=line_id,
            name=name,
            plan_id=plan_id,
            problems=problems,
            responsible_institution=responsible_institution,
            updated_at=updated_at,
            version=version,
        )

        action_read.additional_properties = d
        return action_read

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
