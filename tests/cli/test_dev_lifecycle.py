"""`make dev` leaves nothing behind: whatever the order in which the Somos processes using the
embedded PostgreSQL stop (Ctrl-C on `somos dev`, SIGTERM of a hand-started `somos serve`, a
process killed with SIGKILL, a stale handle left by a crash), the last one to stop stops the
server, no postgres process is left on the data directory, and the next start works.

Real processes and signals, one temporary data directory per test; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from services.common.embedded import HANDLES_FILE, postgres_processes
from services.common.testing import free_port
from tests.cli.test_cli import REPO, _offset

pytestmark = pytest.mark.e2e


def _env(data: Path) -> dict[str, str]:
    """The developer's environment: no database configured, the embedded server in ``data``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("SOMOS_") and k.endswith("DATABASE_URL"))
    }
    env.pop("SOMOS_DEV_EMBEDDED_HANDLE", None)
    env["SOMOS_DATA_DIR"] = str(data)
    # `somos serve` alone needs a secret (only `somos dev` creates one): the developer's own.
    env.setdefault("SOMOS_JWT_SECRET", "lifecycle-test-secret-" + "x" * 40)
    return env


def _interruptible() -> None:
    # A terminal's Ctrl-C reaches a process whose SIGINT is not ignored (a background job of
    # a non-interactive shell would inherit SIG_IGN).
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Processes:
    """The processes a test starts, killed at the end whatever happened."""

    def __init__(self, data: Path, logs: Path) -> None:
        self.data = data
        self.logs = logs
        self.started: list[subprocess.Popen[str]] = []

    @property
    def pgdata(self) -> Path:
        return self.data / "pgdata"

    def launch(self, *args: str) -> tuple[subprocess.Popen[str], Path]:
        log_path = self.logs / f"{args[0]}-{len(self.started)}.log"
        log = log_path.open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "somos.cli", *args],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env=_env(self.data),
            start_new_session=True,
            preexec_fn=_interruptible,
        )
        log.close()
        self.started.append(process)
        return process, log_path

    def dev(self) -> tuple[subprocess.Popen[str], dict[str, int]]:
        """`somos dev`, once it says it is running; and its children's pids by service."""
        process, log = self.launch("dev", "--port-offset", str(_offset()))
        _wait_until(
            lambda: "export TOKEN=" in log.read_text() or process.poll() is not None,
            240,
            "somos dev to start",
        )
        assert process.poll() is None, log.read_text()[-3000:]
        children: dict[str, int] = {}
        for child in psutil.Process(process.pid).children():
            match = re.search(r"(serve|worker) (\w+)", " ".join(child.cmdline()))
            if match:
                name = match.group(2) + (" worker" if match.group(1) == "worker" else "")
                children[name] = child.pid
        assert set(children) == {
            "organizations",
            "security_plans",
            "events",
            "webhooks",
            "reporting",
            "gateway",
            "webhooks worker",
        }
        return process, children

    def serve(self, service: str) -> subprocess.Popen[str]:
        """`somos serve SERVICE` started by hand, once it answers /readyz with 200."""
        port = free_port()
        process, log = self.launch("serve", service, "--port", str(port))

        def ready() -> bool:
            if process.poll() is not None:
                raise AssertionError(log.read_text()[-3000:])
            try:
                return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        _wait_until(ready, 180, f"somos serve {service} to be ready")
        return process

    def handles(self) -> list[int]:
        path = self.pgdata / HANDLES_FILE
        return [int(p) for p in json.loads(path.read_text())] if path.exists() else []

    def server_running(self) -> bool:
        return bool(postgres_processes(self.pgdata))

    def assert_nothing_left(self) -> None:
        _wait_until(lambda: not self.server_running(), 60, "PostgreSQL to stop")
        assert postgres_processes(self.pgdata) == []
        assert not (self.pgdata / "postmaster.pid").exists()
        leftovers = [
            p.pid
            for p in psutil.process_iter(["cmdline"])
            if str(self.data) in " ".join(p.info["cmdline"] or [])
        ]
        assert leftovers == [], "a process on the test's data directory is still running"

    def next_start_works(self) -> None:
        """A new process attaches (or starts the server), serves, and stops it when done."""
        again = self.serve("organizations")
        assert self.handles() == [again.pid]
        stop(again, signal.SIGINT)
        self.assert_nothing_left()


def stop(process: subprocess.Popen[str], signum: int) -> int:
    process.send_signal(signum)
    return process.wait(timeout=90)


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Processes]:
    processes = Processes(tmp_path / "data", tmp_path)
    try:
        yield processes
    finally:
        for process in processes.started:
            if process.poll() is None:
                process.kill()
                process.wait(30)
        for pid in postgres_processes(processes.pgdata):  # never leak a server between tests
            with contextlib.suppress(psutil.Error):
                psutil.Process(pid).kill()


def test_ctrl_c_on_dev_then_sigterm_on_a_hand_started_serve(procs: Processes) -> None:
    dev, children = procs.dev()
    by_hand = procs.serve("events")  # attaches to the same embedded server
    holders = {dev.pid, by_hand.pid, *(children[s] for s in ("organizations", "events"))}
    assert holders <= set(procs.handles())

    assert stop(dev, signal.SIGINT) == 0
    assert all(not psutil.pid_exists(pid) for pid in children.values())
    assert procs.handles() == [by_hand.pid]
    assert procs.server_running(), "stopped while a hand-started process still used it"

    assert stop(by_hand, signal.SIGTERM) != -signal.SIGTERM  # left through atexit, not killed
    procs.assert_nothing_left()
    procs.next_start_works()


def test_sigterm_on_the_hand_started_serve_first_and_a_child_killed(procs: Processes) -> None:
    dev, children = procs.dev()
    by_hand = procs.serve("events")
    os.kill(children["events"], signal.SIGKILL)  # a child dies holding a handle
    _wait_until(
        lambda: (
            dev.poll() is None
            and "events exited" in "".join(p.read_text() for p in procs.logs.glob("dev-*.log"))
        ),
        30,
        "somos dev to notice its child's death",
    )

    stop(by_hand, signal.SIGTERM)
    assert procs.server_running(), "stopped while somos dev still used it"
    assert by_hand.pid not in procs.handles()

    assert stop(dev, signal.SIGINT) == 0
    procs.assert_nothing_left()
    procs.next_start_works()


def test_a_stale_handle_left_by_a_crash_does_not_keep_the_server(procs: Processes) -> None:
    crashed = procs.serve("organizations")
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(30)
    assert procs.handles() == [crashed.pid]  # the crash left its handle behind
    assert procs.server_running()

    # The next start attaches to the orphaned server, drops the stale handle, and stops
    # the server when it stops.
    procs.next_start_works()
    assert procs.handles() == []


def test_dev_killed_outright_its_children_stop_the_server_last(procs: Processes) -> None:
    dev, children = procs.dev()
    dev.send_signal(signal.SIGKILL)
    dev.wait(30)
    # The children live on (their own sessions) and still use the server.
    assert procs.server_running()
    order = (
        "organizations",
        "security_plans",
        "events",
        "webhooks worker",
        "webhooks",
        "reporting",
        "gateway",
    )
    for service in order:
        assert psutil.pid_exists(children[service])
        os.kill(children[service], signal.SIGTERM)
        _wait_until(lambda pid=children[service]: not _running(pid), 60, f"{service} to stop")
        if service != "gateway":  # the last process on a database stops the server
            assert procs.server_running() == (service != "reporting"), service
    procs.assert_nothing_left()
    procs.next_start_works()


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
