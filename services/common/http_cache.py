"""Conditional GET and compression for every service and the gateway, as one ASGI middleware.

``HttpCacheMiddleware`` sits outside the routes (and outside the lean read path), looks at
each response as it leaves, and:

* **ETags every GET answer.** A response that already carries one (a record's version,
  ``"7"``) keeps it. A ``200`` GET without one (lists, statistics, composed views, results)
  gets a SHA-256 of its body: strong (``"b…"``) when the whole body is hashed, weak
  (``W/"b…"``) when fields that change on every call without the data changing
  (``generated_at``) were left out of the hash — two such answers are equivalent, not
  byte-identical (RFC 9110 §8.8.1).
* **Answers ``304 Not Modified``** to a GET or HEAD whose ``If-None-Match`` matches that ETag
  (weak comparison, ``*``, lists of tags: RFC 9110 §13.1.2): no body, the same ETag, and the
  other headers a ``200`` would carry except the ``Content-*`` ones (§15.4.5). The route still
  runs — this saves the body's bytes and the client's parsing, not the server's read.
* **Compresses with gzip** a complete body over ``minimum_size`` bytes of a text-like type
  (JSON, problem+json, CSV, text) when the client's ``Accept-Encoding`` allows gzip, and marks
  every such response ``Vary: Accept-Encoding`` (whether or not this client accepted gzip,
  so a shared cache keeps the two representations apart).

What it never does: touch a response that streams (its first body message says more is
coming — the gateway's pass-through of large upstream bodies) beyond answering ``304`` from
its start line; re-compress a body that already has a ``Content-Encoding`` (the gateway passes
on what a service compressed); drop or reorder headers it does not own (``Server-Timing``,
``Link``, ``X-Request-ID`` go out as they came).

A record's version ETag stays the same whether the body went out compressed or not: it names
the record's version, which is what ``If-Match`` compares (Somos serves no byte ranges, the
one place a strong validator must also tell encodings apart).

Measured (``docs/benchmarks-method.md``): gzip level 1 shrinks a 50-organization list page
7x in about 90 µs; zstd and brotli save a few hundred bytes more, not worth a dependency.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterable, Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMPRESS_MINIMUM_SIZE = 1024
COMPRESS_LEVEL = 1
VOLATILE_FIELDS = ("generated_at",)

_ENTITY_TAG = re.compile(rb'(?:W/)?"[^"]*"')
# Media types worth compressing: JSON (and +json), CSV, any text/*, XML, JavaScript.
_COMPRESSIBLE = re.compile(rb"^\s*(?:text/|application/(?:[\w.+-]*\+)?(?:json|xml|javascript)\b)")
# Headers a 304 must not carry: they describe a body it does not have.
_NOT_ON_304 = frozenset(
    {
        b"content-length",
        b"content-type",
        b"content-encoding",
        b"content-language",
        b"content-disposition",
        b"content-range",
        b"transfer-encoding",
    }
)


def _opaque(tag: bytes) -> bytes:
    return tag[2:] if tag.startswith(b"W/") else tag


def if_none_match_matches(header: bytes, etag: bytes) -> bool:
    """Whether an ``If-None-Match`` value matches ``etag`` (weak comparison, RFC 9110 §13.1.2).

    ``*`` matches any current representation; otherwise the header is a comma-separated list
    of entity tags, each compared with ``W/`` removed from both sides. Unquoted tokens are not
    entity tags and match nothing.
    """
    if header.strip() == b"*":
        return True
    current = _opaque(etag.strip())
    return any(_opaque(tag) == current for tag in _ENTITY_TAG.findall(header))


def accepts_gzip(header: bytes) -> bool:
    """Whether an ``Accept-Encoding`` value allows gzip (``gzip``, ``x-gzip`` or ``*``, q > 0)."""
    named: float | None = None
    wildcard: float | None = None
    for part in header.split(b","):
        coding, _, params = part.partition(b";")
        coding = coding.strip().lower()
        quality = 1.0
        for param in params.split(b";"):
            key, _, value = param.partition(b"=")
            if key.strip().lower() == b"q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        if coding in (b"gzip", b"x-gzip"):
            named = max(named or 0.0, quality)
        elif coding == b"*":
            wildcard = quality
    if named is not None:
        return named > 0
    return wildcard is not None and wildcard > 0


def body_etag(body: bytes, volatile: Sequence[tuple[bytes, re.Pattern[bytes]]] = ()) -> bytes:
    """The ETag of a body: SHA-256 (128 bits kept), weak when ``volatile`` fields were left out.

    SHA-256 runs on the CPU's SHA extensions here: about 13 µs for a 22 KB list page (BLAKE2b
    took three times as long on the same machine).
    """
    hashed = body
    weak = False
    for needle, pattern in volatile:
        if needle in hashed:  # a plain search first: the regex scan costs ten times more
            hashed, count = pattern.subn(b'"":""', hashed)
            weak = weak or count > 0
    tag = b'"b' + hashlib.sha256(hashed).hexdigest()[:32].encode() + b'"'
    return b"W/" + tag if weak else tag


def volatile_patterns(fields: Iterable[str]) -> tuple[tuple[bytes, re.Pattern[bytes]], ...]:
    """What ``body_etag`` leaves out: each field as a JSON key and its string or null value."""
    out = []
    for name in fields:
        key = b'"' + name.encode() + b'"'
        out.append((key, re.compile(re.escape(key) + rb'\s*:\s*(?:"[^"]*"|null)')))
    return tuple(out)


class HttpCacheMiddleware:
    """ETags on GET answers, ``304`` to a matching ``If-None-Match``, gzip over 1 KB."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        minimum_size: int = COMPRESS_MINIMUM_SIZE,
        compress_level: int = COMPRESS_LEVEL,
        volatile_fields: Sequence[str] = VOLATILE_FIELDS,
    ) -> None:
        self.app = app
        self.minimum_size = minimum_size
        self.compress_level = compress_level
        self.volatile = volatile_patterns(volatile_fields)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        if_none_match: bytes | None = None
        gzip_ok = False
        for key, value in scope["headers"]:
            if key == b"if-none-match":
                if_none_match = value
            elif key == b"accept-encoding":
                gzip_ok = accepts_gzip(value)
        if method not in ("GET", "HEAD") and not gzip_ok:
            await self.app(scope, receive, send)  # nothing to add: leave the path untouched
            return
        responder = _Responder(self, send, method, if_none_match, gzip_ok)
        await self.app(scope, receive, responder.send)


