"""Statements on progress reports."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from services.security_plans.models import ProgressReport


async def report_exists(session: AsyncSession, action_id: uuid.UUID, period: str) -> bool:
    """True when the action already has a report for the period."""
    stmt = select(ProgressReport.id).where(
        col(ProgressReport.action_id) == action_id, col(ProgressReport.period) == period
    )
    return (await session.execute(stmt.limit(1))).first() is not None


async def list_reports(session: AsyncSession, action_id: uuid.UUID) -> Sequence[ProgressReport]:
    """An action's reports, oldest period first."""
    stmt = (
        select(ProgressReport)
        .where(col(ProgressReport.action_id) == action_id)
        .order_by(col(ProgressReport.period_start))
    )
    return (await session.execute(stmt)).scalars().all()
