from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.strengthening_plan_status import StrengtheningPlanStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrengtheningPlanTransition")


@_attrs_define
class StrengtheningPlanTransition:
    """`{"to": "<status>"}`; `reason` is required to cancel.

    Attributes:
        to (StrengtheningPlanStatus):
        reason (None | str | Unset):
    """

    to: StrengtheningPlanStatus
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
        to = StrengtheningPlanStatus(d.pop("to"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        strengthening_plan_transition = cls(
            to=to,
            reason=reason,
        )

        return strengthening_plan_transition
