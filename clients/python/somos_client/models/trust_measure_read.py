from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrustMeasureRead")


@_attrs_define
class TrustMeasureRead:
    """
    Attributes:
        mean_score (float | None): Null for tokens without attendees:pii when fewer than SOMOS_MIN_CELL_SIZE people
            answered (see `suppressed`)
        respondents (int):
    """

    mean_score: float | None
    respondents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mean_score: float | None
        mean_score = self.mean_score

        respondents = self.respondents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mean_score": mean_score,
                "respondents": respondents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mean_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_score = _parse_mean_score(d.pop("mean_score"))

        respondents = d.pop("respondents")

        trust_measure_read = cls(
            mean_score=mean_score,
            respondents=respondents,
        )

        trust_measure_read.additional_properties = d
        return trust_measure_read

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
