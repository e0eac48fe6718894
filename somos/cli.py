"""The `somos` command: run the system for development, serve, migrate, mint tokens."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from somos.registry import SERVICES, ServiceSpec, database_services

ALL_SCOPES = (
    "organizations:read organizations:write plans:read plans:write events:read "
    "events:write attendees:pii admin"
)


def _data_dir() -> Path:
    return Path(os.environ.get("SOMOS_DATA_DIR", ".somos"))


def ensure_dev_secret(data_dir: Path) -> str:
    """The development JWT secret: SOMOS_JWT_SECRET, else one generated once and kept."""
    if os.environ.get("SOMOS_JWT_SECRET"):
        return os.environ["SOMOS_JWT_SECRET"]
    path = data_dir / "jwt-secret"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    secret = path.read_text().strip()
    os.environ["SOMOS_JWT_SECRET"] = secret
    return secret


def _production() -> bool:
    return os.environ.get("SOMOS_ENVIRONMENT", "development") == "production"


def _embedded_database_url(spec: ServiceSpec, *, migrate: bool) -> str:
    """Start or attach to the embedded server, create the service's database, migrate it."""
    from services.common import migrations
    from services.common.embedded import ensure_database, start_embedded

    _, admin_url = start_embedded(_data_dir())
    url = asyncio.run(ensure_database(admin_url, spec.database_name))
    if migrate:
        migrations.upgrade(spec.name, url)
    return url


def _resolve_database_url(spec: ServiceSpec, *, migrate_embedded: bool) -> str:
    url = os.environ.get(spec.database_env)
    if url:
        return url
    if _production():
        raise SystemExit(f"{spec.database_env} must be set in production")
    url = _embedded_database_url(spec, migrate=migrate_embedded)
    os.environ[spec.database_env] = url
    return url


# --- commands --------------------------------------------------------------------------


def cmd_token(args: argparse.Namespace) -> int:
    from services.common.auth import mint_token
    from services.common.settings import PlatformSettings

    if not _production():
        ensure_dev_secret(_data_dir())
    token = mint_token(
        PlatformSettings(),
        scopes=args.scope.split(),
        sub=args.sub,
        municipalities=args.municipality or None,
        departments=args.department or None,
        ttl_seconds=args.ttl,
    )
    print(token)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from services.common import migrations

    names = [s.name for s in database_services()] if args.service == "all" else [args.service]
    for name in names:
        spec = SERVICES.get(name)
        if spec is None or not spec.has_database:
            raise SystemExit(
                f"unknown service {name!r}; choose from "
                f"{', '.join(s.name for s in database_services())} or all"
            )
        url = _resolve_database_url(spec, migrate_embedded=False)
        if args.downgrade:
            migrations.downgrade(name, url, args.downgrade)
            print(f"{name}: downgraded to {args.downgrade}")
        else:
            migrations.upgrade(name, url, args.revision)
            print(f"{name}: upgraded to {args.revision}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from services.common.observability import configure_logging
    from services.common.settings import PlatformSettings

    spec = SERVICES.get(args.service)
    if spec is None:
        raise SystemExit(f"unknown service {args.service!r}; choose from {', '.join(SERVICES)}")
    if not _production():
        ensure_dev_secret(_data_dir())
    if spec.has_database:
        _resolve_database_url(spec, migrate_embedded=True)
    platform = PlatformSettings()
    configure_logging(platform.log_level)
    settings = spec.load(spec.settings_class)()
    app = spec.load(spec.app_factory)(settings)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port or spec.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
        timeout_graceful_shutdown=platform.shutdown_grace_seconds,
    )
    return 0


