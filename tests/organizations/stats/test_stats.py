"""GET /api/v1/stats/organizations against hand-counted fixtures, per municipality."""

from __future__ import annotations

from typing import Any

from tests.organizations.helpers import create_organization, support_body

STATS = "/api/v1/stats/organizations"
PLANS = "/api/v1/strengthening-plans"
INITIATIVES = "/api/v1/community-initiatives"


def _nonzero(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v}


async def test_statistics_match_hand_counts(client, programme):
    r = await client.get(STATS)
    assert r.status_code == 200, r.text
    stats = r.json()
    assert stats["filters"] == {
        "department_code": None,
        "municipality_code": None,
        "from": None,
        "to": None,
    }
    assert stats["generated_at"].endswith("Z")
    assert sorted(stats["by_municipality"]) == ["05001", "52835", "76001"]
    tumaco, medellin, cali = (stats["by_municipality"][c] for c in ("52835", "05001", "76001"))
    totals = stats["totals"]

    # Organizations (archived G left out)
    assert tumaco["organizations"]["total"] == 3
    assert _nonzero(tumaco["organizations"]["by_type"]) == {
        "organizacion_mujeres": 1,
        "consejo_comunitario": 1,
        "plataforma_juvenil": 1,
    }
    assert _nonzero(tumaco["organizations"]["by_ethnic_focus"]) == {
        "afrocolombiano": 2,
        "ninguno": 1,
    }
    assert _nonzero(medellin["organizations"]["by_ethnic_focus"]) == {"ninguno": 1, "indigena": 1}
    assert totals["organizations"]["total"] == 6
    assert totals["organizations"]["by_type"]["otra"] == 1
    assert len(totals["organizations"]["by_type"]) == 11  # every code, zeros included

    # Verified assessments
    assert tumaco["assessments"] == {"verified": 4, "verified_baseline": 2, "verified_follow_up": 2}
    assert medellin["assessments"] == {
        "verified": 3,
        "verified_baseline": 1,
        "verified_follow_up": 2,
    }
    assert cali["assessments"]["verified"] == 1
    assert totals["assessments"]["verified"] == 8

    # OPI: baseline vs latest verified follow-up
    assert tumaco["opi"] == {
        "organizations_with_baseline": 2,
        "mean_baseline_overall": 2.5,
        "mean_latest_overall": 2.75,
        "organizations_assessed_twice": 2,
        "organizations_improved": 1,
        "improved_pct": 50.0,
    }
    assert medellin["opi"] == {
        "organizations_with_baseline": 1,
        "mean_baseline_overall": 1.5,
        "mean_latest_overall": 1.25,
        "organizations_assessed_twice": 1,
        "organizations_improved": 0,
        "improved_pct": 0.0,
    }
    assert cali["opi"] == {
        "organizations_with_baseline": 1,
        "mean_baseline_overall": 4.0,
        "mean_latest_overall": 4.0,
        "organizations_assessed_twice": 0,
        "organizations_improved": 0,
        "improved_pct": None,
    }
    assert totals["opi"] == {
        "organizations_with_baseline": 4,
        "mean_baseline_overall": 2.63,
        "mean_latest_overall": 2.69,
        "organizations_assessed_twice": 3,
        "organizations_improved": 1,
        "improved_pct": 33.3,
    }

    # Strengthening plans
    assert _nonzero(tumaco["strengthening_plans"]["by_status"]) == {"approved": 1, "draft": 1}
    assert tumaco["strengthening_plans"]["approved_or_later"] == 1
    assert _nonzero(medellin["strengthening_plans"]["by_status"]) == {
        "cancelled": 1,
        "in_progress": 1,
    }
    assert cali["strengthening_plans"]["approved_or_later"] == 1
    assert totals["strengthening_plans"]["total"] == 5
    assert totals["strengthening_plans"]["approved_or_later"] == 3

    # Capacity support (archived activity left out)
    support = tumaco["support"]
    assert (support["activities"], support["hours"], support["organizations_supported"]) == (
        4,
        11.0,
        3,
    )
    assert support["by_kind"]["communications"] == {
        "activities": 2,
        "organizations": 2,
        "hours": 7.5,
    }
    assert support["by_kind"]["legal"] == {"activities": 1, "organizations": 1, "hours": 2.0}
    assert support["by_kind"]["self_protection"] == {
        "activities": 0,
        "organizations": 0,
        "hours": 0.0,
    }
    assert medellin["support"]["organizations_supported"] == 1
    assert medellin["support"]["hours"] == 6.0
    assert cali["support"]["activities"] == 0
    assert totals["support"]["organizations_supported"] == 4
    assert support["organizations_communications_or_relations"] == 2  # a and b
    assert medellin["support"]["organizations_communications_or_relations"] == 0
    assert totals["support"]["organizations_communications_or_relations"] == 2
    assert totals["support"]["by_kind"]["legal"] == {
        "activities": 2,
        "organizations": 2,
        "hours": 8.0,
    }

    # Community initiatives (cancelled ones count by status, not in budget or people)
    ini = tumaco["initiatives"]
    assert ini["total"] == 2
    assert _nonzero(ini["by_status"]) == {"designed": 1, "in_implementation": 1}
    assert ini["by_methodology"] == {"ibp": 1, "other": 1}
    assert _nonzero(ini["by_methodology_and_status"]["ibp"]) == {"designed": 1}
    assert _nonzero(ini["by_methodology_and_status"]["other"]) == {"in_implementation": 1}
    assert ini["budget_cop"] == 20_000_000
    assert ini["beneficiaries"] == {
        "total": 160,
        "by_sex": {"mujer": 85, "hombre": 45, "otro": 0, "no_reporta": 30},
        "by_age_group": {"0_13": 30, "14_28": 30, "29_59": 30, "60_mas": 30, "no_reporta": 40},
        "by_ethnicity": {
            "afrocolombiano": 90,
            "indigena": 0,
            "raizal": 0,
            "palenquero": 0,
            "rrom": 0,
            "ninguno": 30,
            "no_reporta": 40,
        },
    }
    med = medellin["initiatives"]
    assert _nonzero(med["by_status"]) == {"cancelled": 1, "completed": 1}
    assert med["budget_cop"] == 0
    assert med["beneficiaries"]["total"] == 200
    assert _nonzero(med["beneficiaries"]["by_sex"]) == {
        "mujer": 100,
        "hombre": 50,
        "no_reporta": 50,
    }
    assert totals["initiatives"]["total"] == 4
    assert _nonzero(totals["initiatives"]["by_methodology_and_status"]["ibp"]) == {
        "designed": 1,
        "cancelled": 1,
        "completed": 1,
    }
    assert totals["initiatives"]["beneficiaries"]["total"] == 360
    assert totals["initiatives"]["beneficiaries"]["by_sex"]["mujer"] == 185
    assert cali["initiatives"]["total"] == 0

    # Every breakdown adds up to its total, in every municipality and overall.
    for figures in [totals, *stats["by_municipality"].values()]:
        people = figures["initiatives"]["beneficiaries"]
        for breakdown in ("by_sex", "by_age_group", "by_ethnicity"):
            assert sum(people[breakdown].values()) == people["total"]


