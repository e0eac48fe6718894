from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merged_change import MergedChange
    from ..models.merged_change_page_problems import MergedChangePageProblems


T = TypeVar("T", bound="MergedChangePage")


@_attrs_define
class MergedChangePage:
    """
    Attributes:
        items (list[MergedChange]):
        next_cursor (str): Pass it as `after` next time (never null)
        partial (bool): True when a service failed or was too slow
        unavailable (list[str]): Services not read this time (their changes come on a later call)
        problems (MergedChangePageProblems | Unset): Why, per service
    """

    items: list[MergedChange]
    next_cursor: str
    partial: bool
    unavailable: list[str]
    problems: MergedChangePageProblems | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        partial = self.partial

        unavailable = self.unavailable

        problems: dict[str, Any] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
                "partial": partial,
                "unavailable": unavailable,
            }
        )
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merged_change import MergedChange  # noqa: PLC0415
        from ..models.merged_change_page_problems import MergedChangePageProblems  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MergedChange.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("next_cursor")

        partial = d.pop("partial")

        unavailable = cast(list[str], d.pop("unavailable"))

        _problems = d.pop("problems", UNSET)
        problems: MergedChangePageProblems | Unset
        if isinstance(_problems, Unset):
            problems = UNSET
        else:
            problems = MergedChangePageProblems.from_dict(_problems)

        merged_change_page = cls(
            items=items,
            next_cursor=next_cursor,
            partial=partial,
            unavailable=unavailable,
            problems=problems,
        )

        merged_change_page.additional_properties = d
        return merged_change_page

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
