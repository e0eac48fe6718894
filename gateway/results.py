"""The programme's results framework: indicators against targets, from the services' data."""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from gateway.compose import (
    SERVER_TIMING,
    FanOut,
    Fetcher,
    dig,
    fan_out,
    fetcher,
    server_timing,
)
from services.common.auth import Principal, current_principal
from services.common.disclosure import Disclosure, Suppressed, protect_summary
from services.common.errors import problem_responses
from services.common.territory import DEPARTMENTS, DepartmentCode, MunicipalityCode

DEFAULT_TARGETS_FILE = Path(__file__).parents[1] / "services" / "reporting" / "results_targets.toml"


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name_es: str
    name_en: str
    computed_from: str
    unit: Literal["count", "percent"] = "count"


INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        "R1",
        "Estrategias de prevención basadas en evidencia diseñadas e implementadas",
        "Evidence-based prevention strategies designed and implemented",
        "prevention strategies with status implemented or evaluated (security_plans)",
    ),
    IndicatorSpec(
        "R2",
        "Comunidades afectadas por el conflicto con capacidades psicosociales y de "
        "autoprotección fortalecidas",
        "Conflict-affected communities with strengthened psychosocial and self-protection "
        "capacities",
        "distinct communities (municipality + normalised community name) with a held "
        "taller_psicosocial or taller_autoproteccion (events)",
    ),
    IndicatorSpec(
        "R3",
        "Organizaciones de la sociedad civil apoyadas en comunicaciones y relacionamiento",
        "Civil-society organizations supported in communications and relations",
        "distinct organizations with a support activity of kind communications or "
        "relationship_with_authorities (organizations)",
    ),
    IndicatorSpec(
        "R4",
        "Gobiernos locales apoyados en la implementación del PISCC "
        "(capacitación y revisión del plan)",
        "Local governments supported in PISCC implementation (training and plan review)",
        "distinct municipalities with a plan review (security_plans) or a held "
        "capacitacion_piscc (events)",
    ),
    IndicatorSpec(
        "R5",
        "Comunidades que revisaron sus sistemas de seguridad en Diálogos de Resiliencia",
        "Communities that reviewed their security systems in Resilience Dialogues",
        "distinct communities with a held dialogo_resiliencia (events)",
    ),
    IndicatorSpec(
        "R6",
        "Proyectos comunitarios diseñados e implementados con la metodología IBP",
        "Community projects designed and implemented with the IBP methodology",
        "community initiatives with methodology ibp in implementation or completed (organizations)",
    ),
    IndicatorSpec(
        "R7",
        "Espacios regionales para los derechos de líderes sociales y defensores de DD. HH. "
        "(con la Procuraduría)",
        "Regional spaces for social leaders' and human-rights defenders' rights "
        "(with the Procuraduría)",
        "held events of type espacio_regional_lideres (events)",
    ),
    IndicatorSpec(
        "R8",
        "Planes de fortalecimiento organizacional desarrollados",
        "Organizational strengthening plans developed",
        "strengthening plans approved, in progress or completed (organizations)",
    ),
    IndicatorSpec(
        "R9",
        "Sesiones de Hablemos de Policía",
        "Hablemos de Policía sessions",
        "held events of type hablemos_de_policia (events)",
    ),
    IndicatorSpec(
        "R10",
        "Porcentaje de organizaciones asistidas con mejor desempeño OPI",
        "Percent of assisted organizations with improved OPI performance",
        "organizations whose latest verified follow-up OPI is above the baseline, over "
        "organizations assessed twice (organizations)",
        unit="percent",
    ),
)
SOURCES = {
    "R1": "security_plans",
    "R2": "events",
    "R3": "organizations",
    "R4": "security_plans+events",
    "R5": "events",
    "R6": "organizations",
    "R7": "events",
    "R8": "organizations",
    "R9": "events",
    "R10": "organizations",
}


class TargetsFileError(SystemExit):
    """The results targets file cannot be used: start-up stops with this message."""


