"""Schemathesis, twice in a row, against one live system: the contract tells the whole truth.

The three services and the gateway run as real `somos serve` processes on free ports against
freshly migrated databases. Schemathesis reads the gateway's merged `/openapi.json` and runs
every phase (examples, coverage, fuzzing, stateful) with every check, with a bearer token
carrying every scope. The second run uses the same seed against the same data, so it sends
the creates of the first run again: client ids repeat (replays answer 200, other content 409).
Both runs must report 0 failures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from services.common.catalog import SERVICES
from services.common.settings import PlatformSettings
from services.common.testing import ALL_SCOPES, free_port, make_token_factory, migrated_database
from somos.cli import dev_upstream_env

pytestmark = pytest.mark.e2e

SECRET = "schemathesis-live-test-secret-0123456789abcdef"
MAX_EXAMPLES = int(os.environ.get("SOMOS_SCHEMATHESIS_MAX_EXAMPLES", "3"))
SEED = 20261202
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture(scope="module")
async def databases(postgres_admin_url: str) -> AsyncIterator[dict[str, str]]:
    async with (
        migrated_database(postgres_admin_url, "organizations") as organizations,
        migrated_database(postgres_admin_url, "security_plans") as security_plans,
        migrated_database(postgres_admin_url, "events") as events,
    ):
        yield {
            "organizations": organizations,
            "security_plans": security_plans,
            "events": events,
        }


def _wait_ready(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{base} exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{base} did not become ready: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def live_gateway(
    databases: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Every service and the gateway as real processes; the gateway's base URL."""
    data_dir = tmp_path_factory.mktemp("somos-data")
    ports = {name: free_port() for name in SERVICES}
    env = {
        **os.environ,
        **dev_upstream_env(ports),
        "SOMOS_JWT_SECRET": SECRET,
        "SOMOS_DATA_DIR": str(data_dir),
        "SOMOS_LOG_LEVEL": "WARNING",
        "SOMOS_GATEWAY_RATE_LIMIT_PER_MINUTE": "0",
    }
    for name, url in databases.items():
        env[SERVICES[name].database_env] = url
    with ExitStack() as stack:
        for name in ("organizations", "security_plans", "events", "gateway"):
            log = data_dir / f"{name}.log"
            out = stack.enter_context(log.open("wb"))
            process = subprocess.Popen(
                [sys.executable, "-m", "somos.cli", "serve", name, "--port", str(ports[name])],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            stack.callback(_stop, process)
            _wait_ready(process, f"http://127.0.0.1:{ports[name]}", log)
        yield f"http://127.0.0.1:{ports['gateway']}"


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_schemathesis(base: str, token: str, report: Path) -> tuple[int, str, dict[str, int]]:
    """One `st run` over the whole contract; (exit code, output, counts from the JUnit report)."""
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(CONFIG),
        "run",
        f"{base}/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        "2",
        "--header",
        f"Authorization: Bearer {token}",
        "--request-timeout",
        "30",
        "--report",
        "junit",
        "--report-junit-path",
        str(report),
        "--no-color",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=600, check=False, cwd=report.parent
    )
    return done.returncode, done.stdout + done.stderr, junit_counts(report)


def junit_counts(report: Path) -> dict[str, int]:
    import xml.etree.ElementTree as ET

    root = ET.parse(report).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in counts:
            counts[key] += int(suite.get(key, 0))
    return counts


def test_schemathesis_twice_against_the_live_gateway_reports_no_failure(
    live_gateway: str, tmp_path: Path
) -> None:
    platform = PlatformSettings(jwt_secret=SECRET)
    token = make_token_factory(platform)(ALL_SCOPES, sub="schemathesis")
    document = httpx.get(f"{live_gateway}/openapi.json", timeout=30).json()
    operations = sum(
        1 for item in document["paths"].values() for method in item if method != "parameters"
    )
    runs = []
    for attempt in (1, 2):
        code, output, counts = run_schemathesis(live_gateway, token, tmp_path / f"run{attempt}.xml")
        runs.append((code, output, counts))
        keep = os.environ.get("SOMOS_SCHEMATHESIS_OUTPUT_DIR")
        if keep:  # the whole report, for a person reading the failures
            Path(keep, f"run{attempt}.txt").write_text(output)
        print(f"run {attempt}: {operations} operations, {json.dumps(counts)}")
        print(output[-6000:])
    for code, output, counts in runs:
        assert counts["tests"] >= operations, output[-4000:]
        assert counts["failures"] == 0 and counts["errors"] == 0, output[-20000:]
        assert code == 0, output[-20000:]
