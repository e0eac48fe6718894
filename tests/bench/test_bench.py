"""The benchmark's own parts: the floors answer what the service answers, the load generators
count a 304 as an answer, wrk's summary is read right, the table's ratio and spread."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI, Response

from bench import common, floor, load, run, wrk
from services.common.testing import (
    ServerThread,
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
        await run.seed_organizations(url, 120)
        yield url


@pytest.fixture
async def clients(
    seeded_db: str, make_token: TokenFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    service = create_app(OrganizationsSettings(database_url=seeded_db))
    floor_app = floor.create_app(seeded_db)
    async with (
        running_app(service),
        floor_app.router.lifespan_context(floor_app),
        asgi_client(service, headers=bearer(make_token())) as s,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=floor_app), base_url="http://floor"
        ) as f,
    ):
        yield s, f


async def test_the_list_floor_serves_the_services_page_1(clients):
    service, floor_client = clients
    mine = (await service.get("/api/v1/organizations", params={"limit": 50})).json()
    theirs = (await floor_client.get("/organizations", params={"limit": 50})).json()
    assert len(mine["items"]) == len(theirs["items"]) == 50
    assert [o["id"] for o in theirs["items"]] == [o["id"] for o in mine["items"]]
    assert list(theirs["items"][0]) == list(mine["items"][0])  # same columns, same order
    assert mine["next_cursor"] and theirs["next_cursor"]


async def test_the_by_id_floor_serves_the_services_record(clients):
    service, floor_client = clients
    page = (await service.get("/api/v1/organizations", params={"limit": 3})).json()
    ident = page["items"][2]["id"]
    mine = (await service.get(f"/api/v1/organizations/{ident}")).json()
    theirs = (await floor_client.get(f"/organizations/{ident}")).json()
    assert list(theirs) == list(mine)
    assert theirs["id"] == mine["id"] and theirs["name"] == mine["name"]
    assert theirs["members_count"] == mine["members_count"]


# --- load generators ---------------------------------------------------------------------


def tiny_app() -> FastAPI:
    app = FastAPI()

    @app.get("/x")
    async def x() -> Response:
        return Response(b'{"ok":true}', media_type="application/json", headers={"ETag": '"1"'})

    @app.get("/not-modified")
    async def not_modified() -> Response:
        return Response(status_code=304, headers={"ETag": '"1"'})

    @app.get("/missing")
    async def missing() -> Response:
        return Response(b"{}", status_code=404, media_type="application/json")

    return app


async def test_the_python_generator_counts_304_as_answers_and_404_as_errors():
    with ServerThread(tiny_app()) as server:
        ok = await load.run("127.0.0.1", server.port, ["/x", "/not-modified"], [], 2, 0.3, 0)
        bad = await load.run("127.0.0.1", server.port, ["/missing"], [], 1, 0.2, 0)
    assert ok["requests"] > 0 and ok["errors"] == 0
    assert ok["bytes_per_response"] > len(b'{"ok":true}') / 2  # headers counted too
    assert bad["requests"] > 0 and bad["errors"] == bad["requests"]


def test_the_wrk_script_rotates_the_paths_with_the_headers():
    script = wrk.script(["/a?x=1", '/b"c'], ["Authorization: Bearer t.k.n", 'If-None-Match: "1"'])
    assert 'local paths = {"/a?x=1", "/b\\"c"}' in script
    assert '["Authorization"] = "Bearer t.k.n"' in script
    assert '["If-None-Match"] = "\\"1\\""' in script
    assert "WRK-JSON" in script and "latency:percentile(50)" in script


@pytest.fixture
def fake_wrk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `wrk` on PATH that records its arguments and prints the summary line wrk's Lua would."""
    log = tmp_path / "calls"
    binary = tmp_path / "wrk"
    summary = {
        "requests": 5000,
        "duration_us": 2_000_000,
        "bytes": 625_000,
        "connect": 0,
        "read": 1,
        "write": 0,
        "status": 2,
        "timeout": 0,
        "p50_us": 6400,
        "p95_us": 15000,
        "p99_us": 21000,
    }
    binary.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> {log}\n'
        'if [ "$1" = "--version" ]; then echo "wrk 4.1.0 [epoll] Copyright (C) 2012"; exit 1; fi\n'
        f"echo 'Running 2s test'; echo 'WRK-JSON {json.dumps(summary)}'\n"
    )
    binary.chmod(binary.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(common.LOADER_ENV, raising=False)
    return log


def test_wrk_is_preferred_and_its_summary_read(fake_wrk: Path):
    assert common.loader() == "wrk"
    assert common.loader_banner().startswith("Load generator: wrk 4.1.0")
    figures = common.load(4321, ["/a"], headers=["X-A: 1"], duration=2, warmup=1)
    assert figures == {
        "requests": 5000,
        "errors": 3,
        "rps": 2500.0,
        "p50_ms": 6.4,
        "p95_ms": 15.0,
        "p99_ms": 21.0,
        "bytes_per_response": 125.0,
    }
    calls = [c for c in fake_wrk.read_text().splitlines() if c != "--version"]
    assert len(calls) == 2  # a warm-up run, then the measured one
    assert "-d 1s" in calls[0] and "-d 2s" in calls[1]
    assert calls[1].startswith("-t 2 -c 32 ") and calls[1].endswith("http://127.0.0.1:4321")
    common.load(4321, ["/a"], connections=1, duration=1, warmup=0)
    single = [c for c in fake_wrk.read_text().splitlines() if c != "--version"][-1]
    assert single.startswith("-t 1 -c 1 ")  # wrk refuses more threads than connections


def test_without_wrk_the_fallback_is_said_plainly(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(wrk.shutil, "which", lambda name: None)
    monkeypatch.delenv(common.LOADER_ENV, raising=False)
    assert common.loader() == "python"
    banner = common.loader_banner()
    assert "FALLBACK to the Python generator" in banner
    assert "wrk is not installed" in banner and "flattered" in banner
    monkeypatch.setenv(common.LOADER_ENV, "wrk")
    with pytest.raises(SystemExit, match="wrk is not installed"):
        common.loader()


# --- the table ---------------------------------------------------------------------------


def _runs(*rps: float, cpu: float = 1.0) -> list[dict[str, float]]:
    return [
        {
            "rps": r,
            "p50_ms": 10.0,
            "p99_ms": 20.0,
            "bytes_per_response": 100.0,
            "errors": 0,
            "cpu_ms_per_req": cpu * (1 + i / 10),
        }
        for i, r in enumerate(rps)
    ]


def test_each_ratio_is_the_median_of_the_rounds_with_its_spread():
    c = run.Comparison(
        "x vs floor", run.Target("floor", 1, ["/f"]), run.Target("subject", 2, ["/s"])
    )
    c.runs = {"baseline": _runs(1000, 800, 1000), "subject": _runs(500, 600, 700, cpu=2.0)}
    assert c.ratios() == [0.5, 0.75, 0.7]
    baseline, subject = run.table_rows([c])
    assert baseline["scenario"] == "floor" and baseline["ratio"] == "1.00"
    assert baseline["req/s"] == 1000
    assert subject["scenario"] == "↳ subject"
    assert subject["req/s"] == 600
    assert subject["ratio"] == "**0.70**"
    assert subject["spread (min-max)"] == "0.50-0.75"
    assert baseline["CPU ms/req"] == 1.1 and subject["CPU ms/req"] == 2.2
    assert subject["CPU ratio"] == "2.00 (2.00-2.00)"


def test_cpu_seconds_reads_this_process():
    import time

    before = run.cpu_seconds(os.getpid())
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    assert run.cpu_seconds(os.getpid()) > before
