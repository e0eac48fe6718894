"""Tracing: off by default; when on, a gateway request and the service request it caused
are one trace (W3C traceparent over httpx), and every log line carries that trace id."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from services.common import tracing
from services.common.observability import JsonFormatter, RequestContextMiddleware
from services.common.testing import (
    ServerThread,
    asgi_client,
    bearer,
    free_port,
    migrated_database,
    running_app,
)
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings
from tests.organizations.factories import organization_body


@pytest.fixture(scope="module")
async def organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """Tracing on for the test, into memory; off again afterwards."""
    exporter = InMemorySpanExporter()
    tracing.use_tracer_provider(tracing.build_tracer_provider(exporter, service="t", batch=False))
    try:
        yield exporter
    finally:
        tracing.use_tracer_provider(None)


@pytest.fixture
def log_lines() -> Iterator[Callable[[], list[dict]]]:
    """Every log line so far, as the JSON objects production would print."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def gateway_like(upstream: httpx.AsyncClient) -> FastAPI:
    """A path-preserving proxy built like the gateway: kit middleware, traced, one client."""
    app = FastAPI()

    @app.api_route("/api/v1/{path:path}", methods=["GET", "POST"])
    async def proxy(path: str, request: Request) -> JSONResponse:
        headers = {
            k: v for k, v in request.headers.items() if k in ("authorization", "content-type")
        }
        headers["x-request-id"] = request.state.request_id
        r = await upstream.request(
            request.method, f"/api/v1/{path}", headers=headers, content=await request.body()
        )
        return JSONResponse(r.json(), status_code=r.status_code)

    app.add_middleware(RequestContextMiddleware, service="gateway")
    tracing.instrument_app(app, "gateway")
    return app


