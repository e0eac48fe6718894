"""The catalog is the one list of processes, ports and scopes; every other place reads it."""

from __future__ import annotations

import re
from pathlib import Path

from gateway import openapi as gateway_openapi
from gateway.settings import UPSTREAMS, GatewaySettings
from services.common import auth, catalog, testing
from services.events.settings import EventsSettings
from somos import registry

SERVICES_DIR = Path(__file__).resolve().parents[2] / "services"


def test_processes_ports_and_order():
    assert [(s.name, s.port) for s in catalog.SERVICES.values()] == [
        ("organizations", 8001),
        ("security_plans", 8002),
        ("events", 8003),
        ("webhooks", 8004),
        ("reporting", 8005),
        ("gateway", 8000),
    ]
    assert [s.name for s in catalog.database_services()] == [
        "organizations",
        "security_plans",
        "events",
        "webhooks",
        "reporting",
    ]
    assert [s.name for s in catalog.worker_services()] == ["webhooks"]
    assert catalog.SERVICES["events"].local_url == "http://127.0.0.1:8003"
    assert catalog.SERVICES["security_plans"].env_prefix == "SOMOS_SECURITY_PLANS_"


def test_the_cli_registry_gateway_auth_and_fixtures_read_the_catalog():
    assert registry.SERVICES is catalog.SERVICES
    assert registry.ServiceSpec is catalog.ServiceSpec
    assert auth.SCOPES is catalog.SCOPES
    assert tuple(catalog.SCOPES) == testing.ALL_SCOPES
    assert UPSTREAMS == ("organizations", "security_plans", "events", "webhooks", "reporting")
    assert list(gateway_openapi.SERVICE_APPS) == list(UPSTREAMS)
    assert gateway_openapi.SERVICE_TITLES["security_plans"] == "Security plans"
    settings = GatewaySettings()
    for name in UPSTREAMS:
        assert settings.upstream_url(name) == catalog.SERVICES[name].local_url


def test_every_settings_class_has_the_catalog_port():
    for spec in catalog.SERVICES.values():
        settings_class = spec.load(spec.settings_class)
        assert settings_class.default_port == spec.port, spec.name
        assert settings_class.service_name == spec.name
        assert callable(spec.load(spec.app_factory))


def test_events_reaches_its_peers_on_their_catalog_ports():
    fields = EventsSettings.model_fields
    assert fields["organizations_url"].default == catalog.SERVICES["organizations"].local_url
    assert fields["security_plans_url"].default == catalog.SERVICES["security_plans"].local_url


def test_every_scope_the_services_check_is_in_the_catalog():
    used: set[str] = set()
    for path in SERVICES_DIR.rglob("*.py"):
        for call in re.findall(r"require_scopes?\(([^)]*)\)", path.read_text("utf-8")):
            used |= set(re.findall(r'"([a-z_]+:[a-z_]+|admin)"', call))
    assert {"organizations:write", "events:read", "attendees:pii", "admin"} <= used
    assert used <= set(catalog.SCOPES)
    owned = {scope for s in catalog.SERVICES.values() for scope in s.scopes}
    assert owned | {"admin"} == set(catalog.SCOPES)
