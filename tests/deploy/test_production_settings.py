"""Every process started with the environment docker-compose.yml or Kubernetes gives it.

For each deployment the test reads the environment each container would get, from the
manifests as they are. It then changes only what a machine without containers needs
changed: generated secrets where the operator's `.env` or Secrets go, a fresh database
per service on the suite's PostgreSQL, 127.0.0.1 and free ports instead of service host
names, and a generated DIVIPOLA file where the operator mounts one. It runs each migration
job's command first, starts every `somos serve <name>` for real with
`SOMOS_ENVIRONMENT=production`, and requires `/readyz` 200 from each. The gateway gets no
PII key and no database.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.common import testing
from services.common.embedded import drop_database, ensure_database
from services.common.testing import free_port
from tests.deploy import inventory
from tests.deploy.k8s_manifests import find, rendered

pytestmark = pytest.mark.e2e

REPO = inventory.REPO
REFERENCE_MOUNT = "/etc/somos/reference"
# A few real DIVIPOLA rows (DANE codes are facts), standing in for the operator's file.
DIVIPOLA = (
    "cod_dpto,dpto,cod_mpio,nom_mpio,tipo_municipio\n"
    "05,ANTIOQUIA,05001,MEDELLÍN,Municipio\n"
    "19,CAUCA,19698,SANTANDER DE QUILICHAO,Municipio\n"
    "52,NARIÑO,52835,SAN ANDRÉS DE TUMACO,Municipio\n"
)
Env = dict[str, str]


class Secrets:
    """What an operator provides: the compose `.env` and the Kubernetes Secrets."""

    def __init__(self, database_urls: dict[str, str]) -> None:
        self.database_urls = database_urls  # process name → URL on this machine
        self.jwt = secrets.token_urlsafe(48)
        self.pii_keys = "k1:" + base64.b64encode(secrets.token_bytes(32)).decode()
        self.pii_hash = base64.b64encode(secrets.token_bytes(32)).decode()
        self.webhooks_key = base64.b64encode(secrets.token_bytes(32)).decode()

    def dotenv(self) -> Env:
        env = {
            "SOMOS_JWT_SECRET": self.jwt,
            "SOMOS_EVENTS_PII_KEYS": self.pii_keys,
            "SOMOS_EVENTS_PII_HASH_KEY": self.pii_hash,
            "SOMOS_WEBHOOKS_SECRET_KEY": self.webhooks_key,
            "POSTGRES_PASSWORD": secrets.token_urlsafe(16),
        }
        for spec in inventory.database_services():
            env[f"SOMOS_{spec.name.upper()}_DB_PASSWORD"] = secrets.token_urlsafe(16)
        return env

    def secret(self, name: str, key: str) -> str | None:
        values: dict[tuple[str, str], str] = {
            ("somos-jwt", "jwt-secret"): self.jwt,
            ("somos-events-pii", "pii-keys"): self.pii_keys,
            ("somos-events-pii", "pii-hash-key"): self.pii_hash,
            ("somos-events-pii", "pii-active-key-id"): "k1",
            ("somos-webhooks", "secret-key"): self.webhooks_key,
        }
        for spec in inventory.database_services():
            db_secret = f"somos-db-{inventory.compose_name(spec.name)}"
            values[(db_secret, "database-url")] = self.database_urls[spec.name]
        return values.get((name, key))


# --- what each deployment gives a container ------------------------------------------------

_INTERPOLATION = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolate(value: str, dotenv: Env) -> str:
    """Compose's `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `$$`."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name, operator, argument = match.groups()
        current = dotenv.get(name)
        if operator in (":-", "-"):
            empty = current is None or (operator == ":-" and current == "")
            return argument if empty else str(current)
        if operator in (":?", "?"):
            if current is None or (operator == ":?" and current == ""):
                raise AssertionError(f"compose requires {name}: {argument}")
            return current
        return current or ""

    return _INTERPOLATION.sub(replace, value)


def compose_container(name: str, dotenv: Env) -> tuple[list[str], Env]:
    """The command and environment compose gives service ``name``."""
    service = inventory.load_compose()["services"][name]
    environment = service.get("environment", {})
    assert isinstance(environment, dict)
    env = {k: interpolate(str(v if v is not None else ""), dotenv) for k, v in environment.items()}
    return list(service["command"]), env


