from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrustMeasure")


@_attrs_define
class TrustMeasure:
    """
    Attributes:
        mean_score (float): Mean trust score on a 1-5 scale
        respondents (int):
    """

    mean_score: float
    respondents: int

    def to_dict(self) -> dict[str, Any]:
        mean_score = self.mean_score

        respondents = self.respondents

        field_dict: dict[str, Any] = {}

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
        mean_score = d.pop("mean_score")

        respondents = d.pop("respondents")

        trust_measure = cls(
            mean_score=mean_score,
            respondents=respondents,
        )

        return trust_measure
