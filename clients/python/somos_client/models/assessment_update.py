from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_update_scores import AssessmentUpdateScores


T = TypeVar("T", bound="AssessmentUpdate")


@_attrs_define
class AssessmentUpdate:
    """Changes to a draft assessment; `scores` entries replace the sub-areas they name.

    Attributes:
        assessed_on (datetime.date | Unset):
        facilitator (str | Unset):
        scores (AssessmentUpdateScores | Unset):
    """

    assessed_on: datetime.date | Unset = UNSET
    facilitator: str | Unset = UNSET
    scores: AssessmentUpdateScores | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessed_on: str | Unset = UNSET
        if not isinstance(self.assessed_on, Unset):
            assessed_on = self.assessed_on.isoformat()

        facilitator = self.facilitator

        scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            scores = self.scores.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assessed_on is not UNSET:
            field_dict["assessed_on"] = assessed_on
        if facilitator is not UNSET:
            field_dict["facilitator"] = facilitator
        if scores is not UNSET:
            field_dict["scores"] = scores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_update_scores import AssessmentUpdateScores  # noqa: PLC0415

        d = dict(src_dict)
        _assessed_on = d.pop("assessed_on", UNSET)
        assessed_on: datetime.date | Unset
        if isinstance(_assessed_on, Unset):
            assessed_on = UNSET
        else:
            assessed_on = datetime.date.fromisoformat(_assessed_on)

        facilitator = d.pop("facilitator", UNSET)

        _scores = d.pop("scores", UNSET)
        scores: AssessmentUpdateScores | Unset
        if isinstance(_scores, Unset):
            scores = UNSET
        else:
            scores = AssessmentUpdateScores.from_dict(_scores)

        assessment_update = cls(
            assessed_on=assessed_on,
            facilitator=facilitator,
            scores=scores,
        )

        return assessment_update
