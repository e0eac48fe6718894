"""Every statement about capacity support activities."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.auth import Principal
from services.common.pagination import PageParams, keyset
from services.organizations.models import Organization, SupportActivity


@dataclass(frozen=True)
class SupportFilters:
    organization_id: uuid.UUID | None = None
    kind: str | None = None
    municipality_code: str | None = None
    department_code: str | None = None
    delivered_from: date | None = None
    delivered_to: date | None = None
    include_archived: bool = False


async def get_support_activity(
    session: AsyncSession, activity_id: uuid.UUID, *, for_update: bool = False
) -> SupportActivity | None:
    """One support activity by id, locked when ``for_update``."""
    return await session.get(SupportActivity, activity_id, with_for_update=for_update or None)


async def list_support_activities(
    session: AsyncSession, *, principal: Principal, filters: SupportFilters, page: PageParams
) -> Sequence[SupportActivity]:
    """One keyset page of activities whose organization is in the caller's territories."""
    s, o = SupportActivity, Organization
    stmt = (
        select(s)
        .join(o, col(o.id) == col(s.organization_id))
        .where(principal.territory_clause(o.municipality_code, o.department_code))
    )
    if not filters.include_archived:
        stmt = stmt.where(col(s.archived_at).is_(None))
    for column, value in (
        (col(s.organization_id), filters.organization_id),
        (col(s.kind), filters.kind),
        (col(o.municipality_code), filters.municipality_code),
        (col(o.department_code), filters.department_code),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.delivered_from is not None:
        stmt = stmt.where(col(s.delivered_on) >= filters.delivered_from)
    if filters.delivered_to is not None:
        stmt = stmt.where(col(s.delivered_on) <= filters.delivered_to)
    stmt = keyset(stmt, (s.created_at, s.id), page)
    return (await session.execute(stmt)).scalars().all()
