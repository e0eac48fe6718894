"""US federal fiscal years and their quarters, on Colombian calendar days.

FY2025 runs from 1 October 2024 to 30 September 2025; Q1 is October-December, Q2
January-March, Q3 April-June, Q4 July-September. A day is a Colombian day (America/Bogota,
UTC-5): an event held at 23:30 on 30 September 2024 in Tumaco is FY2024 Q4, though it is
already 1 October in UTC. The services' ``from``/``to`` filters take Colombian days too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from services.common.colombia import colombia_today
from services.common.errors import InvalidInput

QUARTERS = ("q1", "q2", "q3", "q4")
PERIOD_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    """One quarter of a fiscal year: ``Quarter(2025, 1)`` is 1 Oct 2024 to 31 Dec 2024."""

    fiscal_year: int
    number: int

    @property
    def key(self) -> str:
        return f"q{self.number}"

    @property
    def label(self) -> str:
        return f"{self.fiscal_year}-Q{self.number}"

    @property
    def start(self) -> date:
        month = 10 + 3 * (self.number - 1)
        year = self.fiscal_year - 1
        if month > 12:
            month, year = month - 12, year + 1
        return date(year, month, 1)

    @property
    def end(self) -> date:
        following = Quarter(self.fiscal_year + 1, 1) if self.number == 4 else self.next_in_year()
        return following.start - timedelta(days=1)

    def next_in_year(self) -> Quarter:
        return Quarter(self.fiscal_year, self.number + 1)

    def has_ended(self, today: date | None = None) -> bool:
        """True once the quarter's last Colombian day is over."""
        return (today or colombia_today()) > self.end

    def has_started(self, today: date | None = None) -> bool:
        return (today or colombia_today()) >= self.start


def fiscal_year_of(day: date) -> int:
    """The fiscal year a Colombian calendar day falls in."""
    return day.year + 1 if day.month >= 10 else day.year


def quarter_of(moment: date | datetime) -> Quarter:
    """The quarter of a Colombian day, or of an instant (converted to Bogota time first)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("an instant needs a time zone")
        moment = colombia_today(moment)
    return Quarter(fiscal_year_of(moment), (moment.month - 10) % 12 // 3 + 1)


def fiscal_year_bounds(fiscal_year: int) -> tuple[date, date]:
    """First and last Colombian day of a fiscal year."""
    return Quarter(fiscal_year, 1).start, Quarter(fiscal_year, 4).end


def quarters(fiscal_year: int) -> list[Quarter]:
    return [Quarter(fiscal_year, n) for n in range(1, 5)]


def quarters_ended(fiscal_year: int, today: date | None = None) -> int:
    """How many of the year's quarters are over (0 to 4)."""
    return sum(q.has_ended(today) for q in quarters(fiscal_year))


def parse_period(value: str, *, field: str = "period") -> Quarter:
    """``2025-Q1`` → ``Quarter(2025, 1)``; anything else is a 422 naming ``field``."""
    match = PERIOD_PATTERN.match(value)
    if match is None:
        raise InvalidInput(field, "must be a fiscal quarter written like 2025-Q1")
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise InvalidInput(field, "the fiscal year must be between 2000 and 2100")
    return Quarter(year, int(match.group(2)))
