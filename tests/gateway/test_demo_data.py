"""`somos demo-data` fills a running system through the gateway's public API (every service)."""

from __future__ import annotations

import contextlib
import io
import time

import httpx
import pytest

from gateway.app import create_app
from services.common.testing import ServerThread, TokenFactory, truncate_all
from somos.cli import DEMO_MUNICIPALITIES, main
from tests.gateway.conftest import gateway_settings, reset_reporting

pytestmark = pytest.mark.e2e


async def test_demo_data_through_the_gateway(
    organizations_server: ServerThread,
    security_plans_server: ServerThread,
    events_server: ServerThread,
    reporting_server: ServerThread,
    organizations_db: str,
    security_plans_db: str,
    events_db: str,
    reporting_db: str,
    make_token: TokenFactory,
) -> None:
    assert {c[:2] for c in DEMO_MUNICIPALITIES} == {"05", "13", "19", "23", "52", "54", "70"}
    settings = gateway_settings(
        organizations_url=organizations_server.url,
        security_plans_url=security_plans_server.url,
        events_url=events_server.url,
        reporting_url=reporting_server.url,
        rate_limit_per_minute=600,  # demo-data must wait out 429s, not fail on them
        rate_limit_burst=50,
    )
    token = make_token()
    out = io.StringIO()
    try:
        with ServerThread(create_app(settings)) as gw, contextlib.redirect_stdout(out):
            started = time.monotonic()
            code = main(["demo-data", "--scale", "1", "--url", gw.url, "--token", token])
            elapsed = time.monotonic() - started
            # Read back as another caller: demo-data may have used up its own rate-limit budget.
            reader = make_token(sub="demo-data-checker")
            async with httpx.AsyncClient(
                base_url=gw.url, headers={"Authorization": f"Bearer {reader}"}, timeout=30
            ) as client:
                listed = (await client.get("/api/v1/organizations", params={"limit": 200})).json()
                results = (await client.get("/api/v1/results")).json()
                town = listed["items"][0]["municipality_code"]
                overview = (await client.get(f"/api/v1/municipalities/{town}/overview")).json()
                iptt = (await client.get("/api/v1/iptt")).json()
    finally:
        for url in (organizations_db, security_plans_db, events_db):
            await truncate_all(url)
        await reset_reporting(reporting_db)
    report = out.getvalue()
    assert code == 0, report
    assert "failed     0" in report and "failed     1" not in report
    names = [o["name"] for o in listed["items"]]
    assert len(names) == 20 and all(n.startswith("[DEMO] ") for n in names)
    assert "created    20" in report and "created    30" in report  # organizations, events
    assert results["partial"] is False
    actual = {i["code"]: i["actual"] for i in results["indicators"]}
    assert actual["R8"] and actual["R3"] and actual["R10"] is not None
    assert sum(actual[c] or 0 for c in ("R2", "R5", "R7", "R9")) > 0  # events were held
    assert overview["partial"] is False and overview["organizations"]["total"] > 0
    # A new user opens a filled IPTT: this fiscal year's targets are set, and met in part.
    assert "targets" in report
    assert iptt["partial"] is False
    rows = {r["code"]: r for r in iptt["rows"]}
    assert rows["R9"]["fy_target"] == 4 and rows["R10"]["fy_target"] == 50
    assert all(r["fy_target"] for r in iptt["rows"])
    assert sum(r["fy_actual"] or 0 for r in iptt["rows"] if r["unit"] == "count") > 0
    assert elapsed < 60
