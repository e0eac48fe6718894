"""Run docker-compose.yml for real with podman: build, bring up in order, health, tear down.

What podman does not do on these hosts, and this module does instead (the compose file is
used as it is):
- **Health checks.** Podman schedules `HEALTHCHECK`s with systemd timers; with no systemd
  (containers, CI runners) nothing runs them. ``HealthDriver`` runs ``podman healthcheck
  run`` for the project's running containers, every second while one starts, then at the
  compose file's ``interval``, so podman's health status moves as it would under systemd
  (the checks are the compose file's own commands).
- **``depends_on`` conditions.** podman-compose only waits for ``service_healthy`` with
  podman >= 4.6 (Debian 12 ships 4.3), and it links each container to its dependencies
  (``--requires``), which makes ``podman start`` re-run finished one-shot jobs (the
  migrations) and makes podman 4.3 refuse to start a container once such a job has exited
  ("not found in input list"). So ``Stack.up`` starts the services layer by layer of the
  compose file's dependency graph (``up -d --no-deps``) and waits for each condition the
  file declares: healthy, or exited with status 0.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from tests.deploy.inventory import COMPOSE_FILE, REPO

CONTAINERS_DIR = REPO / "deploy" / "containers"
BUILD_SCRIPT = CONTAINERS_DIR / "build-images.sh"
CONTAINERS_CONF = CONTAINERS_DIR / "containers.conf"
PODMAN_COMPOSE = Path(sys.executable).parent / "podman-compose"


class ContainerError(AssertionError):
    """A container command failed or a bounded wait ran out; carries what podman said."""


def podman_path() -> str | None:
    return shutil.which("podman")


def engine_env() -> dict[str, str]:
    """A clean environment: the caller's SOMOS_* or POSTGRES_* must not leak into compose."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "XDG_RUNTIME_DIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["CONTAINERS_CONF"] = os.environ.get("CONTAINERS_CONF") or str(CONTAINERS_CONF)
    return env


def run(
    args: list[str],
    *,
    timeout: float,
    check: bool = True,
    env: dict[str, str] | None = None,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env or engine_env(),
            cwd=REPO,
            input=input,
        )
    except subprocess.TimeoutExpired as exc:
        raise ContainerError(f"timed out after {timeout:.0f} s: {' '.join(args)}") from exc
    if check and result.returncode != 0:
        raise ContainerError(
            f"exit {result.returncode}: {' '.join(args)}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result


def podman(*args: str, timeout: float = 60, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run(["podman", *args], timeout=timeout, check=check)


def parse_time(value: str) -> float:
    """podman's RFC 3339 times (nanoseconds, Z or an offset) as a Unix timestamp."""
    match = re.fullmatch(r"(\S+?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)", value.strip())
    if not match:
        raise ValueError(f"unexpected time {value!r}")
    base, fraction, zone = match.groups()
    zone = "+00:00" if zone == "Z" else zone
    stamp = datetime.fromisoformat(f"{base}{zone}").timestamp()
    return stamp + (float(f"0.{fraction}") if fraction else 0.0)


def build_images(image: str, timeout: float = 1500) -> float:
    """deploy/containers/build-images.sh (bases when missing, then the app); seconds taken."""
    env = engine_env()
    env["SOMOS_IMAGE"] = image
    started = time.monotonic()
    run(["bash", str(BUILD_SCRIPT)], timeout=timeout, env=env)
    return time.monotonic() - started


def image_size(image: str) -> int:
    return int(podman("image", "inspect", "--format", "{{.Size}}", image).stdout.strip())


def inspect(name: str) -> dict[str, Any]:
    (data,) = json.loads(podman("inspect", "--type", "container", name).stdout)
    return dict(data)


def listening_ports() -> set[int]:
    """TCP ports something on this host listens on (from /proc, no tools needed)."""
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A":  # LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def connect(host: str, port: int, timeout: float = 2.0) -> str:
    """'open', 'refused', or the error met when connecting."""
    with socket.socket() as s:
        s.settimeout(timeout)
        try:
            s.connect((host, port))
        except ConnectionRefusedError:
            return "refused"
        except OSError as exc:
            return type(exc).__name__
        return "open"


def parse_duration(value: str | int | float) -> float:
    """A compose duration ("10s", "1m30s", "500ms") in seconds."""
    if isinstance(value, int | float):
        return float(value)
    units = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "us": 1e-6}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|us|h|m|s)", value.strip())
    if not parts or "".join(n + u for n, u in parts) != value.strip():
        raise ValueError(f"unexpected duration {value!r}")
    return sum(float(n) * units[u] for n, u in parts)


