"""Only `somos dev` creates the development JWT secret, with mode 0600 from the start;
every other launcher needs SOMOS_JWT_SECRET or the file `somos dev` created."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from somos.cli import ensure_dev_secret

REPO = Path(__file__).resolve().parents[2]


def run_somos(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOMOS_JWT_SECRET"}
    env.update(SOMOS_DATA_DIR=str(data_dir), SOMOS_ENVIRONMENT="development")
    return subprocess.run(
        [sys.executable, "-m", "somos.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize(
    "command",
    [["serve", "gateway", "--port", "1"], ["token"], ["demo-data", "--url", "http://127.0.0.1:1"]],
    ids=["serve", "token", "demo-data"],
)
def test_launchers_without_a_secret_fail_clearly_and_create_none(tmp_path, command):
    result = run_somos(*command, data_dir=tmp_path)
    assert result.returncode == 1
    assert f"somos {command[0]}: no JWT secret" in result.stderr
    assert "SOMOS_JWT_SECRET" in result.stderr and "somos dev" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "jwt-secret").exists()


def no_secret_in_env(monkeypatch):
    """Unset SOMOS_JWT_SECRET for the test; ensure_dev_secret's export is undone after it."""
    monkeypatch.setenv("SOMOS_JWT_SECRET", "recorded-so-teardown-restores-the-original")
    monkeypatch.delenv("SOMOS_JWT_SECRET")


def test_serve_uses_the_secret_somos_dev_created(tmp_path, monkeypatch):
    no_secret_in_env(monkeypatch)
    ensure_dev_secret(tmp_path)
    # A port already taken: getting as far as binding it means the secret was accepted.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_somos("serve", "gateway", "--port", str(port), data_dir=tmp_path)
    assert result.returncode == 1
    assert "no JWT secret" not in result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_the_secret_file_is_created_0600_without_a_later_chmod(tmp_path, monkeypatch):
    no_secret_in_env(monkeypatch)

    def no_chmod(*args, **kwargs):
        raise AssertionError("the mode must be set when the file is created")

    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(Path, "chmod", no_chmod)
    previous = os.umask(0)  # the most permissive umask: only os.open's mode protects it
    try:
        secret = ensure_dev_secret(tmp_path / "data")
    finally:
        os.umask(previous)
    path = tmp_path / "data" / "jwt-secret"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_text() == secret and len(secret) >= 64


def test_the_gateway_refuses_an_internal_port_equal_to_its_public_port(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMOS_")}
    env.update(SOMOS_JWT_SECRET="s" * 40, SOMOS_GATEWAY_INTERNAL_PORT="18555")
    result = subprocess.run(
        [sys.executable, "-m", "somos.cli", "serve", "gateway", "--port", "18555"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "SOMOS_GATEWAY_INTERNAL_PORT (18555) must differ from the public port" in result.stderr
