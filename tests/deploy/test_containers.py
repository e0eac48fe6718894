"""Real containers: build the image, run docker-compose.yml as it is with podman, and use
the system through the published gateway port only.

Marked ``containers``: `make test` runs it when podman is installed (it skips, saying why,
when podman is absent; with SOMOS_REQUIRE_CONTAINERS=1, as in CI, it fails instead). It
needs root (or rootful podman) and, the first time, mmdebstrap to build the base images from
Debian packages (deploy/containers/build-images.sh). Measurements (image size, start-up
times) are printed at the end and written to .somos/containers-measurements.json.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import secrets
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.deploy import containers
from tests.deploy.containers import HealthDriver, Stack
from tests.deploy.inventory import REPO, load_compose
from tests.events.factories import PERSON, attendee_body, event_body
from tests.organizations.factories import assessment_body, organization_body
from tests.security_plans.factories import plan_body

pytestmark = pytest.mark.containers

IMAGE = "localhost/somos:containers-test"
POSTGRES_IMAGE = "localhost/somos-postgres:15-bookworm"
MUNICIPALITY = "52835"  # Tumaco, Nariño


def ports_not_published() -> dict[str, int]:
    """Every port a container of docker-compose.yml listens on, except the gateway's public
    one: the services' SOMOS_PORT, the gateway's internal (metrics) port, PostgreSQL's."""
    ports = {"postgres": 5432}
    for name, service in load_compose()["services"].items():
        environment = service.get("environment") or {}
        if "SOMOS_PORT" in environment and name != "gateway":
            ports[name] = int(environment["SOMOS_PORT"])
        if "SOMOS_GATEWAY_INTERNAL_PORT" in environment:
            ports["gateway (internal)"] = int(environment["SOMOS_GATEWAY_INTERNAL_PORT"])
    return ports


MEASUREMENTS = REPO / ".somos" / "containers-measurements.json"