@dataclass
class HealthDriver:
    """Runs the containers' health checks on the compose file's schedule (what systemd
    would do): every ``period`` (1 s) while a container is starting, as Docker's
    ``start_interval`` does, then every ``interval`` the file gives it once it has passed.

    Checking every container every second all the time would be no faithful schedule: each
    check is a `podman exec` of a Python process, and five of them a second kept both cores
    of a CI runner busy, starving the very services under test.
    """

    stack: Stack
    period: float = 1.0
    # (container, StartedAt) -> wall-clock time of the first passing check of that run
    first_healthy: dict[tuple[str, str], float] = field(default_factory=dict)
    checks_run: int = 0
    _last_check: dict[str, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="health-driver", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=60)

    def _states(self, names: list[str]) -> dict[str, dict[str, Any]]:
        """Each existing container's State, from one `podman inspect` for all of them."""
        result = podman("inspect", "--type", "container", *names, timeout=30, check=False)
        try:
            found = json.loads(result.stdout or "[]")
        except ValueError:
            return {}
        return {data["Name"]: data["State"] for data in found}

    def _due(self, name: str, state: dict[str, Any], interval: float) -> bool:
        if not state.get("Running"):
            return False
        if (name, state["StartedAt"]) not in self.first_healthy:
            return True  # starting: every period
        return time.monotonic() - self._last_check.get(name, 0.0) >= interval

    def _check(self, name: str, started_at: str) -> None:
        self._last_check[name] = time.monotonic()
        result = podman("healthcheck", "run", name, timeout=30, check=False)
        self.checks_run += 1
        if result.returncode == 0:
            self.first_healthy.setdefault((name, started_at), time.time())

    def _loop(self) -> None:
        intervals = {
            self.stack.container(s): parse_duration(
                self.stack.services[s]["healthcheck"].get("interval", "30s")
            )
            for s in self.stack.health_checked()
        }
        names = list(intervals)
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            while not self._stop.is_set():
                started = time.monotonic()
                states = self._states(names)
                due = [
                    (name, states[name]["StartedAt"])
                    for name in names
                    if name in states and self._due(name, states[name], intervals[name])
                ]
                list(pool.map(lambda args: self._check(*args), due))
                self._stop.wait(max(0.0, self.period - (time.monotonic() - started)))


