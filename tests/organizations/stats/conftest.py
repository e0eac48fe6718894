"""The hand-counted programme the statistics tests read (`programme`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.organizations.helpers import (
    add_action,
    beneficiaries,
    create_assessment,
    create_organization,
    initiative_body,
    plan_body,
    support_body,
    transition,
)

PLANS = "/api/v1/strengthening-plans"
INITIATIVES = "/api/v1/community-initiatives"
ALL_3 = (3,) * 8
ALL_2 = (2,) * 8


async def _plan(client, organization, baseline, *steps: str, reason: str | None = None):
    r = await client.post(PLANS, json=plan_body(organization["id"], baseline["id"]))
    assert r.status_code == 201, r.text
    plan = r.json()
    if steps:
        await add_action(client, plan["id"])
    for step in steps:
        extra = {"reason": reason} if step == "cancelled" else {}
        r = await transition(client, f"{PLANS}/{plan['id']}", step, **extra)
        assert r.status_code == 200, r.text
    return plan


async def _initiative(client, *steps: str, **overrides: Any) -> dict[str, Any]:
    r = await client.post(INITIATIVES, json=initiative_body(**overrides))
    assert r.status_code == 201, r.text
    initiative = r.json()
    for step in steps:
        extra: dict[str, Any] = {}
        if step == "cancelled":
            extra["reason"] = "Amenazas"
        if step == "completed":
            extra["end_date"] = "2025-10-01"
        r = await transition(client, f"{INITIATIVES}/{initiative['id']}", step, **extra)
        assert r.status_code == 200, r.text
    return initiative


@pytest.fixture
async def programme(client):
    """Three municipalities of records, counted by hand in test_stats.py.

    52835 Tumaco: A (mujeres, afro; OPI 2.00 → 3.00, improved), B (consejo, afro;
    3.00 → 2.50), C (juvenil, ninguno; no OPI), G archived. 05001 Medellín: D (víctimas,
    ninguno; 1.50 → 2.00 on 2025-02-01 → 1.25 on 2025-06-01), E (JAC, indígena; draft
    baseline). 76001 Cali: F (otra, ninguno; baseline 4.00 only).
    """
    a = await create_organization(client, name="Organización A")
    b = await create_organization(client, name="Organización B", type="consejo_comunitario")
    c = await create_organization(
        client, name="Organización C", type="plataforma_juvenil", ethnic_focus="ninguno"
    )
    g = await create_organization(client, name="Organización G")
    r = await client.delete(f"/api/v1/organizations/{g['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200
    d = await create_organization(
        client,
        name="Organización D",
        municipality_code="05001",
        type="organizacion_victimas",
        ethnic_focus="ninguno",
    )
    e = await create_organization(
        client,
        name="Organización E",
        municipality_code="05001",
        type="junta_accion_comunal",
        ethnic_focus="indigena",
    )
    f = await create_organization(
        client,
        name="Organización F",
        municipality_code="76001",
        type="otra",
        ethnic_focus="ninguno",
    )

    base_a = await create_assessment(client, a["id"], values=ALL_2)
    await create_assessment(
        client, a["id"], kind="follow_up", assessed_on="2025-03-01", values=ALL_3
    )
    base_b = await create_assessment(client, b["id"], values=ALL_3)
    await create_assessment(
        client, b["id"], kind="follow_up", assessed_on="2025-03-01", values=(2, 2, 2, 2, 3, 3, 3, 3)
    )
    base_d = await create_assessment(client, d["id"], values=(1, 1, 1, 1, 2, 2, 2, 2))
    await create_assessment(
        client, d["id"], kind="follow_up", assessed_on="2025-02-01", values=ALL_2
    )
    await create_assessment(
        client, d["id"], kind="follow_up", assessed_on="2025-06-01", values=(1, 1, 1, 1, 1, 1, 2, 2)
    )
    await create_assessment(client, e["id"], verify=False)
    base_f = await create_assessment(client, f["id"], values=(4,) * 8)
    base_g = await create_assessment(client, g["id"])
    # A draft follow-up is not counted either.
    await create_assessment(
        client, f["id"], kind="follow_up", assessed_on="2025-01-01", verify=False
    )

    await _plan(client, a, base_a, "approved")
    await _plan(client, b, base_b)
    await _plan(client, d, base_d, "cancelled", reason="Cambio de junta")
    await _plan(client, d, base_d, "approved", "in_progress")
    await _plan(client, f, base_f, "approved", "in_progress", "completed")
    del base_g

    for org, kind, day, hours in (
        (a, "communications", "2025-03-10", 4.5),
        (a, "legal", "2025-04-01", 2),
        (b, "communications", "2025-03-12", 3),
        (c, "psychosocial_support", "2024-11-01", 1.5),
        (d, "legal", "2025-02-02", 6),
    ):
        r = await client.post(
            "/api/v1/support-activities",
            json=support_body(org["id"], kind=kind, delivered_on=day, hours=hours),
        )
        assert r.status_code == 201, r.text
    archived = (
        await client.post(
            "/api/v1/support-activities", json=support_body(d["id"], delivered_on="2025-02-03")
        )
    ).json()
    r = await client.delete(
        f"/api/v1/support-activities/{archived['id']}", headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200

    await _initiative(client, lead_organization_id=a["id"])
    await _initiative(
        client,
        "in_implementation",
        title="Mural de la memoria",
        methodology="other",
        budget_cop=5_000_000,
        start_date="2025-05-01",
        beneficiaries={"total": 40, "by_sex": {"mujer": 25, "hombre": 15}},
    )
    await _initiative(
        client,
        "cancelled",
        municipality_code="05001",
        budget_cop=9_000_000,
        beneficiaries=beneficiaries(80),
    )
    await _initiative(
        client,
        "in_implementation",
        "completed",
        municipality_code="05001",
        budget_cop=None,
        start_date="2025-03-01",
        beneficiaries=beneficiaries(200),
    )
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}
