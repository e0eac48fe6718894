"""Every statement about organizations themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.common.text import like_pattern
from services.organizations.models import Organization

ORGANIZATION_COLUMNS = (
    "id, name, acronym, type, ethnic_focus, municipality_code, department_code, founded_year, "
    "members_count, focus_areas, contact_email, contact_phone, status, version, created_at, "
    "updated_at, archived_at"
)


@dataclass(frozen=True)
class OrganizationFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    type: str | None = None
    ethnic_focus: str | None = None
    status: str | None = None
    q: str | None = None
    include_archived: bool = False


async def fetch_organization_row(
    pool: asyncpg.Pool, organization_id: uuid.UUID
) -> asyncpg.Record | None:
    """One organization by id through the raw pool (the hot read path, no ORM)."""
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1", organization_id
        )


async def get_organization(
    session: AsyncSession, organization_id: uuid.UUID, *, for_update: bool = False
) -> Organization | None:
    """One organization by id, locked when ``for_update``."""
    return await session.get(Organization, organization_id, with_for_update=for_update or None)


async def name_taken(
    session: AsyncSession,
    *,
    municipality_code: str,
    name_key: str,
    excluding: uuid.UUID | None = None,
) -> bool:
    """Whether an active organization of the municipality already has that name key."""
    stmt = select(col(Organization.id)).where(
        col(Organization.municipality_code) == municipality_code,
        col(Organization.name_key) == name_key,
        col(Organization.archived_at).is_(None),
    )
    if excluding is not None:
        stmt = stmt.where(col(Organization.id) != excluding)
    return (await session.execute(stmt.limit(1))).first() is not None


async def list_organizations(
    session: AsyncSession, *, principal: Principal, filters: OrganizationFilters, page: PageParams
) -> Sequence[Organization]:
    """One keyset page of organizations in the caller's territories."""
    o = Organization
    stmt = select(o).where(
        principal.territory_clause(col(o.municipality_code), col(o.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(o.archived_at).is_(None))
    for column, value in (
        (o.municipality_code, filters.municipality_code),
        (o.department_code, filters.department_code),
        (o.type, filters.type),
        (o.ethnic_focus, filters.ethnic_focus),
        (o.status, filters.status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.q:
        stmt = stmt.where(col(o.search_text).like(like_pattern(filters.q), escape="\\"))
    stmt = keyset(stmt, (col(o.created_at), col(o.id)), page)
    return (await session.execute(stmt)).scalars().all()
