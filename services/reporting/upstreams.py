"""The services' statistics, fetched with the caller's own token and date bounds.

One pooled ``httpx.AsyncClient`` per service lives as long as the app. Every call forwards
the caller's ``Authorization`` (the figures are the ones the caller may see: territory
claims and disclosure control apply upstream) and the request id. Calls run side by side
within a time budget; a service that fails, refuses or is too slow is listed in
``unavailable`` and the figures that need it are null — the answer is ``partial``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Hashable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request

from services.common.observability import current_request_id
from services.common.upstream_clients import pooled_clients
from services.reporting.measures import STATS_PATHS
from services.reporting.settings import ReportingSettings

logger = logging.getLogger("somos.reporting.upstreams")


@dataclass
class Call:
    """One upstream call as this service timed it."""

    upstream: str
    seconds: float
    ok: bool


@dataclass
class Gathered:
    """Statistics documents by key; the services that could not give theirs."""

    documents: dict[Hashable, Any] = field(default_factory=dict)
    unavailable: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def partial(self) -> bool:
        return bool(self.unavailable)

    def fail(self, upstream: str, reason: str) -> None:
        if upstream not in self.unavailable:
            self.unavailable.append(upstream)
            self.problems[upstream] = reason

    def server_timing(self) -> str:
        """Each upstream call in ms (``desc="unavailable"`` when it failed) and ``view``."""
        entries = [
            f"{c.upstream};dur={1000 * c.seconds:.2f}" + ("" if c.ok else ';desc="unavailable"')
            for c in self.calls
        ]
        entries.append(f"view;dur={1000 * (time.perf_counter() - self.started):.2f}")
        return ", ".join(entries)


class Statistics:
    """The pooled clients of the services, and parallel statistics calls through them."""

    def __init__(self, clients: Mapping[str, httpx.AsyncClient], *, budget: float) -> None:
        self.clients = clients
        self.budget = budget

    async def _get(
        self, upstream: str, params: Mapping[str, Any], headers: Mapping[str, str], out: Gathered
    ) -> Any:
        started = time.perf_counter()
        ok = False
        try:
            response = await self.clients[upstream].get(
                STATS_PATHS[upstream],
                params={k: v for k, v in params.items() if v is not None},
                headers=dict(headers),
            )
            ok = response.status_code == 200
            if not ok:
                detail = None
                if response.headers.get("content-type", "").endswith("json"):
                    detail = response.json().get("detail")
                raise _PartFailed(str(detail or f"HTTP {response.status_code}"))
            return response.json()
        except httpx.HTTPError as exc:
            logger.warning(
                "upstream unreachable",
                extra={"upstream": upstream, "error_type": type(exc).__name__},
            )
            raise _PartFailed(f"the {upstream} service could not be reached") from exc
        finally:
            out.calls.append(Call(upstream, time.perf_counter() - started, ok))

    async def gather(
        self, requests: Mapping[Hashable, tuple[str, Mapping[str, Any]]], request: Request
    ) -> Gathered:
        """``{key: (service, params)}`` → documents by key, within the budget."""
        out = Gathered()
        headers = {"Accept": "application/json", "X-Request-ID": current_request_id() or ""}
        authorization = request.headers.get("authorization")
        if authorization:
            headers["Authorization"] = authorization
        tasks = {
            asyncio.ensure_future(self._get(upstream, params, headers, out)): (key, upstream)
            for key, (upstream, params) in requests.items()
        }
        if not tasks:
            return out
        _, pending = await asyncio.wait(tasks, timeout=self.budget)
        for task in pending:
            task.cancel()
        for task, (key, upstream) in tasks.items():
            if task in pending:
                out.fail(upstream, f"no answer within the {self.budget:g} s budget")
                continue
            exc = task.exception()
            if exc is None:
                out.documents[key] = task.result()
            elif isinstance(exc, _PartFailed):
                out.fail(upstream, str(exc))
            else:
                out.fail(upstream, "unexpected answer")
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        return out


class _PartFailed(Exception):
    pass


def statistics_lifespan(
    settings: ReportingSettings,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan hook opening one pooled client per service (transports: tests only)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        bases = {
            "organizations": settings.organizations_url,
            "security_plans": settings.security_plans_url,
            "events": settings.events_url,
        }
        async with pooled_clients(
            bases,
            timeout_seconds=settings.upstream_timeout_seconds,
            connect_timeout_seconds=settings.upstream_connect_timeout_seconds,
            max_connections=settings.upstream_max_connections,
            transports=transports,
        ) as clients:
            app.state.statistics = Statistics(clients, budget=settings.budget_seconds)
            try:
                yield
            finally:
                app.state.statistics = None

    return lifespan


def _statistics(request: Request) -> Statistics:
    statistics: Statistics = request.app.state.statistics
    return statistics


StatisticsDep = Annotated[Statistics, Depends(_statistics)]
