"""Every organizations list on the lean path answers byte for byte what its FastAPI route does.

Same seeded data, two apps on one database: the service's app (lean path on) and the same app
without the lean middleware. Filters, cursors over every page, archived records, territorial
tokens, and the requests the lean path must leave to FastAPI (its 422s and 404s).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.common.pagination import encode_cursor
from services.common.testing import bearer
from tests.lean_lists import LeanSpy, items_of, same_answer, walk
from tests.organizations.helpers import create_organization

ORGS = "/api/v1/organizations"
RID = {"X-Request-ID": "lean-compare-0001"}


async def _seed_organizations(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    made = []
    places = ["52835", "52001", "05001", "76001", "52835", "05001", "52001"]
    types = ["organizacion_mujeres", "junta_accion_comunal", "consejo_comunitario"]
    for i, code in enumerate(places):
        made.append(
            await create_organization(
                client,
                name=f"Organización Ñandú {i} de Tumaco",
                acronym=None if i % 2 else f"ON{i}",
                municipality_code=code,
                type=types[i % 3],
                ethnic_focus="afrocolombiano" if i % 2 else "indigena",
                founded_year=None if i == 3 else 1990 + i,
                members_count=None if i == 4 else 10 * i,
                focus_areas=[] if i == 5 else ["mujeres", "derechos_humanos"],
                contact_email=None if i == 6 else f"c{i}@org.example.org",
            )
        )
    archived = made[2]
    r = await client.delete(f"{ORGS}/{archived['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    return made


async def _walk(
    lean: httpx.AsyncClient, route: httpx.AsyncClient, spy: LeanSpy, params: dict[str, Any]
) -> list[str]:
    return await walk(lean, route, spy, ORGS, params, RID)


FILTERS: list[dict[str, Any]] = [
    {},
    {"municipality_code": "52835"},
    {"department_code": "52"},
    {"type": "consejo_comunitario"},
    {"ethnic_focus": "indigena"},
    {"status": "active"},
    {"q": "ÑANDÚ 3"},
    {"q": "on"},
    {"q": "100%_"},
    {"include_archived": "true"},
    {"include_archived": "false", "department_code": "05"},
    {"municipality_code": "99999"},  # well-formed but unknown: no rows on either path
    {"municipality_code": "52835", "type": "organizacion_mujeres", "q": "tumaco"},
]


async def test_organizations_list_pages_are_byte_identical(client, route, spy, make_token):
    made = await _seed_organizations(client)
    route.headers.update(client.headers)
    for params in FILTERS:
        for limit in (None, "2", "200"):
            p = dict(params, **({"limit": limit} if limit else {}))
            ids = await _walk(client, route, spy, p)
            if not params:
                assert len(ids) == len(made) - 1  # the archived one is hidden
    everything = await _walk(client, route, spy, {"include_archived": "true", "limit": "3"})
    assert everything == [o["id"] for o in made]


@pytest.mark.parametrize(
    "claims",
    [
        {"municipalities": ["52835"]},
        {"departments": ["05"]},
        {"municipalities": ["76001"], "departments": ["52"]},
        {"municipalities": ["11001"]},
        {"municipalities": [], "departments": []},
    ],
)
async def test_territorial_tokens_see_the_same_rows(client, route, spy, make_token, claims):
    await _seed_organizations(client)
    headers = {**RID, **bearer(make_token(["organizations:read"], **claims))}
    for params in ({}, {"limit": "1"}, {"department_code": "52"}, {"include_archived": "true"}):
        r = await same_answer(client, route, spy, ORGS, params=params, headers=headers)
        allowed = claims.get("municipalities", []) + claims.get("departments", [])
        if not allowed:  # empty claims are no territorial limit
            assert items_of(r)
        for item in items_of(r) if allowed else ():
            assert item["municipality_code"] in allowed or item["department_code"] in allowed


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "201"},
        {"limit": "abc"},
        {"limit": "050"},
        {"limit": ""},
        {"municipality_code": "5283"},
        {"municipality_code": "00001"},
        {"department_code": "5"},
        {"type": "no_such_type"},
        {"status": ""},
        {"q": ""},
        {"q": "x" * 101},
        {"q": "a\x00b"},
        {"include_archived": "1"},
        {"include_archived": "maybe"},
        {"cursor": "not-a-cursor"},
        {"cursor": encode_cursor([123, "x"])},
        {"cursor": "x" * 513},
        {"limit": ["2", "3"]},
    ],
)
async def test_doubtful_queries_fall_back_to_the_route(client, route, spy, params):
    """The lean path leaves what it is not sure of to FastAPI: the same 422 (or page) results."""
    await _seed_organizations(client)
    r = await same_answer(client, route, spy, ORGS, params=params, headers=RID, lean_answers=False)
    assert r.status_code in (200, 422)
    if r.status_code == 422:
        assert r.headers["content-type"] == "application/problem+json"


async def test_auth_errors_match(client, route, spy, make_token, anonymous):
    """No token, or a token without the scope: the lean path's 401/403 are the route's."""
    for headers in ({**RID, "Authorization": ""}, {**RID, **bearer(make_token(["plans:read"]))}):
        a = await client.get(ORGS, headers=headers)
        b = await route.get(ORGS, headers=headers)
        assert a.status_code == b.status_code
        assert a.status_code in (401, 403)
        assert a.content == b.content
