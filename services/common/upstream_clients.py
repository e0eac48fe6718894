"""Pooled HTTP clients to other services, one per service, for an app's lifetime."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import httpx


@asynccontextmanager
async def pooled_clients(
    bases: Mapping[str, str],
    *,
    timeout_seconds: float,
    connect_timeout_seconds: float,
    max_connections: int,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """``{service: base URL}`` → one pooled ``httpx.AsyncClient`` each, closed on exit
    (``transports``: tests only)."""
    timeout = httpx.Timeout(timeout_seconds, connect=connect_timeout_seconds)
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    clients = {
        name: httpx.AsyncClient(
            base_url=url.rstrip("/"),
            timeout=timeout,
            limits=limits,
            transport=(transports or {}).get(name),
        )
        for name, url in bases.items()
    }
    try:
        yield clients
    finally:
        await asyncio.gather(*(c.aclose() for c in clients.values()))
