from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.approving_body import ApprovingBody
from ..models.security_plan_status import SecurityPlanStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SecurityPlanTransition")


@_attrs_define
class SecurityPlanTransition:
    """Move a plan along its lifecycle; approval data is required when `to` is `approved`.

    Attributes:
        to (SecurityPlanStatus):
        act_reference (None | str | Unset): Act or decree number; required on approval
        approved_on (datetime.date | None | Unset): Required on approval
        approving_body (ApprovingBody | Unset):
        reason (None | str | Unset): Required when sending a plan back to formulation
    """

    to: SecurityPlanStatus
    act_reference: None | str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    approving_body: ApprovingBody | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        act_reference: None | str | Unset
        if isinstance(self.act_reference, Unset):
            act_reference = UNSET
        else:
            act_reference = self.act_reference

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approving_body: str | Unset = UNSET
        if not isinstance(self.approving_body, Unset):
            approving_body = self.approving_body.value

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
        if act_reference is not UNSET:
            field_dict["act_reference"] = act_reference
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if approving_body is not UNSET:
            field_dict["approving_body"] = approving_body
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = SecurityPlanStatus(d.pop("to"))

        def _parse_act_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        act_reference = _parse_act_reference(d.pop("act_reference", UNSET))

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        _approving_body = d.pop("approving_body", UNSET)
        approving_body: ApprovingBody | Unset
        if isinstance(_approving_body, Unset):
            approving_body = UNSET
        else:
            approving_body = ApprovingBody(_approving_body)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        security_plan_transition = cls(
            to=to,
            act_reference=act_reference,
            approved_on=approved_on,
            approving_body=approving_body,
            reason=reason,
        )

        return security_plan_transition
