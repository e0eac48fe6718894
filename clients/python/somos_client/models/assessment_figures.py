from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssessmentFigures")


@_attrs_define
class AssessmentFigures:
    """
    Attributes:
        verified (int): Verified assessments assessed within from/to
        verified_baseline (int):
        verified_follow_up (int):
    """

    verified: int
    verified_baseline: int
    verified_follow_up: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verified = self.verified

        verified_baseline = self.verified_baseline

        verified_follow_up = self.verified_follow_up

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "verified": verified,
                "verified_baseline": verified_baseline,
                "verified_follow_up": verified_follow_up,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verified = d.pop("verified")

        verified_baseline = d.pop("verified_baseline")

        verified_follow_up = d.pop("verified_follow_up")

        assessment_figures = cls(
            verified=verified,
            verified_baseline=verified_baseline,
            verified_follow_up=verified_follow_up,
        )

        assessment_figures.additional_properties = d
        return assessment_figures

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
