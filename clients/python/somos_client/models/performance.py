from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_change_type_0 import PerformanceChangeType0
    from ..models.performance_snapshot import PerformanceSnapshot


T = TypeVar("T", bound="Performance")


@_attrs_define
class Performance:
    """Baseline vs latest verified follow-up: the basis of 'organizations with improved OPI'.

    Attributes:
        baseline (None | PerformanceSnapshot):
        change (None | PerformanceChangeType0): Latest minus baseline, per domain and `overall`
        improved (bool | None): Latest overall > baseline overall; null until both exist
        latest (None | PerformanceSnapshot): Latest verified follow-up
        organization_id (UUID):
    """

    baseline: None | PerformanceSnapshot
    change: None | PerformanceChangeType0
    improved: bool | None
    latest: None | PerformanceSnapshot
    organization_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.performance_change_type_0 import PerformanceChangeType0  # noqa: PLC0415
        from ..models.performance_snapshot import PerformanceSnapshot  # noqa: PLC0415

        baseline: dict[str, Any] | None
        if isinstance(self.baseline, PerformanceSnapshot):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        change: dict[str, Any] | None
        if isinstance(self.change, PerformanceChangeType0):
            change = self.change.to_dict()
        else:
            change = self.change

        improved: bool | None
        improved = self.improved

        latest: dict[str, Any] | None
        if isinstance(self.latest, PerformanceSnapshot):
            latest = self.latest.to_dict()
        else:
            latest = self.latest

        organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline": baseline,
                "change": change,
                "improved": improved,
                "latest": latest,
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.performance_change_type_0 import PerformanceChangeType0  # noqa: PLC0415
        from ..models.performance_snapshot import PerformanceSnapshot  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_baseline(data: object) -> None | PerformanceSnapshot:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_0 = PerformanceSnapshot.from_dict(data)

                return baseline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerformanceSnapshot, data)

        baseline = _parse_baseline(d.pop("baseline"))

        def _parse_change(data: object) -> None | PerformanceChangeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                change_type_0 = PerformanceChangeType0.from_dict(data)

                return change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerformanceChangeType0, data)

        change = _parse_change(d.pop("change"))

        def _parse_improved(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        improved = _parse_improved(d.pop("improved"))

        def _parse_latest(data: object) -> None | PerformanceSnapshot:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_type_0 = PerformanceSnapshot.from_dict(data)

                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerformanceSnapshot, data)

        latest = _parse_latest(d.pop("latest"))

        organization_id = UUID(d.pop("organization_id"))

        performance = cls(
            baseline=baseline,
            change=change,
            improved=improved,
            latest=latest,
            organization_id=organization_id,
        )

        performance.additional_properties = d
        return performance

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
