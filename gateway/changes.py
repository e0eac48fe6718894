"""``GET /api/v1/changes`` over every service: one opaque cursor, pages merged by time.

The cursor is a composite of each service's own cursor. A page asks every service the caller
may read for a page after its part, merges the answers by ``occurred_at`` and keeps the first
``limit``: each service's part of the cursor moves only past the changes handed out, so
nothing is skipped or repeated. A service that fails or is too slow is ``unavailable`` (the
answer is ``partial``) and its part stays where it was; it is read on the next call.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from gateway.compose import forward_headers
from gateway.upstreams import Upstream
from services.common.auth import Principal, PrincipalDep
from services.common.catalog import upstream_services
from services.common.change_routes import FEED_DESCRIPTION, FeedQueryDep
from services.common.changes import (
    TAG,
    ChangeRead,
    CursorExpired,
    FeedCatalogue,
    decode_cursor,
    selection,
)
from services.common.errors import DomainError, InvalidInput, MissingScope, problem_responses

logger = logging.getLogger("somos.gateway.changes")
PATH = "/api/v1/changes"
# A long poll's upstream call may take the wait plus this long before it counts as failed.
LONG_POLL_GRACE_SECONDS = 10.0

router = APIRouter(tags=[TAG])


CONTRACT_KEY = "x-change-feeds"


def catalogues(
    code_base: bool = False, contract: Mapping[str, Any] | None = None
) -> dict[str, FeedCatalogue]:
    """Each service's change types and who may read them, in port order: from the contract's
    ``x-change-feeds`` (the gateway imports no service), or from the code (``make contract``)."""
    if code_base:
        return {
            s.name: s.load(s.change_feed).catalogue() for s in upstream_services() if s.change_feed
        }
    feeds = (contract or {}).get(CONTRACT_KEY) or {}
    return {name: FeedCatalogue.from_document(name, kinds) for name, kinds in feeds.items()}


class MergedChange(ChangeRead):
    """A change from one service; its cursor resumes the merged feed right after it."""

    service: str = Field(examples=["organizations"])


class MergedChangePage(BaseModel):
    items: list[MergedChange]
    next_cursor: str = Field(description="Pass it as `after` next time (never null)")
    partial: bool = Field(description="True when a service failed or was too slow")
    unavailable: list[str] = Field(
        description="Services not read this time (their changes come on a later call)",
        examples=[["events"]],
    )
    problems: dict[str, str] = Field(default_factory=dict, description="Why, per service")


def encode_composite(parts: Mapping[str, str]) -> str:
    text = json.dumps(dict(sorted(parts.items())), separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_composite(cursor: str | None, services: Mapping[str, FeedCatalogue]) -> dict[str, str]:
    """Each service's cursor in a merged-feed cursor; 422 naming ``after`` when invalid."""
    if not cursor:
        return {}
    try:
        parts = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        parts = None
    if not isinstance(parts, dict) or not all(
        name in services and isinstance(part, str) for name, part in parts.items()
    ):
        raise InvalidInput("after", "is not a cursor of the merged change feed")
    for part in parts.values():
        decode_cursor(part)  # 422 naming `after` for a damaged part
    return parts


def services_to_read(
    feeds: Mapping[str, FeedCatalogue], principal: Principal, types: str | None
) -> dict[str, str | None]:
    """Each service to ask, with its share of ``types``: only services whose changes the
    caller may read; 422 for an unknown type, 403 for a type its scopes do not read."""
    if types:
        wanted = [t.strip() for t in types.split(",") if t.strip()]
        shares: dict[str, list[str]] = {}
        for name in wanted:
            owner = next((s for s, feed in feeds.items() if feed.kind(name.split(".", 1)[0])), None)
            if owner is None:
                raise InvalidInput("types", f"'{name}' is not a change type")
            shares.setdefault(owner, []).append(name)
        for service, names in shares.items():
            selection(feeds[service], principal, ",".join(names))  # 422 / 403 as the service
        return {s: ",".join(shares[s]) for s in feeds if s in shares}
    readable: dict[str, str | None] = {}
    for service, feed in feeds.items():
        try:
            selection(feed, principal, None)
        except MissingScope:
            continue
        readable[service] = None
    if not readable:
        first = next(iter(feeds.values()))
        raise MissingScope(first.kinds[0].scopes[0])
    return readable


@dataclass
class Round:
    """The answers of one round of calls: pages by service, and the services that failed."""

    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)


async def _page(
    upstream: Upstream, params: dict[str, Any], headers: Any, read_timeout: float | None
) -> dict[str, Any]:
    # A long poll dropped because another service answered first says nothing about this
    # service's health: it must not count against its circuit.
    answer = await upstream.get_json(
        PATH,
        params=params,
        headers=headers,
        read_timeout=read_timeout,
        dropped_is_failure=read_timeout is None,
    )
    if answer.status == CursorExpired.status and isinstance(answer.body, dict):
        raise CursorExpired(str(answer.body.get("detail") or CursorExpired.title))
    if answer.status != 200 or not isinstance(answer.body, dict):
        detail = answer.body.get("detail") if isinstance(answer.body, dict) else None
        raise _Failed(str(detail or f"HTTP {answer.status}"))
    return answer.body


class _Failed(Exception):
    pass


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return exc.detail or exc.title
    if isinstance(exc, _Failed):
        return str(exc)
    return "unexpected answer"


