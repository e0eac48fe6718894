"""Edge protections as pure-ASGI middleware: rate limits around the token check.

Order for an API call: a caller whose token the gateway has not verified yet (no token, a
new token, a forged one) first takes from its client address's *anonymous* bucket, so a flood
of bad tokens is refused with 429 before any signature is checked; then the token is
verified (401 never reaches a service); then the verified caller takes from its own bucket.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.ratelimit import Limiter, Policy
from gateway.resilience import TooManyRequests
from services.common.auth import TokenVerifier
from services.common.errors import DomainError, Unauthorized, problem_response

# Paths anyone may read without a token: health, the contract and its viewers.
_OPEN_PREFIXES = ("/healthz", "/readyz", "/openapi.json", "/docs", "/redoc", "/static/")
_UNLIMITED = ("/healthz", "/readyz")


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


class EdgeVerifier(TokenVerifier):
    """The kit's verifier (``known`` says whether a token is already known good, no crypto)."""


class EdgeMiddleware:
    """Anonymous limit per client address → token check → per-caller limit."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        verifier: EdgeVerifier,
        limiter: Limiter | None,
        caller_policy: Policy | None,
        anonymous_policy: Policy | None,
    ) -> None:
        self.app = app
        self.verifier = verifier  # the app's one verifier: it caches verified tokens
        self.limiter = limiter
        self.caller_policy = caller_policy
        self.anonymous_policy = anonymous_policy

    async def _limited(self, caller: str, policy: Policy | None) -> TooManyRequests | None:
        if self.limiter is None or policy is None:
            return None
        wait = await self.limiter.take(caller, policy)
        return TooManyRequests(wait) if wait else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        client = scope.get("client")
        address = "ip:" + (client[0] if client else "unknown")  # normalised by ForwardedMiddleware
        refusal: DomainError | None = None
        if not path.startswith(_OPEN_PREFIXES) and scope["method"] != "OPTIONS":
            token = None
            for key, value in scope["headers"]:
                if key == b"authorization":
                    scheme, _, credentials = value.decode("latin-1").partition(" ")
                    if scheme.lower() == "bearer" and credentials.strip():
                        token = credentials.strip()
                    break
            principal = self.verifier.known(token) if token else None
            if principal is None:
                refusal = await self._limited(address, self.anonymous_policy)
                if refusal is None:
                    try:
                        if token is None:
                            raise Unauthorized("A bearer token is required.")
                        principal = await self.verifier.verify_async(token)
                    except DomainError as exc:
                        refusal = exc
            if principal is not None:
                scope.setdefault("state", {})["principal"] = principal
                refusal = await self._limited("sub:" + principal.sub, self.caller_policy)
        elif not path.startswith(_UNLIMITED):
            refusal = await self._limited(address, self.anonymous_policy)
        if refusal is not None:
            await send_problem(scope, receive, send, refusal)
            return
        await self.app(scope, receive, send)