class _Responder:
    """One response on its way out: holds the start line until the first body message."""

    __slots__ = ("conf", "downstream", "gzip_ok", "if_none_match", "method", "mode", "start")

    def __init__(
        self,
        conf: HttpCacheMiddleware,
        downstream: Send,
        method: str,
        if_none_match: bytes | None,
        gzip_ok: bool,
    ) -> None:
        self.conf = conf
        self.downstream = downstream
        self.method = method
        self.if_none_match = if_none_match
        self.gzip_ok = gzip_ok
        self.start: Message | None = None
        self.mode = "waiting"  # then "passing" (forward as is) or "dropping" (after a 304)

    async def send(self, message: Message) -> None:
        if self.mode == "passing":
            await self.downstream(message)
            return
        if self.mode == "dropping":
            return
        kind = message["type"]
        if kind == "http.response.start":
            self.start = message
            return
        if kind != "http.response.body" or self.start is None:
            await self._flush_start()  # anything unusual (trailers, pathsend) goes as it came
            await self.downstream(message)
            return
        start = self.start
        headers: list[tuple[bytes, bytes]] = list(start.get("headers", ()))
        status: int = start["status"]
        body: bytes = message.get("body", b"")
        streaming = bool(message.get("more_body", False))
        conditional = self.method in ("GET", "HEAD") and status == 200

        etag = _header(headers, b"etag")
        if conditional and etag is None and not streaming and body and self.method == "GET":
            etag = body_etag(body, self.conf.volatile)
            headers.append((b"etag", etag))
        if (
            conditional
            and etag is not None
            and self.if_none_match is not None
            and if_none_match_matches(self.if_none_match, etag)
        ):
            await self._not_modified(start, headers, body)
            return
        if streaming:
            self.mode = "passing"
            await self.downstream({**start, "headers": headers})
            await self.downstream(message)
            return

        self.mode = "passing"
        if self._compressible(status, headers, body):
            headers = _add_vary(headers)
            if self.gzip_ok:
                packed = gzip.compress(body, compresslevel=self.conf.compress_level, mtime=0)
                if len(packed) < len(body):
                    body = packed
                    headers = [(k, v) for k, v in headers if k != b"content-length"]
                    headers.append((b"content-encoding", b"gzip"))
                    headers.append((b"content-length", str(len(body)).encode()))
            message = {**message, "body": body}
        await self.downstream({**start, "headers": headers})
        await self.downstream(message)

    async def _flush_start(self) -> None:
        if self.start is not None:
            await self.downstream(self.start)
        self.mode = "passing"

    async def _not_modified(
        self, start: Message, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        if self._compressible(200, headers, body):
            headers = _add_vary(headers)
        kept = [(k, v) for k, v in headers if k not in _NOT_ON_304]
        self.mode = "dropping"  # the rest of a streamed body is not sent
        await self.downstream({**start, "status": 304, "headers": kept})
        await self.downstream({"type": "http.response.body", "body": b""})

    def _compressible(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> bool:
        if status < 200 or status in (204, 304) or self.method == "HEAD":
            return False
        if len(body) <= self.conf.minimum_size or _header(headers, b"content-encoding"):
            return False
        content_type = _header(headers, b"content-type")
        return content_type is not None and _COMPRESSIBLE.match(content_type) is not None


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _add_vary(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` with ``Accept-Encoding`` in ``Vary`` (merged into an existing one)."""
    for i, (key, value) in enumerate(headers):
        if key.lower() == b"vary":
            names = {v.strip().lower() for v in value.split(b",")}
            if b"accept-encoding" in names or b"*" in names:
                return headers
            return [*headers[:i], (key, value + b", Accept-Encoding"), *headers[i + 1 :]]
    return [*headers, (b"vary", b"Accept-Encoding")]