async def read_round(
    request: Request,
    calls: Mapping[str, dict[str, Any]],
    *,
    wait: int,
    budget: float,
) -> Round:
    """Ask each service for a page. Without ``wait``, all within ``budget``; with it, until
    the first service has changes (the others' long polls are then dropped) or the wait ends."""
    upstreams: Mapping[str, Upstream] = request.app.state.upstreams
    headers = forward_headers(request)
    read_timeout = wait + LONG_POLL_GRACE_SECONDS if wait else None
    tasks = {
        asyncio.ensure_future(
            _page(upstreams[service], {**params, "wait": wait or None}, headers, read_timeout)
        ): service
        for service, params in calls.items()
    }
    outcome = Round()
    pending = set(tasks)
    timeout = budget if not wait else wait + LONG_POLL_GRACE_SECONDS
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while pending:
        done, pending = await asyncio.wait(
            pending,
            timeout=max(0.0, deadline - loop.time()),
            return_when=asyncio.FIRST_COMPLETED if wait else asyncio.ALL_COMPLETED,
        )
        if not done:
            break
        for task in done:
            service = tasks[task]
            exc = task.exception()
            if isinstance(exc, CursorExpired):  # the caller must resynchronise: say so
                for other in pending:
                    other.cancel()
                raise exc
            if exc is None:
                outcome.pages[service] = task.result()
            else:
                if not isinstance(exc, DomainError | _Failed):
                    logger.warning(
                        "change feed part failed",
                        extra={"upstream": service, "error_type": type(exc).__name__},
                    )
                outcome.problems[service] = _reason(exc)
        if wait and any(page.get("items") for page in outcome.pages.values()):
            break
    for task in pending:
        task.cancel()
        service = tasks[task]
        if not wait:
            outcome.problems[service] = f"no answer within the {timeout:g} s budget"
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    return outcome


def _time(item: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(str(item["occurred_at"]).replace("Z", "+00:00"))


def merge(
    pages: Mapping[str, Mapping[str, Any]],
    cursors: Mapping[str, str],
    *,
    order: list[str],
    limit: int,
) -> tuple[list[MergedChange], dict[str, str]]:
    """The first ``limit`` changes of the pages by time (ties in service order, each
    service's own order kept), and the cursor parts after them."""
    rank = {service: i for i, service in enumerate(order)}
    merged = sorted(
        (
            (_time(item), rank[service], i, service, item)
            for service, page in pages.items()
            for i, item in enumerate(page.get("items", []))
        ),
        key=lambda entry: entry[:3],
    )
    taken = merged[:limit]
    state = dict(cursors)
    items: list[MergedChange] = []
    handed: dict[str, int] = {}
    for _, _, _, service, item in taken:
        state[service] = item["cursor"]
        handed[service] = handed.get(service, 0) + 1
        items.append(
            MergedChange(**{**item, "service": service, "cursor": encode_composite(state)})
        )
    for service, page in pages.items():
        # Every change of the page handed out: read on from the service's own next cursor
        # (it moves past changes this caller does not see).
        if handed.get(service, 0) == len(page.get("items", [])) and page.get("next_cursor"):
            state[service] = page["next_cursor"]
    return items, state


@router.get(
    PATH,
    operation_id="changes-list",
    response_model=MergedChangePage,
    summary="Changes in every service since a cursor (one cursor; long poll with wait)",
    description=FEED_DESCRIPTION
    + " The gateway merges the services' feeds by `occurred_at` under one opaque cursor; a "
    "service that does not answer is listed in `unavailable` and read on the next call.",
    responses=problem_responses(403, 410, 422),
)
async def list_changes(
    request: Request, response: Response, principal: PrincipalDep, query: FeedQueryDep
) -> MergedChangePage:
    after, types, limit, wait = query.after, query.types, query.limit, query.wait
    feeds: dict[str, FeedCatalogue] = request.app.state.change_feeds
    cursors = decode_composite(after, feeds)
    shares = services_to_read(feeds, principal, types)
    calls: dict[str, dict[str, Any]] = {
        service: {"after": cursors.get(service), "types": share, "limit": limit}
        for service, share in shares.items()
    }
    budget = float(request.app.state.settings.composition_budget_seconds)
    outcome = await read_round(request, calls, wait=0, budget=budget)
    no_changes = not any(page.get("items") for page in outcome.pages.values())
    if wait and no_changes and outcome.pages:
        # Move each answering service past what the caller does not see, then hold.
        for service, page in outcome.pages.items():
            calls[service]["after"] = page.get("next_cursor") or calls[service]["after"]
            cursors[service] = calls[service]["after"]
        held = await read_round(
            request, {s: calls[s] for s in outcome.pages}, wait=wait, budget=budget
        )
        outcome = Round(held.pages, {**outcome.problems, **held.problems})
    items, state = merge(outcome.pages, cursors, order=list(feeds), limit=limit)
    unavailable = [s for s in feeds if s in outcome.problems]
    response.headers["Cache-Control"] = "no-store"
    return MergedChangePage(
        items=items,
        next_cursor=encode_composite({k: v for k, v in state.items() if v}),
        partial=bool(unavailable),
        unavailable=unavailable,
        problems={s: outcome.problems[s] for s in unavailable},
    )
