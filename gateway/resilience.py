"""Timeouts, retries and circuit breaking for upstream calls; the gateway's own errors."""

from __future__ import annotations

import enum
import random
import time

from services.common.errors import DomainError

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class BadGateway(DomainError):
    status, slug, title = 502, "bad-gateway", "A service answered badly or not at all"


class CircuitOpen(DomainError):
    status, slug, title = 503, "service-unavailable", "A service is unavailable"

    def __init__(self, upstream: str, retry_after: int) -> None:
        super().__init__(
            f"The {upstream} service is failing; the gateway stops calling it for a while. "
            f"Retry after {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )


class GatewayTimeout(DomainError):
    status, slug, title = 504, "gateway-timeout", "A service did not answer in time"


class TooManyRequests(DomainError):
    status, slug, title = 429, "too-many-requests", "Too many requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Rate limit reached for this caller; retry after {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )


class CircuitState(enum.IntEnum):
    closed = 0
    half_open = 1
    open = 2


class CircuitBreaker:
    """Consecutive failures open the circuit; after a pause one probe may close it again."""

    def __init__(self, *, failure_threshold: int, reset_seconds: float) -> None:
        self.failure_threshold = failure_threshold
        self.reset_seconds = reset_seconds
        self.failures = 0
        self.opened_at: float | None = None
        self._probe_in_flight = False

    @property
    def state(self) -> CircuitState:
        if self.opened_at is None:
            return CircuitState.closed
        if time.monotonic() - self.opened_at >= self.reset_seconds:
            return CircuitState.half_open
        return CircuitState.open

    def retry_after(self) -> int:
        if self.opened_at is None:
            return 0
        remaining = self.reset_seconds - (time.monotonic() - self.opened_at)
        return max(1, int(remaining + 0.999))

    def allow(self) -> bool:
        """May a call go out now? In half-open state only one probe at a time."""
        state = self.state
        if state is CircuitState.closed:
            return True
        if state is CircuitState.half_open and not self._probe_in_flight:
            self._probe_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self.failures = 0
        self.opened_at = None
        self._probe_in_flight = False

    def release_probe(self) -> None:
        """A call dropped by its caller (not by the upstream) tells nothing: free the probe."""
        self._probe_in_flight = False

    def record_failure(self) -> None:
        self._probe_in_flight = False
        self.failures += 1
        if self.opened_at is not None or self.failures >= self.failure_threshold:
            self.opened_at = time.monotonic()


def backoff_delay(attempt: int, base: float, *, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform in [0, base·2^attempt].

    Replicas that failed together do not retry together (AWS Architecture Blog,
    "Exponential Backoff And Jitter").
    """
    return (rng or _RANDOM).uniform(0.0, base * (2**attempt))


_RANDOM = random.Random()
