"""The IPTT: per indicator, baseline, targets, the four quarters, the year, the life of the
project, and how far the year is from its pro-rated target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.colombia import colombia_today
from services.common.disclosure import Disclosure, Relation, protect_summary, suppress
from services.reporting import actuals
from services.reporting.actuals import Actuals, Period, Territory
from services.reporting.fiscal import Quarter, fiscal_year_bounds, quarters, quarters_ended
from services.reporting.indicators import repository as indicators
from services.reporting.indicators.schemas import Name
from services.reporting.iptt.schemas import (
    DisaggregationCell,
    Iptt,
    IpttFilters,
    IpttRow,
    QuarterCell,
)
from services.reporting.iptt.schemas import Period as PeriodOut
from services.reporting.measures import MEASURES, Amount, dig
from services.reporting.models import Indicator, QuarterSubmission
from services.reporting.reporting_periods import repository as periods
from services.reporting.settings import ReportingSettings
from services.reporting.upstreams import Gathered, Statistics

TOLERANCE = 0.10  # more than 10 % off the pro-rated target is a deviation


def percent(actual: float | None, target: float | None) -> float | None:
    return round(100 * actual / target, 1) if actual is not None and target else None


def prorated(unit: str, fy_target: float, quarters_done: int) -> float:
    """The part of a year's target due after ``quarters_done`` quarters (a percentage
    target is not pro-rated: it holds all year)."""
    return fy_target if unit == "percent" else fy_target * quarters_done / 4


def deviation(
    unit: str, actual: float | None, fy_target: float | None, quarters_done: int
) -> str | None:
    """``under`` / ``over`` when the actual is more than 10 % off the pro-rated target."""
    if actual is None or fy_target is None or quarters_done == 0:
        return None
    due = prorated(unit, fy_target, quarters_done)
    if actual < due * (1 - TOLERANCE):
        return "under"
    if actual > due * (1 + TOLERANCE):
        return "over"
    return "on_track"


def frozen_value(
    submission: QuarterSubmission | None, code: str, part: str, territory: Territory
) -> float | bool | None:
    """A submitted figure narrowed to the territory; False when the indicator was not in
    that submission."""
    if submission is None or code not in submission.figures:
        return False
    return territory.narrow(Amount.from_json(submission.figures[code][part])).value


def year_periods(
    fiscal_year: int, today: date, programme_start: date | None
) -> tuple[list[Period], int]:
    """The periods an IPTT reads (quarters and year only once started) and how many
    quarters have ended."""
    start, end = fiscal_year_bounds(fiscal_year)
    year = quarters(fiscal_year)
    done = quarters_ended(fiscal_year, today)
    out = [Period(q.key, q.start, q.end) for q in year if q.has_started(today)]
    if start <= today:
        out.append(Period("fy", start, end))
    if 0 < done < 4:
        out.append(Period("to_date", start, year[done - 1].end))
    out.append(Period("cumulative", programme_start, end))
    return out, done


@dataclass
class Targets:
    fy: dict[Any, float]
    lop: dict[Any, float]


async def targets_for(session: AsyncSession, fiscal_year: int, territory: Territory) -> Targets:
    """The programme's targets, a department's own, none for a single municipality."""
    if territory.municipality_code is not None:
        return Targets({}, {})
    department = territory.department_code
    return Targets(
        await indicators.programme_targets(
            session, fiscal_year=fiscal_year, department_code=department
        ),
        await indicators.programme_targets(session, fiscal_year=None, department_code=department),
    )


def value_of(amount: Amount | None) -> float | None:
    return None if amount is None else amount.value


def build_row(
    indicator: Indicator,
    *,
    fiscal_year: int,
    measured: Actuals,
    targets: Targets,
    submissions: Mapping[int, QuarterSubmission],
    territory: Territory,
    quarters_done: int,
    today: date,
) -> IpttRow:
    code = indicator.code
    figures: dict[str, float | None] = {}
    cells: dict[str, QuarterCell] = {}
    for quarter in quarters(fiscal_year):
        live = value_of(measured.amount(indicator, quarter.key))
        submission = submissions.get(quarter.number)
        frozen = frozen_value(submission, code, "quarter", territory)
        cell = QuarterCell(
            status="open", start=quarter.start, end=quarter.end, ended=quarter.has_ended(today)
        )
        if frozen is False or submission is None:
            figures[quarter.key] = live
        else:
            value = frozen if not isinstance(frozen, bool) else None
            figures[quarter.key] = value
            changed = live is not None and live != value
            cell.status = "submitted"
            cell.submitted_at = submission.submitted_at
            cell.submitted_by = submission.submitted_by
            cell.narrative = submission.narratives.get(code)
            cell.live_value = live if changed else None
            cell.changed_since_submission = changed
        cells[quarter.key] = cell
    fy_actual = value_of(measured.amount(indicator, "fy"))
    cumulative = value_of(measured.amount(indicator, "cumulative"))
    fy_target = targets.fy.get(indicator.id)
    lop_target = targets.lop.get(indicator.id)
    # The year to the end of the last quarter that has ended: as submitted, if it was.
    to_date: float | None = None
    if quarters_done == 4:
        to_date = fy_actual
    elif quarters_done:
        to_date = value_of(measured.amount(indicator, "to_date"))
    if quarters_done:
        frozen_ytd = frozen_value(submissions.get(quarters_done), code, "to_date", territory)
        if frozen_ytd is not False and not isinstance(frozen_ytd, bool):
            to_date = frozen_ytd
    return IpttRow(
        code=code,
        name=Name(es=indicator.name_es, en=indicator.name_en),
        unit=indicator.unit,  # type: ignore[arg-type]
        baseline=indicator.baseline,
        lop_target=lop_target,
        fy_target=fy_target,
        q1=figures["q1"],
        q2=figures["q2"],
        q3=figures["q3"],
        q4=figures["q4"],
        fy_actual=fy_actual,
        pct_of_fy_target=percent(fy_actual, fy_target),
        cumulative_actual=cumulative,
        pct_of_lop_target=percent(cumulative, lop_target),
        deviation=deviation(indicator.unit, to_date, fy_target, quarters_done),  # type: ignore[arg-type]
        quarters=cells,
    )


QUARTER_KEYS = ("q1", "q2", "q3", "q4")


def protect_people(
    rows: Sequence[IpttRow], people: Sequence[bool], disclosure: Disclosure
) -> list[str]:
    """Withhold people-level cells of 1 to k-1 (and what would reveal them by subtraction:
    the quarters add up to the year) for callers without attendees:pii."""
    if disclosure.exact:
        return []
    values: dict[str, int] = {}
    relations: list[Relation] = []
    for i, (row, is_people) in enumerate(zip(rows, people, strict=True)):
        if not is_people:
            continue
        prefix = f"rows.{i}."
        for key in (*QUARTER_KEYS, "fy_actual", "cumulative_actual"):
            value = getattr(row, key)
            if value is not None:
                values[prefix + key] = int(value)
        for key in QUARTER_KEYS:
            live = row.quarters[key].live_value
            if live is not None:
                values[f"{prefix}quarters.{key}.live_value"] = int(live)
        relations.append(Relation(tuple(prefix + k for k in QUARTER_KEYS), prefix + "fy_actual"))
    hidden = suppress(values, relations, k=disclosure.min_cell_size)
    for path in hidden:
        _, index, *rest = path.split(".")
        row = rows[int(index)]
        if rest[0] == "quarters":
            row.quarters[rest[1]].live_value = None
        else:
            setattr(row, rest[0], None)
            if rest[0] == "fy_actual":
                row.pct_of_fy_target = None
            if rest[0] == "cumulative_actual":
                row.pct_of_lop_target = None
    return sorted(hidden)


@dataclass
class Disaggregated:
    cells: list[DisaggregationCell]
    suppressed: list[str]


def disaggregate(
    live: Sequence[Indicator], measured: Actuals, territory: Territory, disclosure: Disclosure
) -> Disaggregated:
    """The fiscal year's figure of each indicator by department, and people-level ones by
    sex, age group, ethnicity (and role) as the service gives them, small cells withheld."""
    cells: list[DisaggregationCell] = []
    suppressed: list[str] = []
    for indicator in live:
        amount = measured.amount(indicator, "fy")
        if amount is None:
            continue
        for department, value in territory.narrow(amount).by_department().items():
            cells.append(
                DisaggregationCell(
                    code=indicator.code, dimension="department", category=department, value=value
                )
            )
        measure = MEASURES[indicator.measure]
        if not measure.people or indicator.parameter:
            continue
        service = measure.services[0]
        document = measured.gathered.documents.get(("fy", service))
        path = (
            ("participants",) if service == "events" else ("totals", "initiatives", "beneficiaries")
        )
        figures = dig(document, *path)
        if not isinstance(figures, dict):
            continue
        figures = {k: (dict(v) if isinstance(v, dict) else v) for k, v in figures.items()}
        figures = {k: figures.get(k) for k in ("total", *measure.breakdowns)}
        withheld = protect_summary(figures, disclosure=disclosure, breakdowns=measure.breakdowns)
        suppressed += [f"disaggregations.{indicator.code}.{p}" for p in withheld]
        for breakdown in measure.breakdowns:
            for category, value in (figures.get(breakdown) or {}).items():
                cells.append(
                    DisaggregationCell(
                        code=indicator.code,
                        dimension=breakdown.removeprefix("by_"),
                        category=category,
                        value=value,
                    )
                )
    return Disaggregated(cells, suppressed)


async def build_iptt(
    session: AsyncSession,
    statistics: Statistics,
    request: Request,
    *,
    settings: ReportingSettings,
    fiscal_year: int,
    territory: Territory,
    disclosure: Disclosure,
    today: date | None = None,
) -> tuple[Iptt, Gathered]:
    """The IPTT, and the statistics calls it took (for ``Server-Timing``)."""
    today = today or colombia_today()
    live = await indicators.list_indicators(session)
    wanted, done = year_periods(fiscal_year, today, settings.programme_start)
    measured = await actuals.measure(
        statistics, request, indicators=live, periods=wanted, territory=territory
    )
    targets = await targets_for(session, fiscal_year, territory)
    submissions = await periods.active_submissions(session, fiscal_year)
    rows = [
        build_row(
            indicator,
            fiscal_year=fiscal_year,
            measured=measured,
            targets=targets,
            submissions=submissions,
            territory=territory,
            quarters_done=done,
            today=today,
        )
        for indicator in live
    ]
    suppressed = protect_people(rows, [MEASURES[i.measure].people for i in live], disclosure)
    disaggregated = disaggregate(live, measured, territory, disclosure)
    start, end = fiscal_year_bounds(fiscal_year)
    iptt = Iptt(
        fiscal_year=fiscal_year,
        period=PeriodOut(start=start, end=end),
        filters=IpttFilters(
            department_code=territory.department_code,
            municipality_code=territory.municipality_code,
        ),
        quarters_ended=done,
        rows=rows,
        partial=measured.gathered.partial,
        unavailable=measured.gathered.unavailable,
        problems=measured.gathered.problems,
        suppressed=suppressed + disaggregated.suppressed,
        generated_at=datetime.now(UTC),
        disaggregations=disaggregated.cells,
    )
    return iptt, measured.gathered


__all__ = ["Quarter", "build_iptt", "deviation"]