def kubernetes_container(kind: str, name: str, source: Secrets) -> tuple[list[str], Env]:
    """The args and environment a Deployment's or Job's container gets from the manifests."""
    docs = rendered("production-migrations" if kind == "Job" else "production")
    workload = find(docs, kind, name)
    (container,) = workload["spec"]["template"]["spec"]["containers"]
    env: Env = {}
    for ref in container.get("envFrom", []):
        env.update(find(docs, "ConfigMap", ref["configMapRef"]["name"])["data"])
    for entry in container.get("env", []):
        if "value" in entry:
            env[entry["name"]] = str(entry["value"])
            continue
        ref = entry["valueFrom"]
        if "secretKeyRef" in ref:
            secret = ref["secretKeyRef"]
            value = source.secret(secret["name"], secret["key"])
            if value is None:
                assert secret.get("optional"), f"the test knows no Secret {secret}"
                continue
            env[entry["name"]] = value
        elif "configMapKeyRef" in ref:
            config = ref["configMapKeyRef"]
            env[entry["name"]] = find(docs, "ConfigMap", config["name"])["data"][config["key"]]
        else:
            raise AssertionError(f"unsupported valueFrom {ref}")
    return list(container["args"]), env


# --- this machine instead of the cluster ----------------------------------------------------


class Machine:
    """Ports, databases and files on this machine in place of the cluster's."""

    def __init__(self, database_urls: dict[str, str], reference_dir: Path, data_dir: Path):
        self.database_urls = database_urls
        self.ports = {spec.name: free_port() for spec in inventory.processes()}
        self.hosts = {inventory.compose_name(n): p for n, p in self.ports.items()}
        self.internal_port = free_port()
        self.reference_dir = reference_dir
        self.data_dir = data_dir

    def localize(self, process: str, env: Env) -> Env:
        """The deployed environment with only host-specific values replaced."""
        out = dict(env)
        for key, value in env.items():
            if key.endswith("_DATABASE_URL"):
                owner = key.removeprefix("SOMOS_").removesuffix("_DATABASE_URL").lower()
                out[key] = self.database_urls[owner]
            elif value.startswith(REFERENCE_MOUNT):
                out[key] = str(self.reference_dir) + value.removeprefix(REFERENCE_MOUNT)
            else:
                out[key] = re.sub(
                    r"^http://([a-z-]+):\d+$",
                    lambda m: (
                        f"http://127.0.0.1:{self.hosts[m.group(1)]}"
                        if m.group(1) in self.hosts
                        else m.group(0)
                    ),
                    value,
                )
        if "SOMOS_PORT" in out:
            out["SOMOS_PORT"] = str(self.ports[process])
        if "SOMOS_HOST" in out:
            out["SOMOS_HOST"] = "127.0.0.1"
        if "SOMOS_GATEWAY_INTERNAL_PORT" in out:
            out["SOMOS_GATEWAY_INTERNAL_PORT"] = str(self.internal_port)
        if "SOMOS_DATA_DIR" in out:
            out["SOMOS_DATA_DIR"] = str(self.data_dir)
        return out


