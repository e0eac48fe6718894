"""How a container configures a process: empty variables mean defaults, SOMOS_PORT picks the
port `somos serve` binds and the HEALTHCHECK probes."""

from __future__ import annotations

import http.server
import threading

import pytest

from services.common.settings import PlatformSettings
from services.common.testing import free_port
from somos import healthcheck
from somos.cli import build_parser
from tests.deploy import inventory


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_empty_variables_mean_built_in_defaults(spec, monkeypatch):
    settings_class = spec.load(spec.settings_class)
    for name in inventory.env_names(settings_class) + inventory.platform_variables():
        monkeypatch.setenv(name, "")
    defaults = PlatformSettings.model_construct()
    platform = PlatformSettings()
    assert platform.divipola_file is None and platform.jwt_secret is None
    assert platform.jwt_algorithms == ["HS256", "RS256", "ES256"]
    assert platform.shutdown_grace_seconds == defaults.shutdown_grace_seconds
    settings = settings_class()
    for name, field in settings_class.model_fields.items():
        if name != "platform" and not field.is_required():
            assert getattr(settings, name) == field.get_default(call_default_factory=True), name


def test_somos_port_is_the_default_port_of_serve(monkeypatch):
    monkeypatch.setenv("SOMOS_PORT", "9123")
    monkeypatch.setenv("SOMOS_HOST", "0.0.0.0")
    args = build_parser().parse_args(["serve", "organizations"])
    assert (args.port, args.host) == (9123, "0.0.0.0")
    monkeypatch.delenv("SOMOS_PORT")
    assert build_parser().parse_args(["serve", "organizations"]).port is None  # registry's


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_healthcheck_probes_the_port_in_somos_port(monkeypatch):
    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("SOMOS_PORT", str(server.server_address[1]))
        assert healthcheck.main() == 0
        monkeypatch.setenv("SOMOS_PORT", str(free_port()))  # nobody listens
        assert healthcheck.main() == 1
        # A port on the command line wins (the webhooks worker's metrics port in compose).
        assert healthcheck.main([str(server.server_address[1])]) == 0
        assert healthcheck.main([str(free_port())]) == 1
    finally:
        server.shutdown()
