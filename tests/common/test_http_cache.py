"""HttpCacheMiddleware on a small app: ETags, 304 to If-None-Match, gzip over 1 KB, Vary."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse, StreamingResponse

from services.common.http_cache import (
    HttpCacheMiddleware,
    accepts_gzip,
    body_etag,
    if_none_match_matches,
    volatile_patterns,
)
from services.common.observability import RequestContextMiddleware

BIG = {"items": [{"id": i, "name": f"Organización sintética {i:06d}"} for i in range(80)]}
BIG_JSON = json.dumps(BIG, separators=(",", ":"), ensure_ascii=False).encode()
assert len(BIG_JSON) > 1024


def cache_app() -> FastAPI:
    app = FastAPI()

    @app.api_route("/record", methods=["GET", "HEAD"])
    async def record(response: Response) -> dict[str, str]:
        response.headers["ETag"] = '"7"'
        response.headers["Server-Timing"] = 'db;dur=1.5;desc="read"'
        return {"name": "La Esperanza"}

    @app.get("/big-record")
    async def big_record() -> Response:
        return Response(
            BIG_JSON,
            media_type="application/json",
            headers={"ETag": '"3"', "Link": '</next>; rel="next"'},
        )

    @app.get("/stats")
    async def stats() -> JSONResponse:
        return JSONResponse(BIG)

    @app.get("/report")
    async def report(n: int = 0) -> JSONResponse:
        return JSONResponse(
            {
                "generated_at": f"2026-12-02T17:0{n}:00Z",
                "figures": {"total": 12},
                "note": "x" * 2000,
            }
        )

    @app.get("/small")
    async def small() -> dict[str, int]:
        return {"total": 3}

    @app.get("/missing")
    async def missing() -> JSONResponse:
        return JSONResponse({"detail": "x" * 2000}, status_code=404, headers={"ETag": '"1"'})

    @app.get("/stream")
    async def stream() -> StreamingResponse:
        async def chunks() -> AsyncIterator[bytes]:
            for i in range(3):
                yield (f'{{"chunk":{i},"pad":"' + "y" * 1000 + '"}\n').encode()

        return StreamingResponse(chunks(), media_type="application/json", headers={"ETag": '"s1"'})

    @app.get("/image")
    async def image() -> Response:
        return Response(b"\x89PNG" + b"\0" * 4000, media_type="image/png")

    @app.post("/items")
    async def create() -> JSONResponse:
        return JSONResponse(BIG, status_code=201)

    app.add_middleware(HttpCacheMiddleware)
    app.add_middleware(RequestContextMiddleware, service="test")
    return app


@pytest.fixture
async def http():
    transport = httpx.ASGITransport(app=cache_app())
    # httpx decompresses for us unless told otherwise; tests that look at bytes use raw().
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


async def raw(http: httpx.AsyncClient, path: str, **headers: str) -> httpx.Response:
    """GET without httpx's transparent decompression: the bytes as the server sent them."""
    request = http.build_request("GET", path, headers=headers)
    response = await http.send(request, stream=True)
    body = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    response._content = body
    return response


# --- the header grammar ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "etag", "matches"),
    [
        (b'"7"', b'"7"', True),
        (b'W/"7"', b'"7"', True),  # weak comparison: W/ ignored on both sides
        (b'"7"', b'W/"7"', True),
        (b'"6", "7"', b'"7"', True),
        (b'"6",W/"7" , "8"', b'"7"', True),
        (b"*", b'"anything"', True),
        (b'"6", "8"', b'"7"', False),
        (b"7", b'"7"', False),  # not an entity tag
        (b'"a,b"', b'"a,b"', True),  # commas inside a tag
        (b'"a"', b'"a,b"', False),
        (b"", b'"7"', False),
    ],
)
def test_if_none_match_uses_weak_comparison(header, etag, matches):
    assert if_none_match_matches(header, etag) is matches


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        (b"gzip", True),
        (b"gzip, deflate, br", True),
        (b"br;q=1.0, gzip;q=0.5", True),
        (b"GZIP", True),
        (b"x-gzip", True),
        (b"*", True),
        (b"identity", False),
        (b"gzip;q=0", False),
        (b"*, gzip;q=0", False),
        (b"*;q=0", False),
        (b"br, zstd", False),
        (b"", False),
    ],
)
def test_accept_encoding(header, ok):
    assert accepts_gzip(header) is ok


def test_body_etags_are_strong_unless_a_volatile_field_was_left_out():
    patterns = volatile_patterns(["generated_at"])
    plain = body_etag(b'{"total":3}', patterns)
    assert plain.startswith(b'"b') and plain.endswith(b'"')
    assert body_etag(b'{"total":4}', patterns) != plain
    first = body_etag(b'{"generated_at":"2026-12-02T17:00:00Z","total":3}', patterns)
    later = body_etag(b'{"generated_at": "2026-12-02T17:05:00Z","total":3}', patterns)
    assert first == later and first.startswith(b'W/"b')
    assert body_etag(b'{"generated_at":"2026-12-02T17:00:00Z","total":4}', patterns) != first


# --- conditional GET ---------------------------------------------------------------------


async def test_matching_if_none_match_answers_304_with_no_body(http):
    first = await http.get("/record")
    assert first.status_code == 200 and first.headers["etag"] == '"7"'
    r = await raw(http, "/record", **{"If-None-Match": '"7"'})
    assert r.status_code == 304
    assert r.content == b""
    assert r.headers["etag"] == '"7"'
    assert r.headers["server-timing"] == 'db;dur=1.5;desc="read"'
    assert len(r.headers["x-request-id"]) == 32
    assert "content-type" not in r.headers
    assert "content-encoding" not in r.headers


