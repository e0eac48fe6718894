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

from somos.registry import SERVICES, ServiceSpec, database_services, worker_services

ALL_SCOPES = (
    "organizations:read organizations:write plans:read plans:write events:read "
    "events:write attendees:pii admin webhooks:manage"
)


# Set by `somos dev` for its children: the services whose database is on the embedded server.
DEV_HANDLE_ENV = "SOMOS_DEV_EMBEDDED_HANDLE"


def _data_dir() -> Path:
    return Path(os.environ.get("SOMOS_DATA_DIR", ".somos"))


DEV_SECRET_FILE = "jwt-secret"


def ensure_dev_secret(data_dir: Path) -> str:
    """The development JWT secret for ``somos dev``: SOMOS_JWT_SECRET, else the one kept in
    ``<data dir>/jwt-secret``, generated there once (only ``somos dev`` generates it)."""
    if os.environ.get("SOMOS_JWT_SECRET"):
        return os.environ["SOMOS_JWT_SECRET"]
    path = data_dir / DEV_SECRET_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # Created with mode 0600 from the start: no moment when others may read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # kept from an earlier run (or another process created it just now)
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return _use_dev_secret(path)


def require_dev_secret(data_dir: Path, command: str) -> str:
    """The development JWT secret for any other launcher: SOMOS_JWT_SECRET, or the file
    ``somos dev`` created; never a new one (processes would disagree on it)."""
    if os.environ.get("SOMOS_JWT_SECRET"):
        return os.environ["SOMOS_JWT_SECRET"]
    path = data_dir / DEV_SECRET_FILE
    if not path.is_file():
        raise SystemExit(
            f"somos {command}: no JWT secret. Set SOMOS_JWT_SECRET, or run `somos dev` once "
            f"(it creates the development secret in {path})."
        )
    return _use_dev_secret(path)


