"""Territories from DANE's DIVIPOLA file: departments and municipalities, with names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from services.common.territory import (
    DEPARTMENTS,
    DepartmentCode,
    DivipolaError,
    Municipality,
    divipola_list,
)
from services.common.text import normalize


class DivipolaStartupError(SystemExit):
    """The configured DIVIPOLA file cannot be used: start-up stops with this message."""


class Directory:
    """The municipalities of the official list (empty without a file: codes only)."""

    def __init__(self, municipalities: dict[str, Municipality] | None) -> None:
        self.municipalities = municipalities or {}
        self.loaded = municipalities is not None

    @classmethod
    def from_file(cls, path: Path | None) -> Directory:
        """The list in ``path`` (SOMOS_DIVIPOLA_FILE), or the bundled DANE list when None."""
        try:
            return cls(divipola_list(path))
        except DivipolaError as exc:
            raise DivipolaStartupError(f"SOMOS_DIVIPOLA_FILE is not usable: {exc}") from exc

    def department_name(self, code: str) -> str | None:
        for m in self.municipalities.values():
            if m.department_code == code and m.department_name:
                return m.department_name
        return DEPARTMENTS.get(code)

    def municipality(self, code: str) -> dict[str, str | None]:
        """Code, name and department of a municipality; names null when unknown."""
        found = self.municipalities.get(code)
        return {
            "code": code,
            "name": found.name if found else None,
            "department_code": code[:2],
            "department_name": found.department_name if found else DEPARTMENTS.get(code[:2]),
        }


class DepartmentRead(BaseModel):
    code: str = Field(examples=["52"])
    name: str = Field(examples=["Nariño"])
    municipalities: int | None = Field(
        description="Municipalities in the official list (null without it)"
    )


class DepartmentList(BaseModel):
    items: list[DepartmentRead]
    divipola_loaded: bool = Field(description="False when SOMOS_DIVIPOLA_FILE is not set")


class MunicipalityRead(BaseModel):
    code: str = Field(examples=["52835"])
    name: str = Field(examples=["SAN ANDRÉS DE TUMACO"])
    department_code: str
    department_name: str
    kind: str | None = None
    longitude: float | None = None
    latitude: float | None = None


class MunicipalityList(BaseModel):
    items: list[MunicipalityRead]
    divipola_loaded: bool = Field(description="False when SOMOS_DIVIPOLA_FILE is not set (no list)")


router = APIRouter(prefix="/api/v1/territories", tags=["territories"])


@router.get("/departments", operation_id="territories-departments", response_model=DepartmentList)
async def list_departments(request: Request) -> DepartmentList:
    """Colombia's departments (names from the DIVIPOLA file when loaded)."""
    directory: Directory = request.app.state.directory
    counts: dict[str, int] = {}
    for m in directory.municipalities.values():
        counts[m.department_code] = counts.get(m.department_code, 0) + 1
    return DepartmentList(
        items=[
            DepartmentRead(
                code=code,
                name=directory.department_name(code) or name,
                municipalities=counts.get(code, 0) if directory.loaded else None,
            )
            for code, name in sorted(DEPARTMENTS.items())
        ],
        divipola_loaded=directory.loaded,
    )


@router.get(
    "/municipalities", operation_id="territories-municipalities", response_model=MunicipalityList
)
async def list_municipalities(
    request: Request,
    department_code: DepartmentCode | None = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="Accent- and case-insensitive name"),
    ] = None,
) -> MunicipalityList:
    """Municipalities of the DIVIPOLA list, by department and name."""
    directory: Directory = request.app.state.directory
    needle = normalize(q) if q else None
    items = [
        MunicipalityRead(
            code=m.code,
            name=m.name,
            department_code=m.department_code,
            department_name=m.department_name,
            kind=m.kind,
            longitude=m.longitude,
            latitude=m.latitude,
        )
        for m in sorted(directory.municipalities.values(), key=lambda m: m.code)
        if (department_code is None or m.department_code == department_code)
        and (needle is None or needle in m.search_name)
    ]
    return MunicipalityList(items=items, divipola_loaded=directory.loaded)
