"""Test data factories for the organizations service."""

from __future__ import annotations

from typing import Any

OPI_AREAS = (
    "results",
    "standards",
    "delivery",
    "reach",
    "target_population",
    "learning",
    "resources",
    "social_capital",
)


def organization_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Asociación de Mujeres de TÚMACO",
        "acronym": "AMUT",
        "type": "organizacion_mujeres",
        "ethnic_focus": "afrocolombiano",
        "municipality_code": "52835",
        "founded_year": 2004,
        "members_count": 85,
        "focus_areas": ["mujeres", "derechos_humanos"],
        "contact_email": "contacto@amut.example.org",
    }
    body.update(overrides)
    return body


def scores(*values: int, evidence: str = "Actas y registros revisados") -> dict[str, Any]:
    """Scores for the eight OPI sub-areas in handbook order (results … social_capital)."""
    assert len(values) == 8
    return {
        area: {"score": v, "evidence": evidence} for area, v in zip(OPI_AREAS, values, strict=True)
    }


def assessment_body(
    kind: str = "baseline",
    assessed_on: str = "2024-03-01",
    values: tuple[int, ...] = (2, 2, 2, 2, 2, 2, 2, 2),
    **overrides: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": kind,
        "assessed_on": assessed_on,
        "facilitator": "Equipo Somos Nariño",
        "scores": scores(*values),
    }
    body.update(overrides)
    return body
