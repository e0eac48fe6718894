"""The results report: every indicator over a span of dates against its life-of-project
target, and the people reached, from the services' statistics."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.disclosure import Disclosure, protect_summary
from services.common.territory import DEPARTMENTS
from services.reporting import actuals
from services.reporting.actuals import Period, Territory
from services.reporting.indicators import repository as indicators
from services.reporting.measures import MEASURES, dig
from services.reporting.results.schemas import (
    Indicator,
    Name,
    PeopleReached,
    ResultsFilters,
    ResultsReport,
)
from services.reporting.upstreams import Gathered, Statistics

EVERY_SERVICE = ("organizations", "security_plans", "events")


def computed_from(measure_code: str, parameter: str | None) -> str:
    measure = MEASURES[measure_code]
    what = f"{measure.description}: {parameter}" if parameter else measure.description
    return f"{what} ({'+'.join(measure.services)})"


PARTICIPANT_BREAKDOWNS = ("by_sex", "by_age_group", "by_ethnicity", "by_role")
PARTICIPANT_FLAGS = ("conflict_victims", "persons_with_disability", "lgbtiq")
BENEFICIARY_BREAKDOWNS = ("by_sex", "by_age_group", "by_ethnicity")
# (block, statistics document, path of the figures in it, breakdowns, flags)
PEOPLE = (
    ("participants", "event_stats", "participants", PARTICIPANT_BREAKDOWNS, PARTICIPANT_FLAGS),
    ("beneficiaries", "org_stats", "totals.initiatives.beneficiaries", BENEFICIARY_BREAKDOWNS, ()),
)


def people_reached(
    data: dict[str, Any], *, disclosure: Disclosure
) -> tuple[PeopleReached, list[str]]:
    """The people-level figures of the statistics documents, with disclosure control.

    The services already withheld small cells for the caller's token (their ``suppressed``
    paths are carried over); the rule is applied again here with the gateway's
    ``SOMOS_MIN_CELL_SIZE``, so a service configured with a smaller k cannot leak through
    the report.
    """
    blocks: dict[str, dict[str, Any] | None] = {}
    suppressed: set[str] = set()
    for block, document, path, breakdowns, flags in PEOPLE:
        stats = data.get(document)
        figures = dig(stats, *path.split(".")) if stats is not None else None
        if not isinstance(figures, dict):
            blocks[block] = None
            continue
        names = ("total", *breakdowns, *flags)
        figures = {k: (dict(v) if isinstance(v, dict) else v) for k, v in figures.items()}
        figures = {k: figures.get(k) for k in names}
        upstream = dig(stats, "suppressed", default=[]) or []
        suppressed |= {
            f"people.{block}.{p.removeprefix(path + '.')}"
            for p in upstream
            if isinstance(p, str) and p.startswith(path + ".")
        }
        local = protect_summary(figures, disclosure=disclosure, breakdowns=breakdowns, flags=flags)
        suppressed |= {f"people.{block}.{p}" for p in local}
        blocks[block] = figures
    return PeopleReached(**blocks), sorted(suppressed)


async def build_results(
    session: AsyncSession,
    statistics: Statistics,
    request: Request,
    *,
    filters: dict[str, Any],
    start: date | None,
    end: date | None,
    disclosure: Disclosure,
) -> tuple[ResultsReport, Gathered]:
    """The report, and the statistics calls it took (for ``Server-Timing``)."""
    live = await indicators.list_indicators(session)
    lop = await indicators.programme_targets(session, fiscal_year=None)
    measured = await actuals.measure(
        statistics,
        request,
        indicators=live,
        periods=[Period("results", start, end)],
        territory=Territory(filters["department_code"], filters["municipality_code"]),
        services=EVERY_SERVICE,
    )
    out: list[Indicator] = []
    for indicator in live:
        amount = measured.amount(indicator, "results")
        target = lop.get(indicator.id)
        value = None if amount is None else amount.value
        out.append(
            Indicator(
                code=indicator.code,
                name=Name(es=indicator.name_es, en=indicator.name_en),
                unit=indicator.unit,  # type: ignore[arg-type]
                target=target,
                actual=value,
                percent_of_target=round(100 * value / target, 1)
                if value is not None and target
                else None,
                by_department={} if amount is None else amount.by_department(),
                computed_from=computed_from(indicator.measure, indicator.parameter),
                numerator=amount.numerator if amount is not None and amount.is_ratio else None,
                denominator=amount.denominator if amount is not None and amount.is_ratio else None,
            )
        )
    documents = {
        "event_stats": measured.gathered.documents.get(("results", "events")),
        "org_stats": measured.gathered.documents.get(("results", "organizations")),
    }
    people, suppressed = people_reached(
        {k: v for k, v in documents.items() if v is not None}, disclosure=disclosure
    )
    gathered = measured.gathered
    report = ResultsReport(
        filters=ResultsFilters.model_validate(filters),
        partial=gathered.partial,
        unavailable=gathered.unavailable,
        problems=gathered.problems,
        generated_at=datetime.now(UTC),
        indicators=out,
        people=people,
        suppressed=suppressed,
    )
    return report, gathered


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def to_csv(report: ResultsReport) -> bytes:
    """The indicator table as CSV that Excel opens with accents intact (UTF-8 with BOM)."""
    departments = sorted({d for i in report.indicators for d in i.by_department})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "code",
            "indicador",
            "indicator",
            "target",
            "actual",
            "percent_of_target",
            *[f"{DEPARTMENTS.get(d, d)} ({d})" for d in departments],
            "computed_from",
        ]
    )
    for i in report.indicators:
        writer.writerow(
            [
                i.code,
                i.name.es,
                i.name.en,
                _number(i.target),
                _number(i.actual),
                _number(i.percent_of_target),
                *[_number(i.by_department.get(d)) for d in departments],
                i.computed_from,
            ]
        )
    # People reached, after a blank row: one figure per row; a withheld figure has an empty
    # value and "withheld" in the last column (disclosure control).
    writer.writerow([])
    writer.writerow(["figure", "value", "note"])
    withheld = set(report.suppressed)
    for block in ("participants", "beneficiaries"):
        figures = getattr(report.people, block)
        if figures is None:
            writer.writerow([block, "", "unavailable"])
            continue
        for name, value in figures.items():
            items = value.items() if isinstance(value, dict) else [(None, value)]
            for code, count in items:
                path = f"{block}.{name}" + (f".{code}" if code is not None else "")
                note = "withheld" if f"people.{path}" in withheld else ""
                writer.writerow([path, "" if count is None else str(count), note])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
