"""The partner clients: the checked-in ones equal a fresh generation from the contract
(drift), and the TypeScript client and its example type-check against the generated types."""

from __future__ import annotations

import subprocess
import sys

from scripts.generate_clients import TYPESCRIPT_DIR, npm_ci
from services.common.testing import REPO_ROOT


def test_checked_in_clients_equal_a_fresh_generation_from_the_contract() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/generate_clients.py", "--check"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (
        "clients/ drifted from gateway/openapi.json; run `make clients`\n"
        + result.stdout
        + result.stderr
    )
    assert "match gateway/openapi.json" in result.stdout


def test_typescript_client_and_example_type_check_against_the_contract() -> None:
    npm_ci(TYPESCRIPT_DIR)
    result = subprocess.run(
        ["npm", "run", "--silent", "check"],
        cwd=TYPESCRIPT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