async def test_totals_are_the_sum_of_municipalities(client, programme):
    stats = (await client.get(STATS)).json()
    munis = stats["by_municipality"].values()
    totals = stats["totals"]
    for section, key in (
        ("organizations", "total"),
        ("assessments", "verified"),
        ("strengthening_plans", "total"),
        ("support", "activities"),
        ("support", "organizations_supported"),
        ("initiatives", "budget_cop"),
        ("opi", "organizations_assessed_twice"),
        ("opi", "organizations_improved"),
    ):
        assert totals[section][key] == sum(m[section][key] for m in munis), (section, key)


async def test_territory_filters(client, programme):
    r = await client.get(STATS, params={"municipality_code": "05001"})
    stats = r.json()
    assert list(stats["by_municipality"]) == ["05001"]
    assert stats["totals"] == stats["by_municipality"]["05001"]
    assert stats["filters"]["municipality_code"] == "05001"
    r = await client.get(STATS, params={"department_code": "52"})
    assert list(r.json()["by_municipality"]) == ["52835"]
    assert r.json()["totals"]["organizations"]["total"] == 3
    r = await client.get(STATS, params={"department_code": "5"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "department_code"


async def test_date_range(client, programme):
    # Up to March 2025 D's latest verified follow-up is the 2.00 of February: improved.
    stats = (await client.get(STATS, params={"to": "2025-03-31"})).json()
    medellin = stats["by_municipality"]["05001"]
    assert medellin["opi"]["mean_latest_overall"] == 2.0
    assert medellin["opi"]["organizations_improved"] == 1
    assert medellin["assessments"]["verified_follow_up"] == 1
    assert stats["totals"]["opi"]["organizations_improved"] == 2
    assert stats["totals"]["opi"]["improved_pct"] == 66.7
    # Organizations are a stock, not filtered by dates.
    assert stats["totals"]["organizations"]["total"] == 6

    stats = (await client.get(STATS, params={"from": "2025-03-01", "to": "2025-12-31"})).json()
    totals = stats["totals"]
    # Follow-ups from March on: A (3.00), B (2.50), D (1.25, June); baselines before still count.
    assert totals["opi"]["organizations_assessed_twice"] == 3
    assert totals["opi"]["organizations_improved"] == 1
    assert totals["assessments"]["verified"] == 3  # the three follow-ups; baselines in 2024
    assert totals["support"]["activities"] == 3  # A twice, B; C in 2024, D in February
    assert totals["support"]["organizations_supported"] == 2
    assert totals["strengthening_plans"]["total"] == 0  # all plans start 2025-01-15
    # Initiatives starting from March: the mural (May) and Medellín's completed one.
    assert totals["initiatives"]["total"] == 2
    assert totals["initiatives"]["beneficiaries"]["total"] == 240

    r = await client.get(STATS, params={"from": "2025-06-01", "to": "2025-01-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"


async def test_territory_claims_apply(client, programme, make_token):
    antioquia = {
        "Authorization": "Bearer " + make_token(["organizations:read"], departments=["05"])
    }
    stats = (await client.get(STATS, headers=antioquia)).json()
    assert list(stats["by_municipality"]) == ["05001"]
    assert stats["totals"]["organizations"]["total"] == 2
    assert stats["totals"]["initiatives"]["total"] == 2
    # Asking for another territory yields nothing rather than leaking it.
    stats = (
        await client.get(STATS, params={"municipality_code": "52835"}, headers=antioquia)
    ).json()
    assert stats["by_municipality"] == {}
    assert stats["totals"]["organizations"]["total"] == 0

    two = {
        "Authorization": "Bearer "
        + make_token(["organizations:read"], municipalities=["52835", "76001"])
    }
    stats = (await client.get(STATS, headers=two)).json()
    assert sorted(stats["by_municipality"]) == ["52835", "76001"]
    assert stats["totals"]["opi"]["organizations_with_baseline"] == 3
    # The same claims restrict the lists.
    plans = (await client.get(PLANS, headers=two)).json()["items"]
    assert len(plans) == 3
    initiatives = (await client.get(INITIATIVES, headers=antioquia)).json()["items"]
    assert {i["municipality_code"] for i in initiatives} == {"05001"}


async def test_empty_programme(client):
    stats = (await client.get(STATS)).json()
    assert stats["by_municipality"] == {}
    assert stats["totals"]["organizations"]["total"] == 0
    assert stats["totals"]["opi"]["mean_baseline_overall"] is None
    assert stats["totals"]["opi"]["improved_pct"] is None
    assert stats["totals"]["initiatives"]["beneficiaries"]["by_sex"] == {
        "mujer": 0,
        "hombre": 0,
        "otro": 0,
        "no_reporta": 0,
    }


async def test_auth(anonymous, client, make_token):
    assert (await anonymous.get(STATS)).status_code == 401
    events = {"Authorization": "Bearer " + make_token(["events:read"])}
    r = await client.get(STATS, headers=events)
    assert r.status_code == 403 and r.json()["missing_scope"] == "organizations:read"


async def test_stats_organizations_in_communications_or_relations_count_once(client):
    both = await create_organization(client)
    other = await create_organization(client, name="Junta de Acción Comunal El Recreo")
    for org, kind in (
        (both, "communications"),
        (both, "relationship_with_authorities"),
        (both, "communications"),
        (other, "legal"),
    ):
        r = await client.post("/api/v1/support-activities", json=support_body(org["id"], kind=kind))
        assert r.status_code == 201, r.text
    support = (await client.get(STATS)).json()["totals"]["support"]
    assert support["organizations_communications_or_relations"] == 1
    assert support["by_kind"]["communications"]["organizations"] == 1
    assert support["by_kind"]["relationship_with_authorities"]["organizations"] == 1
    assert support["organizations_supported"] == 2


async def test_municipality_summary_is_the_municipality_statistics(client, programme):
    summary = (await client.get(f"{STATS}/municipalities/52835")).json()
    stats = (await client.get(STATS, params={"municipality_code": "52835"})).json()
    assert summary["municipality_code"] == "52835"
    assert summary["figures"] == stats["totals"]
    figures = summary["figures"]
    assert figures["organizations"]["total"] == 3  # G is archived
    assert (figures["opi"]["organizations_assessed_twice"], figures["opi"]["improved_pct"]) == (
        2,
        50.0,
    )
    # Tumaco's two initiatives, latest start first, with what the overview lists.
    assert [(i["title"], i["status"], i["start_date"]) for i in summary["initiatives"]] == [
        ("Mural de la memoria", "in_implementation", "2025-05-01"),
        ("Cancha segura en el barrio Nuevo Milenio", "designed", "2025-02-01"),
    ]
    assert set(summary["initiatives"][0]) == {
        "id",
        "title",
        "community",
        "methodology",
        "status",
        "start_date",
        "end_date",
    }
    empty = (await client.get(f"{STATS}/municipalities/23001")).json()
    assert empty["figures"]["organizations"]["total"] == 0 and empty["initiatives"] == []
    assert empty["figures"]["opi"]["mean_baseline_overall"] is None


async def test_municipality_summary_territory_and_input(client, programme, make_token):
    antioquia = {
        "Authorization": "Bearer " + make_token(["organizations:read"], departments=["05"])
    }
    own = await client.get(f"{STATS}/municipalities/05001", headers=antioquia)
    assert own.status_code == 200 and own.json()["figures"]["organizations"]["total"] == 2
    other = await client.get(f"{STATS}/municipalities/52835", headers=antioquia)
    assert other.status_code == 403
    assert other.headers["content-type"] == "application/problem+json"
    bad = await client.get(f"{STATS}/municipalities/5283")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "municipality_code"
