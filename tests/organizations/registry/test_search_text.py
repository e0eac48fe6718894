"""The `q` search parameter of the organizations list refuses control characters (422, not 500)."""

from __future__ import annotations

import pytest

from tests.organizations.factories import organization_body

ORGS = "/api/v1/organizations"
REFUSED = {"field": "q", "message": "must not contain NUL or other control characters"}


@pytest.mark.parametrize("raw", ["%00", "Tumaco%00", "%07", "Bajo%07Mira", "%1B", "x%0Ay"])
async def test_control_characters_in_q_are_a_422_naming_q(client, raw):
    created = await client.post(ORGS, json=organization_body())
    assert created.status_code == 201, created.text
    r = await client.get(f"{ORGS}?q={raw}")
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["type"] == "urn:somos:problem:validation-error"
    assert body["errors"] == [REFUSED]


async def test_q_without_control_characters_still_searches(client):
    created = (await client.post(ORGS, json=organization_body())).json()
    r = await client.get(ORGS, params={"q": "tumaco"})
    assert r.status_code == 200
    assert [o["id"] for o in r.json()["items"]] == [created["id"]]
    # Limits of the parameter are unchanged: empty and over 100 characters are still refused.
    for q in ("", "x" * 101):
        r = await client.get(ORGS, params={"q": q})
        assert r.status_code == 422
        assert r.json()["errors"][0]["field"] == "q"
