"""Request ids, JSON logs and Prometheus metrics, as one pure-ASGI middleware."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import time
from contextvars import ContextVar
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.tracing import current_trace_id

REQUEST_ID_HEADER = "x-request-id"
_request_id: ContextVar[str | None] = ContextVar("somos_request_id", default=None)
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
# Trace id of an incoming W3C traceparent, so logs correlate even with tracing off here.
_incoming_trace_id: ContextVar[str | None] = ContextVar("somos_trace_id", default=None)
_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")

# Fields a log record may carry besides the message; anything else is dropped, so a
# careless `extra=` can never put a request body or personal data in the logs.
_LOG_FIELDS = (
    "service",
    "method",
    "route",
    "status",
    "duration_ms",
    "error_type",
    "path_template",
    "event",
    "upstream",
    "outcome",
    "port",
    "url",
    "count",
    "trace_id",
)


def current_request_id() -> str | None:
    """The id of the request being handled, if any."""
    return _request_id.get()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, trace_id, fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
            "trace_id": current_trace_id() or _incoming_trace_id.get(),
        }
        for name in _LOG_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["error_type"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str = "INFO") -> None:
    """Send every log line to stdout as JSON."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # httpx logs every URL at INFO; query strings (?q=) may carry names: ours log the template.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


class Metrics:
    """The Prometheus instruments of one process, in their own registry."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "somos_http_requests_total",
            "HTTP requests handled",
            ["service", "method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "somos_http_request_duration_seconds",
            "HTTP request latency",
            ["service", "method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self._children: dict[tuple[str, str, str], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: str, seconds: float) -> None:
        """Count one request and its latency (label lookups cached per combination)."""
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = (
                self.requests.labels(self.service, method, route, status),
                self.latency.labels(self.service, method, route),
            )
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)


access_log = logging.getLogger("somos.access")

_PROBLEM_500 = json.dumps(
    {
        "type": "urn:somos:problem:internal-error",
        "title": "Internal server error",
        "status": 500,
        "detail": "The server failed to process the request. "
        "Quote the request_id when reporting it.",
    }
).encode()

# A lost database connection (a restart, a failover) is not a bug: the pool drops the broken
# connection and the next request reconnects, so the caller is told to retry.
_PROBLEM_DATABASE_LOST = json.dumps(
    {
        "type": "urn:somos:problem:database-unavailable",
        "title": "Database unavailable",
        "status": 503,
        "detail": "The service lost its database connection; retry shortly.",
    }
).encode()

# A request still running when the shutdown grace period ends is cancelled by the server.
# If nothing was sent yet, the caller gets this instead of a bare "Internal Server Error".
_PROBLEM_CUT_OFF = json.dumps(
    {
        "type": "urn:somos:problem:shutting-down",
        "title": "Service shutting down",
        "status": 503,
        "detail": "The request was still running when the service stopped and was cut off. "
        "A change it made was rolled back unless the cut came while committing: read the "
        "resource before retrying (If-Match or Idempotency-Key make a retry safe).",
    }
).encode()


async def send_problem_json(
    send: Send, status: int, body: bytes, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """Answer with a ready problem+json ``body`` from pure-ASGI code."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _problem(template: bytes, path: str, request_id: str) -> bytes:
    return (
        template[:-1] + f', "instance": {json.dumps(path)}, "request_id": "{request_id}"}}'.encode()
    )


def _trace_id_of(scope: Scope) -> str | None:
    for key, value in scope["headers"]:
        if key == b"traceparent":
            match = _TRACEPARENT.match(value.decode("latin-1").strip())
            if match and match.group(1) != "0" * 32:
                return match.group(1)
    return None


class InFlight:
    """How many requests an app is handling, so shutdown can let cut-off ones unwind.

    At the end of the grace period uvicorn cancels what is still running, shuts the app
    down and exits at once; without a short wait, a cancelled request never gets to send
    its 503 or roll its transaction back before the process is gone.
    """

    def __init__(self) -> None:
        self.count = 0

    async def drained(self, within: float = 1.0) -> bool:
        """Wait up to ``within`` seconds for no request to be in flight."""
        deadline = time.monotonic() + within
        # Polled, only at shutdown: an asyncio.Event kept per request would bind to one loop.
        while self.count and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        return not self.count


class RequestContextMiddleware:
    """Accept or mint X-Request-ID, echo it, log one line per request, count it.

    Also the last line of defence: an exception that escapes the app becomes a problem+json
    500 carrying the request id, with no stack trace or SQL in the response.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        service: str,
        metrics: Metrics | None = None,
        in_flight: InFlight | None = None,
    ) -> None:
        self.app = app
        self.service = service
        self.metrics = metrics
        self.in_flight = in_flight if in_flight is not None else InFlight()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for key, value in scope["headers"]:
            if key == b"x-request-id":
                incoming = value.decode("latin-1")
                break
        request_id = (
            incoming if incoming and _VALID_REQUEST_ID.match(incoming) else os.urandom(16).hex()
        )
        _request_id.set(request_id)
        _incoming_trace_id.set(_trace_id_of(scope))
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status_holder = [500]
        response_started = False
        header = (b"x-request-id", request_id.encode())
        in_flight = self.in_flight
        in_flight.count += 1

        async def send_wrapper(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                status_holder[0] = message["status"]
                message["headers"] = [*message.get("headers", []), header]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except asyncio.CancelledError:
            # The server cancels what is left at the end of its shutdown grace period.
            if not response_started:
                body = _problem(_PROBLEM_CUT_OFF, scope.get("path", ""), request_id)
                await send_problem_json(
                    send_wrapper, 503, body, ((b"retry-after", b"5"), (b"connection", b"close"))
                )
            raise
        except Exception as exc:
            from services.common.db import connection_lost

            lost = connection_lost(exc)
            errors_log = logging.getLogger("somos.errors")
            if lost:
                errors_log.warning(
                    "database connection lost", extra={"error_type": type(exc).__name__}
                )
            else:
                errors_log.error("unhandled error", extra={"error_type": type(exc).__name__})
            status_holder[0] = 503 if lost else 500
            if not response_started:
                problem = _PROBLEM_DATABASE_LOST if lost else _PROBLEM_500
                retry: tuple[tuple[bytes, bytes], ...] = ((b"retry-after", b"1"),) if lost else ()
                body = _problem(problem, scope.get("path", ""), request_id)
                await send_problem_json(send_wrapper, status_holder[0], body, retry)
        finally:
            in_flight.count -= 1
            duration = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "")
            status = status_holder[0]
            if self.metrics is not None and template not in ("/metrics",):
                self.metrics.observe(method, template, str(status), duration)
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "request",
                    extra={
                        "service": self.service,
                        "method": method,
                        "route": template,
                        "status": status,
                        "duration_ms": round(duration * 1000, 2),
                        "request_id": request_id,
                    },
                )
