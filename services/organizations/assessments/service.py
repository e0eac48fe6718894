"""Rules of OPI assessments: scores, one baseline then follow-ups, verification, performance."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.fastlist_json import JsonField
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import bump_version, flush, replay_or_refuse
from services.organizations.assessments import repository
from services.organizations.assessments.schemas import (
    AreaScoreRead,
    AssessmentCreate,
    AssessmentRead,
    AssessmentUpdate,
    Performance,
    PerformanceSnapshot,
)
from services.organizations.models import Assessment, Organization
from services.organizations.records import TWO_PLACES
from services.organizations.registry import service as registry
from services.organizations.vocabularies import OPI_DOMAINS, OpiArea


class AssessmentLocked(Conflict):
    slug, title = "assessment-verified", "A verified assessment cannot change"


ERRORS = {
    "uq_assessments_one_baseline": lambda: Conflict(
        "The organization already has a baseline assessment."
    ),
}


def _mean(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(TWO_PLACES, ROUND_HALF_UP)


def domain_scores(scores: Mapping[str, Any]) -> dict[str, float | None]:
    """Mean of each domain's two sub-areas; null while either is missing."""
    out: dict[str, float | None] = {}
    for domain, areas in OPI_DOMAINS.items():
        values = [scores[a.value]["score"] for a in areas if a.value in scores]
        out[domain.value] = float(_mean(values)) if len(values) == len(areas) else None
    return out


def overall_score(scores: Mapping[str, Any]) -> Decimal | None:
    """Mean of the eight sub-area scores, two decimals; null until all eight are scored."""
    values = [scores[a.value]["score"] for a in OpiArea if a.value in scores]
    return _mean(values) if len(values) == len(OpiArea) else None


_SCORES = JsonField(dict[OpiArea, AreaScoreRead])


def score_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """``scores``, ``domain_scores`` and ``overall_score`` of an assessment's row as JSON
    values, as ``assessment_read`` shows them (the lean list writes the rest from the row)."""
    scores = _SCORES(row["scores"])  # {area: {"score", "evidence"}}
    overall = row["overall_score"]
    return {
        "scores": scores,
        "domain_scores": domain_scores(scores),
        "overall_score": None if overall is None else float(overall),
    }


def assessment_read(assessment: Assessment) -> AssessmentRead:
    """The response body of an assessment, with its computed scores."""
    return AssessmentRead(
        id=assessment.id,
        organization_id=assessment.organization_id,
        kind=assessment.kind,
        assessed_on=assessment.assessed_on,
        facilitator=assessment.facilitator,
        scores=assessment.scores,
        domain_scores=domain_scores(assessment.scores),
        overall_score=None if assessment.overall_score is None else float(assessment.overall_score),
        status=assessment.status,
        verified_by=assessment.verified_by,
        verified_at=assessment.verified_at,
        version=assessment.version,
        created_at=assessment.created_at,
        updated_at=assessment.updated_at,
    )


async def _check_follow_up(
    session: AsyncSession, organization_id: uuid.UUID, assessed_on: Any
) -> None:
    baseline = await repository.baseline_of(session, organization_id)
    if baseline is None or baseline.status != "verified":
        raise Conflict("A follow-up assessment needs a verified baseline first.")
    if assessed_on <= baseline.assessed_on:
        raise InvalidInput(
            "assessed_on", f"must be after the baseline's date ({baseline.assessed_on.isoformat()})"
        )


async def create_assessment(
    session: AsyncSession, *, organization: Organization, data: AssessmentCreate
) -> tuple[Assessment, bool]:
    """A new draft assessment; returns it and whether it is new (False: same id and content)."""
    scores = {area.value: s.model_dump() for area, s in data.scores.items()}
    fields = data.model_dump(include={"kind", "assessed_on", "facilitator"})
    fields.update(organization_id=organization.id, scores=scores)
    if data.id is not None:
        existing = await repository.get_assessment(session, data.id)
        if existing is not None:
            return replay_or_refuse(existing, fields, what="Assessment"), False
    if data.kind == "baseline":
        if await repository.baseline_of(session, organization.id) is not None:
            raise Conflict(
                "The organization already has a baseline assessment; record a "
                "follow-up, or correct the baseline while it is a draft."
            )
    else:
        await _check_follow_up(session, organization.id, data.assessed_on)
    assessment = Assessment(
        **fields, id=data.id or uuid.uuid4(), overall_score=overall_score(scores)
    )
    session.add(assessment)
    await flush(session, ERRORS)
    return assessment, True


