"""Disclosure control on community initiatives' beneficiaries and the programme figures."""

from __future__ import annotations

from services.common.testing import bearer
from tests.organizations.helpers import initiative_body

INITIATIVES = "/api/v1/community-initiatives"
READER = "organizations:read"
PII = "organizations:read attendees:pii"
FEW = {
    "total": 30,
    "by_sex": {"mujer": 27, "hombre": 3},
    "by_age_group": {"14_28": 30},
    "by_ethnicity": {"indigena": 1, "afrocolombiano": 5, "ninguno": 24},
}


async def test_initiative_beneficiaries_small_cells_withheld(client, make_token):
    r = await client.post(INITIATIVES, json=initiative_body(beneficiaries=FEW))
    assert r.status_code == 201, r.text
    path = f"{INITIATIVES}/{r.json()['id']}"
    body = (await client.get(path, headers=bearer(make_token(READER)))).json()
    b = body["beneficiaries"]
    assert b["total"] == 30
    # hombre 3 hidden, mujer 27 with it (total shown); indigena 1 and afrocolombiano 5
    assert b["by_sex"] == {"mujer": None, "hombre": None, "otro": 0, "no_reporta": 0}
    assert b["by_age_group"]["14_28"] == 30
    assert b["by_ethnicity"]["indigena"] is None and b["by_ethnicity"]["afrocolombiano"] is None
    assert b["by_ethnicity"]["ninguno"] == 24
    assert body["suppressed"] == [
        "beneficiaries.by_ethnicity.afrocolombiano",
        "beneficiaries.by_ethnicity.indigena",
        "beneficiaries.by_sex.hombre",
        "beneficiaries.by_sex.mujer",
    ]
    listed = (await client.get(INITIATIVES, headers=bearer(make_token(READER)))).json()
    assert listed["items"][0]["beneficiaries"]["by_sex"]["hombre"] is None
    assert listed["items"][0]["suppressed"] == body["suppressed"]
    exact = (await client.get(path, headers=bearer(make_token(PII)))).json()
    assert exact["beneficiaries"]["by_ethnicity"]["indigena"] == 1
    assert exact["suppressed"] == []


async def test_programme_figures_withhold_small_beneficiary_cells(client, make_token):
    await client.post(INITIATIVES, json=initiative_body(beneficiaries=FEW))
    other = {
        "total": 40,
        "by_sex": {"mujer": 20, "hombre": 20},
        "by_age_group": {"14_28": 40},
        "by_ethnicity": {"indigena": 10, "ninguno": 30},
    }
    await client.post(
        INITIATIVES,
        json=initiative_body(beneficiaries=other, municipality_code="19698", title="Otra"),
    )
    query = "?municipality_code=52835&from=2025-02-01&to=2025-02-01"
    s = (
        await client.get(f"/api/v1/stats/organizations{query}", headers=bearer(make_token(READER)))
    ).json()
    b = s["totals"]["initiatives"]["beneficiaries"]
    assert b["total"] == 30 and b["by_ethnicity"]["indigena"] is None
    assert "totals.initiatives.beneficiaries.by_ethnicity.indigena" in s["suppressed"]
    everywhere = (
        await client.get("/api/v1/stats/organizations", headers=bearer(make_token(READER)))
    ).json()
    # Tumaco: indigena 1 hidden, afrocolombiano 5 with it. Cauca has no afrocolombiano, so
    # the overall 5 is Tumaco's: hidden, and the overall indigena (11) with it. Cauca's 10
    # indigena and 30 ninguno hide too, or subtraction from the overall would undo it all.
    whole = everywhere["totals"]["initiatives"]["beneficiaries"]
    assert whole["total"] == 70
    assert whole["by_ethnicity"]["indigena"] is None
    assert whole["by_ethnicity"]["afrocolombiano"] is None
    assert whole["by_ethnicity"]["ninguno"] == 54
    cauca = everywhere["by_municipality"]["19698"]["initiatives"]["beneficiaries"]
    assert cauca["by_ethnicity"]["indigena"] is None
    assert cauca["by_ethnicity"]["ninguno"] is None  # Cauca's own complement
    assert cauca["total"] == 40
    summary = (
        await client.get(
            "/api/v1/stats/organizations/municipalities/52835", headers=bearer(make_token(READER))
        )
    ).json()
    assert summary["figures"]["initiatives"]["beneficiaries"]["by_sex"]["hombre"] is None
    assert "figures.initiatives.beneficiaries.by_sex.hombre" in summary["suppressed"]
    exact = (
        await client.get("/api/v1/stats/organizations", headers=bearer(make_token(PII)))
    ).json()
    assert (
        exact["by_municipality"]["19698"]["initiatives"]["beneficiaries"]["by_ethnicity"][
            "indigena"
        ]
        == 10
    )
    assert exact["suppressed"] == []