def load_targets(path: Path | None) -> dict[str, float | None]:
    """Targets per indicator code from a TOML file (the programme's defaults without one)."""
    source = path or DEFAULT_TARGETS_FILE
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TargetsFileError(f"results targets file {source}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TargetsFileError(f"results targets file {source} is not valid TOML: {exc}") from exc
    known = {spec.code for spec in INDICATORS}
    targets: dict[str, float | None] = {code: None for code in known}
    for code, table in data.items():
        if code not in known:
            raise TargetsFileError(f"results targets file {source}: unknown indicator {code!r}")
        target = table.get("target") if isinstance(table, dict) else None
        if target is not None and (not isinstance(target, int | float) or target <= 0):
            raise TargetsFileError(
                f"results targets file {source}: {code}.target must be a positive number"
            )
        targets[code] = target
    return targets


class Name(BaseModel):
    es: str
    en: str


class Indicator(BaseModel):
    code: str = Field(examples=["R1"])
    name: Name
    unit: Literal["count", "percent"]
    target: float | None = Field(description="From the targets file; null when none is set")
    actual: float | None = Field(description="Null when a service it needs is unavailable")
    percent_of_target: float | None = Field(description="100 * actual / target, one decimal")
    by_department: dict[str, float] = Field(description="Actual per DANE department code")
    computed_from: str
    numerator: int | None = None
    denominator: int | None = None


class ResultsFilters(BaseModel):
    department_code: str | None
    municipality_code: str | None
    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None


class PeopleReached(BaseModel):
    """People-level figures: counts of 1 to k-1 people are null without attendees:pii."""

    participants: dict[str, Any] | None = Field(
        description="Participants of held events (events statistics): total, by_sex, "
        "by_age_group, by_ethnicity, by_role, conflict_victims, persons_with_disability, "
        "lgbtiq; null when the events service is unavailable"
    )
    beneficiaries: dict[str, Any] | None = Field(
        description="Beneficiaries of community initiatives that are not cancelled "
        "(organizations statistics): total, by_sex, by_age_group, by_ethnicity; null when the "
        "organizations service is unavailable"
    )


class ResultsReport(BaseModel):
    filters: ResultsFilters
    partial: bool
    unavailable: list[str]
    problems: dict[str, str] = Field(default_factory=dict)
    generated_at: datetime
    indicators: list[Indicator]
    people: PeopleReached
    suppressed: Suppressed = []


def _by_department(values: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Sum (municipality code, value) pairs per department."""
    out: dict[str, float] = {}
    for municipality, value in values:
        if value:
            out[municipality[:2]] = out.get(municipality[:2], 0) + value
    return dict(sorted(out.items()))


def _municipalities(stats: Any) -> dict[str, Any]:
    value = dig(stats, "by_municipality", default={})
    return value if isinstance(value, dict) else {}


def _per_municipality(stats: Any, figure: Callable[[Any], float]) -> list[tuple[str, float]]:
    return [(m, float(figure(s) or 0)) for m, s in _municipalities(stats).items()]


def _count(values: list[tuple[str, float]]) -> Actual:
    return sum(v for _, v in values), _by_department(values), None, None


Actual = tuple[float | None, dict[str, float], int | None, int | None]


def compute(data: dict[str, Any], targets: dict[str, float | None]) -> list[Indicator]:
    """Every indicator from the three services' statistics; one whose data is missing is null.

    Each figure is read per municipality (the services count distinct communities and
    organizations within a municipality), so totals and departments are plain sums.
    """
    actual: dict[str, Actual] = {}
    plans, events, orgs = data.get("plan_stats"), data.get("event_stats"), data.get("org_stats")
    if plans is not None:
        actual["R1"] = _count(
            _per_municipality(
                plans,
                lambda s: sum(
                    dig(s, "prevention_strategies_by_status", k, default=0)
                    for k in ("implemented", "evaluated")
                ),
            )
        )
    if events is not None:
        actual["R2"] = _count(
            _per_municipality(events, lambda s: dig(s, "communities_in_protection_workshops"))
        )
        actual["R5"] = _count(
            _per_municipality(
                events, lambda s: dig(s, "communities_by_type", "dialogo_resiliencia")
            )
        )
        actual["R7"] = _count(
            _per_municipality(events, lambda s: dig(s, "held_by_type", "espacio_regional_lideres"))
        )
        actual["R9"] = _count(
            _per_municipality(events, lambda s: dig(s, "held_by_type", "hablemos_de_policia"))
        )
    if plans is not None and events is not None:
        reviewed = {m for m, v in _per_municipality(plans, lambda s: dig(s, "reviewed_plans")) if v}
        trained = {
            m
            for m, v in _per_municipality(
                events, lambda s: dig(s, "held_by_type", "capacitacion_piscc")
            )
            if v
        }
        actual["R4"] = _count([(m, 1.0) for m in sorted(reviewed | trained)])
    if orgs is not None:
        actual["R3"] = _count(
            _per_municipality(
                orgs, lambda s: dig(s, "support", "organizations_communications_or_relations")
            )
        )
        actual["R6"] = _count(
            _per_municipality(
                orgs,
                lambda s: sum(
                    dig(s, "initiatives", "by_methodology_and_status", "ibp", k, default=0)
                    for k in ("in_implementation", "completed")
                ),
            )
        )
        actual["R8"] = _count(
            _per_municipality(orgs, lambda s: dig(s, "strengthening_plans", "approved_or_later"))
        )
        improved = _by_department(
            _per_municipality(orgs, lambda s: dig(s, "opi", "organizations_improved"))
        )
        twice = _by_department(
            _per_municipality(orgs, lambda s: dig(s, "opi", "organizations_assessed_twice"))
        )
        num, den = int(sum(improved.values())), int(sum(twice.values()))
        actual["R10"] = (
            round(100 * num / den, 1) if den else None,
            {d: round(100 * improved.get(d, 0) / n, 1) for d, n in twice.items()},
            num,
            den,
        )
    out: list[Indicator] = []
    for spec in INDICATORS:
        value, by_dept, numerator, denominator = actual.get(spec.code, (None, {}, None, None))
        target = targets.get(spec.code)
        out.append(
            Indicator(
                code=spec.code,
                name=Name(es=spec.name_es, en=spec.name_en),
                unit=spec.unit,
                target=target,
                actual=value,
                percent_of_target=round(100 * value / target, 1)
                if value is not None and target
                else None,
                by_department=by_dept,
                computed_from=spec.computed_from,
                numerator=numerator,
                denominator=denominator,
            )
        )
    return out


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


STATS_DOCUMENTS = {
    "org_stats": ("organizations", "/api/v1/stats/organizations"),
    "plan_stats": ("security_plans", "/api/v1/stats/security-plans"),
    "event_stats": ("events", "/api/v1/stats/events"),
}


async def gather_data(fetch: Fetcher, filters: dict[str, Any], budget: float) -> FanOut:
    """The three services' statistics documents, fetched in parallel: three upstream calls."""

    def call(upstream: str, path: str) -> Callable[[], Awaitable[Any]]:
        return lambda: fetch.get(upstream, path, filters)

    return await fan_out(
        {
            name: (upstream, call(upstream, path))
            for name, (upstream, path) in STATS_DOCUMENTS.items()
        },
        budget=budget,
    )


router = APIRouter(tags=["results"])


@router.get(
    "/api/v1/results",
    operation_id="results-get",
    response_model=ResultsReport,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "The indicators (JSON, or CSV with ?format=csv)",
            "headers": SERVER_TIMING,
        },
        **problem_responses(422),
    },
    summary="The programme's results framework: each indicator against its target",
    description="Each indicator against its target, and the people reached (participants "
    "and beneficiaries, disaggregated). People-level counts of 1 to k-1 people "
    "(k = SOMOS_MIN_CELL_SIZE) are null for tokens without attendees:pii, with any count that "
    "would reveal them by subtraction; `suppressed` lists them (in the CSV: an empty value "
    "marked `withheld`).",
)
async def get_results(
    request: Request,
    response: Response,
    principal: Annotated[Principal, Depends(current_principal)],
    department_code: DepartmentCode | None = None,
    municipality_code: MunicipalityCode | None = None,
    from_: Annotated[
        date | None, Query(alias="from", description="From this date (inclusive)")
    ] = None,
    to: Annotated[date | None, Query(description="Up to this date (inclusive)")] = None,
    format: Annotated[
        Literal["json", "csv"], Query(description="csv: UTF-8 with BOM, for Excel")
    ] = "json",
) -> Any:
    filters = {
        "department_code": department_code,
        "municipality_code": municipality_code,
        "from": from_.isoformat() if from_ else None,
        "to": to.isoformat() if to else None,
    }
    query = {k: v for k, v in filters.items() if v is not None}
    settings = request.app.state.settings
    fetch = fetcher(request)
    out = await gather_data(fetch, query, settings.results_budget_seconds)
    disclosure = Disclosure.of(principal, min_cell_size=settings.platform.min_cell_size)
    people, suppressed = people_reached(out.results, disclosure=disclosure)
    report = ResultsReport(
        filters=ResultsFilters.model_validate(filters),
        partial=out.partial,
        unavailable=out.unavailable,
        problems=out.problems,
        generated_at=datetime.now(UTC),
        indicators=compute(out.results, request.app.state.targets),
        people=people,
        suppressed=suppressed,
    )
    timing = server_timing(fetch)
    if format == "csv":
        return Response(
            to_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="somos-results.csv"',
                "Server-Timing": timing,
            },
        )
    response.headers["Server-Timing"] = timing
    return report


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
