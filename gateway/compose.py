"""Fan-out helpers of the composed views: parallel calls, a time budget, partial answers."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from gateway.upstreams import Headers, Upstream
from services.common.errors import DomainError
from services.common.observability import current_request_id

logger = logging.getLogger("somos.gateway.compose")
PAGE_LIMIT = 200


class PartFailed(Exception):
    """An upstream call of a composed view did not give a usable answer."""

    def __init__(self, upstream: str, status: int | None, detail: str) -> None:
        super().__init__(detail)
        self.upstream = upstream
        self.status = status
        self.detail = detail


def forward_headers(request: Request) -> Headers:
    """What a composed call carries upstream: the caller's token and the request id."""
    headers: Headers = [("accept", "application/json")]
    authorization = request.headers.get("authorization")
    if authorization:
        headers.append(("authorization", authorization))
    request_id = current_request_id()
    if request_id:
        headers.append(("x-request-id", request_id))
    return headers


@dataclass
class Call:
    """One upstream call of a composed request, as the gateway timed it."""

    upstream: str
    seconds: float
    ok: bool  # answered 200; otherwise its part is unavailable


@dataclass
class Fetcher:
    """Upstream GETs for one composed request, with the caller's credentials; each call timed
    (request sent to body read, or until it failed or was dropped) for `Server-Timing`."""

    upstreams: Mapping[str, Upstream]
    headers: Headers
    started: float = field(default_factory=time.perf_counter)
    calls: list[Call] = field(default_factory=list)

    async def get(self, upstream: str, path: str, params: Mapping[str, Any] | None = None) -> Any:
        started = time.perf_counter()
        try:
            answer = await self.upstreams[upstream].get_json(
                path, params=params, headers=self.headers
            )
        except BaseException as exc:  # refused, broken, or dropped at the end of the budget
            self.calls.append(Call(upstream, time.perf_counter() - started, ok=False))
            if isinstance(exc, DomainError):
                raise PartFailed(upstream, exc.status, exc.detail or exc.title) from exc
            raise
        self.calls.append(Call(upstream, answer.elapsed, ok=answer.status == 200))
        if answer.status != 200:
            detail = answer.body.get("detail") if isinstance(answer.body, dict) else None
            raise PartFailed(upstream, answer.status, str(detail or f"HTTP {answer.status}"))
        return answer.body

    async def first_page(
        self, upstream: str, path: str, params: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """The first page (up to 200 items) of a list: one call, however long the list."""
        page = await self.get(upstream, path, {**(params or {}), "limit": PAGE_LIMIT})
        return list(page.get("items", []))


def fetcher(request: Request) -> Fetcher:
    """The fetcher of one composed request: the app's upstreams, the caller's headers."""
    return Fetcher(request.app.state.upstreams, forward_headers(request))


@dataclass
class FanOut:
    """Named parts fetched in parallel within a budget; failures become `unavailable`."""

    results: dict[str, Any] = field(default_factory=dict)
    unavailable: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, int | None] = field(default_factory=dict)

    @property
    def partial(self) -> bool:
        return bool(self.unavailable)

    def ok(self, name: str) -> bool:
        return name in self.results

    def get(self, name: str) -> Any:
        return self.results.get(name)


async def fan_out(
    parts: Mapping[str, tuple[str, Callable[[], Awaitable[Any]]]], *, budget: float
) -> FanOut:
    """Run ``{name: (upstream, call)}`` concurrently; what is not done within budget is dropped."""
    outcome = FanOut()
    tasks = {
        asyncio.ensure_future(call()): (name, upstream) for name, (upstream, call) in parts.items()
    }
    if not tasks:
        return outcome
    _done, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
    for task, (name, upstream) in tasks.items():
        if task in pending:
            reason = f"no answer within the {budget:g} s budget"
            status: int | None = 504
        else:
            exc = task.exception()
            if exc is None:
                outcome.results[name] = task.result()
                continue
            if isinstance(exc, PartFailed):
                reason, status = exc.detail, exc.status
            else:
                logger.warning(
                    "composition part failed",
                    extra={"upstream": upstream, "error_type": type(exc).__name__},
                )
                reason, status = "unexpected answer", 502
        if upstream not in outcome.unavailable:
            outcome.unavailable.append(upstream)
            outcome.problems[upstream] = reason
            outcome.statuses[upstream] = status
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    return outcome


SERVER_TIMING = {
    "Server-Timing": {
        "description": "Each upstream call of this answer as the gateway timed it, in ms "
        '(`desc="unavailable"` when its part is missing), and `view`, the whole view: '
        "`events;dur=6.10, security_plans;dur=2.31, organizations;dur=3.02, view;dur=6.84`",
        "schema": {"type": "string"},
    }
}


def server_timing(fetch: Fetcher) -> str:
    """The `Server-Timing` header of a composed answer: each upstream call as the gateway
    timed it (``desc="unavailable"`` when it failed, was refused or was dropped) and ``view``,
    the time from the view's start to now, the calls included. Durations in milliseconds."""
    entries = [
        f"{call.upstream};dur={1000 * call.seconds:.2f}"
        + ("" if call.ok else ';desc="unavailable"')
        for call in fetch.calls
    ]
    entries.append(f"view;dur={1000 * (time.perf_counter() - fetch.started):.2f}")
    return ", ".join(entries)


def dig(document: Any, *keys: str, default: Any = None) -> Any:
    """document[k1][k2]… or ``default`` when any step is missing."""
    node = document
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return node