def _wait_healthy(port: int, process: subprocess.Popen[Any], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(
                    b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                )
                if sock.recv(64).startswith(b"HTTP/1.1 200"):
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def dev_upstream_env(ports: dict[str, int]) -> dict[str, str]:
    """Settings that tell each process where the others listen (for --port-offset)."""
    env: dict[str, str] = {}
    for consumer in SERVICES:
        for name, port in ports.items():
            if name != consumer:
                env[f"SOMOS_{consumer.upper()}_{name.upper()}_URL"] = f"http://127.0.0.1:{port}"
    return env


def cmd_dev(args: argparse.Namespace) -> int:
    """Embedded PostgreSQL, one database per service, migrations, every process; Ctrl-C stops."""
    from services.common import migrations
    from services.common.auth import mint_token
    from services.common.embedded import ensure_database, start_embedded
    from services.common.settings import PlatformSettings

    if _production():
        raise SystemExit("somos dev is for development; unset SOMOS_ENVIRONMENT=production")
    data_dir = _data_dir()
    ensure_dev_secret(data_dir)
    ports = {name: spec.port + args.port_offset for name, spec in SERVICES.items()}
    busy = [f"{name} :{port}" for name, port in ports.items() if not _port_free(port)]
    if busy:
        raise SystemExit(
            "ports in use: "
            + ", ".join(busy)
            + " (is another `somos dev` running? --port-offset moves every port)"
        )

    stopping = False

    def request_stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)

    print("Starting embedded PostgreSQL …", flush=True)
    server, admin_url = start_embedded(data_dir)
    children: list[tuple[ServiceSpec, subprocess.Popen[Any]]] = []
    try:
        env = dict(os.environ)
        env.update(dev_upstream_env(ports))
        for spec in database_services():
            if spec.database_env in os.environ:
                url = os.environ[spec.database_env]
            else:
                url = asyncio.run(ensure_database(admin_url, spec.database_name))
            print(f"Migrating {spec.name} …", flush=True)
            migrations.upgrade(spec.name, url)
            env[spec.database_env] = url
        for spec in SERVICES.values():
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "somos.cli",
                    "serve",
                    spec.name,
                    "--port",
                    str(ports[spec.name]),
                ],
                env=env,
                start_new_session=True,
            )
            children.append((spec, process))
            if not _wait_healthy(ports[spec.name], process):
                raise SystemExit(f"{spec.name} did not start; see its log lines above")
        token = mint_token(
            PlatformSettings(), scopes=ALL_SCOPES.split(), sub="dev", ttl_seconds=12 * 3600
        )
        print("\nSomos is running (Ctrl-C stops everything):", flush=True)
        for spec in SERVICES.values():
            print(
                f"  {spec.name:<15} http://127.0.0.1:{ports[spec.name]}   "
                f"docs: http://127.0.0.1:{ports[spec.name]}/docs"
            )
        print(f"  data            {data_dir.resolve()}")
        print("\nDevelopment token (every scope, 12 h):")
        print(f"  export TOKEN={token}\n", flush=True)
        while not stopping:
            for spec, process in children:
                if process.poll() is not None:
                    print(
                        f"{spec.name} exited with code {process.returncode}; stopping", flush=True
                    )
                    stopping = True
            time.sleep(0.3)
        return 0
    finally:
        print("Stopping …", flush=True)
        for _, process in children:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 25
        for _, process in children:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        server.cleanup()
        print("Stopped.", flush=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="somos", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("dev", help="run everything locally on the embedded PostgreSQL")
    p.add_argument(
        "--port-offset",
        type=int,
        default=0,
        help="add this to every port (8000-8003), e.g. to run two copies",
    )
    p.set_defaults(func=cmd_dev)

    p = sub.add_parser("serve", help="serve one process")
    p.add_argument("service", choices=sorted(SERVICES))
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--host", default=os.environ.get("SOMOS_HOST", "127.0.0.1"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("migrate", help="run a service's migrations (or all)")
    p.add_argument("service", help="service name or 'all'")
    p.add_argument("--revision", default="head")
    p.add_argument(
        "--downgrade",
        metavar="REVISION",
        default=None,
        help="downgrade to REVISION (e.g. base, -1) instead of upgrading",
    )
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("token", help="print a signed development token")
    p.add_argument("--scope", default=ALL_SCOPES, help="space-separated scopes")
    p.add_argument("--municipality", action="append", default=[], metavar="DIVIPOLA")
    p.add_argument("--department", action="append", default=[], metavar="CODE")
    p.add_argument("--ttl", type=int, default=3600, help="seconds")
    p.add_argument("--sub", default="dev")
    p.set_defaults(func=cmd_token)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
