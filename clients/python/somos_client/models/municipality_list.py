from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.municipality_read import MunicipalityRead


T = TypeVar("T", bound="MunicipalityList")


@_attrs_define
class MunicipalityList:
    """
    Attributes:
        divipola_loaded (bool): False when SOMOS_DIVIPOLA_FILE is not set (no list)
        items (list[MunicipalityRead]):
    """

    divipola_loaded: bool
    items: list[MunicipalityRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        divipola_loaded = self.divipola_loaded

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "divipola_loaded": divipola_loaded,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.municipality_read import MunicipalityRead  # noqa: PLC0415

        d = dict(src_dict)
        divipola_loaded = d.pop("divipola_loaded")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MunicipalityRead.from_dict(items_item_data)

            items.append(items_item)

        municipality_list = cls(
            divipola_loaded=divipola_loaded,
            items=items,
        )

        municipality_list.additional_properties = d
        return municipality_list

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
