from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_execution import ActionExecution


T = TypeVar("T", bound="LineExecution")


@_attrs_define
class LineExecution:
    """
    Attributes:
        actions (list[ActionExecution]):
        executed_cop (int):
        execution_pct (float | None): executed / planned x 100, two decimals; null when nothing is planned
        line_id (UUID):
        name (str):
        planned_cop (int):
    """

    actions: list[ActionExecution]
    executed_cop: int
    execution_pct: float | None
    line_id: UUID
    name: str
    planned_cop: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        executed_cop = self.executed_cop

        execution_pct: float | None
        execution_pct = self.execution_pct

        line_id = str(self.line_id)

        name = self.name

        planned_cop = self.planned_cop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "executed_cop": executed_cop,
                "execution_pct": execution_pct,
                "line_id": line_id,
                "name": name,
                "planned_cop": planned_cop,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_execution import ActionExecution  # noqa: PLC0415

        d = dict(src_dict)
        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionExecution.from_dict(actions_item_data)

            actions.append(actions_item)

        executed_cop = d.pop("executed_cop")

        def _parse_execution_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        execution_pct = _parse_execution_pct(d.pop("execution_pct"))

        line_id = UUID(d.pop("line_id"))

        name = d.pop("name")

        planned_cop = d.pop("planned_cop")

        line_execution = cls(
            actions=actions,
            executed_cop=executed_cop,
            execution_pct=execution_pct,
            line_id=line_id,
            name=name,
            planned_cop=planned_cop,
        )

        line_execution.additional_properties = d
        return line_execution

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