def bare_environment() -> Env:
    """The test runner's environment without any Somos or OpenTelemetry setting."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOMOS_", "OTEL_")) and k not in ("FORWARDED_ALLOW_IPS",)
    }


@asynccontextmanager
async def fresh_databases(admin_url: str) -> AsyncIterator[dict[str, str]]:
    """One new, empty database per service (the migration jobs fill them)."""
    names = {s.name: testing.test_database_name(s.name) for s in inventory.database_services()}
    urls = {
        service: await ensure_database(admin_url, name, recreate=True)
        for service, name in names.items()
    }
    try:
        yield urls
    finally:
        for name in names.values():
            await drop_database(admin_url, name)


@contextmanager
def running(commands: list[tuple[str, list[str], Env]], log_dir: Path) -> Iterator[None]:
    processes: list[tuple[str, subprocess.Popen[bytes], Path]] = []
    try:
        for name, args, env in commands:
            log = log_dir / f"{name}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(
                    [sys.executable, "-m", "somos.cli", *args],
                    cwd=REPO,
                    env={**bare_environment(), **env},
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            processes.append((name, process, log))
        yield
    finally:
        for _, process, _ in processes:
            if process.poll() is None:
                process.terminate()
        for name, process, log in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            assert "Traceback" not in log.read_text(errors="replace"), f"{name}:\n{log.read_text()}"


def wait_ready(url: str, log: Path, timeout: float = 90) -> httpx.Response:
    deadline = time.monotonic() + timeout
    last: httpx.Response | str = "no answer"
    while time.monotonic() < deadline:
        try:
            last = httpx.get(url, timeout=2)
            if last.status_code == 200:
                return last
        except httpx.TransportError as exc:
            last = type(exc).__name__
        time.sleep(0.25)
    detail = last.text if isinstance(last, httpx.Response) else last
    raise AssertionError(f"{url} not ready: {detail}\n{log.read_text(errors='replace')[-3000:]}")


Deployment = Callable[[Secrets], dict[str, tuple[list[str], Env]]]


def compose_deployment(source: Secrets) -> dict[str, tuple[list[str], Env]]:
    """Migration jobs (`migrate-<name>`) then processes, as compose runs them."""
    dotenv = source.dotenv()
    out = {}
    for spec in inventory.database_services():
        out[f"migrate:{spec.name}"] = compose_container(
            f"migrate-{inventory.compose_name(spec.name)}", dotenv
        )
    for spec in inventory.processes():
        out[spec.name] = compose_container(inventory.compose_name(spec.name), dotenv)
    return out


def kubernetes_deployment(source: Secrets) -> dict[str, tuple[list[str], Env]]:
    """Migration Jobs then Deployments, from the production overlay."""
    out = {}
    for spec in inventory.database_services():
        name = f"migrate-{inventory.compose_name(spec.name)}"
        out[f"migrate:{spec.name}"] = kubernetes_container("Job", name, source)
    for spec in inventory.processes():
        out[spec.name] = kubernetes_container(
            "Deployment", inventory.compose_name(spec.name), source
        )
    return out


@pytest.mark.parametrize(
    "deployment", [compose_deployment, kubernetes_deployment], ids=["compose", "kubernetes"]
)
async def test_every_process_is_ready_with_the_deployed_production_settings(
    deployment: Deployment, postgres_admin_url: str, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "divipola.csv").write_text(DIVIPOLA, encoding="utf-8")
    async with fresh_databases(postgres_admin_url) as database_urls:
        containers = deployment(Secrets(database_urls))
        machine = Machine(database_urls, reference, tmp_path / "data")

        for spec in inventory.processes():
            _, env = containers[spec.name]
            assert env["SOMOS_ENVIRONMENT"] == "production", spec.name
        _, gateway_env = containers["gateway"]
        assert not [k for k in gateway_env if "PII_KEY" in k or k.endswith("_DATABASE_URL")]

        # The migration jobs first, each with its own environment and command.
        for spec in inventory.database_services():
            args, env = containers[f"migrate:{spec.name}"]
            assert args == ["migrate", spec.name]
            result = await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "somos.cli", *args],
                cwd=REPO,
                env={**bare_environment(), **machine.localize(spec.name, env)},
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == 0, result.stderr[-3000:]

        commands = []
        for spec in inventory.processes():
            args, env = containers[spec.name]
            assert args == ["serve", spec.name]
            commands.append((spec.name, args, machine.localize(spec.name, env)))
        with running(commands, tmp_path):
            ready: dict[str, Any] = {}
            for spec in inventory.processes():  # services first, the gateway last
                url = f"http://127.0.0.1:{machine.ports[spec.name]}/readyz"
                response = await asyncio.to_thread(wait_ready, url, tmp_path / f"{spec.name}.log")
                ready[spec.name] = response.json()
            internal = await asyncio.to_thread(
                httpx.get, f"http://127.0.0.1:{machine.internal_port}/readyz", timeout=5
            )
    assert ready == {spec.name: {"status": "ready"} for spec in inventory.processes()}
    assert internal.json() == {"status": "ready"}
