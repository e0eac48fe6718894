"""The processes that make up Somos: name, default port, app factory, migrations."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    port: int
    app_factory: str  # "module:function"
    settings_class: str  # "module:Class"
    has_database: bool = True

    @property
    def env_prefix(self) -> str:
        return f"SOMOS_{self.name.upper()}_"

    @property
    def database_env(self) -> str:
        return f"{self.env_prefix}DATABASE_URL"

    @property
    def database_name(self) -> str:
        return f"somos_{self.name}"

    def load(self, target: str) -> Any:
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)


# Services first (the gateway starts after them), in port order.
SERVICES: dict[str, ServiceSpec] = {
    "organizations": ServiceSpec(
        "organizations",
        8001,
        "services.organizations.app:create_app",
        "services.organizations.settings:OrganizationsSettings",
    ),
    "security_plans": ServiceSpec(
        "security_plans",
        8002,
        "services.security_plans.app:create_app",
        "services.security_plans.settings:SecurityPlansSettings",
    ),
    "events": ServiceSpec(
        "events",
        8003,
        "services.events.app:create_app",
        "services.events.settings:EventsSettings",
    ),
    "gateway": ServiceSpec(
        "gateway",
        8000,
        "gateway.app:create_app",
        "gateway.settings:GatewaySettings",
        has_database=False,
    ),
}


def database_services() -> list[ServiceSpec]:
    return [s for s in SERVICES.values() if s.has_database]
