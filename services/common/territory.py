"""Colombian territories: DIVIPOLA municipality codes and the official DANE list."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import AfterValidator, Field

from services.common.errors import InvalidInput
from services.common.text import normalize

# DANE department codes (33 including Bogotá D.C. and San Andrés).
DEPARTMENTS: dict[str, str] = {
    "05": "Antioquia",
    "08": "Atlántico",
    "11": "Bogotá, D.C.",
    "13": "Bolívar",
    "15": "Boyacá",
    "17": "Caldas",
    "18": "Caquetá",
    "19": "Cauca",
    "20": "Cesar",
    "23": "Córdoba",
    "25": "Cundinamarca",
    "27": "Chocó",
    "41": "Huila",
    "44": "La Guajira",
    "47": "Magdalena",
    "50": "Meta",
    "52": "Nariño",
    "54": "Norte de Santander",
    "63": "Quindío",
    "66": "Risaralda",
    "68": "Santander",
    "70": "Sucre",
    "73": "Tolima",
    "76": "Valle del Cauca",
    "81": "Arauca",
    "85": "Casanare",
    "86": "Putumayo",
    "88": "Archipiélago de San Andrés, Providencia y Santa Catalina",
    "91": "Amazonas",
    "94": "Guainía",
    "95": "Guaviare",
    "97": "Vaupés",
    "99": "Vichada",
}


# DANE's list shipped with Somos (see services/common/data/README.md): on by default in
# development, tests and production; SOMOS_DIVIPOLA_FILE replaces it with a newer export.
BUNDLED_DIVIPOLA = Path(__file__).resolve().parent / "data" / "divipola.csv"


class DivipolaError(ValueError):
    """The DIVIPOLA file is missing, unreadable or malformed."""


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    department_code: str
    department_name: str
    kind: str | None = None
    longitude: float | None = None
    latitude: float | None = None

    @property
    def search_name(self) -> str:
        return normalize(self.name)


def _float(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


def _pad(value: Any, width: int) -> str:
    text = str(value).strip()
    if not text.isdigit():
        raise DivipolaError(f"code {text!r} is not numeric")
    return text.zfill(width)


def _from_rows(rows: Iterable[dict[str, Any]], source: str) -> dict[str, Municipality]:
    out: dict[str, Municipality] = {}
    for line, row in enumerate(rows, start=2):
        try:
            code = _pad(row["cod_mpio"], 5)
            dept = _pad(row["cod_dpto"], 2)
        except KeyError as exc:
            raise DivipolaError(f"{source}: row {line} lacks column {exc}") from exc
        except DivipolaError as exc:
            raise DivipolaError(f"{source}: row {line}: {exc}") from exc
        if len(code) != 5 or code[:2] != dept:
            raise DivipolaError(
                f"{source}: row {line}: municipality {code} is not in department {dept}"
            )
        out[code] = Municipality(
            code=code,
            name=str(row.get("nom_mpio", "")).strip(),
            department_code=dept,
            department_name=str(row.get("dpto", "")).strip(),
            kind=row.get("tipo_municipio"),
            longitude=_float(row.get("longitud")),
            latitude=_float(row.get("latitud")),
        )
    if not out:
        raise DivipolaError(f"{source}: no municipalities found")
    return out


_CSV_COLUMNS = {
    "código departamento": "cod_dpto",
    "codigo departamento": "cod_dpto",
    "nombre departamento": "dpto",
    "código municipio": "cod_mpio",
    "codigo municipio": "cod_mpio",
    "nombre municipio": "nom_mpio",
    "longitud": "longitud",
    "latitud": "latitud",
}


def load_divipola(path: Path) -> dict[str, Municipality]:
    """Read DANE's DIVIPOLA list: the official CSV export or the dataset's JSON export."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DivipolaError(f"cannot read DIVIPOLA file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DivipolaError(f"DIVIPOLA file {path} is not UTF-8") from exc
    stripped = text.lstrip()
    if stripped.startswith("#"):  # comment lines before the header (the bundled file's source)
        lines = text.splitlines()
        while lines and (lines[0].startswith("#") or not lines[0].strip()):
            lines.pop(0)
        text = "\n".join(lines)
        stripped = text.lstrip()
    if stripped.startswith("[") or stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DivipolaError(f"DIVIPOLA file {path} is not valid JSON: {exc.msg}") from exc
        if isinstance(data, dict):
            data = data.get("data") or data.get("rows") or []
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise DivipolaError(f"DIVIPOLA file {path}: expected a JSON array of objects")
        return _from_rows(data, str(path))
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        raise DivipolaError(f"DIVIPOLA file {path} is empty")
    mapping: dict[str, str] = {}
    for name in reader.fieldnames:
        key = name.strip().lower()
        if key.startswith("tipo"):
            mapping[name] = "tipo_municipio"
        elif key in _CSV_COLUMNS:
            mapping[name] = _CSV_COLUMNS[key]
        elif key in {"cod_dpto", "dpto", "cod_mpio", "nom_mpio", "tipo_municipio"}:
            mapping[name] = key
    if not {"cod_dpto", "cod_mpio"} <= set(mapping.values()):
        raise DivipolaError(
            f"DIVIPOLA file {path}: columns {reader.fieldnames} do not include the "
            "department and municipality codes"
        )
    rows = ({mapping[k]: v for k, v in row.items() if k in mapping} for row in reader)
    return _from_rows(rows, str(path))


