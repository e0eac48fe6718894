"""Shared pieces of the tally property tests: a seeded random writer that drives the real
HTTP API, and the check that the fast figures (tallies) equal a full recount.

The driver is seeded (not hypothesis): every step is an HTTP call on a real PostgreSQL, and
shrinking would replay hundreds of transactions; the seed and the step log in a failure
message reproduce a run exactly.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import httpx

from services.common.auth import Principal
from services.common.disclosure import PII_SCOPE, Disclosure

Document = dict[str, Any]


class RandomWriter:
    """Random writes through the API; refused ones (4xx) are part of the game, 5xx are not."""

    def __init__(self, client: httpx.AsyncClient, seed: int) -> None:
        self.client = client
        self.seed = seed
        self.rng = random.Random(seed)
        self.done: Counter[str] = Counter()  # successful writes by kind
        self.answers: Counter[tuple[str, int]] = Counter()  # (kind, status) of every write
        self.log: list[str] = []

    def pick(self, items: Iterable[Any]) -> Any:
        items = list(items)
        return self.rng.choice(items) if items else None

    async def _send(self, kind: str, method: str, path: str, **kwargs: Any) -> Document | None:
        r = await self.client.request(method, path, **kwargs)
        assert r.status_code < 500, f"seed {self.seed}: {method} {path} → {r.status_code} {r.text}"
        detail = r.json().get("detail", "") if r.status_code >= 400 else ""
        self.log.append(f"{kind} {method} {path} {kwargs.get('json')} → {r.status_code} {detail}")
        self.answers[kind, r.status_code] += 1
        if r.status_code >= 300:
            return None
        self.done[kind] += 1
        return r.json()  # type: ignore[no-any-return]

    async def _etag(self, path: str) -> str | None:
        r = await self.client.get(path)
        return r.headers.get("etag") if r.status_code == 200 else None

    async def create(self, kind: str, path: str, body: Document) -> Document | None:
        return await self._send(kind, "POST", path, json=body)

    async def update(self, kind: str, path: str, body: Document) -> Document | None:
        etag = await self._etag(path)
        if etag is None:
            return None
        return await self._send(kind, "PATCH", path, json=body, headers={"If-Match": etag})

    async def put(self, kind: str, path: str, body: Document) -> Document | None:
        """PUT ``body``, with If-Match when the resource already exists."""
        etag = await self._etag(path)
        headers = {"If-Match": etag} if etag else {}
        return await self._send(kind, "PUT", path, json=body, headers=headers)

    async def archive(self, kind: str, path: str) -> Document | None:
        etag = await self._etag(path)
        if etag is None:
            return None
        return await self._send(kind, "DELETE", path, headers={"If-Match": etag})

    async def transition(self, kind: str, path: str, to: str, **extra: Any) -> Document | None:
        return await self._send(kind, "POST", f"{path}/transitions", json={"to": to, **extra})

    def failure(self) -> str:
        answers = ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(self.answers.items()))
        return f"seed {self.seed}; answers: {answers}; last steps:\n" + "\n".join(self.log[-15:])


def disclosure_for(principal: Principal) -> Disclosure:
    """What the stats route would use for ``principal`` (default minimum cell size)."""
    return Disclosure(exact=principal.has_scope(PII_SCOPE))


def territories(municipalities: Iterable[str]) -> list[dict[str, str]]:
    """Query filters of every territory to compare: the whole country, each department of
    ``municipalities``, and each of them."""
    codes = sorted(set(municipalities))
    return [
        {},
        *({"department_code": d} for d in sorted({c[:2] for c in codes})),
        *({"municipality_code": c} for c in codes),
    ]


def _comparable(document: Mapping[str, Any]) -> Document:
    return {k: v for k, v in document.items() if k != "generated_at"}


async def assert_fast_equals_recount(
    client: httpx.AsyncClient,
    path: str,
    recount: Callable[[Mapping[str, str]], Awaitable[Document]],
    filters: Iterable[Mapping[str, str]],
    *,
    writer: RandomWriter,
) -> int:
    """For every filter set, the statistics served over HTTP (from the tallies) equal the
    same statistics recounted from the records; the number of comparisons."""
    compared = 0
    for params in filters:
        r = await client.get(path, params=dict(params))
        assert r.status_code == 200, r.text
        fast = _comparable(r.json())
        slow = _comparable(await recount(params))
        assert fast == slow, f"{path} {dict(params)} differs; {writer.failure()}"
        compared += 1
    return compared
