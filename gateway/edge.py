"""Edge protections as pure-ASGI middleware: token check first, then a per-caller rate limit."""

from __future__ import annotations

import math
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.resilience import TooManyRequests
from services.common.auth import TokenVerifier
from services.common.errors import DomainError, Unauthorized, problem_response

# Paths anyone may read without a token: health, metrics, the contract and its viewers.
_OPEN_PREFIXES = ("/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/redoc", "/static/")
_UNLIMITED = ("/healthz", "/readyz", "/metrics")


async def send_problem(scope: Scope, receive: Receive, send: Send, error: DomainError) -> None:
    """Answer with ``error`` as problem+json from inside an ASGI middleware."""
    response = problem_response(
        status=error.status,
        slug=error.slug,
        title=error.title,
        detail=error.detail,
        instance=scope.get("path"),
        errors=error.errors,
        headers=error.headers,
        extra=error.extra,
    )
    await response(scope, receive, send)


class RateLimiter:
    """A token bucket per caller: ``per_minute`` sustained, ``burst`` at once."""

    def __init__(self, *, per_minute: int, burst: int, max_callers: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_callers = max_callers
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, caller: str) -> int:
        """0 when the call may go ahead, else the seconds to wait before retrying."""
        now = time.monotonic()
        tokens, last = self._buckets.get(caller, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            if len(self._buckets) >= self.max_callers and caller not in self._buckets:
                self._buckets.clear()
            self._buckets[caller] = (tokens - 1.0, now)
            return 0
        self._buckets[caller] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self.rate))


class EdgeMiddleware:
    """Verify the bearer token of every API call (401 never reaches a service); rate limit."""

    def __init__(
        self, app: ASGIApp, *, verifier: TokenVerifier, limiter: RateLimiter | None
    ) -> None:
        self.app = app
        self.verifier = verifier  # the app's one verifier: it caches verified tokens
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        caller: str | None = None
        if not path.startswith(_OPEN_PREFIXES) and scope["method"] != "OPTIONS":
            token = None
            for key, value in scope["headers"]:
                if key == b"authorization":
                    scheme, _, credentials = value.decode("latin-1").partition(" ")
                    if scheme.lower() == "bearer" and credentials.strip():
                        token = credentials.strip()
                    break
            try:
                if token is None:
                    raise Unauthorized("A bearer token is required.")
                principal = self.verifier.verify(token)
            except DomainError as exc:
                await send_problem(scope, receive, send, exc)
                return
            scope.setdefault("state", {})["principal"] = principal
            caller = "sub:" + principal.sub
        if self.limiter is not None and not path.startswith(_UNLIMITED):
            if caller is None:
                client = scope.get("client")
                caller = "ip:" + (client[0] if client else "unknown")
            wait = self.limiter.take(caller)
            if wait:
                await send_problem(scope, receive, send, TooManyRequests(wait))
                return
        await self.app(scope, receive, send)
