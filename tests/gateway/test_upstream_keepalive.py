"""The gateway's pool lets go of an idle connection before the service would close it.

Were it the other way round (aiohttp kept idle connections 30 s, uvicorn closed them after
its default 5 s), a POST sent on a connection the service is closing fails in transport and,
never retried, reaches the client as a 502: seen once in a schemathesis run.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from gateway.upstreams import UpstreamMetrics, build_upstreams
from services.common.settings import GATEWAY_POOL_IDLE_SECONDS, SERVICE_KEEP_ALIVE_SECONDS
from services.common.testing import ServerThread
from tests.gateway.conftest import gateway_settings, stub_app


async def test_every_upstream_pool_drops_idle_connections_before_the_services_do():
    upstreams = build_upstreams(gateway_settings(), UpstreamMetrics(CollectorRegistry()))
    try:
        for upstream in upstreams.values():
            await upstream.start()
        idle = {name: u.session.connector._keepalive_timeout for name, u in upstreams.items()}  # type: ignore[union-attr]
    finally:
        for upstream in upstreams.values():
            await upstream.close()
    assert set(idle.values()) == {GATEWAY_POOL_IDLE_SECONDS}
    assert GATEWAY_POOL_IDLE_SECONDS < SERVICE_KEEP_ALIVE_SECONDS


def test_services_under_test_keep_connections_as_long_as_somos_serve():
    server = ServerThread(stub_app({}))
    assert server.server.config.timeout_keep_alive == SERVICE_KEEP_ALIVE_SECONDS
