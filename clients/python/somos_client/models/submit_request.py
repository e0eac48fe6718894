from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submit_request_narratives import SubmitRequestNarratives


T = TypeVar("T", bound="SubmitRequest")


@_attrs_define
class SubmitRequest:
    """
    Attributes:
        narratives (SubmitRequestNarratives | Unset): Why each deviating indicator is off its target, by indicator code
            (required for every indicator more than 10 % off its pro-rated target)
    """

    narratives: SubmitRequestNarratives | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        narratives: dict[str, Any] | Unset = UNSET
        if not isinstance(self.narratives, Unset):
            narratives = self.narratives.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if narratives is not UNSET:
            field_dict["narratives"] = narratives

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_request_narratives import SubmitRequestNarratives  # noqa: PLC0415

        d = dict(src_dict)
        _narratives = d.pop("narratives", UNSET)
        narratives: SubmitRequestNarratives | Unset
        if isinstance(_narratives, Unset):
            narratives = UNSET
        else:
            narratives = SubmitRequestNarratives.from_dict(_narratives)

        submit_request = cls(
            narratives=narratives,
        )

        return submit_request
