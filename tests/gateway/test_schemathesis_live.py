"""Schemathesis, twice in a row, against one live system: the contract tells the whole truth.

Every service and the gateway run as real `somos serve` processes on free ports against
freshly migrated databases. Schemathesis reads the gateway's merged `/openapi.json` and runs
every phase (examples, coverage, fuzzing, stateful) with every check, with a bearer token
carrying every scope. The second run uses the same seed against the same data, so it sends
the creates of the first run again: client ids repeat (replays answer 200, other content 409).
Both runs must report 0 failures.

What a JSON schema can state, the contract states (formats, patterns, enums, required keys,
multiples). What it cannot — a rule across two fields, a reference to a record that must
exist, a cursor the list issued, a code that must be in the DIVIPOLA list — is a 422 naming
the field; the operations with such a rule (read from the contract where it shows, listed in
``RULES`` otherwise) may answer 422 to a schema-valid request, and only those.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway import contract
from services.common.catalog import SERVICES, database_services
from services.common.settings import PlatformSettings
from services.common.testing import ALL_SCOPES, free_port, make_token_factory, migrated_database
from somos.cli import dev_upstream_env

pytestmark = pytest.mark.e2e

SECRET = "schemathesis-live-test-secret-0123456789abcdef"
MAX_EXAMPLES = int(os.environ.get("SOMOS_SCHEMATHESIS_MAX_EXAMPLES", "3"))
SEED = 20261202
CONFIG = Path(__file__).with_name("schemathesis.toml")
REPO = Path(__file__).resolve().parents[2]
# The run waits on the servers far more than it computes: a few workers share the waiting.
WORKERS = int(os.environ.get("SOMOS_SCHEMATHESIS_WORKERS", "2"))
HOOKS = "tests.gateway.schemathesis_hooks"  # a lock that makes several workers safe

# Rules across fields or against stored records: a schema-valid body can break them (422).
RULES: dict[str, str] = {
    "events-create": "ends_at after starts_at; trust_survey only for hablemos_de_policia",
    "events-update": "ends_at after starts_at; trust_survey only for hablemos_de_policia",
    "attendees-create": "document_number required unless document_type is 'ninguno', "
    "empty when it is",
    "attendees-update": "document_number required unless document_type is 'ninguno', "
    "empty when it is",
    "assessments-create": "a follow-up is dated after its verified baseline",
    "assessments-update": "a follow-up is dated after its verified baseline",
    "community-initiatives-create": "lead_organization_id names an organization the caller "
    "sees; end_date on or after start_date; each beneficiaries breakdown adds up to its total",
    "community-initiatives-update": "lead_organization_id names an organization the caller "
    "sees; end_date on or after start_date; each beneficiaries breakdown adds up to its total",
    "support-activities-create": "organization_id names an organization the caller sees; "
    "delivered_on not in the future",
    "support-activities-update": "delivered_on not in the future",
    "strengthening-plans-create": "organization_id names an organization the caller sees; "
    "baseline_assessment_id is its verified OPI assessment; end_date after start_date",
    "strengthening-plans-update": "end_date after start_date",
    "prevention-strategies-create": "security_plan_id names an active plan of the same "
    "municipality",
    "prevention-strategies-update": "security_plan_id names an active plan of the same "
    "municipality",
    "plan-actions-create": "problems are in the plan's diagnosis",
    "plan-actions-update": "problems are in the plan's diagnosis; line_id is an active line",
    "plan-reviews-create": "reviewed_on not in the future",
    "progress-reports-create": "period within the plan's term and already started",
    "progress-reports-update": "period within the plan's term and already started",
    "reporting-periods-submit": "narratives are keyed by indicators that exist; every "
    "deviating indicator has one",
    "changes-list": "after is a cursor this feed issued; types are change types of the feed",
    "webhook-subscriptions-create": "url resolves (DNS) to an address the SSRF rules allow",
    "webhook-subscriptions-update": "url resolves (DNS) to an address the SSRF rules allow",
}
# A transition's body depends on its target (a reason to cancel, a date to approve or
# start, an end date only to complete) and on the record's state (dates not in the future).
TRANSITION = "what a transition needs depends on its target"
# Fields holding DIVIPOLA codes: the pattern says five (two) digits; the code must also be in
# the official list, which the contract names but does not enumerate.
TERRITORY_FIELDS = {"municipality_code", "department_code", "code"}


@pytest.fixture(scope="module")
async def databases(postgres_admin_url: str) -> AsyncIterator[dict[str, str]]:
    """A migrated database for every service that owns one (catalog order)."""
    async with AsyncExitStack() as stack:
        yield {
            spec.name: await stack.enter_async_context(
                migrated_database(postgres_admin_url, spec.name)
            )
            for spec in database_services()
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
        "SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0",
        # Subscriber URLs are checked against DNS: nothing resolves here, so a generated
        # https URL would be refused for that reason alone; private addresses stay refused
        # in the contract's rules (422) either way.
        "SOMOS_WEBHOOKS_ALLOW_PRIVATE": "true",
    }
    for name, url in databases.items():
        env[SERVICES[name].database_env] = url
    with ExitStack() as stack:
        for name in SERVICES:  # every service, then the gateway (catalog order)
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


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def rejecting_operations(document: dict[str, Any]) -> dict[str, str]:
    """Operation id → why a schema-valid request to it may still be a 422."""
    reasons = dict(RULES)
    for item in document["paths"].values():
        for method, operation in item.items():
            if method == "parameters":
                continue
            names = {p["name"] for p in operation.get("parameters", [])}
            for media in operation.get("requestBody", {}).get("content", {}).values():
                names |= set(_resolve(document, media.get("schema", {})).get("properties", {}))
            why = []
            if "cursor" in names:
                why.append("a cursor this list did not issue")
            if names & TERRITORY_FIELDS:
                why.append("a DIVIPOLA code not in the official list")
            if operation["operationId"].endswith("-transition"):
                why.append(TRANSITION)
            if why:
                op_id = operation["operationId"]
                reasons[op_id] = "; ".join([*why, *([RULES[op_id]] if op_id in RULES else [])])
    return reasons


def write_config(document: dict[str, Any], path: Path) -> dict[str, str]:
    """The checked-in configuration plus a 422 allowance for the operations that need one."""
    reasons = rejecting_operations(document)
    known = {
        op["operationId"]
        for item in document["paths"].values()
        for method, op in item.items()
        if method != "parameters"
    }
    assert set(RULES) <= known, f"RULES names unknown operations: {set(RULES) - known}"
    # Everything else keeps the strict check: a schema-valid request must be accepted.
    assert len(reasons) < len(known) / 2, sorted(reasons)
    base = CONFIG.read_text(encoding="utf-8")
    statuses = re.search(r"expected-statuses = (\[.*\])", base)
    assert statuses is not None
    allowed = [*json.loads(statuses.group(1)), "422"]
    lines = [base, "", "# Generated by the test: operations with rules no JSON schema states."]
    lines.append("[[operations]]")
    lines.append(f"include-operation-id = {json.dumps(sorted(reasons))}")
    lines.append(f"checks.positive_data_acceptance.expected-statuses = {json.dumps(allowed)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return reasons


def run_schemathesis(
    base: str, token: str, config: Path, report: Path
) -> tuple[int, str, dict[str, int]]:
    """One `st run` over the whole contract; (exit code, output, counts from the JUnit report)."""
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(config),
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
        str(WORKERS),
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
    env = {**os.environ, "SCHEMATHESIS_HOOKS": HOOKS, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=report.parent,
        env=env,
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
    assert document == contract.load()  # what is checked is what the gateway publishes
    operations = sum(
        1 for item in document["paths"].values() for method in item if method != "parameters"
    )
    config = tmp_path / "schemathesis.toml"
    reasons = write_config(document, config)
    print(f"{len(reasons)} of {operations} operations may refuse a schema-valid request:")
    print("\n".join(f"  {op_id}: {why}" for op_id, why in sorted(reasons.items())))
    runs = []
    for attempt in (1, 2):
        report = tmp_path / f"run{attempt}.xml"
        code, output, counts = run_schemathesis(live_gateway, token, config, report)
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
