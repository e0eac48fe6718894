"""Every setting the code reads is documented, and configured in compose and Kubernetes."""

from __future__ import annotations

import re

import pytest

from tests.deploy import inventory, k8s_manifests
from tests.deploy.inventory import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("**/*.md"))]
ALL_VARIABLES = sorted(
    {v for spec in inventory.processes() for v in inventory.process_variables(spec)}
    | set(inventory.OTEL_VARIABLES)
)


def documented() -> set[str]:
    """Variable names in the first column of a configuration table (README or docs); a cell
    may list several (`A`, `B`)."""
    names: set[str] = set()
    for path in DOCS:
        if path.exists():
            for cell in re.findall(r"^\|([^|]*`[A-Z][A-Z0-9_]+`[^|]*)\|", path.read_text(), re.M):
                names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", cell))
    return names


def test_the_inventory_sees_every_registered_process_and_the_platform():
    assert "SOMOS_SHUTDOWN_GRACE_SECONDS" in inventory.platform_variables()
    assert "SOMOS_JWT_SECRET" in inventory.platform_variables()
    organizations = inventory.process_variables(inventory.SERVICES["organizations"])
    assert "SOMOS_ORGANIZATIONS_DATABASE_URL" in organizations
    assert "SOMOS_ORGANIZATIONS_PLATFORM" not in organizations  # the nested platform object


@pytest.mark.parametrize("variable", ALL_VARIABLES)
def test_setting_is_documented_in_a_configuration_table(variable):
    assert variable in documented(), f"{variable} is missing from docs/configuration.md's table"


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_compose_gives_the_process_every_setting_it_reads(spec):
    services = inventory.load_compose()["services"]
    name = inventory.compose_name(spec.name)
    assert name in services, f"docker-compose.yml has no service {name!r}"
    environment = services[name]["environment"]
    assert isinstance(environment, dict)
    missing = [v for v in inventory.process_variables(spec) if v not in environment]
    assert not missing, f"{name} in docker-compose.yml lacks {missing}"


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_kubernetes_gives_the_process_every_setting_it_reads(spec):
    names = k8s_manifests.container_env_names(spec.name)
    missing = [v for v in inventory.process_variables(spec) if v not in names]
    assert not missing, f"the {spec.name} Deployment lacks {missing}"
