"""docker-compose.yml, checked without an engine: the Compose specification's JSON schema
(vendored in check-jsonschema, Apache-2.0), then what the runbook promises about it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.deploy import inventory
from tests.deploy.inventory import COMPOSE_FILE, DEPLOY, REPO, compose_name, load_compose

EXAMPLE_ENV = DEPLOY / "compose.env.example"
SECRET_WORDS = ("SECRET", "PASSWORD", "PII_KEYS", "PII_HASH_KEY")


def check_compose_schema(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_compose_file_matches_the_compose_specification():
    result = check_compose_schema(COMPOSE_FILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_file(tmp_path):
    broken = load_compose()
    broken["services"]["gateway"]["depends_on"]["organizations"]["condition"] = "service_ready"
    broken["services"]["gateway"]["ports"] = "8000"
    path = tmp_path / "docker-compose.yml"
    path.write_text(yaml.safe_dump(broken))
    assert check_compose_schema(path).returncode != 0


def services():
    return load_compose()["services"]


def test_only_the_gateway_is_published():
    published = {name for name, s in services().items() if s.get("ports")}
    assert published == {"gateway"}
    assert all("expose" not in s or name == "gateway" for name, s in services().items())


def test_every_dependency_exists_and_waits_on_the_right_condition():
    all_services = services()
    for name, service in all_services.items():
        for dependency, rule in service.get("depends_on", {}).items():
            assert dependency in all_services, f"{name} depends on unknown {dependency}"
            expected = (
                "service_completed_successfully"
                if dependency.startswith("migrate-")
                else "service_healthy"
            )
            assert rule["condition"] == expected, (name, dependency)
            if expected == "service_healthy":
                health = all_services[dependency].get("healthcheck", {})
                assert health.get("test") and not health.get("disable"), dependency


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_each_process_runs_from_the_image_with_a_health_check(spec):
    service = services()[compose_name(spec.name)]
    assert service["command"] == ["serve", spec.name]
    assert service["image"].startswith("${SOMOS_IMAGE")
    assert service["build"]["dockerfile"] == "deploy/Dockerfile"
    assert service["healthcheck"]["test"] == ["CMD", "python", "-m", "somos.healthcheck"]
    assert service["environment"]["SOMOS_PORT"] == str(spec.port)
    assert service["environment"]["SOMOS_HOST"] == "0.0.0.0"
    assert service["read_only"] is True and service["cap_drop"] == ["ALL"]
    grace = re.search(r"(\d+)}?$", service["environment"]["SOMOS_SHUTDOWN_GRACE_SECONDS"])
    assert int(service["stop_grace_period"].rstrip("s")) > int(grace.group(1))


@pytest.mark.parametrize("spec", inventory.database_services(), ids=lambda s: s.name)
def test_each_database_service_migrates_first_with_its_own_role_and_database(spec):
    all_services = services()
    job = all_services[f"migrate-{compose_name(spec.name)}"]
    assert job["command"] == ["migrate", spec.name]
    assert job["restart"] == "no"
    assert job["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = all_services[compose_name(spec.name)]["environment"][spec.database_env]
    assert url == job["environment"][spec.database_env]
    assert re.fullmatch(
        rf"postgresql://somos_{spec.name}:\$\{{SOMOS_{spec.name.upper()}_DB_PASSWORD:\?[^}}]+\}}"
        rf"@postgres:5432/{spec.database_name}",
        url,
    ), url
    postgres = all_services["postgres"]["environment"]
    assert spec.name in postgres["SOMOS_DATABASES"].split()
    assert f"SOMOS_{spec.name.upper()}_DB_PASSWORD" in postgres


def test_postgres_keeps_data_in_a_named_volume_and_runs_the_init_script():
    compose = load_compose()
    volumes = compose["services"]["postgres"]["volumes"]
    assert "pgdata:/var/lib/postgresql/data" in volumes
    assert "pgdata" in compose["volumes"]
    assert any(
        v.startswith("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/")
        for v in volumes
    )


def test_secrets_come_from_the_uncommitted_env_file_and_the_example_lists_them():
    text = COMPOSE_FILE.read_text()
    for service in services().values():
        for name, value in (service.get("environment") or {}).items():
            if any(word in name for word in SECRET_WORDS) or name.endswith("_DATABASE_URL"):
                assert "${" in str(value) or value == "", f"{name} has a literal value"
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    example = set(re.findall(r"^#?\s*([A-Z0-9_]+)=", EXAMPLE_ENV.read_text(), re.M))
    assert required and required <= example, required - example
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".env"], cwd=REPO, capture_output=True, timeout=30
    )
    assert ignored.returncode == 0, ".env must be git-ignored"
