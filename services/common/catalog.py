"""The one list of Somos's processes and scopes: names, ports, app factories, settings, scopes.

Everything else reads it: the CLI (``somos/registry.py``), the gateway's upstreams, default
URLs and merged contract, the auth scope descriptions and the test fixtures.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

SCOPES: dict[str, str] = {
    "organizations:read": "Read organizations, assessments, plans, support and initiatives",
    "organizations:write": "Create and change organizations and their records",
    "plans:read": "Read security plans (PISCC), reviews and prevention strategies",
    "plans:write": "Create and change security plans, reviews and prevention strategies",
    "events:read": "Read events, participation, risk factors and commitments",
    "events:write": "Create and change events and their records",
    "attendees:pii": "Read and write attendees' personal data",
    "reporting:read": "Read indicators, targets, the IPTT and reporting periods",
    "reporting:write": "Set targets and submit quarters (adding indicators and reopening "
    "quarters need admin)",
    "admin": "Administration: PII access log and other operator views",
    "webhooks:manage": "Create and change webhook subscriptions; see their deliveries",
}
"""Every scope a token may carry, with what it allows."""


@dataclass(frozen=True)
class ServiceSpec:
    """One process: name, default port, app factory, settings class, title, own scopes."""

    name: str
    port: int
    app_factory: str  # "module:function"
    settings_class: str  # "module:Class"
    title: str
    has_database: bool = True
    scopes: tuple[str, ...] = ()
    change_feed: str | None = None  # "module:FEED" when it serves GET /api/v1/changes
    # "module:function" of a background worker (`somos worker <name>`), for services with one.
    worker: str | None = None

    @property
    def env_prefix(self) -> str:
        return f"SOMOS_{self.name.upper()}_"

    @property
    def database_env(self) -> str:
        return f"{self.env_prefix}DATABASE_URL"

    @property
    def database_name(self) -> str:
        return f"somos_{self.name}"

    @property
    def local_url(self) -> str:
        """The base URL of this process on the developer's machine (its default port)."""
        return f"http://127.0.0.1:{self.port}"

    def load(self, target: str) -> Any:
        """Import ``module:attribute`` (the app factory or the settings class)."""
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)


GATEWAY = "gateway"

# Services first (the gateway starts after them), in port order.
SERVICES: dict[str, ServiceSpec] = {
    "organizations": ServiceSpec(
        "organizations",
        8001,
        "services.organizations.app:create_app",
        "services.organizations.settings:OrganizationsSettings",
        "Organizations",
        scopes=("organizations:read", "organizations:write"),
        change_feed="services.organizations.changes:FEED",
    ),
    "security_plans": ServiceSpec(
        "security_plans",
        8002,
        "services.security_plans.app:create_app",
        "services.security_plans.settings:SecurityPlansSettings",
        "Security plans",
        scopes=("plans:read", "plans:write"),
        change_feed="services.security_plans.changes:FEED",
    ),
    "events": ServiceSpec(
        "events",
        8003,
        "services.events.app:create_app",
        "services.events.settings:EventsSettings",
        "Events",
        scopes=("events:read", "events:write", "attendees:pii"),
        change_feed="services.events.changes:FEED",
    ),
    "webhooks": ServiceSpec(
        "webhooks",
        8004,
        "services.webhooks.app:create_app",
        "services.webhooks.settings:WebhooksSettings",
        "Webhooks",
        scopes=("webhooks:manage",),
        worker="services.webhooks.worker:run_worker",
    ),
    "reporting": ServiceSpec(
        "reporting",
        8005,
        "services.reporting.app:create_app",
        "services.reporting.settings:ReportingSettings",
        "Reporting",
        scopes=("reporting:read", "reporting:write"),
    ),
    GATEWAY: ServiceSpec(
        GATEWAY,
        8000,
        "gateway.app:create_app",
        "gateway.settings:GatewaySettings",
        "Gateway views",
        has_database=False,
    ),
}


def database_services() -> list[ServiceSpec]:
    """The processes that own a database (each has its migrations)."""
    return [s for s in SERVICES.values() if s.has_database]


def worker_services() -> list[ServiceSpec]:
    """The services that also run a background worker (`somos worker <name>`)."""
    return [s for s in SERVICES.values() if s.worker is not None]


def upstream_services() -> list[ServiceSpec]:
    """The services behind the gateway, in port order."""
    return [s for s in SERVICES.values() if s.name != GATEWAY]
