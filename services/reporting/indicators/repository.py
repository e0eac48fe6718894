"""Every statement about indicators."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from services.reporting.models import Indicator, IndicatorTarget


async def list_indicators(session: AsyncSession) -> list[Indicator]:
    """Live indicators in the framework's order."""
    rows = await session.execute(
        select(Indicator)
        .where(Indicator.archived_at.is_(None))  # type: ignore[union-attr]
        .order_by(Indicator.position)  # type: ignore[arg-type]
    )
    return list(rows.scalars())


async def get_by_code(session: AsyncSession, code: str) -> Indicator | None:
    rows = await session.execute(
        select(Indicator).where(
            sa.func.upper(Indicator.code) == code.upper(),
            Indicator.archived_at.is_(None),  # type: ignore[union-attr]
        )
    )
    return rows.scalars().first()


async def code_taken(session: AsyncSession, code: str) -> bool:
    found = await session.scalar(
        sa.select(sa.func.count()).where(sa.func.upper(Indicator.code) == code.upper())
    )
    return bool(found)


async def next_position(session: AsyncSession) -> int:
    current = await session.scalar(sa.select(sa.func.max(Indicator.position)))
    return int(current or 0) + 1


async def programme_targets(
    session: AsyncSession, *, fiscal_year: int | None, department_code: str | None = None
) -> dict[uuid.UUID, float]:
    """Each indicator's target for a fiscal year (None: the life of the project), for the
    whole programme or one department."""
    year = IndicatorTarget.fiscal_year
    dept = IndicatorTarget.department_code
    rows = await session.execute(
        sa.select(IndicatorTarget.indicator_id, IndicatorTarget.value).where(  # type: ignore[call-overload]
            year.is_(None) if fiscal_year is None else year == fiscal_year,  # type: ignore[union-attr]
            dept.is_(None) if department_code is None else dept == department_code,  # type: ignore[union-attr]
        )
    )
    return {row.indicator_id: row.value for row in rows}
