"""Business rules of the organizations registry and OPI assessments."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.stats import Territory
from services.common.territory import Territories
from services.common.text import normalize
from services.organizations import repository
from services.organizations.models import (
    Assessment,
    CommunityInitiative,
    Organization,
    PlanAction,
    StrengtheningPlan,
    SupportActivity,
)
from services.organizations.schemas import (
    AssessmentCreate,
    AssessmentRead,
    AssessmentUpdate,
    Beneficiaries,
    BeneficiariesRead,
    CommunityInitiativeCreate,
    CommunityInitiativeRead,
    CommunityInitiativeUpdate,
    InitiativeTransition,
    MunicipalityOrganizations,
    OrganizationCreate,
    OrganizationRead,
    OrganizationRecord,
    OrganizationStats,
    OrganizationUpdate,
    Performance,
    PerformanceSnapshot,
    PlanActionCreate,
    PlanActionRead,
    PlanActionUpdate,
    PlanTransition,
    StrengtheningPlanCreate,
    StrengtheningPlanRead,
    StrengtheningPlanUpdate,
    SupportActivityCreate,
    SupportActivityRead,
    SupportActivityUpdate,
)
from services.organizations.vocabularies import (
    OPI_DOMAINS,
    ActionStatus,
    AgeGroup,
    EthnicFocus,
    Ethnicity,
    InitiativeStatus,
    Methodology,
    OpiArea,
    OrganizationType,
    PlanStatus,
    RiskFactor,
    Sex,
    SupportKind,
)

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


def _name_key(name: str) -> str:
    return normalize(name)[:200]


def _search_text(name: str, acronym: str | None) -> str:
    # Compatibility decomposition can lengthen text (ligatures): keep within the column.
    return normalize(f"{name} {acronym or ''}")[:420]


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
    name_key = _name_key(data.name)
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
    organization.name_key = _name_key(organization.name)
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


# --- shared by plans, support and initiatives ------------------------------------------

COLOMBIA = ZoneInfo("America/Bogota")


def colombia_today() -> date:
    """Today's date in Colombia, where due dates and delivery dates are meant."""
    return datetime.now(COLOMBIA).date()


class OrganizationArchived(Conflict):
    slug, title = "organization-archived", "The organization is archived"


class RecordArchived(Conflict):
    slug, title = "record-archived", "The record is archived"


def _bump(row: StrengtheningPlan | PlanAction | SupportActivity | CommunityInitiative) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _same(existing: Any, fields: Mapping[str, Any]) -> bool:
    return all(getattr(existing, key) == value for key, value in fields.items())


async def _flush_record(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_strengthening_plans_one_open" in text:
            raise OpenPlanExists(
                "The organization already has an open strengthening plan."
            ) from exc
        if "pk_" in text:
            raise IdReused("That id is already in use.") from exc
        raise


async def _referenced_organization(
    session: AsyncSession, *, organization_id: uuid.UUID, principal: Principal, field: str
) -> Organization:
    """The organization a body names: 422 naming ``field`` when the caller cannot see it."""
    organization = await repository.get_organization(session, organization_id)
    if organization is None or not principal.can_access(organization.municipality_code):
        raise InvalidInput(field, f"no organization with id {organization_id}")
    if organization.archived_at is not None:
        raise OrganizationArchived(
            f"Organization {organization_id} is archived; restore it "
            "before recording anything for it."
        )
    return organization


# --- strengthening plans ---------------------------------------------------------------

PLAN_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("approved", "cancelled"),
    "approved": ("in_progress", "cancelled"),
    "in_progress": ("completed", "cancelled"),
    "completed": (),
    "cancelled": (),
}
FINAL_PLAN_STATUSES = ("completed", "cancelled")


class OpenPlanExists(Conflict):
    slug, title = "open-plan-exists", "The organization already has an open plan"


class PlanWithoutActions(Conflict):
    slug, title = "plan-without-actions", "A plan needs actions to be approved"


class PlanClosed(Conflict):
    slug, title = "plan-closed", "The plan is completed or cancelled"


