"""Rules of community initiatives: territory, lead organization, status, beneficiaries."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.disclosure import Disclosure, protect_summary
from services.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.common.fastlist_json import JsonField, json_value
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.common.territory import Territories, check_municipality
from services.organizations.initiatives import repository
from services.organizations.initiatives.schemas import (
    Beneficiaries,
    BeneficiariesRead,
    CommunityInitiativeCreate,
    CommunityInitiativeRead,
    CommunityInitiativeUpdate,
    InitiativeTransition,
)
from services.organizations.models import CommunityInitiative
from services.organizations.records import RecordArchived
from services.organizations.registry import service as registry
from services.organizations.vocabularies import (
    AgeGroup,
    Ethnicity,
    InitiativeStatus,
    Methodology,
    RiskFactor,
    Sex,
)

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


BENEFICIARY_BREAKDOWNS = ("by_sex", "by_age_group", "by_ethnicity")


def protect_beneficiaries(
    beneficiaries: dict[str, Any], *, disclosure: Disclosure, prefix: str
) -> list[str]:
    """Withhold small beneficiary cells in place; their paths under ``prefix``."""
    paths = protect_summary(beneficiaries, disclosure=disclosure, breakdowns=BENEFICIARY_BREAKDOWNS)
    return [prefix + path for path in paths]


def beneficiary_fields(row: Mapping[str, Any], *, disclosure: Disclosure) -> dict[str, Any]:
    """``beneficiaries`` and ``suppressed`` of an initiative's row as JSON values, as
    ``initiative_read`` shows them (the lean list writes the rest from the row)."""
    beneficiaries = json_value(row["beneficiaries"])  # a new object: safe to protect in place
    suppressed = protect_beneficiaries(
        beneficiaries, disclosure=disclosure, prefix="beneficiaries."
    )
    return {"beneficiaries": _BENEFICIARIES(beneficiaries), "suppressed": suppressed}


_BENEFICIARIES = JsonField(BeneficiariesRead)


def initiative_read(
    initiative: CommunityInitiative, *, disclosure: Disclosure
) -> CommunityInitiativeRead:
    """The response body of a community initiative (small beneficiary cells withheld unless
    ``disclosure`` is exact)."""
    beneficiaries = copy.deepcopy(initiative.beneficiaries)
    suppressed = protect_beneficiaries(
        beneficiaries, disclosure=disclosure, prefix="beneficiaries."
    )
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
        beneficiaries=BeneficiariesRead.model_validate(beneficiaries),
        suppressed=suppressed,
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
    """A new initiative; returns it and whether it is new (False: same id and content)."""
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = _initiative_fields(data)
    if data.id is not None:
        existing = await repository.get_initiative(session, data.id)
        if existing is not None:
            visible = principal.can_access(existing.municipality_code)
            return replay_or_refuse(
                existing, fields, what="Community initiative", visible=visible
            ), False
    if data.lead_organization_id is not None:
        await registry.referenced_organization(
            session,
            organization_id=data.lead_organization_id,
            principal=principal,
            field="lead_organization_id",
        )
    initiative = CommunityInitiative(**fields, id=data.id or uuid.uuid4())
    session.add(initiative)
    await flush(session)
    return initiative, True


async def load_initiative(
    session: AsyncSession,
    *,
    initiative_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> CommunityInitiative:
    """The initiative, 404 when it does not exist or is outside the territory."""
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
    """One page of initiatives and the cursor of the next."""
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
    """Change an open initiative; beneficiaries are recorded with every breakdown."""
    _ensure_initiative_open(initiative)
    values = changes.model_dump(exclude_unset=True, exclude={"beneficiaries"})
    if "municipality_code" in values:
        check_municipality(territories, values["municipality_code"])
        ensure_territory(principal, values["municipality_code"], hide=False)
        values["department_code"] = values["municipality_code"][:2]
    if values.get("lead_organization_id") is not None:
        await registry.referenced_organization(
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
    bump_version(initiative)
    await flush(session)
    return initiative


async def archive_initiative(
    session: AsyncSession, *, initiative: CommunityInitiative
) -> CommunityInitiative:
    """Set ``archived_at`` (once); the initiative stays readable with include_archived."""
    if archive(initiative):
        await flush(session)
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
    bump_version(initiative)
    await flush(session)
    return initiative
