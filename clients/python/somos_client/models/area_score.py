from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AreaScore")


@_attrs_define
class AreaScore:
    """One sub-area's score (1 = lowest, 4 = highest) and the evidence behind it.

    Attributes:
        score (int):
        evidence (str | Unset):  Default: ''.
    """

    score: int
    evidence: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        evidence = self.evidence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "score": score,
            }
        )
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        score = d.pop("score")

        evidence = d.pop("evidence", UNSET)

        area_score = cls(
            score=score,
            evidence=evidence,
        )

        return area_score