def plan_read(plan: StrengtheningPlan, progress: repository.PlanProgress) -> StrengtheningPlanRead:
    covered = set(progress.opi_areas)
    return StrengtheningPlanRead(
        id=plan.id,
        organization_id=plan.organization_id,
        baseline_assessment_id=plan.baseline_assessment_id,
        title=plan.title,
        start_date=plan.start_date,
        end_date=plan.end_date,
        status=PlanStatus(plan.status),
        cancellation_reason=plan.cancellation_reason,
        approved_by=plan.approved_by,
        approved_at=plan.approved_at,
        actions_count=progress.actions_count,
        progress_pct=progress.progress_pct,
        overdue_actions=progress.overdue_actions,
        opi_areas_covered=[area for area in OpiArea if area.value in covered],
        version=plan.version,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        archived_at=plan.archived_at,
    )


async def plan_with_progress(
    session: AsyncSession, plan: StrengtheningPlan
) -> StrengtheningPlanRead:
    progress = await repository.plan_progress(session, [plan.id], today=colombia_today())
    return plan_read(plan, progress.get(plan.id, repository.PlanProgress()))


async def _check_baseline(
    session: AsyncSession, *, assessment_id: uuid.UUID, organization_id: uuid.UUID
) -> None:
    assessment = await repository.get_assessment(session, assessment_id)
    if assessment is None or assessment.organization_id != organization_id:
        raise InvalidInput(
            "baseline_assessment_id", "must be an OPI assessment of the plan's organization"
        )
    if assessment.status != "verified":
        raise InvalidInput(
            "baseline_assessment_id",
            "the assessment is not verified; verify it before planning on it",
        )


async def _ensure_no_open_plan(
    session: AsyncSession, organization_id: uuid.UUID, *, excluding: uuid.UUID | None = None
) -> None:
    existing = await repository.open_plan_of(session, organization_id, excluding=excluding)
    if existing is not None:
        raise OpenPlanExists(
            f"The organization already has plan {existing.id} in status '{existing.status}'; "
            "complete or cancel it first.",
            extra={"existing_id": str(existing.id)},
        )


async def create_plan(
    session: AsyncSession, *, data: StrengtheningPlanCreate, principal: Principal
) -> tuple[StrengtheningPlan, bool]:
    """A new draft plan; returns it and whether it is new (False: same id and content)."""
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_plan(session, data.id)
        if existing is not None:
            if await _organization_visible(session, existing.organization_id, principal) and _same(
                existing, fields
            ):
                return existing, False
            raise IdReused(f"Strengthening plan {data.id} already exists with other content.")
    organization = await _referenced_organization(
        session, organization_id=data.organization_id, principal=principal, field="organization_id"
    )
    await _check_baseline(
        session, assessment_id=data.baseline_assessment_id, organization_id=organization.id
    )
    # Lock the organization so two concurrent creations cannot both pass the check.
    await repository.get_organization(session, organization.id, for_update=True)
    await _ensure_no_open_plan(session, organization.id)
    plan = StrengtheningPlan(**fields, id=data.id or uuid.uuid4())
    repository.add(session, plan)
    await _flush_record(session)
    return plan, True


async def _organization_visible(
    session: AsyncSession, organization_id: uuid.UUID, principal: Principal
) -> bool:
    """Records tied to an organization are visible where the organization is."""
    organization = await repository.get_organization(session, organization_id)
    return organization is not None and principal.can_access(organization.municipality_code)