@dataclass
class Stack:
    """One compose project of docker-compose.yml, driven by podman-compose."""

    project: str
    env_file: Path
    extra_files: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spec: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
        self.services: dict[str, Any] = self.spec["services"]
        self.log: list[str] = []

    # --- the compose file --------------------------------------------------------------
    def compose(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        files: list[str] = ["-f", str(COMPOSE_FILE)]
        for extra in self.extra_files:
            files += ["-f", str(extra)]
        command = [
            str(PODMAN_COMPOSE),
            "--project-name",
            self.project,
            "--env-file",
            str(self.env_file),
            *files,
            *args,
        ]
        self.log.append(" ".join(["podman-compose", *args]))
        return run(command, timeout=timeout)

    def container(self, service: str) -> str:
        return f"{self.project}_{service}_1"

    def health_checked(self) -> list[str]:
        return [
            name
            for name, s in self.services.items()
            if s.get("healthcheck", {}).get("test") and not s["healthcheck"].get("disable")
        ]

    def layers(self) -> list[list[str]]:
        """The services in start order: each layer depends only on earlier ones."""
        deps = {n: set(s.get("depends_on") or {}) for n, s in self.services.items()}
        done: set[str] = set()
        out: list[list[str]] = []
        while len(done) < len(deps):
            layer = sorted(n for n, d in deps.items() if n not in done and d <= done)
            assert layer, f"dependency cycle among {set(deps) - done}"
            out.append(layer)
            done |= set(layer)
        return out

    def awaited(self, service: str) -> set[str]:
        """The conditions other services wait for on ``service``."""
        return {
            rule["condition"]
            for s in self.services.values()
            for name, rule in (s.get("depends_on") or {}).items()
            if name == service
        }

    # --- bringing it up ----------------------------------------------------------------
    def up(self, timeout: float = 240) -> dict[str, float]:
        """Start every service in dependency order; returns seconds from `up` to each
        condition met (healthy, or a job's successful exit)."""
        started = time.monotonic()
        reached: dict[str, float] = {}
        for layer in self.layers():
            self.compose("up", "-d", "--no-deps", *layer)
            for service in layer:
                conditions = self.awaited(service)
                if "service_completed_successfully" in conditions:
                    self.wait_exited_ok(service, timeout)
                elif service in self.health_checked():
                    self.wait_healthy(service, timeout)
                reached[service] = time.monotonic() - started
        for service in self.health_checked():
            self.wait_healthy(service, timeout)
        return reached

    def state(self, service: str) -> dict[str, Any]:
        return dict(inspect(self.container(service))["State"])

    def health(self, service: str) -> str:
        state = self.state(service)
        health = state.get("Health") or state.get("Healthcheck") or {}
        return str(health.get("Status", ""))

    def wait_healthy(self, service: str, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state(service)
            if self.health(service) == "healthy" and state.get("Running"):
                return
            if state.get("Status") == "exited" and self.services[service].get("restart") == "no":
                break
            time.sleep(0.5)
        raise ContainerError(
            f"{service} not healthy within {timeout:.0f} s (health {self.health(service)!r}, "
            f"state {self.state(service).get('Status')!r})\n{self.logs(service)[-3000:]}"
        )

    def wait_exited_ok(self, service: str, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state(service)
            if state.get("Status") == "exited":
                if state.get("ExitCode") == 0:
                    return
                raise ContainerError(
                    f"{service} exited {state.get('ExitCode')}\n{self.logs(service)[-3000:]}"
                )
            time.sleep(0.5)
        raise ContainerError(f"{service} still running after {timeout:.0f} s")

    def wait_stopped(self, service: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.state(service).get("Running"):
                return
            time.sleep(0.5)
        raise ContainerError(f"{service} still running {timeout:.0f} s after stop")

    def logs(self, service: str) -> str:
        result = podman("logs", self.container(service), timeout=30, check=False)
        return result.stdout + result.stderr

    def exec(self, service: str, *command: str, timeout: float = 60) -> str:
        return podman("exec", self.container(service), *command, timeout=timeout).stdout

    # --- measurements ------------------------------------------------------------------
    def startup_seconds(
        self, driver: HealthDriver, services: Iterable[str], since: str = "Created"
    ) -> dict[str, float]:
        """Per container: its creation (or, ``since="StartedAt"``, its latest start) → its
        first passing health check, to the driver's one-second resolution."""
        out: dict[str, float] = {}
        for service in services:
            data = inspect(self.container(service))
            started_at = data["State"]["StartedAt"]
            healthy = driver.first_healthy.get((self.container(service), started_at))
            if healthy is not None:
                origin = data["Created"] if since == "Created" else started_at
                out[service] = round(healthy - parse_time(origin), 1)
        return out

    # --- tearing it down ---------------------------------------------------------------
    def project_objects(self, kind: str) -> list[str]:
        label = f"io.podman.compose.project={self.project}"
        if kind == "container":
            args = ["ps", "-a", "--filter", f"label={label}", "--format", "{{.Names}}"]
        elif kind == "volume":
            args = ["volume", "ls", "--filter", f"label={label}", "--format", "{{.Name}}"]
        else:
            args = ["network", "ls", "--filter", f"label={label}", "--format", "{{.Name}}"]
        result = podman(*args, timeout=60, check=False)
        return result.stdout.split()

    def destroy(self) -> list[str]:
        """Remove everything of the project, whatever state it is in; returns what failed."""
        problems: list[str] = []
        try:
            self.compose("down", "-v", "--timeout", "10", timeout=240)
        except ContainerError as exc:
            problems.append(str(exc)[:500])
        for kind, command in (
            ("container", ("rm", "-f", "-t", "5")),
            ("volume", ("volume", "rm", "-f")),
            ("network", ("network", "rm", "-f")),
        ):
            names = self.project_objects(kind)
            if names:
                result = podman(*command, *names, timeout=120, check=False)
                if result.returncode != 0:
                    problems.append(result.stderr[:500])
        return problems
