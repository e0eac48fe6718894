"""The programme's results framework, R1-R10, as seeded into a new reporting database, and
the import of a targets file (TOML): the file is an import, the database the truth."""

from __future__ import annotations

import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from services.common.models import utcnow
from services.reporting.measures import MEASURES

DEFAULT_TARGETS_FILE = Path(__file__).with_name("results_targets.toml")
SEEDED_BY = "results-framework"


@dataclass(frozen=True)
class Definition:
    code: str
    name_es: str
    name_en: str
    measure: str
    parameter: str | None = None
    disaggregations: tuple[str, ...] = ("department", "municipality")


R1_R10: tuple[Definition, ...] = (
    Definition(
        "R1",
        "Estrategias de prevención basadas en evidencia diseñadas e implementadas",
        "Evidence-based prevention strategies designed and implemented",
        "prevention_strategies_implemented",
    ),
    Definition(
        "R2",
        "Comunidades afectadas por el conflicto con capacidades psicosociales y de "
        "autoprotección fortalecidas",
        "Conflict-affected communities with strengthened psychosocial and self-protection "
        "capacities",
        "communities_in_protection_workshops",
    ),
    Definition(
        "R3",
        "Organizaciones de la sociedad civil apoyadas en comunicaciones y relacionamiento",
        "Civil-society organizations supported in communications and relations",
        "organizations_supported_communications_or_relations",
    ),
    Definition(
        "R4",
        "Gobiernos locales apoyados en la implementación del PISCC "
        "(capacitación y revisión del plan)",
        "Local governments supported in PISCC implementation (training and plan review)",
        "municipalities_supported_in_piscc",
    ),
    Definition(
        "R5",
        "Comunidades que revisaron sus sistemas de seguridad en Diálogos de Resiliencia",
        "Communities that reviewed their security systems in Resilience Dialogues",
        "communities_by_event_type",
        "dialogo_resiliencia",
    ),
    Definition(
        "R6",
        "Proyectos comunitarios diseñados e implementados con la metodología IBP",
        "Community projects designed and implemented with the IBP methodology",
        "ibp_initiatives_implementing_or_completed",
    ),
    Definition(
        "R7",
        "Espacios regionales para los derechos de líderes sociales y defensores de DD. HH. "
        "(con la Procuraduría)",
        "Regional spaces for social leaders' and human-rights defenders' rights "
        "(with the Procuraduría)",
        "held_events",
        "espacio_regional_lideres",
    ),
    Definition(
        "R8",
        "Planes de fortalecimiento organizacional desarrollados",
        "Organizational strengthening plans developed",
        "strengthening_plans_approved_or_later",
    ),
    Definition(
        "R9",
        "Sesiones de Hablemos de Policía",
        "Hablemos de Policía sessions",
        "held_events",
        "hablemos_de_policia",
    ),
    Definition(
        "R10",
        "Porcentaje de organizaciones asistidas con mejor desempeño OPI",
        "Percent of assisted organizations with improved OPI performance",
        "opi_improved_percent",
        disaggregations=("department",),
    ),
)


def calculation(measure_code: str, parameter: str | None) -> str:
    """What is counted, from which service, by which dates (the PIRS's calculation)."""
    measure = MEASURES[measure_code]
    what = measure.description
    if parameter:
        what = f"{what}: {parameter}"
    return f"{what} ({'+'.join(measure.services)}); in a period by {measure.dated_by}"


def indicator_row(definition: Definition, position: int) -> dict[str, Any]:
    measure = MEASURES[definition.measure]
    now = utcnow()
    return {
        "id": uuid.uuid4(),
        "code": definition.code,
        "position": position,
        "name_es": definition.name_es,
        "name_en": definition.name_en,
        "definition": definition.name_en,
        "unit": measure.unit,
        "direction": "increase",
        "measure": definition.measure,
        "parameter": definition.parameter,
        "disaggregations": list(definition.disaggregations),
        "frequency": "quarterly",
        "data_source": ", ".join(f"Somos {s} service statistics" for s in measure.services),
        "limitations": "Counts only what programme staff entered in Somos; records entered "
        "late change live figures, never a submitted quarter's.",
        "baseline": 0.0,
        "baseline_year": None,
        "created_by": SEEDED_BY,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "archived_at": None,
    }


class TargetsFileError(SystemExit):
    """A targets file cannot be imported: the command stops with this message."""


