"""What only the events service's resources share (the record kit in ``services/common/`` does
the rest): calendar-date filters, the guard of a parent event, event times, reasons."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from services.common.colombia import COLOMBIA, colombia_today, colombian_day_start
from services.common.errors import Conflict, InvalidInput
from services.common.fastlist import Fallback, date_param
from services.events.models import Event
from services.events.vocabularies import EventStatus

TWO_PLACES = Decimal("0.01")

# ``stats/`` (being changed by another branch) still imports the old name; use colombia_today.
bogota_today = colombia_today


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


# The same range on the lean list path (``fastlist``): plain dates only, the rest falls back
# to the route (which explains its 422).
def _lean_day(raw: str) -> date:
    day = date_param(raw)
    if not 1900 <= day.year <= 9000:
        raise Fallback
    return day


def day_start_param(raw: str) -> datetime:
    """``from``: the start of that Colombian day, in UTC."""
    return colombian_day_start(_lean_day(raw))


def day_after_param(raw: str) -> datetime:
    """``to`` (inclusive): the start of the next Colombian day, in UTC."""
    return colombian_day_start(_lean_day(raw) + timedelta(days=1))


def check_date_range(parsed: Mapping[str, Any]) -> None:
    """``to`` before ``from`` is the route's 422."""
    if "from" in parsed and "to" in parsed and parsed["to"] <= parsed["from"]:
        raise Fallback


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


def event_year(event: Event) -> int:
    """The Colombian calendar year the event starts in (age groups are taken at it)."""
    return colombian_year(event.starts_at)


def colombian_year(moment: datetime) -> int:
    """The calendar year in Colombia at ``moment``."""
    return moment.astimezone(COLOMBIA).year


# --- input types ---------------------------------------------------------------------------


def _to_utc(value: datetime) -> datetime:
    """A time without offset is Colombian local time (UTC-5); store UTC."""
    if not 1900 <= value.year <= 2200:
        raise ValueError("must be between the years 1900 and 2200")
    if value.tzinfo is None:
        value = value.replace(tzinfo=COLOMBIA)
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
