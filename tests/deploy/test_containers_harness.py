"""The container test's harness and files, checked without a container engine (always run)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.deploy import containers
from tests.deploy.containers import Stack
from tests.deploy.inventory import load_compose


def stack(tmp_path: Path) -> Stack:
    return Stack(project="somos-ct-test", env_file=tmp_path / "compose.env")


def test_services_start_layer_by_layer_of_the_compose_dependencies(tmp_path):
    layers = stack(tmp_path).layers()
    position = {name: i for i, layer in enumerate(layers) for name in layer}
    assert set(position) == set(load_compose()["services"])
    for name, service in load_compose()["services"].items():
        for dependency in service.get("depends_on") or {}:
            assert position[dependency] < position[name], (dependency, name)
    assert layers[0] == ["postgres"]
    assert layers[1] == [
        "migrate-events",
        "migrate-organizations",
        "migrate-reporting",
        "migrate-security-plans",
    ]
    assert layers[-1] == ["gateway"]


def test_what_each_service_is_awaited_for(tmp_path):
    s = stack(tmp_path)
    assert s.awaited("postgres") == {"service_healthy"}
    assert s.awaited("migrate-events") == {"service_completed_successfully"}
    assert s.awaited("gateway") == set()
    assert set(s.health_checked()) == {
        "postgres",
        "organizations",
        "security-plans",
        "events",
        "reporting",
        "gateway",
    }
    assert s.container("events") == "somos-ct-test_events_1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-02T17:31:49.906716409Z", 1796232709.906716),
        ("2026-12-02T17:31:49.906716409+00:00", 1796232709.906716),
        ("2026-12-02T12:31:49-05:00", 1796232709.0),
    ],
)
def test_podman_times_parse_to_the_same_instant(text, expected):
    assert containers.parse_time(text) == pytest.approx(expected, abs=1e-5)


def test_the_postgres_image_is_a_setting_defaulting_to_the_official_one():
    image = load_compose()["services"]["postgres"]["image"]
    assert image == "${SOMOS_POSTGRES_IMAGE:-postgres:16-bookworm}"


def test_the_scripts_parse():
    for script in (
        containers.BUILD_SCRIPT,
        containers.CONTAINERS_DIR / "postgres" / "docker-entrypoint.sh",
    ):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert script.stat().st_mode & 0o111, f"{script} is not executable"


def test_compose_gets_a_clean_environment(monkeypatch):
    monkeypatch.setenv("SOMOS_JWT_SECRET", "from-the-developer-shell")
    monkeypatch.setenv("POSTGRES_PASSWORD", "from-the-developer-shell")
    monkeypatch.delenv("CONTAINERS_CONF", raising=False)
    env = containers.engine_env()
    assert "SOMOS_JWT_SECRET" not in env and "POSTGRES_PASSWORD" not in env
    assert env["CONTAINERS_CONF"].endswith("deploy/containers/containers.conf")