def read_targets_file(path: Path) -> dict[str, dict[int | None, float]]:
    """``{code: {None: lop, 2025: fy2025, …}}`` from a TOML targets file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TargetsFileError(f"targets file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TargetsFileError(f"targets file {path} is not valid TOML: {exc}") from exc
    out: dict[str, dict[int | None, float]] = {}
    for code, table in data.items():
        if not isinstance(table, dict):
            raise TargetsFileError(f"targets file {path}: [{code}] must be a table")
        values: dict[int | None, float] = {}
        entries: list[tuple[str, int | None, Any]] = [(f"{code}.target", None, table.get("target"))]
        for year, value in (table.get("fiscal_years") or {}).items():
            if not str(year).isdigit() or not 2000 <= int(year) <= 2100:
                raise TargetsFileError(
                    f"targets file {path}: {code}.fiscal_years.{year} is not a fiscal year"
                )
            entries.append((f"{code}.fiscal_years.{year}", int(year), value))
        for name, year, value in entries:
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise TargetsFileError(f"targets file {path}: {name} must be a positive number")
            values[year] = float(value)
        out[code] = values
    return out


INDICATORS = sa.table(
    "indicators",
    *(
        sa.column(c, JSONB) if c == "disaggregations" else sa.column(c)
        for c in indicator_row(R1_R10[0], 1)
    ),
)
TARGETS = sa.table(
    "indicator_targets",
    *(
        sa.column(c)
        for c in (
            "id",
            "indicator_id",
            "fiscal_year",
            "department_code",
            "value",
            "rationale",
            "set_by",
            "version",
            "created_at",
            "updated_at",
        )
    ),
)
CHANGES = sa.table(
    "target_changes",
    *(
        sa.column(c)
        for c in (
            "id",
            "indicator_id",
            "fiscal_year",
            "department_code",
            "previous_value",
            "value",
            "rationale",
            "changed_by",
            "changed_at",
        )
    ),
)


def seed(connection: sa.Connection) -> None:
    """R1-R10 where missing, and the default targets file where no target is set."""
    existing = set(connection.execute(sa.text("SELECT code FROM indicators")).scalars())
    rows = [
        indicator_row(d, position)
        for position, d in enumerate(R1_R10, start=1)
        if d.code not in existing
    ]
    if rows:
        connection.execute(sa.insert(INDICATORS), rows)
    import_targets(
        connection,
        read_targets_file(DEFAULT_TARGETS_FILE),
        by=SEEDED_BY,
        rationale=f"imported from {DEFAULT_TARGETS_FILE.name}",
        only_missing=True,
    )


def import_targets(
    connection: sa.Connection,
    targets: dict[str, dict[int | None, float]],
    *,
    by: str,
    rationale: str,
    only_missing: bool = False,
) -> list[str]:
    """Set programme-wide targets (LOP and fiscal years) and record each change; returns
    what changed (``R1 LOP 10 → 12``). Unknown indicator codes are refused."""
    ids: dict[str, Any] = dict(
        connection.execute(
            sa.text("SELECT code, id FROM indicators WHERE archived_at IS NULL")
        ).all()
    )
    unknown = sorted(set(targets) - set(ids))
    if unknown:
        raise TargetsFileError(f"unknown indicator(s): {', '.join(unknown)}")
    changed: list[str] = []
    now = utcnow()
    for code, values in targets.items():
        for year, value in values.items():
            current = connection.execute(
                sa.text(
                    "SELECT id, value FROM indicator_targets WHERE indicator_id = :i "
                    "AND coalesce(fiscal_year, 0) = :y AND department_code IS NULL"
                ),
                {"i": ids[code], "y": year or 0},
            ).first()
            if current is not None and (only_missing or current.value == value):
                continue
            if current is None:
                connection.execute(
                    sa.insert(TARGETS),
                    {
                        "id": uuid.uuid4(),
                        "indicator_id": ids[code],
                        "fiscal_year": year,
                        "department_code": None,
                        "value": value,
                        "rationale": rationale,
                        "set_by": by,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
            else:
                connection.execute(
                    sa.text(
                        "UPDATE indicator_targets SET value = :v, rationale = :r, set_by = :b, "
                        "version = version + 1, updated_at = :t WHERE id = :id"
                    ),
                    {"v": value, "r": rationale, "b": by, "t": now, "id": current.id},
                )
            connection.execute(
                sa.insert(CHANGES),
                {
                    "id": uuid.uuid4(),
                    "indicator_id": ids[code],
                    "fiscal_year": year,
                    "department_code": None,
                    "previous_value": None if current is None else current.value,
                    "value": value,
                    "rationale": rationale,
                    "changed_by": by,
                    "changed_at": now,
                },
            )
            label = "LOP" if year is None else f"FY{year}"
            before = "none" if current is None else f"{current.value:g}"
            changed.append(f"{code} {label} {before} → {value:g}")
    return changed
