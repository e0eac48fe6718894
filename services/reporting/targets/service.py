"""Target rules: set or change a target, and keep who changed it, when and why."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.concurrency import require_if_match
from services.common.errors import Forbidden
from services.common.records import bump_version, flush
from services.reporting.models import Indicator, IndicatorTarget, TargetChange
from services.reporting.targets import repository
from services.reporting.targets.schemas import TargetChangeRead, TargetRead


def target_read(indicator: Indicator, target: IndicatorTarget) -> TargetRead:
    return TargetRead(
        indicator_code=indicator.code,
        fiscal_year=target.fiscal_year,
        department_code=target.department_code,
        value=target.value,
        rationale=target.rationale,
        set_by=target.set_by,
        updated_at=target.updated_at,
        version=target.version,
    )


def change_read(change: TargetChange) -> TargetChangeRead:
    return TargetChangeRead.model_validate(change)


async def put_target(
    session: AsyncSession,
    request: Request,
    *,
    indicator: Indicator,
    fiscal_year: int | None,
    department_code: str | None,
    value: float,
    rationale: str | None,
    principal: Principal,
) -> tuple[IndicatorTarget, bool]:
    """Set a target (If-Match once it exists); every change goes into the history.

    A department's target may be set by a caller whose territory covers the department.
    """
    if department_code is not None and principal.is_territorially_limited:
        if department_code not in (principal.departments or ()):
            raise Forbidden(f"The token does not cover department {department_code}.")
    elif department_code is None and principal.is_territorially_limited:
        raise Forbidden("Programme-wide targets need a token without territorial limits.")
    target = await repository.find_target(
        session,
        indicator_id=indicator.id,
        fiscal_year=fiscal_year,
        department_code=department_code,
    )
    previous = None
    created = target is None
    if target is None:
        target = IndicatorTarget(
            indicator_id=indicator.id,
            fiscal_year=fiscal_year,
            department_code=department_code,
            value=value,
            rationale=rationale,
            set_by=principal.sub,
        )
        session.add(target)
    else:
        require_if_match(request, target.version)
        if target.value == value and target.rationale == rationale:
            return target, False  # nothing changed: no history entry
        previous = target.value
        target.value, target.rationale, target.set_by = value, rationale, principal.sub
        bump_version(target)
    session.add(
        TargetChange(
            indicator_id=indicator.id,
            fiscal_year=fiscal_year,
            department_code=department_code,
            previous_value=previous,
            value=value,
            rationale=rationale,
            changed_by=principal.sub,
        )
    )
    await flush(session)
    return target, created


async def list_targets(session: AsyncSession, indicator: Indicator) -> list[TargetRead]:
    return [target_read(indicator, t) for t in await repository.list_targets(session, indicator.id)]


async def history(session: AsyncSession, indicator: Indicator) -> list[TargetChangeRead]:
    return [change_read(c) for c in await repository.history(session, indicator.id)]
