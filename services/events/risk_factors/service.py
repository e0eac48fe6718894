"""Rules of risk factors: recorded while the event takes records, archived, never erased."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.errors import NotFound
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, flush, replay_or_refuse
from services.events import records
from services.events.models import Event, RiskFactor
from services.events.risk_factors import repository
from services.events.risk_factors.schemas import RiskFactorCreate


async def create_risk_factor(
    session: AsyncSession, *, event: Event, data: RiskFactorCreate
) -> tuple[RiskFactor, bool]:
    """Record a risk factor; returns it and whether it is new (False: same id and content)."""
    records.ensure_writable(event, allow_cancelled=False)
    if data.id is not None:
        existing = await repository.get_risk_factor(session, data.id)
        if existing is not None:
            fields = {
                "event_id": event.id,
                "category": data.category,
                "description": data.description,
            }
            return replay_or_refuse(existing, fields, what="Risk factor"), False
    risk = RiskFactor(
        id=data.id or uuid.uuid4(),
        event_id=event.id,
        category=data.category.value,
        description=data.description,
    )
    session.add(risk)
    await flush(session)
    return risk, True


async def load_risk_factor(
    session: AsyncSession, *, event: Event, risk_factor_id: uuid.UUID, for_update: bool = False
) -> RiskFactor:
    """The risk factor of this event, or 404."""
    risk = await repository.get_risk_factor(session, risk_factor_id, for_update=for_update)
    if risk is None or risk.event_id != event.id:
        raise NotFound(f"No risk factor with id {risk_factor_id} in this event.")
    return risk


async def list_risk_factors(
    session: AsyncSession, *, event: Event, page: PageParams, include_archived: bool
) -> tuple[list[RiskFactor], str | None]:
    """One page of the event's risk factors, and the cursor of the next."""
    rows = await repository.list_risk_factors(
        session, event.id, page, include_archived=include_archived
    )
    return finish_page(rows, page, lambda r: (r.created_at, r.id))


async def archive_risk_factor(session: AsyncSession, *, risk: RiskFactor) -> RiskFactor:
    """Archive the risk factor (idempotent)."""
    if archive(risk):
        await flush(session)
    return risk
