"""Every statement about OPI assessments."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.pagination import PageParams, keyset
from services.organizations.models import Assessment


async def get_assessment(
    session: AsyncSession, assessment_id: uuid.UUID, *, for_update: bool = False
) -> Assessment | None:
    """One assessment by id, locked when ``for_update``."""
    return await session.get(Assessment, assessment_id, with_for_update=for_update or None)


async def baseline_of(session: AsyncSession, organization_id: uuid.UUID) -> Assessment | None:
    """The organization's baseline assessment, verified or not."""
    stmt = select(Assessment).where(
        col(Assessment.organization_id) == organization_id,
        col(Assessment.kind) == "baseline",
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_assessments(
    session: AsyncSession, organization_id: uuid.UUID, page: PageParams
) -> Sequence[Assessment]:
    """One keyset page of the organization's assessments."""
    a = Assessment
    stmt = select(a).where(col(a.organization_id) == organization_id)
    stmt = keyset(stmt, (col(a.created_at), col(a.id)), page)
    return (await session.execute(stmt)).scalars().all()


async def verified_assessments(
    session: AsyncSession, organization_id: uuid.UUID
) -> Sequence[Assessment]:
    """Verified assessments of one organization, oldest first."""
    a = Assessment
    stmt = (
        select(a)
        .where(
            col(a.organization_id) == organization_id,
            col(a.status) == "verified",
        )
        .order_by(col(a.assessed_on), col(a.created_at))
    )
    return (await session.execute(stmt)).scalars().all()
