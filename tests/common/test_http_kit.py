"""The kit's HTTP pieces on a small app: problems, pagination cursors, If-Match, limits, logs."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI, Request
from pydantic import BaseModel

from services.common.concurrency import parse_if_match, require_if_match
from services.common.errors import InvalidInput, install_problem_handlers
from services.common.limits import BodyLimitMiddleware
from services.common.observability import (
    InFlight,
    JsonFormatter,
    Metrics,
    RequestContextMiddleware,
)
from services.common.pagination import decode_cursor, encode_cursor


class Item(BaseModel):
    name: str
    count: int


def small_app() -> FastAPI:
    app = FastAPI()

    @app.post("/items")
    async def create(item: Item) -> Item:
        return item

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("SELECT secret FROM attendees -- must never leak")

    @app.put("/guarded")
    async def guarded(request: Request) -> dict[str, str]:
        require_if_match(request, 3)
        return {"ok": "yes"}

    @app.get("/invalid")
    async def invalid() -> None:
        raise InvalidInput("municipality_code", "must be 5 digits")

    install_problem_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=100)
    app.add_middleware(RequestContextMiddleware, service="test", metrics=Metrics("test"))
    return app


@pytest.fixture
async def http():
    transport = httpx.ASGITransport(app=small_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


async def test_validation_errors_name_each_field(http):
    r = await http.post("/items", json={"name": 3, "count": "many"})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["type"] == "urn:somos:problem:validation-error"
    assert {e["field"] for e in body["errors"]} == {"name", "count"}
    assert body["instance"] == "/items"


async def test_unhandled_errors_leak_nothing(http, caplog):
    with caplog.at_level(logging.ERROR):
        r = await http.get("/boom")
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    text = r.text
    assert "SELECT" not in text and "Traceback" not in text and "RuntimeError" not in text
    assert r.json()["request_id"] == r.headers["x-request-id"]
    assert all("SELECT" not in rec.getMessage() for rec in caplog.records)


async def test_a_request_cut_off_at_shutdown_is_answered_503_before_the_cancel_goes_on():
    """What uvicorn does at the end of the grace period: cancel the request's task."""
    reached = asyncio.Event()

    async def stuck(scope, receive, send):
        reached.set()
        await asyncio.Event().wait()  # a statement waiting on a lock, say

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    in_flight = InFlight()
    app = RequestContextMiddleware(stuck, service="test", in_flight=in_flight)
    scope = {"type": "http", "method": "PATCH", "path": "/items/7", "headers": []}
    task = asyncio.create_task(app(scope, receive, send))
    await reached.wait()
    assert in_flight.count == 1
    assert await in_flight.drained(within=0.05) is False  # shutdown waits, boundedly
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task  # the cancel is not swallowed: the server still closes the connection
    assert in_flight.count == 0 and await in_flight.drained(within=0.05) is True

    start, body = sent
    headers = dict(start["headers"])
    assert start["status"] == 503
    assert headers[b"content-type"] == b"application/problem+json"
    assert (headers[b"retry-after"], headers[b"connection"]) == (b"5", b"close")
    problem = json.loads(body["body"])
    assert problem["type"] == "urn:somos:problem:shutting-down"
    assert problem["instance"] == "/items/7"
    assert problem["request_id"] == headers[b"x-request-id"].decode()
    assert int(headers[b"content-length"]) == len(body["body"])


async def test_router_404_405_and_typed_errors(http):
    r = await http.get("/nope")
    assert (r.status_code, r.json()["title"]) == (404, "Not Found")
    r = await http.delete("/items")
    assert r.status_code == 405 and r.json()["detail"] == "DELETE is not allowed on /items."
    r = await http.get("/invalid")
    assert r.json()["errors"] == [{"field": "municipality_code", "message": "must be 5 digits"}]


async def test_if_match(http):
    assert (await http.put("/guarded")).status_code == 428
    r = await http.put("/guarded", headers={"If-Match": '"2"'})
    assert r.status_code == 412 and r.headers["etag"] == '"3"'
    assert (await http.put("/guarded", headers={"If-Match": 'W/"3"'})).status_code == 200
    assert (await http.put("/guarded", headers={"If-Match": '"1", "3"'})).status_code == 200
    assert (await http.put("/guarded", headers={"If-Match": "*"})).status_code == 200
    assert parse_if_match('W/"4", "5"') == {"4", "5"}


async def test_body_limit_counts_streamed_bodies_too(http):
    async def chunks():
        for _ in range(5):
            yield b"x" * 40

    r = await http.post("/items", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = await http.post("/items", content=b"x" * 101, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413


def test_cursors_round_trip_and_reject_tampering():
    stamp = datetime(2025, 3, 14, 15, 9, 26, tzinfo=UTC)
    ident = uuid.uuid4()
    cursor = encode_cursor([stamp, ident])
    assert decode_cursor(cursor, 2) == [stamp, ident]
    with pytest.raises(InvalidInput):
        decode_cursor(cursor, 3)
    with pytest.raises(InvalidInput):
        decode_cursor("%%%", 2)


def test_json_logs_keep_only_allowed_fields():
    record = logging.LogRecord("somos.test", logging.INFO, __file__, 1, "request", None, None)
    record.method = "POST"
    record.full_name = "María Pérez"  # not an allowed field: must be dropped
    record.body = {"document_number": "1234567"}
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "POST" and line["message"] == "request"
    assert "full_name" not in line and "body" not in line
    assert "María" not in json.dumps(line)
