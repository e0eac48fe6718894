from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """A new plan, in formulation. `id` may be sent by offline clients.

    Attributes:
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        term_start_year (int): First year of the mayoral term: 2016, 2020, 2024, 2028…
        title (str):
        id (None | Unset | UUID):
    """

    municipality_code: str
    term_start_year: int
    title: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        municipality_code = self.municipality_code

        term_start_year = self.term_start_year

        title = self.title

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
                "municipality_code": municipality_code,
                "term_start_year": term_start_year,
                "title": title,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        municipality_code = d.pop("municipality_code")

        term_start_year = d.pop("term_start_year")

        title = d.pop("title")

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

        plan_create = cls(
            municipality_code=municipality_code,
            term_start_year=term_start_year,
            title=title,
            id=id,
        )

        return plan_create
