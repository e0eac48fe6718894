"""What the organizations service's resources share: access aliases, dates, record upkeep.

Kept in one place until the shared record kit in ``services/common/`` replaces it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import Depends
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from services.common.auth import Principal, require_scope
from services.common.errors import Conflict, InvalidInput
from services.common.models import utcnow
from services.common.pagination import PageParams, page_params
from services.common.territory import Territories

Reader = Annotated[Principal, Depends(require_scope("organizations:read"))]
Writer = Annotated[Principal, Depends(require_scope("organizations:write"))]
Page = Annotated[PageParams, Depends(page_params)]

TWO_PLACES = Decimal("0.01")
COLOMBIA = ZoneInfo("America/Bogota")

Row = TypeVar("Row", bound=SQLModel)


class IdReused(Conflict):
    slug, title = "id-reused", "That id already belongs to different content"


class DuplicateOrganization(Conflict):
    slug, title = "duplicate-organization", "An organization with that name already exists"


class OpenPlanExists(Conflict):
    slug, title = "open-plan-exists", "The organization already has an open plan"


class RecordArchived(Conflict):
    slug, title = "record-archived", "The record is archived"


def colombia_today() -> date:
    """Today's date in Colombia, where due dates and delivery dates are meant."""
    return datetime.now(COLOMBIA).date()


def check_municipality(
    territories: Territories, code: str, field: str = "municipality_code"
) -> None:
    """422 naming ``field`` when the code is not a municipality (strict with DIVIPOLA loaded)."""
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput(field, problem)


def bump(row: Any) -> None:
    """Count a change of the record: next version, new ``updated_at``."""
    row.version += 1
    row.updated_at = utcnow()


def same(existing: Any, fields: Mapping[str, Any]) -> bool:
    """Whether the record already holds these field values (a replayed create)."""
    return all(getattr(existing, key) == value for key, value in fields.items())


def add(session: AsyncSession, row: Any) -> None:
    """Stage a new row in the session."""
    session.add(row)


async def one_by_id(
    session: AsyncSession, model: type[Row], row_id: uuid.UUID, *, for_update: bool
) -> Row | None:
    """The row of ``model`` with that id, locked when ``for_update``."""
    stmt = select(model).where(col(model.id) == row_id)  # type: ignore[attr-defined]
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def flush(session: AsyncSession) -> None:
    """Flush organizations and assessments; constraint violations become typed errors."""
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_organizations_municipality_code_name_key" in text:
            raise DuplicateOrganization(
                "An organization with that name already exists in that municipality."
            ) from exc
        if "pk_organizations" in text or "pk_assessments" in text:
            raise IdReused("That id is already in use.") from exc
        if "uq_assessments_one_baseline" in text:
            raise Conflict("The organization already has a baseline assessment.") from exc
        raise


async def flush_record(session: AsyncSession) -> None:
    """Flush plans, actions, support and initiatives; violations become typed errors."""
    try:
        await session.flush()
    except IntegrityError as exc:
        text = str(exc.orig)
        if "uq_strengthening_plans_one_open" in text:
            raise OpenPlanExists(
                "The organization already has an open strengthening plan."
            ) from exc
        if "pk_" in text:
            raise IdReused("That id is already in use.") from exc
        raise
