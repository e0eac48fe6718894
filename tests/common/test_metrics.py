"""/metrics of a service: requests by route template, method and status; latency
histograms; database pool connections in use and idle, read at scrape time."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from services.common.testing import asgi_client, bearer, migrated_database, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings


@pytest.fixture(scope="module")
async def organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


def samples(text: str) -> dict[tuple[str, frozenset], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def value(metrics, name, **labels) -> float:
    return metrics.get((name, frozenset(labels.items())), 0.0)


async def test_metrics_count_by_route_template_and_show_the_pool(organizations_db, make_token):
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    missing = "/api/v1/organizations/00000000-0000-4000-8000-000000000000"
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        for _ in range(3):
            assert (await client.get(missing)).status_code == 404
        assert (await client.get("/api/v1/organizations")).status_code == 200
        assert (await client.get("/nowhere")).status_code == 404
        database = app.state.database
        async with database.engine.connect():  # one engine connection checked out
            scraped = await client.get("/metrics")
        after = samples((await client.get("/metrics")).text)
    assert scraped.headers["content-type"].startswith("text/plain")
    metrics = samples(scraped.text)

    route = "/api/v1/organizations/{organization_id}"  # the template, not the id
    base = {"service": "organizations", "method": "GET"}
    assert value(metrics, "somos_http_requests_total", **base, route=route, status="404") == 3
    assert (
        value(
            metrics,
            "somos_http_requests_total",
            **base,
            route="/api/v1/organizations",
            status="200",
        )
        == 1
    )
    assert value(metrics, "somos_http_requests_total", **base, route="unmatched", status="404") == 1
    assert not any(missing in str(labels) for _, labels in metrics)
    assert value(metrics, "somos_http_request_duration_seconds_count", **base, route=route) == 3
    assert (
        value(metrics, "somos_http_request_duration_seconds_bucket", **base, route=route, le="+Inf")
        == 3
    )
    assert not any(dict(labels).get("route") == "/metrics" for _, labels in metrics)

    pool = {"service": "organizations"}
    assert value(metrics, "somos_db_pool_connections", **pool, pool="engine", state="in_use") == 1
    assert value(after, "somos_db_pool_connections", **pool, pool="engine", state="in_use") == 0
    assert value(after, "somos_db_pool_connections", **pool, pool="engine", state="idle") >= 1
    raw_total = sum(
        value(after, "somos_db_pool_connections", **pool, pool="raw", state=s)
        for s in ("in_use", "idle")
    )
    assert raw_total >= 1  # the raw asyncpg pool keeps at least one connection open


async def test_every_metric_the_runbook_explains_is_exposed(organizations_db):
    import re

    from gateway.app import create_app as create_gateway
    from gateway.settings import GatewaySettings
    from services.common.testing import free_port
    from tests.deploy.inventory import DEPLOY

    runbook = (DEPLOY / "README.md").read_text()
    documented = set(re.findall(r"^\| `(somos_[a-z_]+)` \|", runbook, re.M))
    assert len(documented) >= 6
    dead = f"http://127.0.0.1:{free_port()}"
    exposed: set[str] = set()
    gateway_settings = GatewaySettings(
        organizations_url=dead, security_plans_url=dead, events_url=dead
    )
    for app, url in (
        (create_app(OrganizationsSettings(database_url=organizations_db)), "/metrics"),
        # The gateway serves /metrics on its internal port only.
        (
            create_gateway(gateway_settings),
            f"http://testserver:{gateway_settings.internal_port}/metrics",
        ),
    ):
        async with running_app(app), asgi_client(app) as client:
            text = (await client.get(url)).text
        exposed |= {family.name for family in text_string_to_metric_families(text)}
    # prometheus_client names counter families without their _total suffix
    missing = {
        m for m in documented if m not in exposed and m.removesuffix("_total") not in exposed
    }
    assert not missing, missing
