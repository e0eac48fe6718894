from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assessment_kind import AssessmentKind
from ..models.assessment_status import AssessmentStatus

if TYPE_CHECKING:
    from ..models.assessment_read_domain_scores import AssessmentReadDomainScores
    from ..models.assessment_read_scores import AssessmentReadScores


T = TypeVar("T", bound="AssessmentRead")


@_attrs_define
class AssessmentRead:
    """
    Attributes:
        assessed_on (datetime.date):
        created_at (str):
        domain_scores (AssessmentReadDomainScores): Mean of each domain's two sub-areas (null while one is missing)
        facilitator (str):
        id (UUID):
        kind (AssessmentKind):
        organization_id (UUID):
        overall_score (float | None): Mean of the eight sub-area scores, two decimals (null until all eight)
        scores (AssessmentReadScores):
        status (AssessmentStatus):
        updated_at (str):
        verified_at (None | str):
        verified_by (None | str):
        version (int):
    """

    assessed_on: datetime.date
    created_at: str
    domain_scores: AssessmentReadDomainScores
    facilitator: str
    id: UUID
    kind: AssessmentKind
    organization_id: UUID
    overall_score: float | None
    scores: AssessmentReadScores
    status: AssessmentStatus
    updated_at: str
    verified_at: None | str
    verified_by: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessed_on = self.assessed_on.isoformat()

        created_at = self.created_at

        domain_scores = self.domain_scores.to_dict()

        facilitator = self.facilitator

        id = str(self.id)

        kind = self.kind.value

        organization_id = str(self.organization_id)

        overall_score: float | None
        overall_score = self.overall_score

        scores = self.scores.to_dict()

        status = self.status.value

        updated_at = self.updated_at

        verified_at: None | str
        verified_at = self.verified_at

        verified_by: None | str
        verified_by = self.verified_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessed_on": assessed_on,
                "created_at": created_at,
                "domain_scores": domain_scores,
                "facilitator": facilitator,
                "id": id,
                "kind": kind,
                "organization_id": organization_id,
                "overall_score": overall_score,
                "scores": scores,
                "status": status,
                "updated_at": updated_at,
                "verified_at": verified_at,
                "verified_by": verified_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_read_domain_scores import AssessmentReadDomainScores  # noqa: PLC0415
        from ..models.assessment_read_scores import AssessmentReadScores  # noqa: PLC0415

        d = dict(src_dict)
        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))

        created_at = d.pop("created_at")

        domain_scores = AssessmentReadDomainScores.from_dict(d.pop("domain_scores"))

        facilitator = d.pop("facilitator")

        id = UUID(d.pop("id"))

        kind = AssessmentKind(d.pop("kind"))

        organization_id = UUID(d.pop("organization_id"))

        def _parse_overall_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        overall_score = _parse_overall_score(d.pop("overall_score"))

        scores = AssessmentReadScores.from_dict(d.pop("scores"))

        status = AssessmentStatus(d.pop("status"))

        updated_at = d.pop("updated_at")

        def _parse_verified_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        verified_at = _parse_verified_at(d.pop("verified_at"))

        def _parse_verified_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        verified_by = _parse_verified_by(d.pop("verified_by"))

        version = d.pop("version")

        assessment_read = cls(
            assessed_on=assessed_on,
            created_at=created_at,
            domain_scores=domain_scores,
            facilitator=facilitator,
            id=id,
            kind=kind,
            organization_id=organization_id,
            overall_score=overall_score,
            scores=scores,
            status=status,
            updated_at=updated_at,
            verified_at=verified_at,
            verified_by=verified_by,
            version=version,
        )

        assessment_read.additional_properties = d
        return assessment_read

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
