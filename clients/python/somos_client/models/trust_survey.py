from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trust_measure import TrustMeasure


T = TypeVar("T", bound="TrustSurvey")


@_attrs_define
class TrustSurvey:
    """Trust in police before and after a *Hablemos de Policía* session.

    Attributes:
        after (None | TrustMeasure | Unset):
        before (None | TrustMeasure | Unset):
    """

    after: None | TrustMeasure | Unset = UNSET
    before: None | TrustMeasure | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.trust_measure import TrustMeasure  # noqa: PLC0415

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, TrustMeasure):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, TrustMeasure):
            before = self.before.to_dict()
        else:
            before = self.before

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_measure import TrustMeasure  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_after(data: object) -> None | TrustMeasure | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = TrustMeasure.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustMeasure | Unset, data)

        after = _parse_after(d.pop("after", UNSET))

        def _parse_before(data: object) -> None | TrustMeasure | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = TrustMeasure.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustMeasure | Unset, data)

        before = _parse_before(d.pop("before", UNSET))

        trust_survey = cls(
            after=after,
            before=before,
        )

        return trust_survey
