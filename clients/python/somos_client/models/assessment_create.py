from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assessment_kind import AssessmentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_create_scores import AssessmentCreateScores


T = TypeVar("T", bound="AssessmentCreate")


@_attrs_define
class AssessmentCreate:
    """
    Attributes:
        assessed_on (datetime.date):
        facilitator (str):
        kind (AssessmentKind):
        id (None | Unset | UUID):
        scores (AssessmentCreateScores | Unset): Score and evidence per OPI sub-area; all eight are needed to verify.
    """

    assessed_on: datetime.date
    facilitator: str
    kind: AssessmentKind
    id: None | Unset | UUID = UNSET
    scores: AssessmentCreateScores | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessed_on = self.assessed_on.isoformat()

        facilitator = self.facilitator

        kind = self.kind.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            scores = self.scores.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assessed_on": assessed_on,
                "facilitator": facilitator,
                "kind": kind,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if scores is not UNSET:
            field_dict["scores"] = scores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_create_scores import AssessmentCreateScores  # noqa: PLC0415

        d = dict(src_dict)
        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        facilitator = d.pop("facilitator")

        kind = AssessmentKind(d.pop("kind"))

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

        _scores = d.pop("scores", UNSET)
        scores: AssessmentCreateScores | Unset
        if isinstance(_scores, Unset):
            scores = UNSET
        else:
            scores = AssessmentCreateScores.from_dict(_scores)

        assessment_create = cls(
            assessed_on=assessed_on,
            facilitator=facilitator,
            kind=kind,
            id=id,
            scores=scores,
        )

        return assessment_create
