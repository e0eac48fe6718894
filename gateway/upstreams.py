"""One pooled aiohttp client per service for the process lifetime, with resilience applied."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
import yarl
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from gateway.resilience import (
    IDEMPOTENT_METHODS,
    BadGateway,
    CircuitBreaker,
    CircuitOpen,
    GatewayTimeout,
    backoff_delay,
)
from gateway.settings import UPSTREAMS, GatewaySettings
from services.common.settings import GATEWAY_POOL_IDLE_SECONDS

Headers = list[tuple[str, str]]


class UpstreamMetrics:
    """Upstream calls by service and outcome, their latency, and each circuit's state."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.calls = Counter(
            "somos_gateway_upstream_calls_total",
            "Calls from the gateway to a service, by outcome",
            ["upstream", "outcome"],
            registry=registry,
        )
        self.latency = Histogram(
            "somos_gateway_upstream_duration_seconds",
            "Time until a service's response headers arrived",
            ["upstream"],
            registry=registry,
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )


class CircuitCollector(Collector):
    """Circuit state per upstream at scrape time: 0 closed, 1 half-open, 2 open."""

    def __init__(self, upstreams: Mapping[str, Upstream]) -> None:
        self.upstreams = upstreams

    def collect(self) -> Iterable[Metric]:
        gauge = GaugeMetricFamily(
            "somos_gateway_circuit_state",
            "Circuit breaker state per upstream (0 closed, 1 half-open, 2 open)",
            labels=["upstream"],
        )
        for name, upstream in self.upstreams.items():
            gauge.add_metric([name], int(upstream.breaker.state))
        yield gauge


@dataclass
class JsonAnswer:
    status: int
    body: Any
    elapsed: float = 0.0  # seconds from sending the request to the body read


