from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_read import ActionRead


T = TypeVar("T", bound="LineWithActions")


@_attrs_define
class LineWithActions:
    """
    Attributes:
        actions (list[ActionRead]):
        archived_at (None | str):
        created_at (str):
        id (UUID):
        name (str):
        objective (str):
        plan_id (UUID):
        updated_at (str):
        version (int):
    """

    actions: list[ActionRead]
    archived_at: None | str
    created_at: str
    id: UUID
    name: str
    objective: str
    plan_id: UUID
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        id = str(self.id)

        name = self.name

        objective = self.objective

        plan_id = str(self.plan_id)

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "archived_at": archived_at,
                "created_at": created_at,
                "id": id,
                "name": name,
                "objective": objective,
                "plan_id": plan_id,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead  # noqa: PLC0415

        d = dict(src_dict)
        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        objective = d.pop("objective")

        plan_id = UUID(d.pop("plan_id"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        line_with_actions = cls(
            actions=actions,
            archived_at=archived_at,
            created_at=created_at,
            id=id,
            name=name,
            objective=objective,
            plan_id=plan_id,
            updated_at=updated_at,
            version=version,
        )

        line_with_actions.additional_properties = d
        return line_with_actions

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
