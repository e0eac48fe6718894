"""What several resources of the events service share: Colombian calendar days, the
municipality check, id reuse, version bumps, the guard of a parent event, input types.

The record kit in ``services/common/`` is to replace the generic parts of this module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.errors import Conflict, InvalidInput
from services.common.models import utcnow
from services.common.schemas import InputModel
from services.common.territory import Territories
from services.events.models import Event
from services.events.vocabularies import EventStatus

BOGOTA = ZoneInfo("America/Bogota")
TWO_PLACES = Decimal("0.01")


# --- Colombian calendar ------------------------------------------------------------------


def bogota_today() -> date:
    """Today's date in Colombia (due dates and overdue are Colombian calendar dates)."""
    return datetime.now(BOGOTA).date()


def colombian_day_start(day: date) -> datetime:
    """00:00 of a Colombian calendar day, in UTC."""
    return datetime.combine(day, time(), tzinfo=BOGOTA).astimezone(UTC)


def date_range(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """``from``/``to`` calendar dates (inclusive, Colombian days) as a UTC half-open range."""
    if start is not None and end is not None and end < start:
        raise InvalidInput("to", "must not be before 'from'")
    for field, day in (("from", start), ("to", end)):
        if day is not None and not 1900 <= day.year <= 9000:
            raise InvalidInput(field, "must be a date between the years 1900 and 9000")
    return (
        colombian_day_start(start) if start else None,
        colombian_day_start(end + timedelta(days=1)) if end else None,
    )


def check_municipality(
    territories: Territories, code: str, field: str = "municipality_code"
) -> None:
    """422 naming ``field`` when the code is not a municipality (strict with DIVIPOLA loaded)."""
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput(field, problem)


# --- records -----------------------------------------------------------------------------


class IdReused(Conflict):
    slug, title = "id-reused", "That id already belongs to different content"


class Versioned(Protocol):
    version: int
    updated_at: datetime


def touch(row: Versioned) -> None:
    """Bump a changed record's version and update time."""
    row.version += 1
    row.updated_at = utcnow()


def add(session: AsyncSession, row: Any) -> None:
    """Stage a new row (written at the next flush)."""
    session.add(row)


async def flush(session: AsyncSession) -> None:
    """Write pending rows; a primary key already taken is a 409 ``id-reused``."""
    try:
        await session.flush()
    except IntegrityError as exc:
        if "pk_" in str(exc.orig):
            raise IdReused("That id is already in use.") from exc
        raise


# --- the parent event ----------------------------------------------------------------------


class EventArchived(Conflict):
    slug, title = "event-archived", "The event is archived"


class EventCancelled(Conflict):
    slug, title = "event-cancelled", "The event was cancelled"


def ensure_writable(event: Event, *, allow_cancelled: bool = True) -> None:
    """Archived events are read-only; cancelled ones take no new records."""
    if event.archived_at is not None:
        raise EventArchived("The event is archived; it can be read but not changed.")
    if not allow_cancelled and event.status == EventStatus.cancelled:
        raise EventCancelled("The event was cancelled; it takes no new records.")


# --- input types ---------------------------------------------------------------------------


class EventsInput(InputModel):
    """Request bodies of this service (NUL characters are refused by the kit)."""


def _to_utc(value: datetime) -> datetime:
    """A time without offset is Colombian local time (UTC-5); store UTC."""
    if not 1900 <= value.year <= 2200:
        raise ValueError("must be between the years 1900 and 2200")
    if value.tzinfo is None:
        value = value.replace(tzinfo=BOGOTA)
    return value.astimezone(UTC)


EventTime = Annotated[
    datetime,
    AfterValidator(_to_utc),
    Field(
        description="RFC 3339 with offset (e.g. 2025-03-14T09:00:00-05:00); a time without "
        "offset is read as Colombian time. Returned in UTC with Z.",
        examples=["2025-03-14T09:00:00-05:00"],
    ),
]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]