async def load_plan(
    session: AsyncSession, *, plan_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> StrengtheningPlan:
    """The plan, 404 when it does not exist or its organization is outside the territory."""
    plan = await repository.get_plan(session, plan_id, for_update=for_update)
    if plan is None or not await _organization_visible(session, plan.organization_id, principal):
        raise NotFound(f"No strengthening plan with id {plan_id}.")
    return plan


async def list_plans(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.PlanFilters,
    page: PageParams,
) -> tuple[list[StrengtheningPlanRead], str | None]:
    rows = await repository.list_plans(session, principal=principal, filters=filters, page=page)
    items, next_cursor = finish_page(rows, page, lambda p: (p.created_at, p.id))
    progress = await repository.plan_progress(
        session, [p.id for p in items], today=colombia_today()
    )
    return (
        [plan_read(p, progress.get(p.id, repository.PlanProgress())) for p in items],
        next_cursor,
    )


def _ensure_plan_open(plan: StrengtheningPlan, what: str) -> None:
    if plan.status in FINAL_PLAN_STATUSES:
        raise PlanClosed(f"The plan is {plan.status}; {what} are read-only.")
    if plan.archived_at is not None:
        raise RecordArchived(f"The plan is archived; {what} are read-only.")


async def update_plan(
    session: AsyncSession, *, plan: StrengtheningPlan, changes: StrengtheningPlanUpdate
) -> StrengtheningPlan:
    _ensure_plan_open(plan, "its fields")
    values = changes.model_dump(exclude_unset=True)
    start = values.get("start_date", plan.start_date)
    end = values.get("end_date", plan.end_date)
    if end <= start:
        raise InvalidInput("end_date", "must be after start_date")
    if "baseline_assessment_id" in values:
        await _check_baseline(
            session,
            assessment_id=values["baseline_assessment_id"],
            organization_id=plan.organization_id,
        )
    for key, value in values.items():
        setattr(plan, key, value)
    _bump(plan)
    await _flush_record(session)
    return plan


async def archive_plan(session: AsyncSession, *, plan: StrengtheningPlan) -> StrengtheningPlan:
    if plan.archived_at is None:
        plan.archived_at = utcnow()
        _bump(plan)
        await _flush_record(session)
    return plan


async def transition_plan(
    session: AsyncSession, *, plan: StrengtheningPlan, request: PlanTransition, principal: Principal
) -> StrengtheningPlan:
    """Move the plan along draft → approved → in_progress → completed, or cancel it."""
    if plan.archived_at is not None:
        raise RecordArchived("The plan is archived; it cannot change status.")
    allowed = PLAN_TRANSITIONS[plan.status]
    if request.to not in allowed:
        raise InvalidTransition(current=plan.status, requested=request.to, allowed=allowed)
    if request.to == "cancelled":
        if not request.reason:
            raise InvalidInput("reason", "a reason is required to cancel a plan")
        plan.cancellation_reason = request.reason
    if request.to == "approved":
        if await repository.countable_actions(session, plan.id) == 0:
            raise PlanWithoutActions(
                "A plan cannot be approved without actions (dropped "
                "actions do not count); add its actions first."
            )
        plan.approved_by = principal.sub
        plan.approved_at = utcnow()
    plan.status = request.to
    _bump(plan)
    await _flush_record(session)
    return plan


# --- plan actions ----------------------------------------------------------------------


def action_read(action: PlanAction, *, today: date | None = None) -> PlanActionRead:
    today = today or colombia_today()
    return PlanActionRead(
        id=action.id,
        plan_id=action.plan_id,
        opi_area=OpiArea(action.opi_area),
        description=action.description,
        strategy=action.strategy,
        evidence_reference=action.evidence_reference,
        responsible=action.responsible,
        due_date=action.due_date,
        status=ActionStatus(action.status),
        progress_pct=action.progress_pct,
        overdue=action.due_date < today and action.status not in ("done", "dropped"),
        version=action.version,
        created_at=action.created_at,
        updated_at=action.updated_at,
        archived_at=action.archived_at,
    )


async def create_action(
    session: AsyncSession, *, plan: StrengtheningPlan, data: PlanActionCreate
) -> tuple[PlanAction, bool]:
    fields = data.model_dump(exclude={"id"})
    if fields["status"] == "done":
        fields["progress_pct"] = 100
    if data.id is not None:
        existing = await repository.get_action(session, data.id)
        if existing is not None:
            if existing.plan_id == plan.id and _same(existing, fields):
                return existing, False
            raise IdReused(f"Plan action {data.id} already exists with other content.")
    _ensure_plan_open(plan, "its actions")
    action = PlanAction(**fields, id=data.id or uuid.uuid4(), plan_id=plan.id)
    repository.add(session, action)
    await _flush_record(session)
    return action, True


async def load_action(
    session: AsyncSession,
    *,
    plan: StrengtheningPlan,
    action_id: uuid.UUID,
    for_update: bool = False,
) -> PlanAction:
    action = await repository.get_action(session, action_id, for_update=for_update)
    if action is None or action.plan_id != plan.id:
        raise NotFound(f"No action with id {action_id} in plan {plan.id}.")
    return action


async def update_action(
    session: AsyncSession, *, plan: StrengtheningPlan, action: PlanAction, changes: PlanActionUpdate
) -> PlanAction:
    _ensure_plan_open(plan, "its actions")
    for key, value in changes.model_dump(exclude_unset=True).items():
        setattr(action, key, value)
    if action.status == "done":
        action.progress_pct = 100
    _bump(action)
    await _flush_record(session)
    return action


async def archive_action(
    session: AsyncSession, *, plan: StrengtheningPlan, action: PlanAction
) -> PlanAction:
    _ensure_plan_open(plan, "its actions")
    if action.archived_at is None:
        action.archived_at = utcnow()
        _bump(action)
        await _flush_record(session)
    return action


# --- capacity support ------------------------------------------------------------------


def support_read(activity: SupportActivity) -> SupportActivityRead:
    return SupportActivityRead(
        id=activity.id,
        organization_id=activity.organization_id,
        kind=SupportKind(activity.kind),
        delivered_on=activity.delivered_on,
        hours=float(activity.hours),
        delivered_by=activity.delivered_by,
        description=activity.description,
        version=activity.version,
        created_at=activity.created_at,
        updated_at=activity.updated_at,
        archived_at=activity.archived_at,
    )


def _check_delivered_on(value: date) -> None:
    if value > colombia_today():
        raise InvalidInput("delivered_on", "cannot be in the future")


async def create_support_activity(
    session: AsyncSession, *, data: SupportActivityCreate, principal: Principal
) -> tuple[SupportActivity, bool]:
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_support_activity(session, data.id)
        if existing is not None:
            if await _organization_visible(session, existing.organization_id, principal) and _same(
                existing, fields
            ):
                return existing, False
            raise IdReused(f"Support activity {data.id} already exists with other content.")
    await _referenced_organization(
        session, organization_id=data.organization_id, principal=principal, field="organization_id"
    )
    _check_delivered_on(data.delivered_on)
    activity = SupportActivity(**fields, id=data.id or uuid.uuid4())
    repository.add(session, activity)
    await _flush_record(session)
    return activity, True


async def load_support_activity(
    session: AsyncSession, *, activity_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> SupportActivity:
    activity = await repository.get_support_activity(session, activity_id, for_update=for_update)
    if activity is None or not await _organization_visible(
        session, activity.organization_id, principal
    ):
        raise NotFound(f"No support activity with id {activity_id}.")
    return activity


async def list_support_activities(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.SupportFilters,
    page: PageParams,
) -> tuple[list[SupportActivity], str | None]:
    rows = await repository.list_support_activities(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda s: (s.created_at, s.id))


async def update_support_activity(
    session: AsyncSession, *, activity: SupportActivity, changes: SupportActivityUpdate
) -> SupportActivity:
    values = changes.model_dump(exclude_unset=True)
    if "delivered_on" in values:
        _check_delivered_on(values["delivered_on"])
    for key, value in values.items():
        setattr(activity, key, value)
    _bump(activity)
    await _flush_record(session)
    return activity


async def archive_support_activity(
    session: AsyncSession, *, activity: SupportActivity
) -> SupportActivity:
    if activity.archived_at is None:
        activity.archived_at = utcnow()
        _bump(activity)
        await _flush_record(session)
    return activity


# --- community initiatives -------------------------------------------------------------

INITIATIVE_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "designed": ("in_implementation", "cancelled"),
    "in_implementation": ("completed", "cancelled"),
    "completed": (),
    "cancelled": (),
}


class InitiativeClosed(Conflict):
    slug, title = "initiative-closed", "The initiative is completed or cancelled"


def beneficiaries_record(data: Beneficiaries) -> dict[str, Any]:
    """Every code of every breakdown, zeros included; a missing breakdown is 'no_reporta'."""
    out: dict[str, Any] = {"total": data.total}
    for name, codes in (("by_sex", Sex), ("by_age_group", AgeGroup), ("by_ethnicity", Ethnicity)):
        given: dict[Any, int] | None = getattr(data, name)
        if given is None:
            given = {codes("no_reporta"): data.total}
        out[name] = {code.value: int(given.get(code, 0)) for code in codes}
    return out


def initiative_read(initiative: CommunityInitiative) -> CommunityInitiativeRead:
    return CommunityInitiativeRead(
        id=initiative.id,
        title=initiative.title,
        municipality_code=initiative.municipality_code,
        department_code=initiative.department_code,
        community=initiative.community,
        lead_organization_id=initiative.lead_organization_id,
        methodology=Methodology(initiative.methodology),
        objective=initiative.objective,
        risk_factors_addressed=[RiskFactor(r) for r in initiative.risk_factors_addressed],
        status=InitiativeStatus(initiative.status),
        cancellation_reason=initiative.cancellation_reason,
        start_date=initiative.start_date,
        end_date=initiative.end_date,
        budget_cop=initiative.budget_cop,
        beneficiaries=BeneficiariesRead.model_validate(initiative.beneficiaries),
        version=initiative.version,
        created_at=initiative.created_at,
        updated_at=initiative.updated_at,
        archived_at=initiative.archived_at,
    )


def _initiative_fields(data: CommunityInitiativeCreate) -> dict[str, Any]:
    fields = data.model_dump(exclude={"id", "beneficiaries"})
    fields["beneficiaries"] = beneficiaries_record(data.beneficiaries)
    fields["beneficiaries_total"] = data.beneficiaries.total
    fields["department_code"] = data.municipality_code[:2]
    return fields


async def create_initiative(
    session: AsyncSession,
    *,
    data: CommunityInitiativeCreate,
    principal: Principal,
    territories: Territories,
) -> tuple[CommunityInitiative, bool]:
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = _initiative_fields(data)
    if data.id is not None:
        existing = await repository.get_initiative(session, data.id)
        if existing is not None:
            if principal.can_access(existing.municipality_code) and _same(existing, fields):
                return existing, False
            raise IdReused(f"Community initiative {data.id} already exists with other content.")
    if data.lead_organization_id is not None:
        await _referenced_organization(
            session,
            organization_id=data.lead_organization_id,
            principal=principal,
            field="lead_organization_id",
        )
    initiative = CommunityInitiative(**fields, id=data.id or uuid.uuid4())
    repository.add(session, initiative)
    await _flush_record(session)
    return initiative, True


async def load_initiative(
    session: AsyncSession,
    *,
    initiative_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> CommunityInitiative:
    initiative = await repository.get_initiative(session, initiative_id, for_update=for_update)
    if initiative is None or not principal.can_access(initiative.municipality_code):
        raise NotFound(f"No community initiative with id {initiative_id}.")
    return initiative


async def list_initiatives(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.InitiativeFilters,
    page: PageParams,
) -> tuple[list[CommunityInitiative], str | None]:
    rows = await repository.list_initiatives(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda c: (c.created_at, c.id))


def _ensure_initiative_open(initiative: CommunityInitiative) -> None:
    if initiative.status in ("completed", "cancelled"):
        raise InitiativeClosed(f"The initiative is {initiative.status}; it is read-only.")
    if initiative.archived_at is not None:
        raise RecordArchived("The initiative is archived; it is read-only.")


async def update_initiative(
    session: AsyncSession,
    *,
    initiative: CommunityInitiative,
    changes: CommunityInitiativeUpdate,
    principal: Principal,
    territories: Territories,
) -> CommunityInitiative:
    _ensure_initiative_open(initiative)
    values = changes.model_dump(exclude_unset=True, exclude={"beneficiaries"})
    if "municipality_code" in values:
        check_municipality(territories, values["municipality_code"])
        ensure_territory(principal, values["municipality_code"], hide=False)
        values["department_code"] = values["municipality_code"][:2]
    if values.get("lead_organization_id") is not None:
        await _referenced_organization(
            session,
            organization_id=values["lead_organization_id"],
            principal=principal,
            field="lead_organization_id",
        )
    start = values.get("start_date", initiative.start_date)
    end = values.get("end_date", initiative.end_date)
    if end is not None and end < start:
        raise InvalidInput("end_date", "must be on or after start_date")
    if changes.beneficiaries is not None:
        values["beneficiaries"] = beneficiaries_record(changes.beneficiaries)
        values["beneficiaries_total"] = changes.beneficiaries.total
    for key, value in values.items():
        setattr(initiative, key, value)
    _bump(initiative)
    await _flush_record(session)
    return initiative


async def archive_initiative(
    session: AsyncSession, *, initiative: CommunityInitiative
) -> CommunityInitiative:
    if initiative.archived_at is None:
        initiative.archived_at = utcnow()
        _bump(initiative)
        await _flush_record(session)
    return initiative


async def transition_initiative(
    session: AsyncSession, *, initiative: CommunityInitiative, request: InitiativeTransition
) -> CommunityInitiative:
    """designed → in_implementation → completed (needs an end date), or cancelled."""
    if initiative.archived_at is not None:
        raise RecordArchived("The initiative is archived; it cannot change status.")
    allowed = INITIATIVE_TRANSITIONS[initiative.status]
    if request.to not in allowed:
        raise InvalidTransition(current=initiative.status, requested=request.to, allowed=allowed)
    if request.to != "completed" and (request.end_date or request.beneficiaries):
        raise InvalidInput("to", "end_date and beneficiaries are only taken when completing")
    if request.to == "cancelled":
        if not request.reason:
            raise InvalidInput("reason", "a reason is required to cancel an initiative")
        initiative.cancellation_reason = request.reason
    if request.to == "completed":
        end = request.end_date or initiative.end_date
        if end is None:
            raise InvalidInput("end_date", "an end date is required to complete an initiative")
        if end < initiative.start_date:
            raise InvalidInput("end_date", "must be on or after start_date")
        initiative.end_date = end
        if request.beneficiaries is not None:
            initiative.beneficiaries = beneficiaries_record(request.beneficiaries)
            initiative.beneficiaries_total = request.beneficiaries.total
    initiative.status = request.to
    _bump(initiative)
    await _flush_record(session)
    return initiative


# --- statistics ------------------------------------------------------------------------

APPROVED_OR_LATER = ("approved", "in_progress", "completed")


@dataclass
class _Tally:
    """The figures of one municipality (or of all), summed from aggregate rows."""

    organizations_by_type: Counter[str] = field(default_factory=Counter)
    organizations_by_ethnic_focus: Counter[str] = field(default_factory=Counter)
    verified_by_kind: Counter[str] = field(default_factory=Counter)
    with_baseline: int = 0
    baseline_sum: Decimal = Decimal(0)
    latest_sum: Decimal = Decimal(0)
    assessed_twice: int = 0
    improved: int = 0
    plans_by_status: Counter[str] = field(default_factory=Counter)
    support_activities: Counter[str] = field(default_factory=Counter)
    support_organizations: Counter[str] = field(default_factory=Counter)
    support_hours: dict[str, Decimal] = field(default_factory=dict)
    organizations_supported: int = 0
    organizations_communications_or_relations: int = 0
    initiatives_by_status: Counter[str] = field(default_factory=Counter)
    initiatives_by_methodology: Counter[str] = field(default_factory=Counter)
    initiatives_by_methodology_status: Counter[tuple[str, str]] = field(default_factory=Counter)
    budget_cop: int = 0
    beneficiaries: int = 0
    breakdowns: dict[str, Counter[str]] = field(
        default_factory=lambda: {
            "by_sex": Counter(),
            "by_age_group": Counter(),
            "by_ethnicity": Counter(),
        }
    )

    def add(self, other: _Tally) -> None:
        for name in (
            "organizations_by_type",
            "organizations_by_ethnic_focus",
            "verified_by_kind",
            "plans_by_status",
            "support_activities",
            "support_organizations",
            "initiatives_by_status",
            "initiatives_by_methodology",
            "initiatives_by_methodology_status",
        ):
            getattr(self, name).update(getattr(other, name))
        for name in (
            "with_baseline",
            "baseline_sum",
            "latest_sum",
            "assessed_twice",
            "improved",
            "organizations_supported",
            "organizations_communications_or_relations",
            "budget_cop",
            "beneficiaries",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, hours in other.support_hours.items():
            self.support_hours[kind] = self.support_hours.get(kind, Decimal(0)) + hours
        for breakdown, counts in other.breakdowns.items():
            self.breakdowns[breakdown].update(counts)

    def figures(self) -> dict[str, Any]:
        """The figures as plain data, validated once with the whole document.

        A model instance per block and municipality cost more than the queries.
        """

        def mean(total: Decimal, count: int) -> float | None:
            return float((total / count).quantize(TWO_PLACES, ROUND_HALF_UP)) if count else None

        plans = self.plans_by_status
        hours = self.support_hours
        return {
            "organizations": {
                "total": sum(self.organizations_by_type.values()),
                "by_type": {t: self.organizations_by_type[t] for t in _ORGANIZATION_TYPES},
                "by_ethnic_focus": {e: self.organizations_by_ethnic_focus[e] for e in _ETHNIC_FOCI},
            },
            "assessments": {
                "verified": sum(self.verified_by_kind.values()),
                "verified_baseline": self.verified_by_kind["baseline"],
                "verified_follow_up": self.verified_by_kind["follow_up"],
            },
            "opi": {
                "organizations_with_baseline": self.with_baseline,
                "mean_baseline_overall": mean(self.baseline_sum, self.with_baseline),
                "mean_latest_overall": mean(self.latest_sum, self.with_baseline),
                "organizations_assessed_twice": self.assessed_twice,
                "organizations_improved": self.improved,
                "improved_pct": round(100 * self.improved / self.assessed_twice, 1)
                if self.assessed_twice
                else None,
            },
            "strengthening_plans": {
                "total": sum(plans.values()),
                "by_status": {s: plans[s] for s in _PLAN_STATUSES},
                "approved_or_later": sum(plans[s] for s in APPROVED_OR_LATER),
            },
            "support": {
                "activities": sum(self.support_activities.values()),
                "hours": float(sum(hours.values(), Decimal(0))),
                "organizations_supported": self.organizations_supported,
                "organizations_communications_or_relations": (
                    self.organizations_communications_or_relations
                ),
                "by_kind": {
                    k: {
                        "activities": self.support_activities[k],
                        "organizations": self.support_organizations[k],
                        "hours": float(hours.get(k, Decimal(0))),
                    }
                    for k in _SUPPORT_KINDS
                },
            },
            "initiatives": {
                "total": sum(self.initiatives_by_status.values()),
                "by_status": {s: self.initiatives_by_status[s] for s in _INITIATIVE_STATUSES},
                "by_methodology": {m: self.initiatives_by_methodology[m] for m in _METHODOLOGIES},
                "by_methodology_and_status": {
                    m: {
                        s: self.initiatives_by_methodology_status[m, s]
                        for s in _INITIATIVE_STATUSES
                    }
                    for m in _METHODOLOGIES
                },
                "budget_cop": self.budget_cop,
                "beneficiaries": {
                    "total": self.beneficiaries,
                    **{
                        name: {code: counts[code] for code in codes}
                        for name, codes in repository.BENEFICIARY_BREAKDOWNS.items()
                        for counts in (self.breakdowns[name],)
                    },
                },
            },
        }


# Codes in vocabulary order, as plain strings (enum iteration is slow in a hot loop).
_ORGANIZATION_TYPES = tuple(t.value for t in OrganizationType)
_ETHNIC_FOCI = tuple(e.value for e in EthnicFocus)
_PLAN_STATUSES = tuple(s.value for s in PlanStatus)
_SUPPORT_KINDS = tuple(k.value for k in SupportKind)
_INITIATIVE_STATUSES = tuple(s.value for s in InitiativeStatus)
_METHODOLOGIES = tuple(m.value for m in Methodology)


async def organization_stats(
    pool: asyncpg.Pool,
    *,
    principal: Principal,
    municipality_code: str | None,
    department_code: str | None,
    date_from: date | None,
    date_to: date | None,
) -> OrganizationStats:
    """Programme figures in the caller's territories, per municipality and in total."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise InvalidInput("to", "must be on or after from")
    scope = repository.StatsScope(
        territory=Territory.of(
            principal, municipality_code=municipality_code, department_code=department_code
        ),
        date_from=date_from,
        date_to=date_to,
    )
    tallies = _tallies(await repository.organization_stats(pool, scope))
    total = _Tally()
    for tally in tallies.values():
        total.add(tally)
    return OrganizationStats.model_validate(
        {
            "filters": {
                "department_code": department_code,
                "municipality_code": municipality_code,
                "from": date_from,
                "to": date_to,
            },
            "generated_at": utcnow(),
            "totals": total.figures(),
            "by_municipality": {code: tallies[code].figures() for code in sorted(tallies)},
        }
    )


INITIATIVES_LISTED = 200


async def municipality_summary(
    pool: asyncpg.Pool, *, principal: Principal, municipality_code: str
) -> MunicipalityOrganizations:
    """The statistics of one municipality with its initiatives listed, in one read; 403 when
    the token does not cover it."""
    ensure_territory(principal, municipality_code, hide=False)
    rows = await repository.municipality_figures(pool, municipality_code, INITIATIVES_LISTED)
    tally = _tallies(rows).get(municipality_code) or _Tally()
    return MunicipalityOrganizations.model_validate(
        {
            "municipality_code": municipality_code,
            "generated_at": utcnow(),
            "figures": tally.figures(),
            "initiatives": [dict(r) for r in rows["listed"]],
        }
    )


def _tallies(rows: Mapping[str, list[asyncpg.Record]]) -> defaultdict[str, _Tally]:
    """The statistics rows tallied per municipality."""
    tallies: defaultdict[str, _Tally] = defaultdict(_Tally)
    # Loops below run over aggregate rows (at most municipalities times codes), not records.
    for r in rows["organizations"]:
        t = tallies[r["municipality_code"]]
        t.organizations_by_type[r["type"]] += r["n"]
        t.organizations_by_ethnic_focus[r["ethnic_focus"]] += r["n"]
    for r in rows["opi"]:
        t = tallies[r["municipality_code"]]
        t.verified_by_kind["baseline"] += r["verified_baseline"]
        t.verified_by_kind["follow_up"] += r["verified_follow_up"]
        t.with_baseline, t.assessed_twice, t.improved = (
            r["with_baseline"],
            r["assessed_twice"],
            r["improved"],
        )
        t.baseline_sum = r["baseline_sum"] or Decimal(0)
        t.latest_sum = r["latest_sum"] or Decimal(0)
    for r in rows["plans"]:
        tallies[r["municipality_code"]].plans_by_status[r["status"]] += r["n"]
    for r in rows["support"]:
        t = tallies[r["municipality_code"]]
        if r["kind"] is None:
            t.organizations_supported = r["organizations"]
            t.organizations_communications_or_relations = r[
                "organizations_communications_or_relations"
            ]
        else:
            t.support_activities[r["kind"]] += r["n"]
            t.support_organizations[r["kind"]] += r["organizations"]
            t.support_hours[r["kind"]] = r["hours"]
    breakdowns = [
        (name, code) for name, codes in repository.BENEFICIARY_BREAKDOWNS.items() for code in codes
    ]
    for r in rows["initiatives"]:
        t = tallies[r["municipality_code"]]
        t.initiatives_by_status[r["status"]] += r["n"]
        t.initiatives_by_methodology[r["methodology"]] += r["n"]
        t.initiatives_by_methodology_status[r["methodology"], r["status"]] += r["n"]
        t.budget_cop += int(r["budget_cop"])
        t.beneficiaries += int(r["beneficiaries"])
        for (name, code), n in zip(breakdowns, r[6:], strict=True):
            t.breakdowns[name][code] += n
    return tallies


RECORD_LIST_LIMIT = 200


async def organization_record(
    session: AsyncSession, *, organization_id: uuid.UUID, principal: Principal
) -> OrganizationRecord:
    """The organization, its OPI performance, assessments, strengthening plans (with
    progress) and support, each read as its own endpoint reads it, in one session."""
    organization = await load_organization(
        session, organization_id=organization_id, principal=principal
    )
    page = PageParams(limit=RECORD_LIST_LIMIT, cursor=None)
    assessments, _ = finish_page(
        await repository.list_assessments(session, organization.id, page),
        page,
        lambda a: (a.created_at, a.id),
    )
    plans, _ = await list_plans(
        session,
        principal=principal,
        filters=repository.PlanFilters(organization_id=organization.id),
        page=page,
    )
    support, _ = await list_support_activities(
        session,
        principal=principal,
        filters=repository.SupportFilters(organization_id=organization.id),
        page=page,
    )
    return OrganizationRecord(
        organization=organization_read(organization),
        performance=await performance(session, organization=organization),
        assessments=[assessment_read(a) for a in assessments],
        strengthening_plans=plans,
        support_activities=[support_read(s) for s in support],
    )
