from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.initiative_status import InitiativeStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.beneficiaries import Beneficiaries


T = TypeVar("T", bound="InitiativeTransition")


@_attrs_define
class InitiativeTransition:
    """`{"to": "<status>"}`; `reason` to cancel; completing may carry the final figures.

    Attributes:
        to (InitiativeStatus):
        beneficiaries (Beneficiaries | None | Unset): To complete: the final beneficiary figures
        end_date (datetime.date | None | Unset): To complete: the end date, if not set yet
        reason (None | str | Unset):
    """

    to: InitiativeStatus
    beneficiaries: Beneficiaries | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiaries import Beneficiaries  # noqa: PLC0415

        to = self.to.value

        beneficiaries: dict[str, Any] | None | Unset
        if isinstance(self.beneficiaries, Unset):
            beneficiaries = UNSET
        elif isinstance(self.beneficiaries, Beneficiaries):
            beneficiaries = self.beneficiaries.to_dict()
        else:
            beneficiaries = self.beneficiaries

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

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
        if beneficiaries is not UNSET:
            field_dict["beneficiaries"] = beneficiaries
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries import Beneficiaries  # noqa: PLC0415

        d = dict(src_dict)
        to = InitiativeStatus(d.pop("to"))

        def _parse_beneficiaries(data: object) -> Beneficiaries | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beneficiaries_type_0 = Beneficiaries.from_dict(data)

                return beneficiaries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Beneficiaries | None | Unset, data)

        beneficiaries = _parse_beneficiaries(d.pop("beneficiaries", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        initiative_transition = cls(
            to=to,
            beneficiaries=beneficiaries,
            end_date=end_date,
            reason=reason,
        )

        return initiative_transition
