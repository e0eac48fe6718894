"""Shared pieces of the benchmarks: a scratch database, servers in processes, load, tables."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def admin_url() -> tuple[Any, str]:
    """The PostgreSQL to benchmark on: SOMOS_BENCH_DATABASE_URL, else the embedded server."""
    url = os.environ.get("SOMOS_BENCH_DATABASE_URL")
    if url:
        return None, url
    from services.common.embedded import start_embedded

    return start_embedded(REPO / ".somos" / "bench-pg")


def fresh_database(admin: str, service: str, name: str | None = None) -> str:
    """A new database for ``service`` on ``admin``'s server, migrated to head.

    ``name`` defaults to ``somos_bench_<service>``; pass a unique one when other runs may
    share the server (and drop it afterwards with ``drop_database``).
    """
    from services.common import migrations
    from services.common.embedded import ensure_database

    url = asyncio.run(ensure_database(admin, name or f"somos_bench_{service}", recreate=True))
    migrations.upgrade(service, url)
    return url


def drop_database(admin: str, name: str) -> None:
    from services.common.embedded import drop_database as drop

    asyncio.run(drop(admin, name))


@contextmanager
def server_process(
    args: Sequence[str],
    port: int,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server command until the block ends; waits for its /healthz (or any answer).

    ``python -m`` puts the working directory first on ``sys.path``: to run packages from
    another directory (an older revision), pass it as ``cwd``, not on ``PYTHONPATH``.
    """
    process = subprocess.Popen(
        list(args),
        cwd=cwd or REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"server exited: {process.stderr.read().decode()[-2000:]}"
                    if process.stderr
                    else "server exited"
                )
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


# Which load generator `load()` uses: "wrk" when installed (SOMOS_BENCH_LOADER=python forces
# the fallback), else "python" (bench/load.py).
LOADER_ENV = "SOMOS_BENCH_LOADER"


def loader() -> str:
    from bench import wrk

    wanted = os.environ.get(LOADER_ENV, "auto")
    if wanted not in ("auto", "wrk", "python"):
        raise SystemExit(f"{LOADER_ENV} must be auto, wrk or python, not {wanted!r}")
    if wanted == "python":
        return "python"
    if wrk.wrk_path() is None:
        if wanted == "wrk":
            raise SystemExit(f"{LOADER_ENV}=wrk but wrk is not installed (apt-get install wrk)")
        return "python"
    return "wrk"


def loader_banner() -> str:
    """One plain sentence on the load generator of this run (printed above every table)."""
    from bench import wrk

    if loader() == "wrk":
        return f"Load generator: {wrk.wrk_version()} ({wrk.wrk_path()}), 2 threads."
    reason = "forced by SOMOS_BENCH_LOADER=python" if wrk.wrk_path() else "wrk is not installed"
    return (
        f"Load generator: FALLBACK to the Python generator (bench/load.py) because {reason}. "
        "It saturates before a fast server does, so every ratio against a floor is flattered; "
        "install wrk (apt-get install wrk) for figures worth quoting."
    )


def load(
    port: int,
    paths: Sequence[str],
    *,
    headers: Sequence[str] = (),
    connections: int = 32,
    duration: float = 8.0,
    warmup: float = 2.0,
) -> dict[str, float]:
    """Drive GET load from a separate process (wrk when installed); rps, latency, bytes."""
    if loader() == "wrk":
        from bench import wrk

        return wrk.run(
            port,
            paths,
            headers=headers,
            connections=connections,
            duration=duration,
            warmup=warmup,
        )
    cmd = [
        sys.executable,
        "-m",
        "bench.load",
        "--port",
        str(port),
        "--connections",
        str(connections),
        "--duration",
        str(duration),
        "--warmup",
        str(warmup),
    ]
    for path in paths:
        cmd += ["--path", path]
    for header in headers:
        cmd += ["--header", header]
    out = subprocess.run(
        cmd, cwd=REPO, capture_output=True, text=True, check=True, timeout=duration + warmup + 60
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def print_table(title: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Print rows as a Markdown table (what goes into the closing note)."""

    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.2f}"
        return str(v)

    print(f"\n### {title}\n")
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        print("| " + " | ".join(fmt(row.get(c, "")) for c in columns) + " |")
    sys.stdout.flush()


SERVICES = ("organizations", "security_plans", "events", "reporting")


def serve(service: str, port: int, env: dict[str, str], cwd: str | None = None) -> Any:
    """``somos serve <service>`` on ``port`` as a real process (a context manager)."""
    command = [sys.executable, "-m", "somos.cli", "serve", service, "--port", str(port)]
    return server_process(command, port, env=env, cwd=cwd)


@dataclass
class Stack:
    """The services and the gateway, running: ports, processes, the shared settings."""

    ports: dict[str, int]
    gateway_port: int
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    common_env: dict[str, str] = field(default_factory=dict)
    gateway_env: dict[str, str] = field(default_factory=dict)


@contextmanager
def running_stack(urls: dict[str, str], secret: str, data_dir: str) -> Iterator[Stack]:
    """Every service on its database (``urls``) and the gateway in front, rate limits off."""
    ports = {s: free_port() for s in SERVICES}
    common = {"SOMOS_JWT_SECRET": secret, "SOMOS_LOG_LEVEL": "WARNING", "SOMOS_DATA_DIR": data_dir}
    gateway_env = {
        **common,
        **{f"SOMOS_GATEWAY_{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}" for s in SERVICES},
        "SOMOS_GATEWAY_RATE_LIMIT_PER_MINUTE": "0",
        "SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0",
        "SOMOS_GATEWAY_INTERNAL_PORT": str(free_port()),  # metrics; 9000 may be taken
    }
    stack = Stack(ports, free_port(), common_env=common, gateway_env=gateway_env)
    with ExitStack() as processes:
        for s in SERVICES:
            env = {**common, f"SOMOS_{s.upper()}_DATABASE_URL": urls[s]}
            if s in ("events", "reporting"):
                # events checks references; reporting reads statistics (/api/v1/results)
                prefix = f"SOMOS_{s.upper()}_"
                env[prefix + "ORGANIZATIONS_URL"] = f"http://127.0.0.1:{ports['organizations']}"
                env[prefix + "SECURITY_PLANS_URL"] = f"http://127.0.0.1:{ports['security_plans']}"
            if s == "reporting":
                env["SOMOS_REPORTING_EVENTS_URL"] = f"http://127.0.0.1:{ports['events']}"
                env["SOMOS_REPORTING_BUDGET_SECONDS"] = "60"
            stack.processes[s] = processes.enter_context(serve(s, ports[s], env))
        stack.processes["gateway"] = processes.enter_context(
            serve("gateway", stack.gateway_port, gateway_env)
        )
        yield stack


@contextmanager
def scratch_databases() -> Iterator[dict[str, str]]:
    """A fresh, migrated database per service (named per run: other runs may share the
    server), dropped at the end; the embedded server unless SOMOS_BENCH_DATABASE_URL."""
    server, admin = admin_url()
    names = {s: f"somos_bench_{s}_{os.getpid()}" for s in SERVICES}
    try:
        yield {s: fresh_database(admin, s, names[s]) for s in SERVICES}
    finally:
        for name in names.values():
            drop_database(admin, name)
        if server is not None:
            server.cleanup()
