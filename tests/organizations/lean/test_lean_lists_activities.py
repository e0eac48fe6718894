"""Support activities and community initiatives: the lean lists byte for byte like their routes
(initiatives at both disclosure levels: small beneficiary cells withheld without
``attendees:pii``)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.common.testing import bearer
from tests.lean_lists import same_answer, walk
from tests.organizations.helpers import (
    beneficiaries,
    create_organization,
    initiative_body,
    support_body,
)

SUPPORT = "/api/v1/support-activities"
INITIATIVES = "/api/v1/community-initiatives"
RID = {"X-Request-ID": "lean-compare-0002"}


async def _seed(client: httpx.AsyncClient) -> dict[str, Any]:
    tumaco = await create_organization(client, name="Red de Tumaco", municipality_code="52835")
    medellin = await create_organization(client, name="Red de Medellín", municipality_code="05001")
    activities = []
    for i, (org, kind) in enumerate(
        [(tumaco, "legal"), (medellin, "communications"), (tumaco, "communications")] * 2
    ):
        r = await client.post(
            SUPPORT,
            json=support_body(
                org["id"], kind=kind, hours=1.25 + i, delivered_on=f"2025-03-{10 + i:02d}"
            ),
        )
        assert r.status_code == 201, r.text
        activities.append(r.json())
    r = await client.delete(f"{SUPPORT}/{activities[1]['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    initiatives = []
    for i, code in enumerate(["52835", "05001", "52001", "52835", "76001"]):
        r = await client.post(
            INITIATIVES,
            json=initiative_body(
                title=f"Iniciativa Ñ {i}",
                municipality_code=code,
                start_date=f"2025-02-{1 + i:02d}",
                methodology="ibp" if i % 2 else "other",
                lead_organization_id=tumaco["id"] if i < 2 else None,
                risk_factors_addressed=["entorno_inseguro"]
                if i % 2
                else ["falta_oportunidades_jovenes"],
                budget_cop=None if i == 3 else 1_000_000 * (i + 1),
                beneficiaries=beneficiaries(8 * (i + 1)),
            ),
        )
        assert r.status_code == 201, r.text
        initiatives.append(r.json())
    r = await client.delete(f"{INITIATIVES}/{initiatives[2]['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    return {"tumaco": tumaco, "medellin": medellin}


def support_filters(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {},
        {"organization_id": seed["tumaco"]["id"]},
        {"kind": "communications"},
        {"municipality_code": "05001"},
        {"department_code": "52"},
        {"from": "2025-03-12"},
        {"to": "2025-03-12"},
        {"from": "2025-03-11", "to": "2025-03-14", "kind": "legal"},
        {"include_archived": "true"},
    ]


def initiative_filters(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {},
        {"municipality_code": "52835"},
        {"department_code": "52"},
        {"status": "designed"},
        {"methodology": "ibp"},
        {"lead_organization_id": seed["tumaco"]["id"]},
        {"risk_factor": "entorno_inseguro"},
        {"from": "2025-02-02"},
        {"to": "2025-02-03"},
        {"from": "2025-02-04", "to": "2025-02-01"},
        {"include_archived": "true"},
    ]


@pytest.mark.parametrize(
    ("path", "filters", "count"),
    [(SUPPORT, support_filters, 6), (INITIATIVES, initiative_filters, 5)],
)
async def test_pages_are_byte_identical(client, route, spy, path, filters, count):
    seed = await _seed(client)
    route.headers.update(client.headers)
    seen = set()
    for params in filters(seed):
        for limit in ({}, {"limit": "2"}, {"limit": "200"}):
            ids = await walk(client, route, spy, path, {**params, **limit}, RID)
            seen.update(ids)
    assert len(seen) == count


@pytest.mark.parametrize("path", [SUPPORT, INITIATIVES])
@pytest.mark.parametrize(
    "claims",
    [{"municipalities": ["52835"]}, {"departments": ["05"]}, {"municipalities": ["11001"]}],
)
async def test_territorial_tokens(client, route, spy, make_token, path, claims):
    await _seed(client)
    headers = {**RID, **bearer(make_token(["organizations:read"], **claims))}
    for params in ({}, {"limit": "1"}, {"include_archived": "true"}):
        await walk(client, route, spy, path, params, headers)


@pytest.mark.parametrize(
    ("path", "known"),
    [
        (SUPPORT, {"from", "to", "include_archived", "organization_id", "kind"}),
        (INITIATIVES, {"from", "to", "include_archived", "lead_organization_id", "methodology"}),
    ],
)
@pytest.mark.parametrize(
    "params",
    [
        {"from": "2025-2-1"},
        {"from": "2025-W05-1"},
        {"to": "2025-02-30"},
        {"organization_id": "not-a-uuid"},
        {"lead_organization_id": "8F0B8A3C4E5D4F6A9B7C1D2E3F4A5B6C"},
        {"kind": "nope"},
        {"methodology": "nope"},
        {"include_archived": "yes"},
    ],
)
async def test_doubtful_queries_fall_back(client, route, spy, path, known, params):
    await _seed(client)
    answers = not set(params) <= known  # a parameter this list does not have is ignored
    r = await same_answer(
        client, route, spy, path, params=params, headers=RID, lean_answers=answers
    )
    assert r.status_code in (200, 422)


@pytest.mark.parametrize("scopes", ["organizations:read", "organizations:read attendees:pii"])
async def test_initiatives_follow_the_callers_disclosure_level(
    client, route, spy, make_token, scopes
):
    await _seed(client)
    headers = {**RID, **bearer(make_token(scopes))}
    for limit in ({}, {"limit": "1"}):
        await walk(client, route, spy, INITIATIVES, limit, headers)
    r = await same_answer(client, route, spy, INITIATIVES, headers=headers)
    withheld = [item["suppressed"] for item in r.json()["items"]]
    if "pii" in scopes:
        assert withheld == [[], [], [], []]
    else:
        assert any(withheld), withheld  # 8 beneficiaries split in small cells
