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
        "migrate-webhooks",
    ]
    assert layers[-1] == ["gateway"]  # after every service it routes to


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
        "webhooks",
        "webhooks-worker",  # /healthz on its metrics port
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


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10s", 10.0), ("1m30s", 90.0), ("500ms", 0.5), ("1h", 3600.0), (5, 5.0)],
)
def test_compose_durations_parse_to_seconds(text, seconds):
    assert containers.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["10", "ten seconds", "10s junk"])
def test_a_duration_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        containers.parse_duration(text)


def test_health_checks_follow_the_compose_intervals_once_healthy(tmp_path):
    """Starting: checked every period; healthy: only once its compose interval has passed."""
    driver = containers.HealthDriver(stack(tmp_path))
    state = {"Running": True, "StartedAt": "t0"}
    assert driver._due("c", state, interval=10.0)  # starting
    driver.first_healthy[("c", "t0")] = 0.0
    driver._last_check["c"] = containers.time.monotonic()
    assert not driver._due("c", state, interval=10.0)
    driver._last_check["c"] -= 10.0
    assert driver._due("c", state, interval=10.0)
    restarted = {"Running": True, "StartedAt": "t1"}  # a new run starts again
    assert driver._due("c", restarted, interval=10.0)
    assert not driver._due("c", {"Running": False, "StartedAt": "t1"}, interval=10.0)


def test_every_port_but_the_gateways_public_one_is_probed():
    from tests.deploy.test_containers import ports_not_published

    ports = ports_not_published()
    assert ports["postgres"] == 5432 and ports["gateway (internal)"] == 9000
    assert {"organizations", "security-plans", "events"} <= set(ports)
    assert 8000 not in ports.values()
