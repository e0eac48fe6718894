"""Reading one service's change feed: long polls from the stored cursor, each page fanned out.

Every worker runs a reader per feed, but only the one holding the feed's advisory lock reads
it; when that worker dies its connection closes, the lock is free, and another takes over
from the cursor in the database.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
import procrastinate
import psycopg

from services.common.auth import mint_token
from services.webhooks.feeds import repository, service
from services.webhooks.feeds.service import Change
from services.webhooks.metrics import WorkerMetrics
from services.webhooks.queue import libpq_url
from services.webhooks.settings import FEED_SCOPES, WebhooksSettings

logger = logging.getLogger("somos.webhooks.feeds")

FEED_PATH = "/api/v1/changes"
SERVICE_ACCOUNT = "somos-webhooks"
TOKEN_LIFETIME = 3600


class FeedUnavailable(RuntimeError):
    """The feed answered with an error or could not be reached."""


class CursorExpired(RuntimeError):
    """The feed no longer keeps the changes after the stored cursor (410: retention)."""


class FeedToken:
    """The service account's bearer token, renewed at half its lifetime: the configured one;
    else one asked of the identity provider by client credentials; else minted (HS256)."""

    def __init__(self, settings: WebhooksSettings, client: httpx.AsyncClient) -> None:
        self.settings = settings
        self.client = client
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    async def value(self) -> str:
        if self.settings.feed_token is not None:
            return self.settings.feed_token.get_secret_value()
        async with self._lock:  # one renewal for every feed reader
            if self._token is None or time.time() >= self._renew_at:
                if self.settings.uses_client_credentials:
                    self._token, lifetime = await self._client_credentials()
                else:
                    self._token, lifetime = self._minted(), TOKEN_LIFETIME
                self._renew_at = time.time() + lifetime / 2
            return self._token

    def _minted(self) -> str:
        return mint_token(
            self.settings.platform,
            scopes=sorted(set(FEED_SCOPES.values())),
            sub=SERVICE_ACCOUNT,
            ttl_seconds=TOKEN_LIFETIME,
        )

    async def _client_credentials(self) -> tuple[str, float]:
        """POST grant_type=client_credentials to the provider's token endpoint (RFC 6749
        §4.4, client authenticated with HTTP Basic); the token and its lifetime."""
        settings = self.settings
        assert settings.feed_token_url and settings.feed_client_id and settings.feed_client_secret
        form = {
            "grant_type": "client_credentials",
            "scope": " ".join(sorted(set(FEED_SCOPES.values()))),
        }
        if settings.feed_token_resource:
            form["resource"] = settings.feed_token_resource
        try:
            response = await self.client.post(
                settings.feed_token_url,
                data=form,
                auth=(settings.feed_client_id, settings.feed_client_secret.get_secret_value()),
                timeout=10,
            )
        except httpx.HTTPError as exc:
            raise FeedUnavailable(f"token endpoint: {type(exc).__name__}") from exc
        if response.status_code != 200:
            raise FeedUnavailable(f"token endpoint answered {response.status_code}")
        body = response.json()
        return str(body["access_token"]), float(body.get("expires_in") or 300)


class FeedReader:
    """Reads ``source``'s feed while this process holds its lock; fans each page out."""

    def __init__(
        self,
        source: str,
        *,
        settings: WebhooksSettings,
        job_queue: procrastinate.App,
        client: httpx.AsyncClient,
        token: FeedToken,
        metrics: WorkerMetrics | None = None,
    ) -> None:
        self.source = source
        self.metrics = metrics
        self.settings = settings
        self.job_queue = job_queue
        self.client = client
        self.token = token
        self.base_url = settings.feed_url(source)

    async def run(self) -> None:
        """Forever (until cancelled): take the feed's lock, then read; retry after failures."""
        assert self.settings.database_url
        conninfo = libpq_url(self.settings.database_url)
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    conninfo, autocommit=True
                ) as lock_conn:
                    if await repository.try_lock_feed(lock_conn, self.source):
                        logger.info("reading change feed", extra={"feed": self.source})
                        await self._read_while_locked(lock_conn)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning(
                    "change feed reader failed",
                    extra={"feed": self.source, "error_type": type(exc).__name__},
                )
            await asyncio.sleep(self.settings.feed_error_pause_seconds)

    async def _read_while_locked(self, lock_conn: psycopg.AsyncConnection[Any]) -> None:
        pool = self.job_queue.connector.pool  # type: ignore[attr-defined]
        while True:
            await lock_conn.execute("SELECT 1")  # still holding the lock?
            async with pool.connection() as conn:
                after = await repository.get_cursor(conn, self.source)
            try:
                items, next_cursor = await self.fetch(after)
            except CursorExpired:
                # Changes were deleted by the service's retention before they were read (the
                # workers were stopped for longer than it): they cannot be sent. Go on from the
                # oldest change still kept rather than stop every delivery of this feed.
                logger.error(
                    "change feed cursor expired: changes were lost; resuming from the oldest kept",
                    extra={"feed": self.source},
                )
                async with pool.connection() as conn:
                    await repository.forget_cursor(conn, self.source, after)
                continue
            changes = [Change.from_item(item) for item in items]
            if self.metrics is not None:
                newest = changes[-1].occurred_at if changes else None
                self.metrics.feed_read(self.source, newest, count=len(changes))
            async with pool.connection() as conn:
                await service.fan_out(
                    conn,
                    self.job_queue,
                    source=self.source,
                    after=after,
                    changes=changes,
                    next_cursor=next_cursor,
                    public_base_url=self.settings.public_base_url,
                )

    async def fetch(self, after: str | None) -> tuple[list[dict[str, Any]], str | None]:
        """One long poll: the changes after ``after`` (waits for one when there are none)."""
        params: dict[str, Any] = {
            "limit": self.settings.feed_page_size,
            "wait": self.settings.feed_wait_seconds,
        }
        if after is not None:
            params["after"] = after
        try:
            response = await self.client.get(
                self.base_url + FEED_PATH,
                params=params,
                headers={"Authorization": f"Bearer {await self.token.value()}"},
                timeout=self.settings.feed_wait_seconds + 10,
            )
        except httpx.HTTPError as exc:
            raise FeedUnavailable(f"{self.source}: {type(exc).__name__}") from exc
        if response.status_code == 410 and after is not None:
            raise CursorExpired(self.source)
        if response.status_code != 200:
            raise FeedUnavailable(f"{self.source}: answered {response.status_code}")
        body = response.json()
        return list(body.get("items") or []), body.get("next_cursor")
