"""The list floor of bench/lists.py: it runs the lean path's own statement and serves the
same rows, in the same order, as the service's lean list."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from bench import floor, lists, run
from services.common.testing import (
    TokenFactory,
    asgi_client,
    bearer,
    migrated_database,
    running_app,
)
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings


@pytest.fixture(scope="module")
async def seeded_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        await run.seed_organizations(url, 260)
        yield url


def test_every_list_scenario_names_a_lean_list():
    for scenario in lists.SCENARIOS:
        assert scenario.path in lists.fast_lists(scenario.service), scenario.name


def test_the_floor_statement_is_the_lean_paths():
    fast = lists.fast_lists("organizations")["/api/v1/organizations"]
    sql = lists.floor_statement(fast, {"department_code": "05", "limit": "50"}, None)
    assert sql == (
        f"{fast.select} WHERE department_code = '05' AND archived_at IS NULL "
        "ORDER BY created_at, id LIMIT $1"
    )
    follow_up = lists.fast_lists("events")["/api/v1/commitments"]
    sql = lists.floor_statement(follow_up, {"overdue": "false", "include_archived": "true"}, None)
    assert "NOT (c.status = ANY(ARRAY['open', 'in_progress']::text[]) AND c.due_date < '" in sql
    assert "archived_at IS NULL" not in sql


@pytest.mark.parametrize(("params", "limit"), [({}, 200), ({"department_code": "05"}, 50)])
async def test_the_list_floor_serves_the_lean_lists_rows(
    seeded_db: str, make_token: TokenFactory, params: dict[str, str], limit: int
):
    fast = lists.fast_lists("organizations")["/api/v1/organizations"]
    spec = {
        "database_url": seeded_db,
        "sql": lists.floor_statement(fast, params, None),
        "cursor": ["created_at", "id"],
    }
    service = create_app(OrganizationsSettings(database_url=seeded_db))
    floor_app = floor.create_app(None, {"page": spec})
    async with (
        running_app(service),
        floor_app.router.lifespan_context(floor_app),
        asgi_client(service, headers=bearer(make_token())) as mine,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=floor_app), base_url="http://floor"
        ) as theirs,
    ):
        lean = (await mine.get("/api/v1/organizations", params={**params, "limit": limit})).json()
        page = (await theirs.get("/lists/page", params={"limit": limit})).json()
    assert [o["id"] for o in page["items"]] == [o["id"] for o in lean["items"]]
    assert list(page["items"][0]) == list(lean["items"][0])
    assert (page["next_cursor"] is None) == (lean["next_cursor"] is None)
