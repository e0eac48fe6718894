from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrustStats")


@_attrs_define
class TrustStats:
    """
    Attributes:
        mean_change (float | None):
        sessions_with_change (int):
    """

    mean_change: float | None
    sessions_with_change: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mean_change: float | None
        mean_change = self.mean_change

        sessions_with_change = self.sessions_with_change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mean_change": mean_change,
                "sessions_with_change": sessions_with_change,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mean_change(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_change = _parse_mean_change(d.pop("mean_change"))

        sessions_with_change = d.pop("sessions_with_change")

        trust_stats = cls(
            mean_change=mean_change,
            sessions_with_change=sessions_with_change,
        )

        trust_stats.additional_properties = d
        return trust_stats

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
