"""A real `somos serve` process with only the standard OTEL_* variables set exports its
spans over OTLP/HTTP, continuing the caller's trace, and logs the same trace id."""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from services.common.testing import free_port, migrated_database

pytestmark = pytest.mark.e2e
TRACE_ID = "0af7651916cd43dd8448eb211c80319c"


class Collector(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Collector.received.append((self.path, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
async def database(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


def serve_one_traced_request(database: str, tmp_path) -> bytes:
    """Run the process with a collector, send one request, stop it; returns its output."""
    collector = http.server.HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    port = free_port()
    env = {
        **os.environ,
        "SOMOS_ORGANIZATIONS_DATABASE_URL": database,
        "SOMOS_DATA_DIR": str(tmp_path),
        "SOMOS_JWT_SECRET": "otlp-export-test-secret-0123456789abcdef",  # serve generates none
        "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{collector.server_address[1]}",
        "OTEL_BSP_SCHEDULE_DELAY": "100",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "somos.cli", "serve", "organizations", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None and time.monotonic() < deadline
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        r = httpx.get(
            f"http://127.0.0.1:{port}/api/v1/organizations",
            headers={"traceparent": f"00-{TRACE_ID}-b7ad6b7169203331-01"},
        )
        assert r.status_code == 401  # no token: still one traced request
        process.send_signal(signal.SIGTERM)  # the provider flushes on exit
        process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
        collector.shutdown()
    return process.stdout.read() if process.stdout else b""


async def test_otlp_endpoint_variable_turns_export_on(database, tmp_path):
    output = await asyncio.to_thread(serve_one_traced_request, database, tmp_path)
    assert Collector.received, "no OTLP export reached the collector"
    assert {path for path, _ in Collector.received} == {"/v1/traces"}
    spans = []
    for _, body in Collector.received:
        request = ExportTraceServiceRequest.FromString(body)
        for resource_spans in request.resource_spans:
            attributes = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            assert attributes["service.name"] == "organizations"
            for scope in resource_spans.scope_spans:
                spans.extend(scope.spans)
    server = [s for s in spans if s.trace_id.hex() == TRACE_ID]
    assert server and server[0].parent_span_id.hex() == "b7ad6b7169203331"
    assert not [s for s in spans if "/healthz" in s.name]  # probes are not traced

    lines = [json.loads(line) for line in output.decode().splitlines() if line]
    access = [line for line in lines if line.get("logger") == "somos.access"]
    assert any(line["trace_id"] == TRACE_ID for line in access)