async def load_assessment(
    session: AsyncSession,
    *,
    assessment_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> Assessment:
    """The assessment, 404 when it does not exist or its organization is outside the territory."""
    assessment = await repository.get_assessment(session, assessment_id, for_update=for_update)
    if assessment is None:
        raise NotFound(f"No assessment with id {assessment_id}.")
    if not await registry.organization_visible(session, assessment.organization_id, principal):
        raise NotFound(f"No assessment with id {assessment_id}.")
    return assessment


async def update_assessment(
    session: AsyncSession, *, assessment: Assessment, changes: AssessmentUpdate
) -> Assessment:
    """Change a draft assessment; named sub-areas replace their scores."""
    if assessment.status == "verified":
        raise AssessmentLocked(
            "A verified assessment is immutable; record a new assessment to correct it."
        )
    values = changes.model_dump(exclude_unset=True)
    if "assessed_on" in values and assessment.kind == "follow_up":
        await _check_follow_up(session, assessment.organization_id, values["assessed_on"])
    if "assessed_on" in values:
        assessment.assessed_on = values["assessed_on"]
    if "facilitator" in values:
        assessment.facilitator = values["facilitator"]
    if changes.scores is not None:
        merged = dict(assessment.scores)
        merged.update({area.value: s.model_dump() for area, s in changes.scores.items()})
        assessment.scores = merged
        assessment.overall_score = overall_score(merged)
    bump_version(assessment)
    await flush(session, ERRORS)
    return assessment


async def transition_assessment(
    session: AsyncSession, *, assessment: Assessment, to: str, principal: Principal
) -> Assessment:
    """Verify a draft assessment once all eight sub-areas are scored."""
    allowed = ["verified"] if assessment.status == "draft" else []
    if to not in allowed:
        raise InvalidTransition(current=assessment.status, requested=to, allowed=allowed)
    missing = [a.value for a in OpiArea if a.value not in assessment.scores]
    if missing:
        raise Conflict(f"Cannot verify: sub-areas without a score: {', '.join(missing)}.")
    if assessment.kind == "follow_up":
        await _check_follow_up(session, assessment.organization_id, assessment.assessed_on)
    assessment.status = "verified"
    assessment.verified_by = principal.sub
    assessment.verified_at = utcnow()
    bump_version(assessment)
    await flush(session, ERRORS)
    return assessment


def _snapshot(assessment: Assessment) -> PerformanceSnapshot:
    return PerformanceSnapshot(
        assessment_id=assessment.id,
        assessed_on=assessment.assessed_on,
        domain_scores=domain_scores(assessment.scores),
        overall_score=None if assessment.overall_score is None else float(assessment.overall_score),
    )


async def performance(session: AsyncSession, *, organization: Organization) -> Performance:
    """Baseline, latest verified follow-up, change per domain and overall, improved."""
    verified = await repository.verified_assessments(session, organization.id)
    baseline = next((a for a in verified if a.kind == "baseline"), None)
    follow_ups = [a for a in verified if a.kind == "follow_up"]
    latest = follow_ups[-1] if follow_ups else None
    change: dict[str, float | None] | None = None
    improved: bool | None = None
    if baseline is not None and latest is not None:
        b, latest_snap = _snapshot(baseline), _snapshot(latest)
        change = {}
        for domain, value in latest_snap.domain_scores.items():
            base = b.domain_scores[domain]
            change[domain.value] = None if value is None or base is None else round(value - base, 2)
        assert baseline.overall_score is not None and latest.overall_score is not None
        change["overall"] = float(latest.overall_score - baseline.overall_score)
        improved = latest.overall_score > baseline.overall_score
    return Performance(
        organization_id=organization.id,
        baseline=_snapshot(baseline) if baseline else None,
        latest=_snapshot(latest) if latest else None,
        change=change,
        improved=improved,
    )


async def find_assessment(session: AsyncSession, assessment_id: uuid.UUID) -> Assessment | None:
    """The assessment with that id, whatever its organization (callers check it)."""
    return await repository.get_assessment(session, assessment_id)


async def list_assessments(
    session: AsyncSession, *, organization: Organization, page: PageParams
) -> tuple[list[Assessment], str | None]:
    """One page of the organization's assessments and the cursor of the next."""
    rows = await repository.list_assessments(session, organization.id, page)
    return finish_page(rows, page, lambda a: (a.created_at, a.id))
