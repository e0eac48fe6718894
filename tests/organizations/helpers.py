"""Bodies and HTTP helpers for the plans, support, initiatives and statistics tests."""

from __future__ import annotations

from typing import Any

import httpx

from tests.organizations.factories import assessment_body, organization_body


def plan_body(
    organization_id: str, baseline_assessment_id: str, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "organization_id": organization_id,
        "baseline_assessment_id": baseline_assessment_id,
        "title": "Plan de fortalecimiento 2025",
        "start_date": "2025-01-15",
        "end_date": "2025-12-15",
    }
    body.update(overrides)
    return body


def action_body(opi_area: str = "results", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "opi_area": opi_area,
        "description": "Sistematizar los resultados de los proyectos comunitarios",
        "strategy": "Tutoría entre pares con organizaciones con mayor puntaje",
        "evidence_reference": "Manual OPI, capítulo 3; evaluación 2023",
        "responsible": "Coordinadora de la asociación",
        "due_date": "2030-06-30",
    }
    body.update(overrides)
    return body


def support_body(organization_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "organization_id": organization_id,
        "kind": "communications",
        "delivered_on": "2025-03-10",
        "hours": 4.5,
        "delivered_by": "Equipo Somos",
        "description": "Taller de vocería y manejo de redes",
    }
    body.update(overrides)
    return body


def beneficiaries(total: int = 120) -> dict[str, Any]:
    """A consistent breakdown of ``total`` (must be a multiple of 4 and at least 8)."""
    quarter = total // 4
    return {
        "total": total,
        "by_sex": {
            "mujer": 2 * quarter,
            "hombre": quarter,
            "otro": 0,
            "no_reporta": total - 3 * quarter,
        },
        "by_age_group": {
            "0_13": quarter,
            "14_28": quarter,
            "29_59": quarter,
            "60_mas": total - 3 * quarter,
        },
        "by_ethnicity": {"afrocolombiano": total - quarter, "ninguno": quarter},
    }


def initiative_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Cancha segura en el barrio Nuevo Milenio",
        "municipality_code": "52835",
        "community": "Barrio Nuevo Milenio",
        "methodology": "ibp",
        "objective": "Recuperar el espacio público para los jóvenes",
        "risk_factors_addressed": ["falta_oportunidades_jovenes", "entorno_inseguro"],
        "start_date": "2025-02-01",
        "budget_cop": 15_000_000,
        "beneficiaries": beneficiaries(120),
    }
    body.update(overrides)
    return body


async def create_organization(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/organizations", json=organization_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


async def create_assessment(
    client: httpx.AsyncClient, organization_id: str, *, verify: bool = True, **overrides: Any
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/organizations/{organization_id}/assessments", json=assessment_body(**overrides)
    )
    assert r.status_code == 201, r.text
    assessment = r.json()
    if verify:
        r = await client.post(
            f"/api/v1/assessments/{assessment['id']}/transitions", json={"to": "verified"}
        )
        assert r.status_code == 200, r.text
        assessment = r.json()
    return assessment


async def organization_with_baseline(
    client: httpx.AsyncClient, **overrides: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A new organization and its verified baseline assessment."""
    organization = await create_organization(client, **overrides)
    baseline = await create_assessment(client, organization["id"])
    return organization, baseline


async def create_plan(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    """A draft plan for a new organization with a verified baseline."""
    organization, baseline = await organization_with_baseline(client, **overrides)
    r = await client.post(
        "/api/v1/strengthening-plans", json=plan_body(organization["id"], baseline["id"])
    )
    assert r.status_code == 201, r.text
    return r.json()


async def add_action(client: httpx.AsyncClient, plan_id: str, **overrides: Any) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/strengthening-plans/{plan_id}/actions", json=action_body(**overrides)
    )
    assert r.status_code == 201, r.text
    return r.json()


async def transition(client: httpx.AsyncClient, path: str, to: str, **extra: Any) -> httpx.Response:
    return await client.post(f"{path}/transitions", json={"to": to, **extra})