@lru_cache(maxsize=1)
def _bundled() -> dict[str, Municipality]:
    return load_divipola(BUNDLED_DIVIPOLA)


def divipola_list(path: Path | None = None) -> dict[str, Municipality]:
    """The official list: from ``path`` (SOMOS_DIVIPOLA_FILE) when given, else the bundled one."""
    if path is None:
        return dict(_bundled())
    return load_divipola(path)


class Territories:
    """Municipality-code validation; strict against the official list when one is given."""

    def __init__(self, municipalities: dict[str, Municipality] | None = None) -> None:
        self.municipalities = municipalities

    @classmethod
    def from_file(cls, path: Path | None) -> Territories:
        """The list in ``path`` (SOMOS_DIVIPOLA_FILE), or the bundled DANE list when None."""
        return cls(divipola_list(path))

    def problem_with(self, code: str) -> str | None:
        """Why ``code`` is not a valid municipality code, or None when it is."""
        if len(code) != 5 or not code.isdigit():
            return "must be a 5-digit DIVIPOLA municipality code, as a string"
        if code[:2] not in DEPARTMENTS:
            return f"'{code[:2]}' is not a Colombian department code"
        if self.municipalities is not None and code not in self.municipalities:
            return f"'{code}' is not in the official DIVIPOLA list"
        return None


def check_municipality(
    territories: Territories, code: str, field: str = "municipality_code"
) -> None:
    """422 naming ``field`` when the code is not a municipality (strict with DIVIPOLA loaded)."""
    problem = territories.problem_with(code)
    if problem:
        raise InvalidInput(field, problem)


def _check_shape(code: str) -> str:
    if len(code) != 5 or not code.isdigit():
        raise ValueError("must be a 5-digit DIVIPOLA municipality code, as a string")
    if code[:2] not in DEPARTMENTS:
        raise ValueError(f"'{code[:2]}' is not a Colombian department code")
    return code


def _check_department(code: str) -> str:
    if code not in DEPARTMENTS:
        raise ValueError("must be a 2-digit DANE department code, as a string")
    return code


MunicipalityCode = Annotated[
    str,
    Field(
        examples=["52835"],
        description="DIVIPOLA municipality code (5 digits)",
        json_schema_extra={"pattern": "^[0-9]{5}$", "minLength": 5, "maxLength": 5},
    ),
    AfterValidator(_check_shape),
]
DepartmentCode = Annotated[
    str,
    Field(
        examples=["52"],
        description="DANE department code (2 digits)",
        json_schema_extra={"pattern": "^[0-9]{2}$", "minLength": 2, "maxLength": 2},
    ),
    AfterValidator(_check_department),
]


async def _territories(request: Request) -> Territories:
    territories: Territories = request.app.state.territories
    return territories


TerritoriesDep = Annotated[Territories, Depends(_territories)]
