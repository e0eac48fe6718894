"""Statements on technical reviews."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.common.pagination import PageParams, keyset
from services.security_plans.models import PlanReview


async def list_reviews(
    session: AsyncSession, plan_id: uuid.UUID, page: PageParams
) -> Sequence[PlanReview]:
    """One keyset page of a plan's reviews."""
    r = PlanReview
    stmt = select(r).where(col(r.plan_id) == plan_id)
    paged = keyset(stmt, (col(r.created_at), col(r.id)), page)  # type: ignore[arg-type]
    return (await session.execute(paged)).scalars().all()