def _use_dev_secret(path: Path) -> str:
    secret = path.read_text().strip()
    if not secret:
        raise SystemExit(f"{path} is empty; delete it and run `somos dev` again")
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
        require_dev_secret(_data_dir(), "token")
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
    from services.common.settings import SERVICE_KEEP_ALIVE_SECONDS, PlatformSettings

    spec = SERVICES.get(args.service)
    if spec is None:
        raise SystemExit(f"unknown service {args.service!r}; choose from {', '.join(SERVICES)}")
    if not _production():
        require_dev_secret(_data_dir(), "serve")
    if spec.has_database:
        _resolve_database_url(spec, migrate_embedded=True)
        if spec.name in os.environ.get(DEV_HANDLE_ENV, "").split(",") and not _production():
            # A child of `somos dev`: it uses the embedded server through the URL it was
            # given, and holds a handle so the server stays up while it runs (even if its
            # parent is gone) and stops when the last process using it stops.
            from services.common.embedded import start_embedded

            start_embedded(_data_dir())
    platform = PlatformSettings()
    configure_logging(platform.log_level)
    settings = spec.load(spec.settings_class)()
    app = spec.load(spec.app_factory)(settings)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port or spec.port,
        log_config=None,
        access_log=False,
        # The gateway decides itself which forwarding headers to believe (trusted proxies).
        proxy_headers=spec.name != "gateway",
        server_header=False,
        timeout_graceful_shutdown=platform.shutdown_grace_seconds,
        # Idle connections outlive the gateway pool's reuse of them (see the constant).
        timeout_keep_alive=SERVICE_KEEP_ALIVE_SECONDS,
    )
    sockets = None
    if spec.name == "gateway":  # one server, two ports: public API and internal metrics
        if settings.internal_port == config.port:
            raise SystemExit(
                f"SOMOS_GATEWAY_INTERNAL_PORT ({settings.internal_port}) must differ from the "
                "public port: metrics must not be served where the API is"
            )
        sockets = [
            _listen(args.host, config.port),
            _listen(args.host, settings.internal_port),
        ]
    uvicorn.Server(config).run(sockets=sockets)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run a service's background worker (webhook deliveries) until SIGTERM or Ctrl-C."""
    from services.common.observability import configure_logging
    from services.common.settings import PlatformSettings

    spec = SERVICES.get(args.service)
    if spec is None or spec.worker is None:
        raise SystemExit(
            f"no worker for {args.service!r}; choose from "
            f"{', '.join(s.name for s in worker_services())}"
        )
    if not _production():
        require_dev_secret(_data_dir(), "worker")
    _resolve_database_url(spec, migrate_embedded=True)
    if spec.name in os.environ.get(DEV_HANDLE_ENV, "").split(",") and not _production():
        from services.common.embedded import start_embedded

        start_embedded(_data_dir())  # a handle, as `somos serve` keeps (see there)
    configure_logging(PlatformSettings().log_level)
    settings = spec.load(spec.settings_class)()
    run = spec.load(spec.worker)
    asyncio.run(run(settings, name=args.name))
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (what uvicorn binds when given no sockets)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise SystemExit(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


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
    children: list[tuple[str, subprocess.Popen[Any]]] = []
    try:
        env = dict(os.environ)
        env.update(dev_upstream_env(ports))
        env["SOMOS_DATA_DIR"] = str(data_dir.resolve())
        on_embedded: list[str] = []
        # The gateway's internal port (metrics) moves with --port-offset like the others.
        env.setdefault("SOMOS_GATEWAY_INTERNAL_PORT", str(9000 + args.port_offset))
        # So does the webhooks worker's (its default is 9104).
        env.setdefault("SOMOS_WEBHOOKS_WORKER_METRICS_PORT", str(9104 + args.port_offset))
        # Webhook payloads point at the gateway, wherever --port-offset puts it.
        env.setdefault("SOMOS_WEBHOOKS_PUBLIC_BASE_URL", f"http://127.0.0.1:{ports['gateway']}")
        for spec in database_services():
            if spec.database_env in os.environ:
                url = os.environ[spec.database_env]
            else:
                url = asyncio.run(ensure_database(admin_url, spec.database_name))
                on_embedded.append(spec.name)
            print(f"Migrating {spec.name} …", flush=True)
            migrations.upgrade(spec.name, url)
            env[spec.database_env] = url
        env[DEV_HANDLE_ENV] = ",".join(on_embedded)
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
            children.append((spec.name, process))
            if not _wait_healthy(ports[spec.name], process):
                raise SystemExit(f"{spec.name} did not start; see its log lines above")
        for spec in worker_services():
            process = subprocess.Popen(
                [sys.executable, "-m", "somos.cli", "worker", spec.name],
                env=env,
                start_new_session=True,
            )
            children.append((f"{spec.name} worker", process))
        platform = PlatformSettings()
        # Every scope includes attendees:pii, so the token lives SOMOS_PII_TOKEN_MAX_TTL at most.
        ttl = min(12 * 3600, platform.pii_token_max_ttl)
        token = mint_token(platform, scopes=ALL_SCOPES.split(), sub="dev", ttl_seconds=ttl)
        print("\nSomos is running (Ctrl-C stops everything):", flush=True)
        for spec in SERVICES.values():
            print(
                f"  {spec.name:<15} http://127.0.0.1:{ports[spec.name]}   "
                f"docs: http://127.0.0.1:{ports[spec.name]}/docs"
            )
        for spec in worker_services():
            print(f"  {spec.name + ' worker':<15} somos worker {spec.name}")
        print(f"  data            {data_dir.resolve()}")
        lifetime = f"{ttl // 3600} h" if ttl % 3600 == 0 else f"{ttl // 60} min"
        print(f"\nDevelopment token (every scope, {lifetime}; `somos token` mints another):")
        print(f"  export TOKEN={token}\n", flush=True)
        # One service stopping (crash, or stopped on purpose to try the gateway's partial
        # answers) leaves the others running; Ctrl-C, or all of them gone, stops everything.
        running = list(children)
        while not stopping and running:
            for name, process in list(running):
                if process.poll() is not None:
                    print(
                        f"{name} exited with code {process.returncode}; the others keep "
                        "running (restart `somos dev` to bring it back)",
                        flush=True,
                    )
                    running.remove((name, process))
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


# --- demo data ---------------------------------------------------------------------------

# Real DIVIPOLA codes of the programme's seven departments (05, 13, 19, 23, 52, 54, 70).
DEMO_MUNICIPALITIES = (
    "05001",
    "05045",
    "05837",
    "05154",
    "05250",
    "05790",
    "13001",
    "13244",
    "13430",
    "13442",
    "13670",
    "19001",
    "19698",
    "19142",
    "19821",
    "19548",
    "19256",
    "23001",
    "23807",
    "23580",
    "23466",
    "23417",
    "52001",
    "52835",
    "52079",
    "52250",
    "52490",
    "54001",
    "54810",
    "54206",
    "54720",
    "54498",
    "70001",
    "70215",
    "70508",
    "70473",
    "70713",
)
DEMO_LABEL = "[DEMO] "


def cmd_rotate_pii_key(args: argparse.Namespace) -> int:
    """Re-encrypt every attendee record with the active PII key (SOMOS_EVENTS_PII_*)."""
    from services.events import pii

    url = _resolve_database_url(SERVICES["events"], migrate_embedded=False)
    count = pii.rotate(database_url=url)
    print(f"re-encrypted {count} attendee records with the active key")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete expired idempotency keys and changes past SOMOS_CHANGES_RETENTION_DAYS in every
    service database configured (or embedded);
    with ``--every`` again and again, a failed run never stopping the next (compose)."""
    if args.every is None:
        return _purge_once(args)
    if args.every < 60:
        raise SystemExit("--every takes seconds, at least 60")
    while True:
        _purge_once(args)
        time.sleep(args.every)


def _purge_once(args: argparse.Namespace) -> int:
    import asyncpg
    from pydantic import ValidationError

    from services.common.change_outbox import ChangeRetentionSettings, purge_changes
    from services.common.idempotency import purge_expired_url

    try:
        days = ChangeRetentionSettings().changes_retention_days
    except ValidationError as exc:
        message = exc.errors()[0]["msg"]
        raise SystemExit(f"SOMOS_CHANGES_RETENTION_DAYS: {message}") from None
    names = [s.name for s in database_services()] if args.service == "all" else [args.service]
    failed = 0
    reached = False  # a database reached (purged, or nothing to purge)
    for name in names:
        spec = SERVICES.get(name)
        if spec is None or not spec.has_database:
            raise SystemExit(
                f"unknown service {name!r}; choose from "
                f"{', '.join(s.name for s in database_services())} or all"
            )
        if _production() and not os.environ.get(spec.database_env):
            if args.service != "all":
                raise SystemExit(f"{spec.database_env} must be set in production")
            print(f"{name}: skipped ({spec.database_env} not set)", flush=True)
            continue
        url = _resolve_database_url(spec, migrate_embedded=False)
        try:
            count = asyncio.run(purge_expired_url(url))
            changes = (
                asyncio.run(purge_changes(url, retention_days=days)) if spec.change_feed else None
            )
        except asyncpg.UndefinedTableError:
            print(f"{name}: not migrated yet (no idempotency_keys table); nothing to purge")
            reached = True
            continue
        except (OSError, asyncpg.PostgresError) as exc:
            failed += 1
            print(f"{name}: purge failed ({type(exc).__name__})", file=sys.stderr, flush=True)
            continue
        reached = True
        feed = "" if changes is None else f", {changes} changes older than {days} days"
        print(f"{name}: purged {count} expired idempotency keys{feed}", flush=True)
    if not reached and not failed:
        print("no service database configured: nothing purged", file=sys.stderr)
        return 1
    return 1 if failed else 0


def cmd_import_targets(args: argparse.Namespace) -> int:
    """Import a targets file (TOML) into the reporting database; each change is recorded in
    the targets' history with the file's name as its rationale."""
    from pathlib import Path

    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from services.common.db import sqlalchemy_url
    from services.reporting.framework import import_targets, read_targets_file

    path = Path(args.file)
    targets = read_targets_file(path)
    url = _resolve_database_url(SERVICES["reporting"], migrate_embedded=False)

    async def run() -> list[str]:
        engine = create_async_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
        try:
            async with engine.begin() as conn:
                return await conn.run_sync(
                    lambda c: import_targets(
                        c, targets, by=args.by, rationale=f"imported from {path.name}"
                    )
                )
        finally:
            await engine.dispose()

    changed = asyncio.run(run())
    for line in changed:
        print(line)
    print(f"{len(changed)} target(s) changed")
    return 0


def cmd_verify_pii_log(args: argparse.Namespace) -> int:
    """Check the PII access log's hash chain in the events database; 1 at the first broken link."""
    import asyncpg

    from services.events.pii_access_log.chain import verify_database

    url = _resolve_database_url(SERVICES["events"], migrate_embedded=False)
    try:
        report = asyncio.run(verify_database(url))
    except (asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError):
        print(
            "the events database is not migrated yet: run `somos migrate events`", file=sys.stderr
        )
        return 2
    if report.intact:
        print(report.describe())
        return 0
    print(report.describe(), file=sys.stderr)
    return 1


def cmd_purge_pii(args: argparse.Namespace) -> int:
    """Erase attendees' personal data past SOMOS_EVENTS_PII_RETENTION_DAYS after their event,
    keeping anonymous counts; with ``--every`` again and again (compose). Prints counts only."""
    if args.every is None:
        return _purge_pii_once()
    if args.every < 60:
        raise SystemExit("--every takes seconds, at least 60")
    while True:
        _purge_pii_once()
        time.sleep(args.every)


def _purge_pii_once() -> int:
    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    from services.events.data_subject_requests.service import purge_expired_pii_url
    from services.events.settings import RetentionSettings

    spec = SERVICES["events"]
    if _production() and not os.environ.get(spec.database_env):
        raise SystemExit(f"{spec.database_env} must be set in production")
    try:
        days = RetentionSettings().pii_retention_days
    except ValidationError as exc:
        message = exc.errors()[0]["msg"]
        raise SystemExit(f"SOMOS_EVENTS_PII_RETENTION_DAYS: {message}") from None
    url = _resolve_database_url(spec, migrate_embedded=False)
    try:
        result = asyncio.run(purge_expired_pii_url(url, retention_days=days))
    except (OSError, SQLAlchemyError) as exc:
        print(f"events: purge-pii failed ({type(exc).__name__})", file=sys.stderr, flush=True)
        return 1
    print(
        f"events: erased the personal data of {result.records} attendee records "
        f"({result.events} events ended more than {days} days ago); anonymous counts kept",
        flush=True,
    )
    return 0


def cmd_announce_overdue(args: argparse.Namespace) -> int:
    """Announce commitments whose due date passed while pending (``commitment.overdue`` in the
    events feed), as the events service does every SOMOS_EVENTS_OVERDUE_CHECK_SECONDS; prints
    the count only."""
    import asyncpg
    from sqlalchemy.exc import SQLAlchemyError

    from services.events.commitments.overdue import announce_overdue_url

    spec = SERVICES["events"]
    if _production() and not os.environ.get(spec.database_env):
        raise SystemExit(f"{spec.database_env} must be set in production")
    url = _resolve_database_url(spec, migrate_embedded=False)
    try:
        count = asyncio.run(announce_overdue_url(url))
    except (OSError, SQLAlchemyError, asyncpg.PostgresError) as exc:
        print(f"events: announce-overdue failed ({type(exc).__name__})", file=sys.stderr)
        return 1
    print(f"events: announced {count} overdue commitments", flush=True)
    return 0


def cmd_generate_pii_key(args: argparse.Namespace) -> int:
    """Print a new random AES-256 key for SOMOS_EVENTS_PII_KEYS (never stored)."""
    from services.events import pii

    print(pii.generate_key())
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    """Fill a running system through the gateway's public API with labelled synthetic data."""
    import random

    import httpx

    from services.common.auth import mint_token
    from services.common.settings import PlatformSettings

    if not args.token and not _production():
        require_dev_secret(_data_dir(), "demo-data")
    token = args.token or mint_token(
        PlatformSettings(), scopes=ALL_SCOPES.split(), sub="demo-data", ttl_seconds=3600
    )
    client = httpx.Client(
        base_url=args.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    demo = _DemoData(client, random.Random(args.seed))
    try:
        demo.fill(args.scale)
    finally:
        client.close()
    print("Synthetic demo data (every name starts with '[DEMO]'):")
    for kind in sorted(set(demo.counts) | set(demo.failures)):
        print(
            f"  {kind:<24} created {demo.counts.get(kind, 0):>5}   "
            f"failed {demo.failures.get(kind, 0):>5}"
        )
    for problem in list(dict.fromkeys(demo.problems))[:10]:
        print(f"  ! {problem}")
    return 0 if demo.counts and not demo.failures else 1


class _DemoData:
    """The demo data set, created call by call through the public API."""

    ORG_TYPES = (
        "consejo_comunitario",
        "junta_accion_comunal",
        "organizacion_mujeres",
        "plataforma_juvenil",
        "organizacion_victimas",
        "resguardo_cabildo_indigena",
    )
    OPI_AREAS = (
        "results",
        "standards",
        "delivery",
        "reach",
        "target_population",
        "learning",
        "resources",
        "social_capital",
    )
    EVENT_TYPES = (
        "dialogo_resiliencia",
        "hablemos_de_policia",
        "espacio_regional_lideres",
        "capacitacion_piscc",
        "taller_psicosocial",
        "taller_autoproteccion",
    )
    CHECKLIST = (
        "marco_normativo",
        "diagnostico_con_datos",
        "participacion_ciudadana",
        "enfoque_diferencial",
        "articulacion_policia",
        "lineas_alineadas_politica_nacional",
        "indicadores_con_linea_base_y_meta",
        "presupuesto_con_fuentes",
        "mecanismo_seguimiento",
    )

    def __init__(self, client: Any, rng: Any) -> None:
        from datetime import date

        self.client = client
        self.rng = rng
        self.counts: dict[str, int] = {}
        self.failures: dict[str, int] = {}
        self.problems: list[str] = []
        self.today = date.today()
        self.term = self.today.year - (self.today.year - 2016) % 4
        self.municipalities = list(DEMO_MUNICIPALITIES)
        self.organizations: dict[str, list[str]] = {}

    def use_municipalities(self, scale: int) -> None:
        """Seven municipalities per scale step, every department first (round robin)."""
        by_department: dict[str, list[str]] = {}
        for code in DEMO_MUNICIPALITIES:
            by_department.setdefault(code[:2], []).append(code)
        ordered = [
            codes[i]
            for i in range(max(len(c) for c in by_department.values()))
            for codes in by_department.values()
            if i < len(codes)
        ]
        self.municipalities = ordered[: max(7, 7 * scale)]

    def call(
        self, kind: str, method: str, path: str, body: Any = None, **kw: Any
    ) -> dict[str, Any] | None:
        """One API call; counted under ``kind`` when kind is given, else a step of a record."""
        response = self.client.request(method, path, json=body, **kw)
        for _ in range(30):  # a polite client: wait as told when rate limited
            if response.status_code != 429:
                break
            time.sleep(float(response.headers.get("Retry-After", "1")))
            response = self.client.request(method, path, json=body, **kw)
        if response.status_code in (200, 201):
            if kind:
                self.counts[kind] = self.counts.get(kind, 0) + 1
            return dict(response.json())
        self.failures[kind or "steps"] = self.failures.get(kind or "steps", 0) + 1
        self.problems.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
        return None

    def post(self, kind: str, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        return self.call(kind, "POST", path, body)

    def moves(self, path: str, *states: str, **extra: dict[str, Any]) -> None:
        for to in states:
            if (
                self.call("", "POST", f"{path}/transitions", {"to": to, **extra.get(to, {})})
                is None
            ):
                return

    def days_ago(self, low: int, high: int) -> str:
        from datetime import timedelta

        return (self.today - timedelta(days=self.rng.randint(low, high))).isoformat()

    def fill(self, scale: int) -> None:
        self.use_municipalities(scale)
        for i in range(20 * scale):
            self.organization(i)
        for municipality in self.rng.sample(
            self.municipalities, min(len(self.municipalities), 6 * scale)
        ):
            self.security_plan(municipality)
        for i in range(30 * scale):
            self.event(i)
        self.targets(scale)

    # Fiscal-year targets of R1-R10 for the year running and the one before (the demo's
    # events span the last 300 days), so a new user opens a filled IPTT.
    FY_TARGETS = {
        "R1": 2,
        "R2": 4,
        "R3": 4,
        "R4": 3,
        "R5": 3,
        "R6": 2,
        "R7": 2,
        "R8": 5,
        "R9": 4,
    }

    def targets(self, scale: int) -> None:
        from services.reporting.fiscal import fiscal_year_of

        year = fiscal_year_of(self.today)
        for fiscal_year in (year - 1, year):
            for code, per_scale in (*self.FY_TARGETS.items(), ("R10", 0)):
                value = 50 if code == "R10" else per_scale * scale  # R10 is a percentage
                self.call(
                    "targets",
                    "PUT",
                    f"/api/v1/indicators/{code}/targets/{fiscal_year}",
                    {"value": value, "rationale": f"{DEMO_LABEL}meta sintética FY{fiscal_year}"},
                    headers={"If-Match": "*"},  # a second run replaces its own targets
                )

    def organization(self, i: int) -> None:
        rng = self.rng
        municipality = rng.choice(self.municipalities)
        org = self.post(
            "organizations",
            "/api/v1/organizations",
            {
                "name": f"{DEMO_LABEL}Organización sintética {i + 1:04d}",
                "type": rng.choice(self.ORG_TYPES),
                "municipality_code": municipality,
                "focus_areas": ["convivencia"],
                "members_count": rng.randint(8, 300),
            },
        )
        if org is None:
            return
        self.organizations.setdefault(municipality, []).append(org["id"])
        assessments = []
        baseline: dict[str, int] = {}
        for kind, when in (
            ("baseline", self.days_ago(380, 420)),
            ("follow_up", self.days_ago(20, 40)),
        ):
            if kind == "follow_up" and rng.random() < 0.4:
                break
            # Follow-ups move from the baseline, mostly up (some organizations slip back).
            drift = rng.choice([-1, 0, 1, 1, 2]) if kind == "follow_up" else 0
            scores = {
                a: max(1, min(4, (baseline.get(a) or rng.randint(1, 3)) + drift))
                for a in self.OPI_AREAS
            }
            baseline = baseline or scores
            assessment = self.post(
                "assessments",
                f"/api/v1/organizations/{org['id']}/assessments",
                {
                    "kind": kind,
                    "assessed_on": when,
                    "facilitator": "Equipo demo",
                    "scores": {
                        a: {"score": score, "evidence": "Dato sintético"}
                        for a, score in scores.items()
                    },
                },
            )
            if assessment is not None:
                self.moves(f"/api/v1/assessments/{assessment['id']}", "verified")
                assessments.append(assessment)
        if assessments and rng.random() < 0.6:
            plan = self.post(
                "strengthening_plans",
                "/api/v1/strengthening-plans",
                {
                    "organization_id": org["id"],
                    "baseline_assessment_id": assessments[0]["id"],
                    "title": f"{DEMO_LABEL}Plan de fortalecimiento {i + 1:04d}",
                    "start_date": self.days_ago(300, 360),
                    "end_date": self.days_ago(-300, -200),
                },
            )
            if plan is not None:
                path = f"/api/v1/strengthening-plans/{plan['id']}"
                for area in rng.sample(self.OPI_AREAS, 2):
                    self.post(
                        "strengthening_actions",
                        f"{path}/actions",
                        {
                            "opi_area": area,
                            "description": "Acción sintética de fortalecimiento",
                            "strategy": "Acompañamiento entre pares",
                            "evidence_reference": "Manual OPI (demo)",
                            "responsible": "Equipo demo",
                            "due_date": self.days_ago(-200, 60),
                            "progress_pct": rng.choice([0, 25, 50, 75]),
                        },
                    )
                self.moves(path, *rng.choice([(), ("approved",), ("approved", "in_progress")]))
        self.post(
            "support_activities",
            "/api/v1/support-activities",
            {
                "organization_id": org["id"],
                "kind": rng.choice(
                    ["communications", "relationship_with_authorities", "psychosocial_support"]
                ),
                "delivered_on": self.days_ago(1, 300),
                "hours": rng.choice([2, 4, 8]),
                "delivered_by": "Equipo demo",
                "description": "Apoyo sintético de demostración",
            },
        )
        if i % 3 == 0:
            initiative = self.post(
                "community_initiatives",
                "/api/v1/community-initiatives",
                {
                    "title": f"{DEMO_LABEL}Iniciativa IBP {i + 1}",
                    "municipality_code": municipality,
                    "community": f"Vereda demo {i % 7 + 1}",
                    "lead_organization_id": org["id"],
                    "methodology": "ibp",
                    "objective": "Proyecto comunitario sintético",
                    "risk_factors_addressed": ["falta_oportunidades_jovenes"],
                    "start_date": self.days_ago(100, 300),
                    "budget_cop": 5_000_000,
                    "beneficiaries": {
                        "total": 20,
                        "by_sex": {"mujer": 12, "hombre": 8},
                        "by_age_group": {"14_28": 20},
                        "by_ethnicity": {"afrocolombiano": 20},
                    },
                },
            )
            if initiative is not None:
                self.moves(
                    f"/api/v1/community-initiatives/{initiative['id']}",
                    *rng.choice([(), ("in_implementation",), ("in_implementation", "completed")]),
                    completed={"end_date": self.days_ago(1, 20)},
                )

    def security_plan(self, municipality: str) -> None:
        rng, term = self.rng, self.term
        plan = self.post(
            "security_plans",
            "/api/v1/security-plans",
            {
                "municipality_code": municipality,
                "term_start_year": term,
                "title": f"{DEMO_LABEL}PISCC {municipality} {term}-{term + 3}",
            },
        )
        if plan is not None:
            path = f"/api/v1/security-plans/{plan['id']}"
            for problem, unit, value in (
                ("homicidio", "tasa_100k", 30.5),
                ("extorsion", "casos", 42),
            ):
                self.call(
                    "",
                    "POST",
                    f"{path}/problems",
                    {
                        "problem": problem,
                        "baseline_value": value,
                        "unit": unit,
                        "baseline_year": term - 1,
                        "source": "SIEDCO (demo)",
                    },
                )
            line = self.call(
                "",
                "POST",
                f"{path}/lines",
                {"name": "Prevención de la violencia", "objective": "Objetivo sintético"},
            )
            action = None
            if line is not None:
                action = self.call(
                    "",
                    "POST",
                    f"{path}/lines/{line['id']}/actions",
                    {
                        "name": "Entornos seguros para jóvenes (demo)",
                        "responsible_institution": "alcaldia",
                        "problems": ["homicidio"],
                        "indicator": {
                            "name": "Jóvenes en programas de prevención",
                            "unit": "personas",
                            "baseline": 0,
                            "target": 400,
                        },
                        "budget": {"fonset": rng.randint(5, 20) * 10_000_000},
                    },
                )
            self.moves(
                path,
                "submitted",
                "approved",
                "in_implementation",
                approved={
                    "approved_on": f"{term}-0{rng.randint(3, 8)}-15",
                    "act_reference": "Acta CTOP (demo)",
                },
            )
            self.post(
                "plan_reviews",
                f"{path}/reviews",
                {
                    "reviewer": "Equipo técnico demo",
                    "reviewed_on": f"{term}-10-01",
                    "checklist": {
                        item: {
                            "rating": rng.choice(["cumple", "cumple_parcialmente", "no_cumple"]),
                            "comment": "Revisión sintética",
                        }
                        for item in self.CHECKLIST
                    },
                },
            )
            if action is not None:
                self.post(
                    "progress_reports",
                    f"{path}/actions/{action['id']}/reports",
                    {
                        "period": f"{term}-Q4",
                        "value": rng.randint(20, 200),
                        "budget_executed_cop": rng.randint(1, 5) * 10_000_000,
                    },
                )
        strategy = self.post(
            "prevention_strategies",
            "/api/v1/prevention-strategies",
            {
                "title": f"{DEMO_LABEL}Estrategia de prevención {municipality}",
                "municipality_code": municipality,
                "approach": rng.choice(["comunitaria", "situacional", "social"]),
                "target_problems": ["homicidio"],
                "target_population": "jovenes",
                "evidence_summary": "Resumen sintético",
                "evidence_references": ["Demo"],
            },
        )
        if strategy is not None:
            self.moves(
                f"/api/v1/prevention-strategies/{strategy['id']}",
                *rng.choice([(), ("implementing",), ("implementing", "implemented")]),
                implementing={"started_on": self.days_ago(100, 300)},
            )

    def event(self, i: int) -> None:
        from datetime import UTC, datetime, timedelta

        rng = self.rng
        starts = datetime.now(UTC) - timedelta(days=rng.randint(2, 300))
        municipality = rng.choice(self.municipalities)
        local = self.organizations.get(municipality, [])
        event = self.post(
            "events",
            "/api/v1/events",
            {
                "type": rng.choice(self.EVENT_TYPES),
                "title": f"{DEMO_LABEL}Encuentro {i + 1}",
                "organization_ids": rng.sample(local, min(len(local), rng.randint(0, 2))),
                "municipality_code": municipality,
                "community": f"Vereda demo {i % 9 + 1}",
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=3)).isoformat(),
                "partner_institutions": ["alcaldia"],
            },
        )
        if event is None:
            return
        path = f"/api/v1/events/{event['id']}"
        self.moves(path, "held")
        total = rng.randint(10, 60)
        women = rng.randint(0, total)
        self.call(
            "participation",
            "PUT",
            f"{path}/participation",
            {
                "total": total,
                "by_sex": {"mujer": women, "hombre": total - women},
                "by_age_group": {"29_59": total},
                "by_ethnicity": {"no_reporta": total},
                "by_role": {"comunidad": total},
            },
        )
        self.post(
            "commitments",
            f"{path}/commitments",
            {
                "description": "Compromiso sintético de seguimiento",
                "responsible_party": "alcaldia",
                "due_date": self.days_ago(-90, 30),
            },
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="somos", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("dev", help="run everything locally on the embedded PostgreSQL")
    p.add_argument(
        "--port-offset",
        type=int,
        default=0,
        help="add this to every port (8000-8005), e.g. to run two copies",
    )
    p.set_defaults(func=cmd_dev)

    p = sub.add_parser("serve", help="serve one process")
    p.add_argument("service", choices=sorted(SERVICES))
    p.add_argument("--port", type=int, default=int(os.environ.get("SOMOS_PORT") or 0) or None)
    p.add_argument("--host", default=os.environ.get("SOMOS_HOST", "127.0.0.1"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "worker", help="run a service's background worker (webhooks: deliveries, change feeds)"
    )
    p.add_argument("service", choices=sorted(s.name for s in worker_services()))
    p.add_argument("--name", default=None, help="the worker's name in logs and the queue")
    p.set_defaults(func=cmd_worker)

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

    p = sub.add_parser(
        "rotate-pii-key", help="re-encrypt attendee records with SOMOS_EVENTS_PII_ACTIVE_KEY_ID"
    )
    p.set_defaults(func=cmd_rotate_pii_key)

    p = sub.add_parser(
        "purge",
        help="delete expired idempotency keys and old change-feed rows "
        "(every service database configured, or one)",
    )
    p.add_argument("service", nargs="?", default="all", help="service name or 'all' (default)")
    p.add_argument(
        "--every",
        type=int,
        default=None,
        metavar="SECONDS",
        help="run forever, once every SECONDS (the compose service); default: once",
    )
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser(
        "verify-pii-log",
        help="check that no PII access log entry was changed or removed (exit 1 if one was)",
    )
    p.set_defaults(func=cmd_verify_pii_log)

    p = sub.add_parser(
        "purge-pii",
        help="erase attendees' personal data past SOMOS_EVENTS_PII_RETENTION_DAYS (counts stay)",
    )
    p.add_argument(
        "--every",
        type=int,
        default=None,
        metavar="SECONDS",
        help="run forever, once every SECONDS (the compose service); default: once",
    )
    p.set_defaults(func=cmd_purge_pii)

    p = sub.add_parser(
        "announce-overdue",
        help="announce commitments past their due date while pending (commitment.overdue "
        "in the events change feed; the events service also does it on a timer)",
    )
    p.set_defaults(func=cmd_announce_overdue)

    p = sub.add_parser(
        "import-targets",
        help="import a targets file (TOML) into the reporting database, recording each change",
    )
    p.add_argument("file", help="a TOML file like services/reporting/results_targets.toml")
    p.add_argument("--by", default="import", help="who the history records as the author")
    p.set_defaults(func=cmd_import_targets)

    p = sub.add_parser("generate-pii-key", help="print a new base64 AES-256 key")
    p.set_defaults(func=cmd_generate_pii_key)

    p = sub.add_parser("token", help="print a signed development token")
    p.add_argument("--scope", default=ALL_SCOPES, help="space-separated scopes")
    p.add_argument("--municipality", action="append", default=[], metavar="DIVIPOLA")
    p.add_argument("--department", action="append", default=[], metavar="CODE")
    p.add_argument("--ttl", type=int, default=3600, help="seconds")
    p.add_argument("--sub", default="dev")
    p.set_defaults(func=cmd_token)

    p = sub.add_parser(
        "demo-data", help="fill a running system with labelled synthetic data, via the API"
    )
    p.add_argument("--scale", type=int, default=1, help="1 ≈ 20 organizations, 30 events")
    p.add_argument("--url", default="http://127.0.0.1:8000", help="the gateway's base URL")
    p.add_argument("--token", default=None, help="bearer token (default: a development one)")
    p.add_argument("--seed", type=int, default=2025)
    p.set_defaults(func=cmd_demo_data)
    return parser


def main(argv: list[str] | None = None) -> int:
    from services.common.embedded import EmbeddedUnavailable

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except EmbeddedUnavailable as exc:
        raise SystemExit(f"somos {args.command}: {exc}") from None


if __name__ == "__main__":
    sys.exit(main())
