"""Statements on risk factors."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.pagination import PageParams, keyset
from services.events.models import RiskFactor


async def get_risk_factor(
    session: AsyncSession, risk_factor_id: uuid.UUID, *, for_update: bool = False
) -> RiskFactor | None:
    """One risk factor by id (locked when ``for_update``)."""
    stmt = select(RiskFactor).where(RiskFactor.id == risk_factor_id)  # type: ignore[arg-type]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_risk_factors(
    session: AsyncSession, event_id: uuid.UUID, page: PageParams, *, include_archived: bool = False
) -> Sequence[RiskFactor]:
    """One page of an event's risk factors, oldest first."""
    r = RiskFactor
    stmt = select(r).where(r.event_id == event_id)  # type: ignore[arg-type]
    if not include_archived:
        stmt = stmt.where(r.archived_at.is_(None))  # type: ignore[union-attr]
    stmt = keyset(stmt, (r.created_at, r.id), page)
    return (await session.execute(stmt)).scalars().all()
