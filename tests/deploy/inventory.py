"""What the code reads from the environment, found by walking the process registry.

Adding a process to ``somos/registry.py`` (or a field to any Settings class) is enough for
the deployment checks to demand it be documented and configured everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from services.common.settings import PlatformSettings
from somos.registry import SERVICES, ServiceSpec

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
COMPOSE_FILE = REPO / "docker-compose.yml"

# Read by the `somos` command itself (somos/cli.py, somos/healthcheck.py), not a Settings class.
CLI_VARIABLES = ("SOMOS_HOST", "SOMOS_PORT")
# The OpenTelemetry variables the deployment sets (the SDK reads many more; see its docs).
OTEL_VARIABLES = (
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_SERVICE_NAME",
    "OTEL_TRACES_SAMPLER",
    "OTEL_TRACES_SAMPLER_ARG",
)


def env_names(settings_class: Any) -> list[str]:
    """Environment variable names of a pydantic-settings class's fields."""
    prefix = settings_class.model_config.get("env_prefix", "")
    return [
        f"{prefix}{name}".upper()
        for name, field in settings_class.model_fields.items()
        if not field.exclude and name != "platform"
    ]


def platform_variables() -> list[str]:
    return env_names(PlatformSettings)


def process_variables(spec: ServiceSpec) -> list[str]:
    """Every variable the process ``spec`` reads: its own settings, then the platform's."""
    return env_names(spec.load(spec.settings_class)) + platform_variables() + list(CLI_VARIABLES)


def database_services() -> list[ServiceSpec]:
    return [s for s in SERVICES.values() if s.has_database]


def processes() -> list[ServiceSpec]:
    return list(SERVICES.values())


def compose_name(process: str) -> str:
    """Compose service (and host) name of a process: DNS-safe, so no underscores."""
    return process.replace("_", "-")


def load_compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())  # resolves anchors, <<
    return data
