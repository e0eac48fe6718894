"""Test data factories for the security_plans service."""

from __future__ import annotations

from typing import Any

import httpx

SANTANDER_DE_QUILICHAO = "19698"
TUMACO = "52835"
POPAYAN = "19001"
CHECKLIST_ITEMS = (
    "marco_normativo",
    "diagnostico_con_datos",
    "participacion_ciudadana",
    "enfoque_diferencial",
    "articulacion_policia",
    "lineas_alineadas_politica_nacional",
    "indicadores_con_linea_base_y_meta",
    "presupuesto_con_fuentes",
    "mecanismo_seguimiento",
)


def plan_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "municipality_code": SANTANDER_DE_QUILICHAO,
        "term_start_year": 2024,
        "title": "PISCC Santander de Quilichao 2024-2027: «Quilichao segura y en paz»",
    }
    body.update(overrides)
    return body


def problem_body(problem: str = "homicidio", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "problem": problem,
        "baseline_value": 48.3,
        "unit": "tasa_100k",
        "baseline_year": 2023,
        "source": "SIEDCO - Policía Nacional",
    }
    body.update(overrides)
    return body


def line_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Prevención de la violencia homicida",
        "objective": "Reducir la tasa de homicidios en zonas rurales",
    }
    body.update(overrides)
    return body


def action_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Entornos seguros para jóvenes",
        "responsible_institution": "alcaldia",
        "problems": ["homicidio"],
        "indicator": {
            "name": "Jóvenes en programas de prevención",
            "unit": "personas",
            "baseline": 0,
            "target": 400,
        },
        "budget": {"fonset": 120_000_000, "recursos_propios": 30_000_000},
    }
    body.update(overrides)
    return body


def checklist(cumple: int, parcial: int, no_cumple: int) -> dict[str, Any]:
    ratings = ["cumple"] * cumple + ["cumple_parcialmente"] * parcial + ["no_cumple"] * no_cumple
    assert len(ratings) == len(CHECKLIST_ITEMS)
    return {
        item: {"rating": r, "comment": f"Revisión de {item}"}
        for item, r in zip(CHECKLIST_ITEMS, ratings, strict=True)
    }


def review_body(
    cumple: int = 6, parcial: int = 2, no_cumple: int = 1, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reviewer": "Equipo técnico Somos Cauca",
        "reviewed_on": "2024-04-10",
        "checklist": checklist(cumple, parcial, no_cumple),
        "recommendations": "Incluir enfoque étnico en la línea 2.",
    }
    body.update(overrides)
    return body


def strategy_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Parques iluminados y recuperación de espacio público",
        "municipality_code": SANTANDER_DE_QUILICHAO,
        "approach": "situacional",
        "target_problems": ["hurto_personas", "lesiones_personales"],
        "target_population": "comunidad_general",
        "evidence_summary": "La iluminación y el diseño urbano reducen delitos en espacio "
        "público (revisión sistemática Campbell).",
        "evidence_references": ["Welsh & Farrington (2008), Campbell Systematic Reviews"],
    }
    body.update(overrides)
    return body


APPROVAL = {"to": "approved", "approved_on": "2024-05-20", "act_reference": "Acta CTOP 004 de 2024"}


async def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def formulated_plan(
    client: httpx.AsyncClient, *, lines: int = 1, actions: int = 1, **overrides: Any
) -> dict[str, Any]:
    """A plan in formulation with a two-problem diagnosis, lines and actions."""
    plan = await ok(await client.post("/api/v1/security-plans", json=plan_body(**overrides)), 201)
    base = f"/api/v1/security-plans/{plan['id']}"
    await ok(await client.post(f"{base}/problems", json=problem_body()), 201)
    await ok(
        await client.post(
            f"{base}/problems",
            json=problem_body("hurto_personas", baseline_value=320, unit="casos"),
        ),
        201,
    )
    plan["line_ids"], plan["action_ids"] = [], []
    for i in range(lines):
        line = await ok(
            await client.post(f"{base}/lines", json=line_body(name=f"Línea {i + 1}")), 201
        )
        plan["line_ids"].append(line["id"])
        for j in range(actions):
            action = await ok(
                await client.post(
                    f"{base}/lines/{line['id']}/actions",
                    json=action_body(name=f"Acción {i + 1}.{j + 1}"),
                ),
                201,
            )
            plan["action_ids"].append(action["id"])
    return plan


async def plan_in_implementation(client: httpx.AsyncClient, **kwargs: Any) -> dict[str, Any]:
    plan = await formulated_plan(client, **kwargs)
    url = f"/api/v1/security-plans/{plan['id']}/transitions"
    await ok(await client.post(url, json={"to": "submitted"}))
    await ok(await client.post(url, json=APPROVAL))
    state = await ok(await client.post(url, json={"to": "in_implementation"}))
    plan.update({k: v for k, v in state.items()})
    return plan
