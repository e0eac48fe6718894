"""Every statement about community initiatives."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import any_, literal
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.organizations.models import CommunityInitiative


@dataclass(frozen=True)
class InitiativeFilters:
    municipality_code: str | None = None
    department_code: str | None = None
    status: str | None = None
    methodology: str | None = None
    lead_organization_id: uuid.UUID | None = None
    risk_factor: str | None = None
    starts_from: date | None = None
    starts_to: date | None = None
    include_archived: bool = False


async def get_initiative(
    session: AsyncSession, initiative_id: uuid.UUID, *, for_update: bool = False
) -> CommunityInitiative | None:
    """One community initiative by id, locked when ``for_update``."""
    return await session.get(CommunityInitiative, initiative_id, with_for_update=for_update or None)


async def list_initiatives(
    session: AsyncSession, *, principal: Principal, filters: InitiativeFilters, page: PageParams
) -> Sequence[CommunityInitiative]:
    """One keyset page of initiatives in the caller's territories."""
    c = CommunityInitiative
    stmt = select(c).where(principal.territory_clause(c.municipality_code, c.department_code))
    if not filters.include_archived:
        stmt = stmt.where(col(c.archived_at).is_(None))
    for column, value in (
        (col(c.municipality_code), filters.municipality_code),
        (col(c.department_code), filters.department_code),
        (col(c.status), filters.status),
        (col(c.methodology), filters.methodology),
        (col(c.lead_organization_id), filters.lead_organization_id),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.risk_factor is not None:
        stmt = stmt.where(literal(filters.risk_factor) == any_(col(c.risk_factors_addressed)))
    if filters.starts_from is not None:
        stmt = stmt.where(col(c.start_date) >= filters.starts_from)
    if filters.starts_to is not None:
        stmt = stmt.where(col(c.start_date) <= filters.starts_to)
    stmt = keyset(stmt, (c.created_at, c.id), page)
    return (await session.execute(stmt)).scalars().all()
