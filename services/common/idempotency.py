"""Idempotency-Key for POST: the same key and body replays the first response.

Keys live in the service's own database (table ``idempotency_keys``), scoped per caller
(the token's ``sub``) and kept at least ``SOMOS_IDEMPOTENCY_TTL_HOURS`` (24 h by default).
Same key with another body → 422; same key while the first request runs → 409. Responses
of 5xx are not stored, so a retry after a server failure runs again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.db import Database
from services.common.errors import Unauthorized

TABLE = "idempotency_keys"
MAX_KEY_LENGTH = 255


def create_table_ddl(op: Any) -> None:
    """Create the table from a migration (same shape in every service)."""
    op.create_table(
        TABLE,
        sa.Column("caller", sa.String(255), nullable=False),
        sa.Column("key", sa.String(MAX_KEY_LENGTH), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("response_status", sa.Integer, nullable=True),
        sa.Column("response_headers", sa.Text, nullable=True),
        sa.Column("response_body", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("caller", "key", name=f"pk_{TABLE}"),
    )
    op.create_index(f"ix_{TABLE}_expires_at", TABLE, ["expires_at"])


def _problem(status: int, slug: str, title: str, detail: str, request_id: str | None) -> Message:
    return {
        "status": status,
        "body": json.dumps(
            {
                "type": f"urn:somos:problem:{slug}",
                "title": title,
                "status": status,
                "detail": detail,
                "instance": None,
                "request_id": request_id,
            }
        ).encode(),
    }


class IdempotencyMiddleware:
    """Pure-ASGI middleware applying Idempotency-Key to POST requests."""

    def __init__(self, app: ASGIApp, *, ttl_hours: int = 24) -> None:
        self.app = app
        self.ttl = timedelta(hours=ttl_hours)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key_raw = headers.get(b"idempotency-key")
        if key_raw is None:
            await self.app(scope, receive, send)
            return
        request_id = scope.get("state", {}).get("request_id")
        key = key_raw.decode("latin-1").strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            await self._send_problem(
                send,
                _problem(
                    422,
                    "validation-error",
                    "The request is not valid",
                    f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters.",
                    request_id,
                ),
            )
            return
        caller = self._caller(scope, headers.get(b"authorization"))
        if caller is None:  # the route itself answers 401
            await self.app(scope, receive, send)
            return

        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
        digest = hashlib.sha256(
            b"\n".join(
                [
                    scope["method"].encode(),
                    scope["path"].encode(),
                    scope.get("query_string", b""),
                    body,
                ]
            )
        ).hexdigest()

        database: Database = scope["app"].state.database
        assert database.pool is not None
        now = datetime.now(UTC)
        async with database.pool.acquire() as conn:
            inserted = await conn.fetchval(
                f"INSERT INTO {TABLE} (caller, key, request_hash, state, created_at, expires_at) "
                "VALUES ($1, $2, $3, 'in_flight', $4, $5) ON CONFLICT DO NOTHING RETURNING 1",
                caller,
                key,
                digest,
                now,
                now + self.ttl,
            )
            if not inserted:
                row = await conn.fetchrow(
                    f"SELECT request_hash, state, response_status, response_headers, "
                    f"response_body, expires_at FROM {TABLE} WHERE caller = $1 AND key = $2",
                    caller,
                    key,
                )
                if row is not None and row["expires_at"] <= now:
                    await conn.execute(
                        f"DELETE FROM {TABLE} WHERE caller = $1 AND key = $2", caller, key
                    )
                    await self.__call__(scope, _replay_receive(body, receive), send)
                    return
                if row is None:  # vanished between the two statements: treat as in flight
                    row = {"request_hash": digest, "state": "in_flight"}
                if row["request_hash"] != digest:
                    await self._send_problem(
                        send,
                        _problem(
                            422,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "This Idempotency-Key was already used with a different request body.",
                            request_id,
                        ),
                    )
                    return
                if row["state"] != "completed":
                    await self._send_problem(
                        send,
                        _problem(
                            409,
                            "idempotency-in-flight",
                            "Request still in progress",
                            "A request with this Idempotency-Key is still being processed; "
                            "retry later.",
                            request_id,
                        ),
                        retry_after=True,
                    )
                    return
                stored_headers = [
                    (k.encode("latin-1"), v.encode("latin-1"))
                    for k, v in json.loads(row["response_headers"] or "[]")
                ]
                stored_headers.append((b"idempotent-replayed", b"true"))
                await send(
                    {
                        "type": "http.response.start",
                        "status": row["response_status"],
                        "headers": stored_headers,
                    }
                )
                await send({"type": "http.response.body", "body": row["response_body"] or b""})
                return

        captured: dict[str, Any] = {"status": 500, "headers": [], "body": bytearray()}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message["headers"]
                    if k.lower() not in (b"x-request-id", b"content-length", b"date", b"server")
                ]
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, _replay_receive(body, receive), capture)
        except BaseException:
            await self._forget(database, caller, key)
            raise
        if captured["status"] >= 500:
            await self._forget(database, caller, key)
            return
        async with database.pool.acquire() as conn:
            await conn.execute(
                f"UPDATE {TABLE} SET state = 'completed', response_status = $3, "
                "response_headers = $4, response_body = $5 WHERE caller = $1 AND key = $2",
                caller,
                key,
                captured["status"],
                json.dumps(captured["headers"]),
                bytes(captured["body"]),
            )

    @staticmethod
    def _caller(scope: Scope, authorization: bytes | None) -> str | None:
        if not authorization or not authorization.lower().startswith(b"bearer "):
            return None
        verifier = scope["app"].state.token_verifier
        try:
            return str(verifier.verify(authorization[7:].decode("latin-1").strip()).sub)
        except Unauthorized:
            return None

    @staticmethod
    async def _forget(database: Database, caller: str, key: str) -> None:
        assert database.pool is not None
        async with database.pool.acquire() as conn:
            await conn.execute(f"DELETE FROM {TABLE} WHERE caller = $1 AND key = $2", caller, key)

    @staticmethod
    async def _send_problem(send: Send, problem: Message, retry_after: bool = False) -> None:
        headers = [(b"content-type", b"application/problem+json")]
        if retry_after:
            headers.append((b"retry-after", b"1"))
        await send({"type": "http.response.start", "status": problem["status"], "headers": headers})
        await send({"type": "http.response.body", "body": problem["body"]})


def _replay_receive(body: bytes, upstream: Receive) -> Receive:
    """Hand the buffered body to the app once, then pass through (for disconnects)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await upstream()

    return receive


async def purge_expired(database: Database) -> int:
    """Delete keys past their expiry; returns how many."""
    assert database.pool is not None
    async with database.pool.acquire() as conn:
        result = await conn.execute(f"DELETE FROM {TABLE} WHERE expires_at < now()")
    return int(result.split()[-1])


async def purge_expired_url(database_url: str) -> int:
    """Delete the keys past their expiry in the database at ``database_url`` (``somos purge``).

    Each key's expiry was fixed when it was stored (its creation plus
    ``SOMOS_IDEMPOTENCY_TTL_HOURS``); a key in flight or answered within its TTL stays."""
    import asyncpg

    from services.common.db import asyncpg_dsn

    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        result = await conn.execute(f"DELETE FROM {TABLE} WHERE expires_at < now()")
    finally:
        await conn.close()
    return int(result.split()[-1])
