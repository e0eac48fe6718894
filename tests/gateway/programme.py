"""A small programme created through the gateway into the real services, counted by hand.

Municipalities: Tumaco 52835 and 52079 (Nariño, 52), Santander de Quilichao 19698 and
Popayán 19001 (Cauca, 19), Medellín 05001 (Antioquia, 05).

Hand counts of the results indicators (total; by department):
- R1 strategies implemented or evaluated: S1 19698 implemented, S2 52835 evaluated → 2; 19:1, 52:1
  (S3 implementing and S4 designed do not count).
- R2 communities with a held psychosocial or self-protection workshop: (52835, la honda) in both
  types → 1, (19698, el palmar) → 1 → 2; 19:1, 52:1 (a planned workshop does not count).
- R3 organizations supported in communications or relations: A (both kinds, once), C → 2;
  19:1, 52:1 (B had legal support only).
- R4 municipalities with a plan review or a held capacitacion_piscc: 19698 (review and
  training, once), 52835 (review), 19001 (training) → 3; 19:2, 52:1.
- R5 communities with a held dialogo_resiliencia: (52835, candelillas) twice → 1,
  (05001, comuna 13) → 1 → 2; 05:1, 52:1.
- R6 IBP initiatives in implementation or completed: I1 52835, I2 19698 → 2; 19:1, 52:1.
- R7 held espacio_regional_lideres: 19001 → 1; 19:1.
- R8 strengthening plans approved or later: A in_progress, C approved, D completed → 3;
  05:1, 19:1, 52:1 (B's draft does not count).
- R9 held hablemos_de_policia: 52835 twice, 19698 once → 3; 19:1, 52:2.
- R10 improved OPI: A (2→3) and D (2→3) improved, B (3→2) did not, C has no follow-up →
  2 / 3 = 66.7 %; 05: 100.0, 52: 50.0.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from services.common.colombia import colombia_today
from services.security_plans.stats.service import current_term_start
from tests.events.factories import event_body, participation_body
from tests.organizations.helpers import (
    action_body as strengthening_action_body,
)
from tests.organizations.helpers import (
    create_assessment,
    create_organization,
    initiative_body,
    plan_body,
    support_body,
)
from tests.security_plans.factories import (
    APPROVAL,
    formulated_plan,
    review_body,
    strategy_body,
)

TERM = current_term_start(colombia_today())  # the running mayoral term, e.g. 2024
FUTURE = {"starts_at": "2199-01-01T09:00:00-05:00", "ends_at": "2199-01-01T12:00:00-05:00"}
LOW, HIGH = (2,) * 8, (3,) * 8

EXPECTED: dict[str, tuple[float, dict[str, float]]] = {
    "R1": (2, {"19": 1, "52": 1}),
    "R2": (2, {"19": 1, "52": 1}),
    "R3": (2, {"19": 1, "52": 1}),
    "R4": (3, {"19": 2, "52": 1}),
    "R5": (2, {"05": 1, "52": 1}),
    "R6": (2, {"19": 1, "52": 1}),
    "R7": (1, {"19": 1}),
    "R8": (3, {"05": 1, "19": 1, "52": 1}),
    "R9": (3, {"19": 1, "52": 2}),
    "R10": (66.7, {"05": 100.0, "52": 50.0}),
}


async def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def step(client: httpx.AsyncClient, path: str, *states: str, **extra: Any) -> None:
    for to in states:
        body = {"to": to, **(extra.get(to) or {})}
        await ok(await client.post(f"{path}/transitions", json=body))


async def organization(
    client: httpx.AsyncClient, name: str, municipality: str, *scores: tuple[int, ...]
) -> dict[str, Any]:
    org = await create_organization(client, name=name, municipality_code=municipality)
    org["assessments"] = [
        await create_assessment(
            client,
            org["id"],
            kind="baseline" if i == 0 else "follow_up",
            assessed_on=f"{2024 + i}-03-01",
            values=values,
        )
        for i, values in enumerate(scores)
    ]
    return org


async def strengthening_plan(
    client: httpx.AsyncClient, org: dict[str, Any], *states: str
) -> dict[str, Any]:
    plan = await ok(
        await client.post(
            "/api/v1/strengthening-plans",
            json=plan_body(org["id"], org["assessments"][0]["id"]),
        ),
        201,
    )
    path = f"/api/v1/strengthening-plans/{plan['id']}"
    action = await ok(
        await client.post(f"{path}/actions", json=strengthening_action_body(progress_pct=40)),
        201,
    )
    plan["action_id"] = action["id"]
    await step(client, path, *states)
    return plan


async def event(client: httpx.AsyncClient, held: bool = True, **overrides: Any) -> dict[str, Any]:
    created = await ok(await client.post("/api/v1/events", json=event_body(**overrides)), 201)
    if held:
        await step(client, f"/api/v1/events/{created['id']}", "held")
    return created


async def build_programme(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create the programme above through ``client`` (the gateway); returns the ids."""
    a = await organization(client, "Consejo Comunitario Acapa", "52835", LOW, HIGH)
    b = await organization(client, "Red de Mujeres del Pacífico", "52835", HIGH, LOW)
    c = await organization(client, "Plataforma Juvenil Quilichao", "19698", LOW)
    d = await organization(client, "Corporación Comuna 13", "05001", LOW, HIGH)
    for org, kind in (
        (a, "communications"),
        (a, "relationship_with_authorities"),
        (b, "legal"),
        (c, "relationship_with_authorities"),
    ):
        await ok(
            await client.post(
                "/api/v1/support-activities", json=support_body(org["id"], kind=kind)
            ),
            201,
        )
    plans = {
        "a": await strengthening_plan(client, a, "approved", "in_progress"),
        "b": await strengthening_plan(client, b),
        "c": await strengthening_plan(client, c, "approved"),
    }
    d_plan = await strengthening_plan(client, d, "approved", "in_progress")
    await ok(
        await client.patch(
            f"/api/v1/strengthening-plans/{d_plan['id']}/actions/{d_plan['action_id']}",
            json={"status": "done"},
            headers={"If-Match": '"1"'},
        )
    )
    await step(client, f"/api/v1/strengthening-plans/{d_plan['id']}", "completed")

    initiatives = "/api/v1/community-initiatives"
    for municipality, methodology, states in (
        ("52835", "ibp", ("in_implementation",)),
        ("19698", "ibp", ("in_implementation", "completed")),
        ("19001", "ibp", ()),
        ("52835", "other", ("in_implementation",)),
        ("05001", "ibp", ("cancelled",)),
    ):
        created = await ok(
            await client.post(
                initiatives,
                json=initiative_body(
                    municipality_code=municipality,
                    methodology=methodology,
                    title=f"Iniciativa {methodology} {municipality}",
                ),
            ),
            201,
        )
        await step(
            client,
            f"{initiatives}/{created['id']}",
            *states,
            completed={"end_date": "2025-06-30"},
            cancelled={"reason": "Sin acuerdo comunitario"},
        )

    # The 19698 PISCC of the running term, approved and executing, reviewed, 30 M of its
    # 150 M reported (20 %); Tumaco's only plan is from the previous term.
    piscc = await formulated_plan(client, municipality_code="19698", term_start_year=TERM)
    path = f"/api/v1/security-plans/{piscc['id']}"
    approval = {**APPROVAL, "approved_on": f"{TERM}-05-20"}
    await step(client, path, "submitted", "approved", "in_implementation", approved=approval)
    await ok(
        await client.post(
            f"{path}/reviews", json=review_body(9, 0, 0, reviewed_on=f"{TERM}-04-10")
        ),
        201,
    )
    await ok(
        await client.post(
            f"{path}/actions/{piscc['action_ids'][0]}/reports",
            json={"period": f"{TERM}-Q1", "value": 120, "budget_executed_cop": 30_000_000},
        ),
        201,
    )
    old = await formulated_plan(
        client, municipality_code="52835", term_start_year=TERM - 4, title="PISCC Tumaco anterior"
    )
    await ok(
        await client.post(
            f"/api/v1/security-plans/{old['id']}/reviews",
            json=review_body(3, 0, 6, reviewed_on=f"{TERM - 3}-05-10"),
        ),
        201,
    )
    strategies = "/api/v1/prevention-strategies"
    started = {"implementing": {"started_on": "2024-02-01"}}
    for municipality, states in (
        ("19698", ("implementing", "implemented")),
        ("52835", ("implementing", "implemented", "evaluated")),
        ("52835", ("implementing",)),
        ("05001", ()),
    ):
        created = await ok(
            await client.post(strategies, json=strategy_body(municipality_code=municipality)), 201
        )
        await step(
            client,
            f"{strategies}/{created['id']}",
            *states,
            **started,
            evaluated={"results_note": "Evaluación con datos de SIEDCO"},
        )

    await event(client, type="taller_psicosocial", community="Vereda La Honda")
    await event(client, type="taller_autoproteccion", community="vereda  la HONDA")
    await event(client, type="taller_psicosocial", municipality_code="19698", community="El Palmar")
    await event(client, held=False, type="taller_psicosocial", community="Otra", **FUTURE)
    await event(client, type="capacitacion_piscc", municipality_code="19001", community="Centro")
    await event(client, type="capacitacion_piscc", municipality_code="19698", community="Centro")
    dialogue = await event(
        client, community="Vereda Candelillas", organization_ids=[a["id"]], title="Diálogo"
    )
    await event(client, community="VEREDA CANDELILLAS")
    await event(client, municipality_code="05001", community="Comuna 13")
    await event(
        client, type="espacio_regional_lideres", municipality_code="19001", community="Popayán"
    )
    await event(client, type="hablemos_de_policia", community="Barrio Panamá")
    await event(client, type="hablemos_de_policia", community="Barrio Obrero")
    await event(client, type="hablemos_de_policia", municipality_code="19698", community="Centro")
    base = f"/api/v1/events/{dialogue['id']}"
    await ok(await client.put(f"{base}/participation", json=participation_body()), 201)
    today = colombia_today()
    for due in (today - timedelta(days=3), today + timedelta(days=30)):
        await ok(
            await client.post(
                f"{base}/commitments",
                json={
                    "description": "Gestionar alumbrado en la vereda",
                    "responsible_party": "alcaldia",
                    "due_date": due.isoformat(),
                },
            ),
            201,
        )
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "plans": plans,
        "piscc": piscc,
        "dialogue": dialogue,
    }
