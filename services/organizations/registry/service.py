"""Rules of the organization registry: names unique per municipality, territory, archiving."""

from __future__ import annotations

import uuid

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import Conflict, InvalidInput, NotFound
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.common.territory import Territories, check_municipality
from services.common.text import normalize
from services.organizations.models import Organization
from services.organizations.registry import repository
from services.organizations.registry.schemas import (
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
)


class DuplicateOrganization(Conflict):
    slug, title = "duplicate-organization", "An organization with that name already exists"


class OrganizationArchived(Conflict):
    slug, title = "organization-archived", "The organization is archived"


ERRORS = {
    "uq_organizations_municipality_code_name_key": lambda: DuplicateOrganization(
        "An organization with that name already exists in that municipality."
    ),
}


def organization_read(row: Organization | asyncpg.Record) -> OrganizationRead:
    """The response body of an organization, from the ORM row or a raw pool row."""
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
            visible = principal.can_access(existing.municipality_code)
            return replay_or_refuse(existing, fields, what="Organization", visible=visible), False
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
    session.add(organization)
    await flush(session, ERRORS)
    return organization, True


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
    """The organization, 404 when it does not exist or is outside the caller's territory."""
    organization = await repository.get_organization(
        session, organization_id, for_update=for_update
    )
    if organization is None or not principal.can_access(organization.municipality_code):
        raise NotFound(f"No organization with id {organization_id}.")
    return organization


async def visible_organization(
    session: AsyncSession, *, organization_id: uuid.UUID, principal: Principal
) -> Organization | None:
    """The organization when it exists and the caller's territory covers it, else None."""
    organization = await repository.get_organization(session, organization_id)
    if organization is None or not principal.can_access(organization.municipality_code):
        return None
    return organization


async def organization_visible(
    session: AsyncSession, organization_id: uuid.UUID, principal: Principal
) -> bool:
    """Records tied to an organization are visible where the organization is."""
    found = await visible_organization(
        session, organization_id=organization_id, principal=principal
    )
    return found is not None


async def referenced_organization(
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


async def lock_organization(session: AsyncSession, organization_id: uuid.UUID) -> None:
    """Lock the organization's row until the transaction ends (serialises checks on it)."""
    await repository.get_organization(session, organization_id, for_update=True)


async def list_organizations(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.OrganizationFilters,
    page: PageParams,
) -> tuple[list[Organization], str | None]:
    """One page of organizations and the cursor of the next."""
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
    """Apply the changes; the name stays unique in the municipality."""
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
    bump_version(organization)
    await flush(session, ERRORS)
    return organization


async def archive_organization(
    session: AsyncSession, *, organization: Organization
) -> Organization:
    """Set ``archived_at`` (once); the organization stays readable with include_archived."""
    if archive(organization):
        await flush(session, ERRORS)
    return organization