def require_podman() -> None:
    if containers.podman_path():
        return
    reason = (
        "podman is not installed, so the container test did not run: it builds the image and "
        "runs docker-compose.yml (install with `apt-get install podman runc mmdebstrap`)"
    )
    if os.environ.get("SOMOS_REQUIRE_CONTAINERS") == "1":
        pytest.fail(f"SOMOS_REQUIRE_CONTAINERS=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def report(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """What the test measured: printed at the end (even on failure) and kept as JSON."""
    figures: dict[str, Any] = {}
    started = time.monotonic()
    yield figures
    if figures:
        figures["whole_container_test_seconds"] = round(time.monotonic() - started, 1)
        MEASUREMENTS.parent.mkdir(exist_ok=True)
        MEASUREMENTS.write_text(json.dumps(figures, indent=2) + "\n")
        text = "container measurements: " + json.dumps(figures, indent=2)
        capture = request.config.pluginmanager.get_plugin("capturemanager")
        if capture is not None:
            with capture.global_and_fixture_disabled():
                sys.stdout.write("\n" + text + "\n")
        else:
            sys.stdout.write(text + "\n")


@pytest.fixture(scope="module")
def image(report: dict[str, Any]) -> str:
    require_podman()
    report["image_build_seconds"] = round(containers.build_images(IMAGE), 1)
    return IMAGE


def test_the_image_runs_as_an_unprivileged_user_and_is_small(
    image: str, report: dict[str, Any]
) -> None:
    config = json.loads(containers.podman("image", "inspect", image).stdout)[0]["Config"]
    assert config["User"] == "10001:10001"
    assert config["Entrypoint"] == ["somos"]
    ids = containers.podman("run", "--rm", "--entrypoint", "id", image, timeout=120).stdout
    assert ids.split()[:2] == ["uid=10001(somos)", "gid=10001(somos)"], ids
    # The virtualenv is not writable by that user: code cannot be changed at run time.
    probe = containers.podman(
        "run", "--rm", "--entrypoint", "python", image,
        "-c", "import os, somos; print(os.access(os.path.dirname(somos.__file__), os.W_OK))",
        timeout=120,
    )  # fmt: skip
    assert probe.stdout.strip() == "False"
    size = containers.image_size(image)
    report["image_size_mb"] = round(size / 1e6, 1)
    report["postgres_image_size_mb"] = round(containers.image_size(POSTGRES_IMAGE) / 1e6, 1)
    # A guard against shipping build tools or caches, not a benchmark: the Python base from
    # Debian packages is about 180 MB and the virtualenv about 110 MB.
    assert size < 400e6, f"image is {size / 1e6:.0f} MB"


# --- the stack ---------------------------------------------------------------------------


def b64_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def write_env_file(path: Path, port: int) -> dict[str, str]:
    """Fresh secrets, the shape deploy/compose.env.example documents."""
    env = {
        "POSTGRES_PASSWORD": secrets.token_hex(24),
        "SOMOS_ORGANIZATIONS_DB_PASSWORD": secrets.token_hex(24),
        "SOMOS_SECURITY_PLANS_DB_PASSWORD": secrets.token_hex(24),
        "SOMOS_EVENTS_DB_PASSWORD": secrets.token_hex(24),
        "SOMOS_WEBHOOKS_DB_PASSWORD": secrets.token_hex(24),
        "SOMOS_WEBHOOKS_SECRET_KEY": b64_key(),
        "SOMOS_REPORTING_DB_PASSWORD": secrets.token_hex(24),
        "SOMOS_JWT_SECRET": secrets.token_urlsafe(48),
        "SOMOS_EVENTS_PII_KEYS": f"k1:{b64_key()}",
        "SOMOS_EVENTS_PII_ACTIVE_KEY_ID": "k1",
        "SOMOS_EVENTS_PII_HASH_KEY": b64_key(),
        "SOMOS_IMAGE": IMAGE,
        "SOMOS_POSTGRES_IMAGE": POSTGRES_IMAGE,
        "SOMOS_GATEWAY_PUBLISH": f"127.0.0.1:{port}",
    }
    path.write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    path.chmod(0o600)
    return env


@pytest.fixture(scope="module")
def stack(
    image: str, tmp_path_factory: pytest.TempPathFactory, report: dict[str, Any]
) -> Iterator[tuple[Stack, HealthDriver, dict[str, str]]]:
    work = tmp_path_factory.mktemp("compose")
    port = containers.free_port()
    env = write_env_file(work / "compose.env", port)
    env["port"] = str(port)
    project = f"somos-ct-{uuid.uuid4().hex[:8]}"
    env["listening_before"] = json.dumps(sorted(containers.listening_ports()))
    stack = Stack(project=project, env_file=work / "compose.env")
    driver = HealthDriver(stack)
    driver.start()
    try:
        yield stack, driver, env
    finally:
        driver.stop()
        problems = stack.destroy()
        leftovers = [
            o for k in ("container", "volume", "network") for o in stack.project_objects(k)
        ]
        assert not problems and not leftovers, (problems, leftovers)


class Gateway:
    """The published gateway port: the only way in."""

    def __init__(self, port: int, token: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.client = httpx.Client(
            base_url=self.base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )

    def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        response = self.client.request(method, path, **kwargs)
        assert response.status_code == status, (method, path, response.text)
        return response.json()

    def overview(self) -> dict[str, Any]:
        return dict(self.ok("GET", f"/api/v1/municipalities/{MUNICIPALITY}/overview"))

    def eventually(
        self, check: Callable[[], dict[str, Any]], accept: Callable[[dict[str, Any]], bool]
    ) -> tuple[dict[str, Any], float]:
        """Retry ``check`` until ``accept`` (a service reconnecting); bounded to 90 s."""
        started = time.monotonic()
        last: Any = None
        while time.monotonic() - started < 90:
            try:
                last = check()
                if accept(last):
                    return last, time.monotonic() - started
            except (AssertionError, httpx.HTTPError) as exc:
                last = exc
            time.sleep(1)
        raise AssertionError(f"not reached within 90 s; last answer: {last}")


def mint_token(secret: str) -> str:
    """The CLI mints a token given the secret (issuer and audience: the compose defaults)."""
    env = {
        "PATH": os.environ["PATH"],
        "SOMOS_ENVIRONMENT": "production",
        "SOMOS_JWT_SECRET": secret,
        "SOMOS_JWT_ISSUER": "somos",
        "SOMOS_JWT_AUDIENCE": "somos-api",
    }
    somos = Path(sys.executable).parent / "somos"
    result = subprocess.run(
        [str(somos), "token", "--ttl", "3600", "--sub", "container-test"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    token = result.stdout.strip()
    assert token.count(".") == 2, token
    return token


def first_answers(gateway: Gateway, items: int = 0) -> dict[str, float]:
    """A first read from each service through the gateway (a list holding ``items``
    records), retried while the service warms up (its first database connections): seconds
    until it answered."""
    out = {}
    for path in ("/api/v1/organizations", "/api/v1/security-plans", "/api/v1/events"):
        _, seconds = gateway.eventually(
            lambda path=path: gateway.ok("GET", path), lambda b: len(b["items"]) == items
        )
        out[path] = round(seconds, 1)
    return out


def create_programme(gateway: Gateway) -> dict[str, Any]:
    """Organization, verified OPI baseline, PISCC, a held event with one named attendee."""
    org = gateway.ok(
        "POST", "/api/v1/organizations", 201, json=organization_body(municipality_code=MUNICIPALITY)
    )
    baseline = gateway.ok(
        "POST",
        f"/api/v1/organizations/{org['id']}/assessments",
        201,
        json=assessment_body(values=(3, 3, 3, 3, 2, 2, 2, 2)),
    )
    gateway.ok("POST", f"/api/v1/assessments/{baseline['id']}/transitions", json={"to": "verified"})
    plan = gateway.ok(
        "POST", "/api/v1/security-plans", 201, json=plan_body(municipality_code=MUNICIPALITY)
    )
    event = gateway.ok(
        "POST",
        "/api/v1/events",
        201,
        json=event_body(municipality_code=MUNICIPALITY, organization_ids=[org["id"]]),
    )
    gateway.ok("POST", f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    attendee = gateway.ok(
        "POST", f"/api/v1/events/{event['id']}/attendees", 201, json=attendee_body()
    )
    assert attendee["full_name"] == PERSON["full_name"]
    return {"org": org, "baseline": baseline, "plan": plan, "event": event, "attendee": attendee}


def assert_programme_is_there(gateway: Gateway, programme: dict[str, Any]) -> None:
    org = gateway.ok("GET", f"/api/v1/organizations/{programme['org']['id']}")
    assert org["name"] == programme["org"]["name"]
    attendee = gateway.ok(
        "GET",
        f"/api/v1/events/{programme['event']['id']}/attendees/{programme['attendee']['id']}",
    )
    assert (attendee["full_name"], attendee["document_number"]) == (
        PERSON["full_name"],
        PERSON["document_number"],
    )
    # Right after a start, a cold service on a busy host can miss the gateway's 2 s
    # composition budget once (a partial answer, which is the budget working): wait for a
    # whole answer, bounded, then check its content.
    overview, _ = gateway.eventually(gateway.overview, lambda b: not b["partial"])
    assert_full_overview(overview, programme)


def assert_full_overview(body: dict[str, Any], programme: dict[str, Any]) -> None:
    assert body["partial"] is False and body["unavailable"] == [], body["problems"]
    # Names as DANE's DIVIPOLA export (shipped in the image) writes them: upper case.
    assert body["municipality"]["department_name"] == "NARIÑO"
    assert body["security_plan"]["id"] == programme["plan"]["id"]
    assert body["organizations"]["total"] == 1 and body["organizations"]["with_baseline"] == 1
    assert body["organizations"]["mean_baseline_opi"] == 2.5
    assert body["events"]["total"] == 1 and body["events"]["by_status"]["held"] == 1


def assert_events_database_holds_no_clear_pii(stack: Stack) -> None:
    """Every byte of the events database, as pg_dump sees it: no name, document or phone."""
    rows = stack.exec(
        "postgres", "psql", "-U", "postgres", "-d", "somos_events", "-Atc",
        "SELECT count(*), min(pii_key_id) FROM attendees",
    )  # fmt: skip
    assert rows.strip() == "1|k1", rows
    dump = stack.exec(
        "postgres", "pg_dump", "-U", "postgres", "--data-only", "somos_events", timeout=120
    )
    assert "COPY public.attendees" in dump
    for value in (PERSON["full_name"], "Quiñones", PERSON["document_number"], PERSON["phone"]):
        assert value not in dump, f"{value!r} stored in clear"


def reads_after_database_restart(gateway: Gateway, programme: dict[str, Any]) -> dict[str, Any]:
    """One read per service right after PostgreSQL restarted, repeated until it answers.

    The services' pools do not ping connections before use (``pool_pre_ping=False`` in
    services/common/db.py, for speed), so the first request that meets a connection the
    restart closed answers 503 ``database-unavailable`` with Retry-After (never a 500); the
    pool drops the broken connection and the next request succeeds. This allows that one
    503 per service, requires it to be that problem without details, and records it.
    """
    reads = {
        "organizations": f"/api/v1/organizations/{programme['org']['id']}",
        "security_plans": f"/api/v1/security-plans/{programme['plan']['id']}",
        "events": (
            f"/api/v1/events/{programme['event']['id']}/attendees/{programme['attendee']['id']}"
        ),
    }
    seen: dict[str, Any] = {}
    for service, path in reads.items():
        failures = []
        for _ in range(5):
            response = gateway.client.get(path)
            if response.status_code == 200:
                break
            assert response.headers["content-type"] == "application/problem+json"
            assert "Traceback" not in response.text and "asyncpg" not in response.text
            assert response.status_code == 503, response.text
            failures.append(f"{response.status_code} {response.json()['type']}")
            time.sleep(1)
        assert response.status_code == 200, (service, failures)
        assert len(failures) <= 1, (service, failures)
        seen[service] = failures or "answered at once"
    return seen


def upstream_outcomes(stack: Stack, upstream: str) -> dict[str, float]:
    """The gateway's own count of its calls to one service, by outcome: its /metrics, read
    inside the container on the internal port (not published: only the cluster sees it)."""
    script = (
        "import os, urllib.request; port = os.environ.get('SOMOS_GATEWAY_INTERNAL_PORT', '9000'); "
        "print(urllib.request.urlopen(f'http://127.0.0.1:{port}/metrics', timeout=10)"
        ".read().decode())"
    )
    text = stack.exec("gateway", "python", "-c", script)
    out = {}
    for line in text.splitlines():
        if line.startswith("somos_gateway_upstream_calls_total{") and f'"{upstream}"' in line:
            labels, value = line.rsplit(" ", 1)
            outcome = labels.split('outcome="', 1)[1].split('"', 1)[0]
            out[outcome] = float(value)
    return out


def results_csv(gateway: Gateway) -> list[list[str]]:
    response = gateway.client.get("/api/v1/results", params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def assert_only_the_gateway_is_reachable(
    stack: Stack, port: int, listening_before: list[int]
) -> dict[str, str]:
    """No container but the gateway publishes a port; on 127.0.0.1 the services' ports
    refuse connections (a port something on the host already listened on before the stack
    started, such as a local PostgreSQL on 5432, proves nothing and is left out)."""
    for service in stack.services:
        ports = containers.inspect(stack.container(service))["HostConfig"]["PortBindings"]
        # An image's EXPOSE shows as a port with no host binding (None).
        bound = {k: v for k, v in ports.items() if v}
        if service == "gateway":
            assert bound == {"8000/tcp": [{"HostIp": "127.0.0.1", "HostPort": str(port)}]}
        else:
            assert not bound, (service, bound)
    seen = {}
    for service, service_port in ports_not_published().items():
        if service_port in listening_before:
            seen[f"127.0.0.1:{service_port}"] = "in use on the host before the stack: not probed"
            continue
        outcome = containers.connect("127.0.0.1", service_port)
        assert outcome == "refused", (service, service_port, outcome)
        seen[f"127.0.0.1:{service_port}"] = outcome
    assert containers.connect("127.0.0.1", port) == "open"
    return seen


def migration_runs(stack: Stack) -> dict[str, tuple[str, int]]:
    """Each migration job: (its start time, how many times its log says it upgraded)."""
    out = {}
    for service in stack.services:
        if service.startswith("migrate-"):
            state = stack.state(service)
            assert (state["Status"], state["ExitCode"]) == ("exited", 0), (service, state)
            out[service] = (state["StartedAt"], stack.logs(service).count("upgraded to head"))
    return out


def test_compose_runs_the_system_and_keeps_its_data(
    stack: tuple[Stack, HealthDriver, dict[str, str]], report: dict[str, Any]
) -> None:
    stack_, driver, env = stack
    port = int(env["port"])
    services = stack_.health_checked()

    # 1. Up: migrations once, every service healthy, in the compose file's order.
    started = time.monotonic()
    reached = stack_.up()
    report["compose_up_to_all_healthy_seconds"] = round(time.monotonic() - started, 1)
    report["up_timeline_seconds"] = {k: round(v, 1) for k, v in reached.items()}
    report["create_to_healthy_seconds"] = {
        k: round(v, 1) for k, v in stack_.startup_seconds(driver, services).items()
    }
    migrations = migration_runs(stack_)
    jobs = [s for s in stack_.services if s.startswith("migrate-")]
    assert len(jobs) >= 3
    assert {k: n for k, (_, n) in migrations.items()} == {job: 1 for job in jobs}
    assert all(stack_.health(s) == "healthy" for s in services)
    for service in services:
        if service != "postgres":
            assert stack_.exec(service, "id", "-u").strip() == "10001", service

    # 2. A real flow, through the published gateway port only.
    anonymous = httpx.get(f"http://127.0.0.1:{port}/api/v1/organizations", timeout=30)
    assert anonymous.status_code == 401
    gateway = Gateway(port, mint_token(env["SOMOS_JWT_SECRET"]))
    report["first_answer_through_gateway_seconds"] = first_answers(gateway)
    try:
        programme = create_programme(gateway)
    except AssertionError as exc:  # say why, with what the services logged
        logs = {s: stack_.logs(s)[-2000:] for s in ("events", "organizations")}
        raise AssertionError(f"{exc}\n{logs}") from exc
    assert_events_database_holds_no_clear_pii(stack_)
    # The first overview after the writes runs each service's statistics for the first
    # time: bounded like every first answer after a start (see assert_programme_is_there).
    overview, seconds = gateway.eventually(gateway.overview, lambda b: not b["partial"])
    report["first_whole_overview_seconds"] = round(seconds, 1)
    assert_full_overview(overview, programme)
    rows = results_csv(gateway)
    # The indicator table ends at the blank row before the "people reached" figures.
    table = rows[: rows.index([])] if [] in rows else rows
    header, indicators = table[0], {row[0]: row for row in table[1:]}
    assert header[:6] == ["code", "indicador", "indicator", "target", "actual", "percent_of_target"]
    assert set(indicators) == {f"R{i}" for i in range(1, 11)}
    # R5: communities with a held dialogo_resiliencia — the event just held in Tumaco.
    assert indicators["R5"][header.index("actual")] == "1"
    assert indicators["R5"][header.index("Nariño (52)")] == "1"

    # 3. Events down: the overview is partial; back up: whole again, data still there.
    stack_.compose("stop", "events", timeout=120)
    stack_.wait_stopped("events")
    partial = gateway.overview()
    assert partial["partial"] is True and partial["unavailable"] == ["events"]
    assert partial["events"] is None and partial["organizations"]["total"] == 1
    stack_.compose("start", "events", timeout=120)
    stack_.wait_healthy("events")
    _, recovery = gateway.eventually(gateway.overview, lambda b: not b["partial"])
    assert_programme_is_there(gateway, programme)
    report["events_restart_start_to_healthy_seconds"] = stack_.startup_seconds(
        driver, ["events"], since="StartedAt"
    ).get("events")
    report["events_back_in_overview_after_seconds"] = round(recovery, 1)
    report["gateway_calls_to_events_by_outcome"] = upstream_outcomes(stack_, "events")

    # 4. PostgreSQL restarted: the services reconnect, the data persists.
    stack_.compose("restart", "postgres", timeout=180)
    stack_.wait_healthy("postgres")
    report["postgres_restart_start_to_healthy_seconds"] = stack_.startup_seconds(
        driver, ["postgres"], since="StartedAt"
    ).get("postgres")
    report["first_reads_after_postgres_restart"] = reads_after_database_restart(gateway, programme)
    assert_programme_is_there(gateway, programme)
    assert migration_runs(stack_) == migrations  # restarts re-ran no migration

    # 5. Nothing but the gateway is reachable from the host.
    report["ports_probed"] = assert_only_the_gateway_is_reachable(
        stack_, port, json.loads(env["listening_before"])
    )

    # 6. down, then up again: the named volume keeps the data.
    stack_.compose("down", "--timeout", "30", timeout=240)
    assert stack_.project_objects("container") == []
    started = time.monotonic()
    stack_.up()
    report["second_up_to_all_healthy_seconds"] = round(time.monotonic() - started, 1)
    report["first_answer_after_second_up_seconds"] = first_answers(gateway, items=1)
    assert_programme_is_there(gateway, programme)
    assert stack_.exec("postgres", "cat", "/var/lib/postgresql/data/PG_VERSION").strip() == "15"
