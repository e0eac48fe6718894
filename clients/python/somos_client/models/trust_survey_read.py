from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trust_measure_read import TrustMeasureRead


T = TypeVar("T", bound="TrustSurveyRead")


@_attrs_define
class TrustSurveyRead:
    """
    Attributes:
        after (None | TrustMeasureRead):
        before (None | TrustMeasureRead):
        change (float | None): after.mean_score - before.mean_score (null until both are recorded)
    """

    after: None | TrustMeasureRead
    before: None | TrustMeasureRead
    change: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trust_measure_read import TrustMeasureRead  # noqa: PLC0415

        after: dict[str, Any] | None
        if isinstance(self.after, TrustMeasureRead):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None
        if isinstance(self.before, TrustMeasureRead):
            before = self.before.to_dict()
        else:
            before = self.before

        change: float | None
        change = self.change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "change": change,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_measure_read import TrustMeasureRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_after(data: object) -> None | TrustMeasureRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = TrustMeasureRead.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustMeasureRead, data)

        after = _parse_after(d.pop("after"))

        def _parse_before(data: object) -> None | TrustMeasureRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = TrustMeasureRead.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustMeasureRead, data)

        before = _parse_before(d.pop("before"))

        def _parse_change(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change = _parse_change(d.pop("change"))

        trust_survey_read = cls(
            after=after,
            before=before,
            change=change,
        )

        trust_survey_read.additional_properties = d
        return trust_survey_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
