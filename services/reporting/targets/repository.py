"""Every statement about targets and their history."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from services.reporting.models import IndicatorTarget, TargetChange


async def find_target(
    session: AsyncSession,
    *,
    indicator_id: uuid.UUID,
    fiscal_year: int | None,
    department_code: str | None,
) -> IndicatorTarget | None:
    year = IndicatorTarget.fiscal_year
    dept = IndicatorTarget.department_code
    rows = await session.execute(
        select(IndicatorTarget)
        .where(
            IndicatorTarget.indicator_id == indicator_id,
            year.is_(None) if fiscal_year is None else year == fiscal_year,  # type: ignore[union-attr]
            dept.is_(None) if department_code is None else dept == department_code,  # type: ignore[union-attr]
        )
        .with_for_update()
    )
    return rows.scalars().first()


async def list_targets(session: AsyncSession, indicator_id: uuid.UUID) -> list[IndicatorTarget]:
    rows = await session.execute(
        select(IndicatorTarget)
        .where(IndicatorTarget.indicator_id == indicator_id)
        .order_by(
            IndicatorTarget.fiscal_year.is_not(None),  # type: ignore[union-attr]
            IndicatorTarget.fiscal_year,  # type: ignore[arg-type]
            IndicatorTarget.department_code.is_not(None),  # type: ignore[union-attr]
            IndicatorTarget.department_code,  # type: ignore[arg-type]
        )
    )
    return list(rows.scalars())


async def history(session: AsyncSession, indicator_id: uuid.UUID) -> list[TargetChange]:
    rows = await session.execute(
        select(TargetChange)
        .where(TargetChange.indicator_id == indicator_id)
        .order_by(TargetChange.changed_at.desc(), TargetChange.id.desc())  # type: ignore[attr-defined]
    )
    return list(rows.scalars())
