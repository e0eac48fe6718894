from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_factor import RiskFactor
from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskFactorCreate")


@_attrs_define
class RiskFactorCreate:
    """
    Attributes:
        category (RiskFactor): Risk factors for coexistence and security.
        description (str):
        id (None | Unset | UUID):
    """

    category: RiskFactor
    description: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        description = self.description

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
                "category": category,
                "description": description,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = RiskFactor(d.pop("category"))

        description = d.pop("description")

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

        risk_factor_create = cls(
            category=category,
            description=description,
            id=id,
        )

        return risk_factor_create
