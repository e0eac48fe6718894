"""One signed POST of a delivery to its subscriber, to the address checked just before."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import httpx

from services.webhooks.addresses import UnsafeDestination, resolve
from services.webhooks.signing import signature_headers

USER_AGENT = "Somos-Webhooks/1.0"


@dataclass(frozen=True)
class Answer:
    """What one request got: the status code, or why there was none; and how long it took."""

    status_code: int | None
    error: str | None
    latency_ms: int

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def send(
    client: httpx.AsyncClient,
    *,
    url: str,
    secrets: Sequence[str],
    message_id: str,
    body: str,
    at: datetime,
    allow_private: bool,
    production: bool,
    timeout_seconds: float,
) -> Answer:
    """POST ``body`` signed with each of ``secrets``; the host is resolved and checked (DNS
    rebinding)."""
    started = time.perf_counter()

    def elapsed() -> int:
        return int((time.perf_counter() - started) * 1000)

    try:
        destination = await resolve(url, allow_private=allow_private, production=production)
    except UnsafeDestination as exc:
        return Answer(None, f"destination refused: {exc}", elapsed())
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "host": destination.host_header,
        **signature_headers(secrets=secrets, message_id=message_id, body=body, at=at),
    }
    extensions = {"sni_hostname": destination.host} if destination.scheme == "https" else {}
    try:
        response = await client.post(
            destination.pinned_url(),
            content=body.encode(),
            headers=headers,
            timeout=timeout_seconds,
            extensions=extensions,
        )
    except httpx.TimeoutException:
        return Answer(None, "timed out", elapsed())
    except httpx.HTTPError as exc:
        return Answer(None, f"request failed: {type(exc).__name__}", elapsed())
    return Answer(response.status_code, None, elapsed())


def delivery_client() -> httpx.AsyncClient:
    """The worker's client: no redirects followed, no connection kept (each request is pinned
    to the address checked for it, with its own TLS server name)."""
    return httpx.AsyncClient(
        follow_redirects=False,
        limits=httpx.Limits(max_keepalive_connections=0, max_connections=200),
        trust_env=False,
    )
