"""Rules of prevention strategies: their lifecycle and the plan they belong to."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.colombia import colombia_today
from services.common.errors import InvalidInput, InvalidTransition, NotFound
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.common.territory import Territories, check_municipality
from services.security_plans.models import PreventionStrategy
from services.security_plans.plans.repository import get_plan
from services.security_plans.strategies import repository
from services.security_plans.strategies.schemas import (
    StrategyCreate,
    StrategyTransition,
    StrategyUpdate,
)

STRATEGY_TRANSITIONS: dict[str, list[str]] = {
    "designed": ["implementing", "discontinued"],
    "implementing": ["implemented", "discontinued"],
    "implemented": ["evaluated"],
    "evaluated": [],
    "discontinued": [],
}


async def _check_strategy_plan(
    session: AsyncSession, plan_id: uuid.UUID | None, municipality_code: str
) -> None:
    if plan_id is None:
        return
    plan = await get_plan(session, plan_id)
    if plan is None or plan.archived_at is not None:
        raise InvalidInput("security_plan_id", "is not an active security plan")
    if plan.municipality_code != municipality_code:
        raise InvalidInput(
            "security_plan_id",
            f"is a plan of municipality {plan.municipality_code}, not {municipality_code}",
        )


async def create_strategy(
    session: AsyncSession, *, data: StrategyCreate, principal: Principal, territories: Territories
) -> tuple[PreventionStrategy, bool]:
    """Design a strategy; returns it and whether it is new."""
    check_municipality(territories, data.municipality_code)
    ensure_territory(principal, data.municipality_code, hide=False)
    fields = data.model_dump(exclude={"id"}, mode="json")
    fields["started_on"] = data.started_on
    fields["security_plan_id"] = data.security_plan_id
    existing = None if data.id is None else await session.get(PreventionStrategy, data.id)
    if existing is not None:
        visible = principal.can_access(existing.municipality_code)
        return replay_or_refuse(
            existing, fields, what="Prevention strategy", visible=visible
        ), False
    await _check_strategy_plan(session, data.security_plan_id, data.municipality_code)
    strategy = PreventionStrategy(
        **fields, id=data.id or uuid.uuid4(), department_code=data.municipality_code[:2]
    )
    session.add(strategy)
    await flush(session)
    return strategy, True


async def load_strategy(
    session: AsyncSession, *, strategy_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> PreventionStrategy:
    """The strategy, or 404 when it does not exist or lies outside the caller's territory."""
    strategy = await repository.get_strategy(session, strategy_id, for_update=for_update)
    if strategy is None or not principal.can_access(strategy.municipality_code):
        raise NotFound(f"No prevention strategy with id {strategy_id}.")
    return strategy


async def list_strategies(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.StrategyFilters,
    page: PageParams,
) -> tuple[list[PreventionStrategy], str | None]:
    """One page of strategies and the cursor of the next."""
    rows = await repository.list_strategies(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda s: (s.created_at, s.id))


async def update_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy, changes: StrategyUpdate
) -> PreventionStrategy:
    """Change a strategy (its plan must be an active plan of the same municipality)."""
    values = changes.model_dump(exclude_unset=True, mode="json")
    if "security_plan_id" in values:
        values["security_plan_id"] = changes.security_plan_id
        await _check_strategy_plan(session, changes.security_plan_id, strategy.municipality_code)
    if "started_on" in values:
        values["started_on"] = changes.started_on
    for key, value in values.items():
        setattr(strategy, key, value)
    bump_version(strategy)
    await flush(session)
    return strategy


async def archive_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy
) -> PreventionStrategy:
    """Archive a strategy (idempotent)."""
    if archive(strategy):
        await flush(session)
    return strategy


async def transition_strategy(
    session: AsyncSession, *, strategy: PreventionStrategy, request: StrategyTransition
) -> PreventionStrategy:
    """Apply a lifecycle transition with the data its target needs."""
    to = request.to.value
    allowed = STRATEGY_TRANSITIONS[strategy.status]
    if to not in allowed:
        raise InvalidTransition(current=strategy.status, requested=to, allowed=allowed)
    if to == "implementing":
        started = request.started_on or strategy.started_on
        if started is None:
            raise InvalidInput("started_on", "is required to start implementing a strategy")
        if started > colombia_today():
            raise InvalidInput("started_on", "cannot be in the future")
        strategy.started_on = started
    elif to == "evaluated":
        note = request.results_note or strategy.results_note
        if not note:
            raise InvalidInput("results_note", "is required to record an evaluation")
        strategy.results_note = note
    elif to == "discontinued" and not request.reason:
        raise InvalidInput("reason", "is required to discontinue a strategy")
    if to != "implementing" and request.started_on is not None:
        strategy.started_on = request.started_on
    if to != "evaluated" and request.results_note is not None:
        strategy.results_note = request.results_note
    strategy.status = to
    strategy.status_reason = request.reason
    bump_version(strategy)
    await flush(session)
    return strategy
