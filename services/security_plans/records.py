"""What only the security_plans service's resources share: its paths and scopes, field types,
figures, and the records that hang off a plan (the common record kit does the rest)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, TypeVar, cast

import sqlalchemy as sa
from fastapi import Depends, Query, Response
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, select

from services.common.auth import Principal, require_scope
from services.common.concurrency import set_etag
from services.common.errors import Conflict, NotFound, problem_responses
from services.common.fastlist import Parent
from services.common.pagination import PageParams, page_params
from services.common.records import replay_or_refuse

T = TypeVar("T", bound=SQLModel)

TWO_PLACES = Decimal("0.01")
FIRST_TERM_YEAR = 2016

PLANS = "/api/v1/security-plans"
PLAN = PLANS + "/{plan_id}"
# The plan of a lean list (``fastlist``): it must exist and lie in the caller's territory.
PLAN_PARENT = Parent(
    "plan_id", "SELECT municipality_code FROM security_plans WHERE id = $1", column="plan_id"
)
Reader = Annotated[Principal, Depends(require_scope("plans:read"))]
Writer = Annotated[Principal, Depends(require_scope("plans:write"))]
PageQuery = Annotated[PageParams, Depends(page_params)]
IncludeArchived = Annotated[bool, Query(description="Include archived records")]
WRITE_ERRORS = problem_responses(404, 409, 412, 428)

Title = Annotated[
    str, Field(min_length=3, max_length=300, examples=["PISCC Santander de Quilichao 2024-2027"])
]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
LongText = Annotated[str, Field(min_length=1, max_length=8000)]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]
Pesos = Annotated[int, Field(ge=0, le=10**15, description="Colombian pesos (integer)")]
Measure = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]
Year = Annotated[int, Field(ge=1990, le=2100)]


class InUse(Conflict):
    slug, title = "in-use", "Other records still depend on this one"


def dedupe(values: list[str] | None) -> list[str] | None:
    """The values without repeats, first occurrence kept."""
    if values is None:
        return None
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def percent(part: float | int | Decimal, whole: float | int | Decimal) -> float | None:
    """part / whole x 100 with two decimals (half up); None when whole is zero."""
    if whole == 0:
        return None
    value = Decimal(str(part)) * 100 / Decimal(str(whole))
    return float(value.quantize(TWO_PLACES, ROUND_HALF_UP))


def loads(value: Any) -> Any:
    """A JSON column's value, decoded when the driver hands it over as text."""
    return json.loads(value) if isinstance(value, str) else value


def created(response: Response, is_new: bool, version: int, location: str) -> None:
    """201 with Location and ETag for a new record; 200 when a create is replayed."""
    if not is_new:
        response.status_code = 200
    set_etag(response, version)
    response.headers["Location"] = location


def table(model: type[SQLModel]) -> sa.Table:
    """The SQLAlchemy table of a model."""
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]


async def get_child(
    session: AsyncSession,
    model: type[T],
    plan_id: uuid.UUID,
    child_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> T | None:
    """A row of ``model`` by id, only when it belongs to ``plan_id``."""
    t = table(model)
    stmt = select(model).where(t.c.id == child_id, t.c.plan_id == plan_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_children(
    session: AsyncSession,
    model: type[T],
    plan_id: uuid.UUID,
    *,
    include_archived: bool = False,
    order: Sequence[str] = ("created_at", "id"),
    **equal: Any,
) -> Sequence[T]:
    """Rows of ``model`` in a plan (active ones unless told), filtered by equal columns."""
    t = table(model)
    stmt = select(model).where(t.c.plan_id == plan_id)
    if not include_archived and "archived_at" in t.c:
        stmt = stmt.where(t.c.archived_at.is_(None))
    for name, value in equal.items():
        stmt = stmt.where(t.c[name] == value)
    stmt = stmt.order_by(*(t.c[name] for name in order))
    return (await session.execute(stmt)).scalars().all()


async def replayed_child(
    session: AsyncSession,
    model: type[T],
    child_id: uuid.UUID | None,
    *,
    plan_id: uuid.UUID,
    fields: Mapping[str, Any],
    what: str,
) -> T | None:
    """The record a replayed create made (same id, plan and content), or None; 409 on a clash."""
    existing: Any = None if child_id is None else await session.get(model, child_id)
    if existing is None:
        return None
    replayed: T = replay_or_refuse(existing, fields, what=what, visible=existing.plan_id == plan_id)
    return replayed


async def load_child(
    session: AsyncSession,
    model: type[T],
    *,
    plan_id: uuid.UUID,
    child_id: uuid.UUID,
    what: str,
    for_update: bool = False,
) -> T:
    """A record of the plan, or 404."""
    row = await get_child(session, model, plan_id, child_id, for_update=for_update)
    if row is None:
        raise NotFound(f"No {what} with id {child_id} in this plan.")
    return row
