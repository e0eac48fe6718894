from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assessment_status import AssessmentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentTransition")


@_attrs_define
class AssessmentTransition:
    """
    Attributes:
        to (AssessmentStatus):
        reason (None | str | Unset):
    """

    to: AssessmentStatus
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = AssessmentStatus(d.pop("to"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        assessment_transition = cls(
            to=to,
            reason=reason,
        )

        return assessment_transition
