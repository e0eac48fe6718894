"""Actual figures of indicators over periods, counted from the services' statistics.

One statistics call per service and period (the four quarters, the year, the year to date,
the life of the project), all side by side; a figure whose service did not answer is
``None`` and the service is listed in ``unavailable``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request

from services.common.auth import Principal
from services.reporting.measures import MEASURES, Amount
from services.reporting.models import Indicator
from services.reporting.upstreams import Gathered, Statistics


@dataclass(frozen=True)
class Period:
    """A span of Colombian days (``None``: unbounded on that side)."""

    key: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Territory:
    """The part of the country a figure covers: the filters and the caller's claims."""

    department_code: str | None = None
    municipality_code: str | None = None
    caller: Principal | None = None

    @property
    def whole(self) -> bool:
        limited = self.caller is not None and self.caller.is_territorially_limited
        return self.department_code is None and self.municipality_code is None and not limited

    def keep(self, municipality_code: str) -> bool:
        if self.municipality_code is not None and municipality_code != self.municipality_code:
            return False
        if self.department_code is not None and municipality_code[:2] != self.department_code:
            return False
        return self.caller is None or self.caller.can_access(municipality_code)

    def narrow(self, amount: Amount) -> Amount:
        return amount.narrowed(self.keep, whole=self.whole)


@dataclass
class Actuals:
    """The documents gathered for some periods, read as indicators' amounts."""

    gathered: Gathered
    periods: dict[str, Period]

    def amount(self, indicator: Indicator, period: str) -> Amount | None:
        """The indicator's amount in a period; None when a service it needs is missing."""
        if period not in self.periods:
            return None
        measure = MEASURES[indicator.measure]
        documents = {s: self.gathered.documents.get((period, s)) for s in measure.services}
        if any(d is None for d in documents.values()):
            return None
        return measure.read(documents, indicator.parameter)


def services_needed(indicators: Iterable[Indicator]) -> list[str]:
    names = {s for i in indicators for s in MEASURES[i.measure].services}
    return [s for s in ("organizations", "security_plans", "events") if s in names]


async def measure(
    statistics: Statistics,
    request: Request,
    *,
    indicators: Sequence[Indicator],
    periods: Sequence[Period],
    territory: Territory,
    services: Sequence[str] = (),
) -> Actuals:
    """Fetch every service's statistics for every period, side by side (the services the
    indicators need, or ``services``)."""
    services = list(services) or services_needed(indicators)
    requests: dict[Any, tuple[str, dict[str, Any]]] = {}
    for period in periods:
        for service in services:
            requests[(period.key, service)] = (
                service,
                {
                    "from": period.start.isoformat() if period.start else None,
                    "to": period.end.isoformat() if period.end else None,
                    "department_code": territory.department_code,
                    "municipality_code": territory.municipality_code,
                },
            )
    gathered = await statistics.gather(requests, request)
    return Actuals(gathered, {p.key: p for p in periods})