async def test_weak_star_and_list_forms_match(http):
    for header in ('W/"7"', "*", '"1", "7"', '"1",W/"7"'):
        r = await raw(http, "/record", **{"If-None-Match": header})
        assert (r.status_code, r.content) == (304, b""), header


async def test_a_stale_tag_gets_the_full_answer(http):
    r = await http.get("/record", headers={"If-None-Match": '"6"'})
    assert r.status_code == 200
    assert r.json() == {"name": "La Esperanza"}
    assert r.headers["etag"] == '"7"'


async def test_304_keeps_link_and_vary_of_a_large_answer(http):
    r = await raw(http, "/big-record", **{"If-None-Match": '"3"', "Accept-Encoding": "gzip"})
    assert r.status_code == 304 and r.content == b""
    assert r.headers["etag"] == '"3"'
    assert r.headers["link"] == '</next>; rel="next"'
    assert r.headers["vary"] == "Accept-Encoding"


async def test_answers_without_an_etag_get_a_hash_of_their_body(http):
    first = await http.get("/stats")
    again = await http.get("/stats")
    tag = first.headers["etag"]
    assert tag.startswith('"b') and again.headers["etag"] == tag
    r = await raw(http, "/stats", **{"If-None-Match": tag})
    assert (r.status_code, r.content, r.headers["etag"]) == (304, b"", tag)
    # The same tag whether the body went out compressed or not.
    plain = await raw(http, "/stats", **{"Accept-Encoding": "identity"})
    assert plain.headers["etag"] == tag and "content-encoding" not in plain.headers


async def test_a_timestamp_alone_does_not_change_the_etag(http):
    first = await http.get("/report", params={"n": 1})
    later = await http.get("/report", params={"n": 5})
    assert first.json()["generated_at"] != later.json()["generated_at"]
    assert first.headers["etag"] == later.headers["etag"]
    assert first.headers["etag"].startswith('W/"b')
    r = await raw(http, "/report?n=7", **{"If-None-Match": first.headers["etag"]})
    assert (r.status_code, r.content) == (304, b"")


async def test_errors_and_other_methods_are_never_304(http):
    r = await http.get("/missing", headers={"If-None-Match": '"1"'})
    assert r.status_code == 404 and r.json()["detail"] == "x" * 2000
    r = await http.post("/items", headers={"If-None-Match": "*"})
    assert r.status_code == 201 and r.json() == BIG
    assert "etag" not in r.headers


async def test_head_answers_304_too(http):
    r = await http.head("/record", headers={"If-None-Match": '"7"'})
    assert r.status_code == 304 and r.content == b""


# --- compression -------------------------------------------------------------------------


async def test_large_json_is_gzipped_and_decompresses_to_the_exact_json(http):
    r = await raw(http, "/stats", **{"Accept-Encoding": "gzip, deflate"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "gzip"
    assert r.headers["vary"] == "Accept-Encoding"
    assert int(r.headers["content-length"]) == len(r.content) < len(BIG_JSON)
    assert gzip.decompress(r.content) == BIG_JSON
    assert json.loads(gzip.decompress(r.content)) == BIG


async def test_record_etag_and_link_survive_compression(http):
    r = await raw(http, "/big-record", **{"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert r.headers["etag"] == '"3"'
    assert r.headers["link"] == '</next>; rel="next"'
    assert gzip.decompress(r.content) == BIG_JSON


async def test_small_answers_are_not_compressed(http):
    r = await raw(http, "/small", **{"Accept-Encoding": "gzip"})
    assert r.content == b'{"total":3}'
    assert "content-encoding" not in r.headers
    assert "vary" not in r.headers


async def test_no_gzip_without_accept_encoding_but_vary_all_the_same(http):
    r = await raw(http, "/stats", **{"Accept-Encoding": "identity"})
    assert "content-encoding" not in r.headers
    assert r.content == BIG_JSON
    assert int(r.headers["content-length"]) == len(BIG_JSON)
    assert r.headers["vary"] == "Accept-Encoding"
    r = await raw(http, "/stats", **{"Accept-Encoding": "gzip;q=0, br"})
    assert "content-encoding" not in r.headers and r.content == BIG_JSON


async def test_binary_types_are_left_alone(http):
    r = await raw(http, "/image", **{"Accept-Encoding": "gzip"})
    assert "content-encoding" not in r.headers
    assert r.content == b"\x89PNG" + b"\0" * 4000


async def test_post_answers_are_compressed_too(http):
    request = http.build_request("POST", "/items", headers={"Accept-Encoding": "gzip"})
    response = await http.send(request, stream=True)
    body = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.status_code == 201
    assert response.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(body)) == BIG


async def test_streaming_answers_pass_through_untouched(http):
    r = await raw(http, "/stream", **{"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert "content-encoding" not in r.headers
    lines = [json.loads(line) for line in r.content.decode().splitlines()]
    assert [line["chunk"] for line in lines] == [0, 1, 2]
    # Its ETag is known from the start line: a matching poll still gets a 304.
    r = await raw(http, "/stream", **{"If-None-Match": '"s1"'})
    assert (r.status_code, r.content) == (304, b"")


async def test_an_already_encoded_body_is_not_compressed_twice():
    packed = gzip.compress(BIG_JSON)

    async def upstream(scope, receive, send):  # e.g. the gateway passing on a service's gzip
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-encoding", b"gzip"),
                    (b"content-length", str(len(packed)).encode()),
                    (b"etag", b'"9"'),
                    (b"vary", b"Accept-Encoding"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": packed})

    transport = httpx.ASGITransport(app=HttpCacheMiddleware(upstream))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        r = await raw(client, "/x", **{"Accept-Encoding": "gzip"})
    assert r.content == packed
    assert r.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(r.content) == BIG_JSON
