"""Colombian calendar time: the America/Bogota zone (UTC-5 all year) and today's date there."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

# Colombia keeps UTC-5 all year (no daylight saving time since 1993): a fixed offset needs
# no tz database on the host.
COLOMBIA = timezone(timedelta(hours=-5), "America/Bogota")


def colombia_today(now: datetime | None = None) -> date:
    """Today's calendar date in Colombia (or at ``now``), where due dates are meant."""
    return (now or datetime.now(UTC)).astimezone(COLOMBIA).date()


def colombian_day_start(day: date) -> datetime:
    """00:00 of a Colombian calendar day, in UTC."""
    return datetime.combine(day, time(), tzinfo=COLOMBIA).astimezone(UTC)