class Upstream:
    """A service behind the gateway: base URL, pooled connections, timeouts, retries, circuit."""

    def __init__(
        self,
        name: str,
        *,
        base_url: str,
        connect_timeout: float,
        read_timeout: float,
        pool_size: int,
        retries: int,
        backoff: float,
        breaker: CircuitBreaker,
        metrics: UpstreamMetrics,
    ) -> None:
        self.name = name
        self.base_url = base_url
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.pool_size = pool_size
        self.retries = retries
        self.backoff = backoff
        self.breaker = breaker
        self.metrics = metrics
        self._session: aiohttp.ClientSession | None = None
        self._default_timeout = self._timeout(None)
        self._latency = metrics.latency.labels(name)
        self._outcomes: dict[str, Any] = {}

    def _count(self, outcome: str) -> None:
        counter = self._outcomes.get(outcome)
        if counter is None:
            counter = self._outcomes[outcome] = self.metrics.calls.labels(self.name, outcome)
        counter.inc()

    async def start(self) -> None:
        connector = aiohttp.TCPConnector(
            limit=self.pool_size,
            limit_per_host=self.pool_size,
            keepalive_timeout=GATEWAY_POOL_IDLE_SECONDS,  # below SERVICE_KEEP_ALIVE_SECONDS
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            skip_auto_headers=("Accept-Encoding", "User-Agent", "Content-Type"),
            cookie_jar=aiohttp.DummyCookieJar(),
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError(f"upstream {self.name} is not started")
        return self._session

    def _timeout(self, read_timeout: float | None) -> aiohttp.ClientTimeout:
        return aiohttp.ClientTimeout(
            total=None,
            sock_connect=self.connect_timeout,
            sock_read=read_timeout or self.read_timeout,
        )

    async def open(
        self,
        method: str,
        path_and_query: str,
        *,
        headers: Headers,
        body: bytes | AsyncIterable[bytes] | None = None,
        read_timeout: float | None = None,
        dropped_is_failure: bool = True,
    ) -> aiohttp.ClientResponse:
        """Send a request and return the response with its body unread (caller releases it).

        Retries with backoff only for idempotent methods with a replayable body; transport
        failures and timeouts count against the circuit, answers of any status do not.
        """
        if not self.breaker.allow():
            self._count("circuit_open")
            raise CircuitOpen(self.name, self.breaker.retry_after())
        replayable = body is None or isinstance(body, bytes)
        attempts = 1 + (self.retries if method in IDEMPOTENT_METHODS and replayable else 0)
        url = yarl.URL(self.base_url + path_and_query, encoded=True)
        timeout = self._default_timeout if read_timeout is None else self._timeout(read_timeout)
        settled = False
        try:
            for attempt in range(attempts):
                started = time.perf_counter()
                try:
                    response = await self.session.request(
                        method,
                        url,
                        headers=headers,
                        data=body,
                        timeout=timeout,
                        allow_redirects=False,
                    )
                except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
                    outcome: str = "timeout"
                    error: Exception = exc
                except aiohttp.ClientError as exc:
                    outcome, error = "connect_error", exc
                else:
                    self._latency.observe(time.perf_counter() - started)
                    self._count("ok" if response.status < 500 else "error_status")
                    self.breaker.record_success()
                    settled = True
                    return response
                self._count(outcome)
                if attempt + 1 < attempts:
                    await asyncio.sleep(backoff_delay(attempt, self.backoff))
            self.breaker.record_failure()
            settled = True
            if outcome == "timeout":
                raise GatewayTimeout(
                    f"The {self.name} service did not answer within "
                    f"{read_timeout or self.read_timeout:g} s."
                ) from error
            raise BadGateway(f"The {self.name} service could not be reached.") from error
        finally:
            if not settled and dropped_is_failure:
                # Cancelled mid-call (composition budget): too slow, and frees a half-open probe.
                self.breaker.record_failure()
            elif not settled:  # dropped by the caller (a long poll answered elsewhere)
                self.breaker.release_probe()

    async def get_json(
        self,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Headers,
        read_timeout: float | None = None,
        dropped_is_failure: bool = True,
    ) -> JsonAnswer:
        """GET a JSON document (for composition); transport problems raise gateway errors."""
        query = ""
        if params:
            from urllib.parse import urlencode

            query = "?" + urlencode(
                [(k, v) for k, v in params.items() if v is not None], doseq=True
            )
        started = time.perf_counter()
        response = await self.open(
            "GET",
            path + query,
            headers=headers,
            read_timeout=read_timeout,
            dropped_is_failure=dropped_is_failure,
        )
        try:
            raw = await response.read()
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise GatewayTimeout(f"The {self.name} service stopped answering.") from exc
        finally:
            response.release()
        elapsed = time.perf_counter() - started
        try:
            data = json.loads(raw) if raw else None
        except ValueError as exc:
            raise BadGateway(f"The {self.name} service sent a body that is not JSON.") from exc
        return JsonAnswer(response.status, data, elapsed)

    async def ready(self) -> str | None:
        """None when the service's /readyz says ready, else why not."""
        try:
            answer = await self.get_json("/readyz", headers=[], read_timeout=2.0)
        except Exception as exc:
            return f"{self.name}: {getattr(exc, 'detail', None) or type(exc).__name__}"
        if answer.status != 200:
            detail = answer.body.get("detail") if isinstance(answer.body, dict) else None
            return f"{self.name}: not ready ({detail or answer.status})"
        return None


def build_upstreams(settings: GatewaySettings, metrics: UpstreamMetrics) -> dict[str, Upstream]:
    """One Upstream per service, configured from settings."""
    return {
        name: Upstream(
            name,
            base_url=settings.upstream_url(name),
            connect_timeout=settings.connect_timeout(name),
            read_timeout=settings.read_timeout(name),
            pool_size=settings.pool_size,
            retries=settings.retries,
            backoff=settings.retry_backoff_seconds,
            breaker=CircuitBreaker(
                failure_threshold=settings.breaker_failure_threshold,
                reset_seconds=settings.breaker_reset_seconds,
            ),
            metrics=metrics,
        )
        for name in UPSTREAMS
    }
