"""Business rules of the organizations registry and OPI assessments."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.territory import Territories
from services.common.text import normalize
from services.organizations import repository
from services.organizations.models import Assessment, Organization
from services.organizations.schemas import (
    AssessmentCreate,
    AssessmentRead,
    AssessmentUpdate,
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    Performance,
    PerformanceSnapshot,
)
from services.organizations.vocabularies import OPI_DOMAINS, OpiArea

TWO_PLACES = Decimal("0.01")


class DuplicateOrganization(Conflict):
    slug, title = "duplicate-organization", "An organization with that name already exists"


class IdReused(Conflict):
    slug, title = "id-reused", "That id already belongs to different content"


class AssessmentLocked(Conflict):
    slug, title = "assessment-verified", "A verified assessment cannot change"


def check_municipality(
    territories: Territories, code: str, field: str = "municipality_code"
) -> None:
    """422 naming ``field`` when the code is not a municipality (strict with DIVIPOLA loaded)."""
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput(field, problem)


# --- organizations ---------------------------------------------------------------------


def organization_read(row: Organization | asyncpg.Record) -> OrganizationRead:
    if isinstance(row, Organization):
        return OrganizationRead.model_validate(row)
    return OrganizationRead.model_validate(dict(row))


def _search_text(name: str, acronym: str | None) -> str:
    return normalize(f"{name} {acronym or ''}")


async def create_organization(
    session: AsyncSession,
    *,
    data: OrganizationCreate,
    principal: Principal,
    territories: Territories,
) -> tuple[Organization, bool]:
    """Create an organization; returns it and whether it is new (False: same id and content)."""
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_organization(session, data.id)
        if existing is not None:
            if principal.can_access(existing.municipality_code) and all(
                getattr(existing, k) == v for k, v in fields.items()
            ):
                return existing, False
            raise IdReused(f"Organization {data.id} already exists with other content.")
    name_key = normalize(data.name)
    if await repository.name_taken(
        session, municipality_code=data.municipality_code, name_key=name_key
    ):
        raise DuplicateOrganization(
            f"'{data.name}' is already registered in municipality {data.municipality_code}."
        )
    organization = Organization(
        **fields,
        id=data.id or uuid.uuid4(),
        name_key=name_key,
        search_text=_search_text(data.name, data.acronym),
        department_code=data.municipality_code[:2],
    )
    repository.add(session, organization)
    await _flush(session)
    return organization, True


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_organizations_municipality_code_name_key" in text:
            raise DuplicateOrganization(
                "An organization with that name already exists in that municipality."
            ) from exc
        if "pk_organizations" in text or "pk_assessments" in text:
            raise IdReused("That id is already in use.") from exc
        if "uq_assessments_one_baseline" in text:
            raise Conflict("The organization already has a baseline assessment.") from exc
        raise


async def read_organization(
    pool: asyncpg.Pool, *, organization_id: uuid.UUID, principal: Principal
) -> OrganizationRead:
    """One organization (hot path: raw pool), 404 outside the caller's territory."""
    row = await repository.fetch_organization_row(pool, organization_id)
    if row is None or not principal.can_access(row["municipality_code"]):
        raise NotFound(f"No organization with id {organization_id}.")
    return organization_read(row)


async def load_organization(
    session: AsyncSession,
    *,
    organization_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> Organization:
    organization = await repository.get_organization(
        session, organization_id, for_update=for_update
    )
    if organization is None or not principal.can_access(organization.municipality_code):
        raise NotFound(f"No organization with id {organization_id}.")
    return organization


async def list_organizations(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.OrganizationFilters,
    page: PageParams,
) -> tuple[list[Organization], str | None]:
    rows = await repository.list_organizations(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda o: (o.created_at, o.id))


async def update_organization(
    session: AsyncSession,
    *,
    organization: Organization,
    changes: OrganizationUpdate,
    principal: Principal,
    territories: Territories,
) -> Organization:
    values = changes.model_dump(exclude_unset=True)
    if "municipality_code" in values:
        check_municipality(territories, values["municipality_code"])
        ensure_territory(principal, values["municipality_code"], hide=False)
    for key, value in values.items():
        setattr(organization, key, value)
    organization.department_code = organization.municipality_code[:2]
    organization.name_key = normalize(organization.name)
    organization.search_text = _search_text(organization.name, organization.acronym)
    if organization.archived_at is None and await repository.name_taken(
        session,
        municipality_code=organization.municipality_code,
        name_key=organization.name_key,
        excluding=organization.id,
    ):
        raise DuplicateOrganization(
            f"'{organization.name}' is already registered in "
            f"municipality {organization.municipality_code}."
        )
    _touch(organization)
    await _flush(session)
    return organization


async def archive_organization(
    session: AsyncSession, *, organization: Organization
) -> Organization:
    if organization.archived_at is None:
        organization.archived_at = utcnow()
        _touch(organization)
        await _flush(session)
    return organization


def _touch(row: Organization | Assessment) -> None:
    row.version += 1
    row.updated_at = utcnow()


# --- OPI assessments -------------------------------------------------------------------


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


def assessment_read(assessment: Assessment) -> AssessmentRead:
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
    scores = {area.value: s.model_dump() for area, s in data.scores.items()}
    if data.id is not None:
        existing = await repository.get_assessment(session, data.id)
        if existing is not None:
            same = (
                existing.organization_id == organization.id
                and existing.kind == data.kind
                and existing.assessed_on == data.assessed_on
                and existing.facilitator == data.facilitator
                and existing.scores == scores
            )
            if same:
                return existing, False
            raise IdReused(f"Assessment {data.id} already exists with other content.")
    if data.kind == "baseline":
        if await repository.baseline_of(session, organization.id) is not None:
            raise Conflict(
                "The organization already has a baseline assessment; record a "
                "follow-up, or correct the baseline while it is a draft."
            )
    else:
        await _check_follow_up(session, organization.id, data.assessed_on)
    assessment = Assessment(
        id=data.id or uuid.uuid4(),
        organization_id=organization.id,
        kind=data.kind,
        assessed_on=data.assessed_on,
        facilitator=data.facilitator,
        scores=scores,
        overall_score=overall_score(scores),
    )
    repository.add(session, assessment)
    await _flush(session)
    return assessment, True


async def load_assessment(
    session: AsyncSession,
    *,
    assessment_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> tuple[Assessment, Organization]:
    assessment = await repository.get_assessment(session, assessment_id, for_update=for_update)
    if assessment is None:
        raise NotFound(f"No assessment with id {assessment_id}.")
    organization = await repository.get_organization(session, assessment.organization_id)
    if organization is None or not principal.can_access(organization.municipality_code):
        raise NotFound(f"No assessment with id {assessment_id}.")
    return assessment, organization


async def update_assessment(
    session: AsyncSession, *, assessment: Assessment, changes: AssessmentUpdate
) -> Assessment:
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
    _touch(assessment)
    await _flush(session)
    return assessment


async def transition_assessment(
    session: AsyncSession, *, assessment: Assessment, to: str, principal: Principal
) -> Assessment:
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
    _touch(assessment)
    await _flush(session)
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
