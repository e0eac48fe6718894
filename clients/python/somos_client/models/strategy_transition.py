from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.strategy_status import StrategyStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyTransition")


@_attrs_define
class StrategyTransition:
    """`implementing` needs `started_on` (here or already set); `evaluated` needs
    `results_note`; `discontinued` needs a `reason`.

        Attributes:
            to (StrategyStatus):
            reason (None | str | Unset):
            results_note (None | str | Unset):
            started_on (datetime.date | None | Unset):
    """

    to: StrategyStatus
    reason: None | str | Unset = UNSET
    results_note: None | str | Unset = UNSET
    started_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        results_note: None | str | Unset
        if isinstance(self.results_note, Unset):
            results_note = UNSET
        else:
            results_note = self.results_note

        started_on: None | str | Unset
        if isinstance(self.started_on, Unset):
            started_on = UNSET
        elif isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if results_note is not UNSET:
            field_dict["results_note"] = results_note
        if started_on is not UNSET:
            field_dict["started_on"] = started_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = StrategyStatus(d.pop("to"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_results_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_note = _parse_results_note(d.pop("results_note", UNSET))

        def _parse_started_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        started_on = _parse_started_on(d.pop("started_on", UNSET))

        strategy_transition = cls(
            to=to,
            reason=reason,
            results_note=results_note,
            started_on=started_on,
        )

        return strategy_transition