def test_tracing_is_off_unless_otel_variables_ask():
    assert not tracing.tracing_requested({})
    assert not tracing.tracing_requested({"OTEL_SERVICE_NAME": "x"})
    assert tracing.tracing_requested({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert tracing.tracing_requested({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318"})
    assert tracing.tracing_requested({"OTEL_TRACES_EXPORTER": "console"})
    assert not tracing.tracing_requested(
        {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SDK_DISABLED": "true"}
    )
    assert not tracing.tracing_requested(
        {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_TRACES_EXPORTER": "none"}
    )


def test_apps_are_not_instrumented_when_tracing_is_off(organizations_db):
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    assert not getattr(app, "_is_instrumented_by_opentelemetry", False)
    assert tracing.tracer_provider("organizations") is None


@pytest.mark.parametrize("transport", ["asgi", "socket"])
async def test_gateway_request_and_service_request_share_one_trace(
    organizations_db, make_token, spans, log_lines, transport
):
    service_app = create_app(OrganizationsSettings(database_url=organizations_db))
    assert getattr(service_app, "_is_instrumented_by_opentelemetry", False)
    token = make_token()
    async with running_app(service_app):
        if transport == "asgi":
            upstream = httpx.AsyncClient(
                transport=httpx.ASGITransport(app=service_app), base_url="http://organizations"
            )
            tracing.instrument_http_client(upstream)
            server = None
        else:  # a real socket and httpx's default transport (instrumented globally)
            server = ServerThread(service_app).__enter__()
            upstream = httpx.AsyncClient(base_url=server.url)
        try:
            async with upstream, asgi_client(gateway_like(upstream)) as client:
                r = await client.post(
                    "/api/v1/organizations",
                    json=organization_body(
                        name=f"Asociación {transport}", contact_phone="+57 310 555 0199"
                    ),
                    headers={**bearer(token), "x-request-id": "trace-test-1"},
                )
        finally:
            if server is not None:
                server.__exit__(None, None, None)
    assert r.status_code == 201, r.text

    finished = spans.get_finished_spans()
    servers = [s for s in finished if s.kind == SpanKind.SERVER and s.parent is None]
    assert len(servers) == 1, [s.name for s in finished]  # one root: the gateway's
    trace_id = servers[0].context.trace_id
    in_trace = [s for s in finished if s.context.trace_id == trace_id]
    client_span = next(s for s in in_trace if s.kind == SpanKind.CLIENT and "POST" in s.name)
    (service_span,) = (
        s for s in in_trace if s.parent and s.parent.span_id == client_span.context.span_id
    )
    # Over a socket the service only knows the trace from the traceparent header it received
    # (a remote parent, so a SERVER span); in-process ASGI it sees the live client span.
    expected_kind = SpanKind.SERVER if transport == "socket" else SpanKind.INTERNAL
    assert service_span.kind == expected_kind
    assert service_span.parent.is_remote == (transport == "socket")
    assert service_span.name == "POST /api/v1/organizations"  # the route template
    db_spans = [s for s in in_trace if s.attributes.get("db.system") == "postgresql"]
    assert any(
        "INSERT INTO organizations" in str(s.attributes.get("db.statement")) for s in db_spans
    )
    personal = ("contacto@amut.example.org", "310 555 0199")
    assert not any(p in str(v) for s in in_trace for v in s.attributes.values() for p in personal)

    hex_id = format(trace_id, "032x")
    access = [line for line in log_lines() if line["logger"] == "somos.access"]
    assert {line["service"] for line in access} == {"gateway", "organizations"}
    assert all(line["trace_id"] == hex_id for line in access)
    assert all(line["request_id"] == "trace-test-1" for line in access)


async def test_logs_carry_an_incoming_trace_id_when_tracing_is_off_here(
    organizations_db, make_token, log_lines
):
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        r = await client.get(
            "/api/v1/organizations",
            headers={"traceparent": f"00-{trace_id}-00f067aa0ba902b7-01"},
        )
        assert r.status_code == 200
        r = await client.get("/api/v1/organizations", headers={"traceparent": "garbage"})
    access = [line for line in log_lines() if line["logger"] == "somos.access"]
    assert [line["trace_id"] for line in access] == [trace_id, None]
    assert all("request_id" in line and "trace_id" in line for line in log_lines())


async def test_the_gateway_and_the_service_it_calls_share_one_trace(
    organizations_db, make_token, spans, log_lines
):
    """The real gateway (aiohttp upstream session) in front of organizations on a socket."""
    from gateway.app import create_app as create_gateway
    from gateway.settings import GatewaySettings

    service_app = create_app(OrganizationsSettings(database_url=organizations_db))
    dead = f"http://127.0.0.1:{free_port()}"
    with ServerThread(service_app) as server:
        gateway = create_gateway(
            GatewaySettings(
                organizations_url=server.url,
                security_plans_url=dead,
                events_url=dead,
                retries=0,
                rate_limit_per_minute=0,
            )
        )
        async with (
            running_app(gateway),
            asgi_client(gateway, headers=bearer(make_token()), timeout=30) as client,
        ):
            r = await client.post(
                "/api/v1/organizations",
                json=organization_body(name="Asociación por el gateway"),
                headers={"x-request-id": "via-gateway-1"},
            )
    assert r.status_code == 201, r.text

    finished = spans.get_finished_spans()
    (root,) = [s for s in finished if s.kind == SpanKind.SERVER and s.parent is None]
    assert root.resource.attributes["service.name"] == "t"
    trace_id = root.context.trace_id
    in_trace = [s for s in finished if s.context.trace_id == trace_id]
    upstream_calls = [s for s in in_trace if s.kind == SpanKind.CLIENT and s.name == "POST"]
    assert upstream_calls, [(s.name, s.kind) for s in in_trace]
    served = [
        s
        for s in in_trace
        if s.kind == SpanKind.SERVER
        and s.parent is not None
        and s.parent.is_remote
        and s.parent.span_id in {c.context.span_id for c in upstream_calls}
    ]
    assert [s.name for s in served] == ["POST /api/v1/organizations"]
    assert any(
        "INSERT INTO organizations" in str(s.attributes.get("db.statement")) for s in in_trace
    )
    access = [line for line in log_lines() if line["logger"] == "somos.access"]
    assert {line["service"] for line in access} == {"gateway", "organizations"}
    assert {line["trace_id"] for line in access} == {format(trace_id, "032x")}
    assert {line["request_id"] for line in access} == {"via-gateway-1"}
