"""Every statement about quarter submissions."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from services.reporting.models import QuarterSubmission


async def active_submissions(
    session: AsyncSession, fiscal_year: int
) -> dict[int, QuarterSubmission]:
    """The quarters of a fiscal year as submitted now (reopened ones left out), by number."""
    rows = await session.execute(
        select(QuarterSubmission).where(
            QuarterSubmission.fiscal_year == fiscal_year,
            QuarterSubmission.reopened_at.is_(None),  # type: ignore[union-attr]
        )
    )
    return {s.quarter: s for s in rows.scalars()}


async def active_submission(
    session: AsyncSession, fiscal_year: int, quarter: int, *, lock: bool = False
) -> QuarterSubmission | None:
    statement = select(QuarterSubmission).where(
        QuarterSubmission.fiscal_year == fiscal_year,
        QuarterSubmission.quarter == quarter,
        QuarterSubmission.reopened_at.is_(None),  # type: ignore[union-attr]
    )
    if lock:
        statement = statement.with_for_update()
    rows = await session.execute(statement)
    return rows.scalars().first()


async def submissions_of(
    session: AsyncSession, fiscal_year: int, quarter: int
) -> list[QuarterSubmission]:
    """Every submission of a quarter, the oldest first (reopened ones included)."""
    rows = await session.execute(
        select(QuarterSubmission)
        .where(QuarterSubmission.fiscal_year == fiscal_year, QuarterSubmission.quarter == quarter)
        .order_by(QuarterSubmission.submitted_at)  # type: ignore[arg-type]
    )
    return list(rows.scalars())
