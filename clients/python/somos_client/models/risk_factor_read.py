from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_factor import RiskFactor

T = TypeVar("T", bound="RiskFactorRead")


@_attrs_define
class RiskFactorRead:
    """
    Attributes:
        archived_at (None | str):
        category (RiskFactor): Risk factors for coexistence and security.
        created_at (str):
        description (str):
        event_id (UUID):
        id (UUID):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    category: RiskFactor
    created_at: str
    description: str
    event_id: UUID
    id: UUID
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        category = self.category.value

        created_at = self.created_at

        description = self.description

        event_id = str(self.event_id)

        id = str(self.id)

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "category": category,
                "created_at": created_at,
                "description": description,
                "event_id": event_id,
                "id": id,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        category = RiskFactor(d.pop("category"))

        created_at = d.pop("created_at")

        description = d.pop("description")

        event_id = UUID(d.pop("event_id"))

        id = UUID(d.pop("id"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        risk_factor_read = cls(
            archived_at=archived_at,
            category=category,
            created_at=created_at,
            description=description,
            event_id=event_id,
            id=id,
            updated_at=updated_at,
            version=version,
        )

        risk_factor_read.additional_properties = d
        return risk_factor_read

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
