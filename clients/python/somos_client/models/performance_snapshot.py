from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_snapshot_domain_scores import PerformanceSnapshotDomainScores


T = TypeVar("T", bound="PerformanceSnapshot")


@_attrs_define
class PerformanceSnapshot:
    """
    Attributes:
        assessed_on (datetime.date):
        assessment_id (UUID):
        domain_scores (PerformanceSnapshotDomainScores):
        overall_score (float | None):
    """

    assessed_on: datetime.date
    assessment_id: UUID
    domain_scores: PerformanceSnapshotDomainScores
    overall_score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessed_on = self.assessed_on.isoformat()

        assessment_id = str(self.assessment_id)

        domain_scores = self.domain_scores.to_dict()

        overall_score: float | None
        overall_score = self.overall_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessed_on": assessed_on,
                "assessment_id": assessment_id,
                "domain_scores": domain_scores,
                "overall_score": overall_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.performance_snapshot_domain_scores import PerformanceSnapshotDomainScores  # noqa: PLC0415

        d = dict(src_dict)
        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        assessment_id = UUID(d.pop("assessment_id"))

        domain_scores = PerformanceSnapshotDomainScores.from_dict(d.pop("domain_scores"))

        def _parse_overall_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        overall_score = _parse_overall_score(d.pop("overall_score"))

        performance_snapshot = cls(
            assessed_on=assessed_on,
            assessment_id=assessment_id,
            domain_scores=domain_scores,
            overall_score=overall_score,
        )

        performance_snapshot.additional_properties = d
        return performance_snapshot

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
