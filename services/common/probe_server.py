"""A small HTTP server for processes that are not web apps (workers): ``/healthz`` and
``/metrics`` on their own port, served from the process's event loop.

It answers from the loop itself, so a worker whose loop is blocked fails its liveness probe.
Only ``GET``/``HEAD`` of those two paths are served; one request per connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.registry import CollectorRegistry

logger = logging.getLogger("somos.probe")

READ_TIMEOUT = 5.0
MAX_HEADER_LINES = 100
REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 400: "Bad Request"}


class ProbeServer:
    """Serves ``registry`` at /metrics (after awaiting ``before_scrape``) and /healthz."""

    def __init__(
        self,
        registry: CollectorRegistry,
        *,
        before_scrape: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.registry = registry
        self.before_scrape = before_scrape

    async def start(self, host: str, port: int) -> asyncio.Server:
        """Listen on ``host:port`` (``OSError`` when taken); the caller closes the server."""
        return await asyncio.start_server(self._handle, host, port)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            status, content_type, body, head = await self._answer(reader)
            reply = (
                f"HTTP/1.1 {status} {REASONS[status]}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode("latin-1")
            writer.write(reply if head else reply + body)
            await writer.drain()
        except (TimeoutError, ConnectionError, ValueError):
            pass  # a client that went away, was too slow or sent garbage
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader) -> tuple[int, str, bytes, bool]:
        line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT)
        for _ in range(MAX_HEADER_LINES):  # the headers are not needed
            if (await asyncio.wait_for(reader.readline(), READ_TIMEOUT)) in (b"\r\n", b"\n", b""):
                break
        parts = line.decode("latin-1").split()
        if len(parts) != 3:
            return 400, "text/plain", b"bad request\n", False
        method, path = parts[0], urlsplit(parts[1]).path
        head = method == "HEAD"
        if path not in ("/healthz", "/metrics"):
            return 404, "text/plain", b"not found\n", head
        if method not in ("GET", "HEAD"):
            return 405, "text/plain", b"method not allowed\n", head
        if path == "/healthz":
            return 200, "application/json", json.dumps({"status": "ok"}).encode(), head
        if self.before_scrape is not None:
            try:
                await self.before_scrape()
            except Exception as exc:  # the rest of the metrics are still worth serving
                logger.warning("metrics sampling failed", extra={"error_type": type(exc).__name__})
        return 200, CONTENT_TYPE_LATEST, generate_latest(self.registry), head
