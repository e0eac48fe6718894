"""Idempotency-Key for POST: the same key and body replays the first response.

Keys live in the service's own database (table ``idempotency_keys``), scoped per caller
(the token's ``sub``) and kept at least ``SOMOS_IDEMPOTENCY_TTL_HOURS`` (24 h by default).
Same key with another body → 422; same key while the first request runs → 409. Responses
of 5xx are not stored, so a retry after a server failure runs again.

Nothing is written for a request whose token lacks a scope the route requires (the route
answers 403 itself): the route's ``require_scopes`` dependencies declare their scopes.

Routes whose answers carry personal data declare it with the ``PersonalData`` dependency
(a route requiring ``attendees:pii`` is treated so even without it).
Their answers are sent with ``Cache-Control: no-store``, and their idempotency records keep
no personal data: a success keeps its status and headers (``Location``, ``ETag``: ids and a
version) but not its body, and a replay re-reads the record at ``Location`` through the app
(the read route checks the scopes, the territory and writes the access log again), then
answers it with the first status. Error answers keep their problem bodies (problem details
never echo submitted values).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from fastapi import Depends, Request, Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.auth import PII_SCOPE, Principal, route_scopes
from services.common.db import Database
from services.common.errors import DomainError

TABLE = "idempotency_keys"
MAX_KEY_LENGTH = 255
NOT_REPLAYED = (b"x-request-id", b"content-length", b"date", b"server")


# What every answer carrying personal data says to caches (routes and the lean list path).
PERSONAL_DATA_HEADERS = {"Cache-Control": "no-store"}


def personal_data_response(request: Request, response: Response) -> None:
    """Marks a route whose answers carry personal data: never cached, never kept in clear."""
    response.headers.update(PERSONAL_DATA_HEADERS)
    request.state.personal_data = True  # the middleware's second line of defence


# `APIRouter(dependencies=[PersonalData])` or `@router.post(..., dependencies=[PersonalData])`.
PersonalData = Depends(personal_data_response)


@dataclass(frozen=True, slots=True)
class RoutePolicy:
    """What the middleware needs to know of the route a request goes to."""

    scopes: frozenset[str]
    personal: bool


def _route_for(routes: Any, scope: Scope) -> Any:
    """The route that will answer ``scope``, found the way the router finds it."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:  # FastAPI's included router: its own routes, prefixed already
            found = _route_for(included.routes, scope)
            if found is not None:
                return found
            continue
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return route
    return None


def _declares_personal_data(dependant: Any) -> bool:
    if dependant.call is personal_data_response:
        return True
    return any(_declares_personal_data(d) for d in dependant.dependencies)


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
        self._policies: dict[int, RoutePolicy] = {}

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
        principal = await self._principal(scope, headers.get(b"authorization"))
        policy = self._policy(scope)
        if principal is None or policy is None or not policy.scopes <= principal.scopes:
            # No token (401), no such route (404/405) or a scope missing (403): the app
            # answers, and no key is written for a request that cannot run.
            await self.app(scope, receive, send)
            return
        caller = principal.sub

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
                location = _header(stored_headers, b"location")
                if policy.personal and 200 <= row["response_status"] < 300 and location:
                    await self._replay_by_reading(scope, send, row["response_status"], location)
                    return
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
                    if k.lower() not in NOT_REPLAYED
                ]
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, _replay_receive(body, receive), capture)
        except BaseException:
            await self._forget(database, caller, key)
            raise
        status: int = captured["status"]
        stored_body: bytes | None = bytes(captured["body"])
        personal = policy.personal or scope.get("state", {}).get("personal_data", False)
        if personal and 200 <= status < 300:
            # Keep what a replay needs to re-read the record (status, Location, ETag), never
            # the personal data; without a Location there is nothing to re-read: run again.
            stored_body = None
            if not any(k.lower() == "location" for k, _ in captured["headers"]):
                await self._forget(database, caller, key)
                return
        if status >= 500:
            await self._forget(database, caller, key)
            return
        async with database.pool.acquire() as conn:
            await conn.execute(
                f"UPDATE {TABLE} SET state = 'completed', response_status = $3, "
                "response_headers = $4, response_body = $5 WHERE caller = $1 AND key = $2",
                caller,
                key,
                status,
                json.dumps(captured["headers"]),
                stored_body,
            )

    def _policy(self, scope: Scope) -> RoutePolicy | None:
        """The scopes and personal-data mark of the route this request goes to (None: none)."""
        route = _route_for(scope["app"].router.routes, scope)
        if route is None:
            return None
        policy = self._policies.get(id(route))
        if policy is None:
            dependant = getattr(route, "dependant", None)
            scopes = route_scopes(dependant) if dependant else frozenset()
            # A route needing the PII scope answers with personal data, marked or not.
            personal = PII_SCOPE in scopes or bool(dependant and _declares_personal_data(dependant))
            policy = RoutePolicy(scopes=scopes, personal=personal)
            self._policies[id(route)] = policy
        return policy

    async def _replay_by_reading(
        self, scope: Scope, send: Send, status: int, location: bytes
    ) -> None:
        """Replay a personal-data answer: GET ``location`` through the app with the caller's
        headers, then answer its body with the first status (or the read's problem)."""
        target = urlsplit(location.decode("latin-1"))
        forwarded = {b"authorization", b"accept", b"accept-language", b"host", b"traceparent"}
        read_scope = dict(scope)
        read_scope.update(
            method="GET",
            path=target.path,
            raw_path=target.path.encode(),
            query_string=target.query.encode(),
            headers=[(k, v) for k, v in scope["headers"] if k.lower() in forwarded],
            state=dict(scope.get("state", {})),
        )
        read: dict[str, Any] = {"status": 500, "headers": [], "body": bytearray()}

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                read["status"] = message["status"]
                read["headers"] = list(message["headers"])
            elif message["type"] == "http.response.body":
                read["body"] += message.get("body", b"")

        await self.app(read_scope, receive, capture)
        headers = [
            (k, v)
            for k, v in read["headers"]
            if k.lower() not in NOT_REPLAYED and k.lower() not in (b"location", b"link")
        ]
        if read["status"] == 200:
            headers.append((b"location", location))
            status_out = status
        else:  # gone, or no longer readable by this caller: say so, never the old data
            status_out = read["status"]
        headers += [
            (b"content-length", str(len(read["body"])).encode()),
            (b"idempotent-replayed", b"true"),
        ]
        await send({"type": "http.response.start", "status": status_out, "headers": headers})
        await send({"type": "http.response.body", "body": bytes(read["body"])})

    @staticmethod
    async def _principal(scope: Scope, authorization: bytes | None) -> Principal | None:
        if not authorization or not authorization.lower().startswith(b"bearer "):
            return None
        verifier = scope["app"].state.token_verifier
        try:
            principal: Principal = await verifier.verify_async(
                authorization[7:].decode("latin-1").strip()
            )
        except DomainError:  # not valid (401) or keys unavailable (503): the app answers
            return None
        return principal

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


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


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
