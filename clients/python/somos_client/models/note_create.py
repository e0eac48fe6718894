from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NoteCreate")


@_attrs_define
class NoteCreate:
    """
    Attributes:
        note (str):
        noted_on (datetime.date | None | Unset): Default: today (Colombia)
    """

    note: str
    noted_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        noted_on: None | str | Unset
        if isinstance(self.noted_on, Unset):
            noted_on = UNSET
        elif isinstance(self.noted_on, datetime.date):
            noted_on = self.noted_on.isoformat()
        else:
            noted_on = self.noted_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if noted_on is not UNSET:
            field_dict["noted_on"] = noted_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        def _parse_noted_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                noted_on_type_0 = datetime.date.fromisoformat(data)

                return noted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        noted_on = _parse_noted_on(d.pop("noted_on", UNSET))

        note_create = cls(
            note=note,
            noted_on=noted_on,
        )

        return note_create
