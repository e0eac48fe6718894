"""OpenTelemetry tracing, off unless the standard ``OTEL_*`` variables turn it on.

On when ``OTEL_EXPORTER_OTLP_ENDPOINT`` or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` is set, or
``OTEL_TRACES_EXPORTER`` is ``otlp`` or ``console``; ``OTEL_SDK_DISABLED=true`` or
``OTEL_TRACES_EXPORTER=none`` force it off. Spans go out over OTLP/HTTP (protobuf, port 4318);
the exporter, sampler (``OTEL_TRACES_SAMPLER``), propagators (``OTEL_PROPAGATORS``, W3C
``traceparent`` by default) and resource (``OTEL_SERVICE_NAME``, ``OTEL_RESOURCE_ATTRIBUTES``)
read their own variables. When off, nothing is instrumented: no middleware, no wrapped
driver, no overhead.

What is instrumented when on: every app built by ``create_service_app`` or passed to
``instrument_app`` (server spans named by route template), outgoing requests of httpx (default
transports) and aiohttp (the gateway's upstream sessions), with ``traceparent`` injected, and
asyncpg, which carries both the SQLAlchemy engine's and the raw pool's
queries (one span per statement, parameters never recorded). Before export, exception
messages and stack traces (a database error quotes the row it rejected) and query strings
(``?q=`` may be a person's name) are removed: spans must be as free of personal data as logs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import Event, ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.trace import Status

logger = logging.getLogger("somos.tracing")

# Probes and scrapes would drown the useful spans.
EXCLUDED_URLS = "/healthz,/readyz,/metrics"

_provider: TracerProvider | None = None
_configured = False


def tracing_requested(environ: dict[str, str] | None = None) -> bool:
    """Whether the ``OTEL_*`` variables ask for traces to be exported."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    exporter = env.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter == "none":
        return False
    if exporter in ("otlp", "console"):
        return True
    return bool(
        env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )


def _exporter() -> SpanExporter:
    if os.environ.get("OTEL_TRACES_EXPORTER", "").strip().lower() == "console":
        return ConsoleSpanExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter()  # endpoint, headers, timeout, compression from OTEL_*


_EXCEPTION_DETAIL = ("exception.message", "exception.stacktrace")
_URL_KEYS = ("http.url", "url.full", "http.target")


def _without_query(value: Any) -> Any:
    return value.split("?", 1)[0] if isinstance(value, str) else value


def _redacted(span: ReadableSpan) -> ReadableSpan:
    attributes = {
        key: _without_query(value) if key in _URL_KEYS else value
        for key, value in (span.attributes or {}).items()
        if key != "url.query"
    }
    events = [
        Event(
            event.name,
            {k: v for k, v in (event.attributes or {}).items() if k not in _EXCEPTION_DETAIL},
            event.timestamp,
        )
        for event in span.events
    ]
    status = span.status
    if status.description:
        status = Status(status.status_code, "error (see the logs by request_id)")
    return ReadableSpan(
        name=span.name,
        context=span.context,
        parent=span.parent,
        resource=span.resource,
        attributes=attributes,
        events=events,
        links=span.links,
        kind=span.kind,
        status=status,
        start_time=span.start_time,
        end_time=span.end_time,
        instrumentation_scope=span.instrumentation_scope,
    )


class RedactingExporter(SpanExporter):
    """Hands spans on without exception messages, stack traces or query strings."""

    def __init__(self, inner: SpanExporter) -> None:
        self.inner = inner

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return self.inner.export([_redacted(span) for span in spans])

    def shutdown(self) -> None:
        self.inner.shutdown()

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return self.inner.force_flush(timeout_millis)


def build_tracer_provider(
    exporter: SpanExporter, *, service: str, batch: bool = True
) -> TracerProvider:
    """A provider exporting redacted spans to ``exporter`` (batched unless ``batch=False``)."""
    attributes = {} if os.environ.get("OTEL_SERVICE_NAME") else {"service.name": service}
    provider = TracerProvider(resource=Resource.create(attributes))
    redacting = RedactingExporter(exporter)
    provider.add_span_processor(
        BatchSpanProcessor(redacting) if batch else SimpleSpanProcessor(redacting)
    )
    return provider


def tracer_provider(service: str) -> TracerProvider | None:
    """The process's tracer provider, built once from ``OTEL_*``; None when tracing is off."""
    global _configured
    if not _configured:
        _configured = True
        if tracing_requested():
            provider = build_tracer_provider(_exporter(), service=service)
            trace.set_tracer_provider(provider)
            use_tracer_provider(provider)
            logger.info("tracing on", extra={"service": service})
    return _provider


def use_tracer_provider(provider: TracerProvider | None) -> None:
    """Make ``provider`` the one apps and libraries report to (None: tracing off).

    ``tracer_provider`` calls it from the environment; tests call it with an in-memory one.
    """
    global _provider, _configured
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    _configured = True
    instrumentors = (AsyncPGInstrumentor(), HTTPXClientInstrumentor(), AioHttpClientInstrumentor())
    for instrumentor in instrumentors:
        if instrumentor.is_instrumented_by_opentelemetry:
            instrumentor.uninstrument()
    _provider = provider
    if provider is not None:
        for instrumentor in instrumentors:
            instrumentor.instrument(tracer_provider=provider)


def instrument_app(app: Any, service: str) -> bool:
    """Server spans for every request of ``app`` when tracing is on; True if instrumented."""
    provider = tracer_provider(service)
    if provider is None:
        return False
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(
        app,
        tracer_provider=provider,
        excluded_urls=EXCLUDED_URLS,
        exclude_spans=["receive", "send"],  # one span per request, not one per ASGI message
    )
    return True


def traced_asgi(app: Any, service: str) -> Any:
    """``app`` wrapped in a server-span middleware when tracing is on (else ``app`` itself).

    For ASGI paths that do not go through a FastAPI stack (the gateway's pass-through).
    """
    provider = tracer_provider(service)
    if provider is None:
        return app
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    return OpenTelemetryMiddleware(
        app,
        excluded_urls=EXCLUDED_URLS,
        tracer_provider=provider,
        exclude_spans=["receive", "send"],
    )


def instrument_http_client(client: Any) -> None:
    """Trace (and propagate ``traceparent`` from) a client on a non-default transport.

    Clients on httpx's own transports are covered already; call this for others (ASGI,
    aiohttp-backed). Does nothing when tracing is off.
    """
    import httpx

    if _provider is None:
        return
    if type(client._transport) in (httpx.HTTPTransport, httpx.AsyncHTTPTransport):
        return
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor.instrument_client(client, tracer_provider=_provider)


def current_trace_id() -> str | None:
    """The W3C trace id (32 hex digits) of the span in progress, if any."""
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        return format(context.trace_id, "032x")
    return None
