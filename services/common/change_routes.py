"""``GET /api/v1/changes`` on a service: its query parameters (shared with the gateway's
merged feed) and the route that reads the outbox, filtered by the caller's scopes and
territories, long-polling when asked (``services/common/changes.py`` holds the rest).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.auth import PrincipalDep
from services.common.changes import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_WAIT_SECONDS,
    TAG,
    ChangeFeed,
    ChangePage,
    change_read,
    decode_cursor,
    encode_cursor,
    listener_of,
    poll,
    selection,
)
from services.common.db import Database
from services.common.errors import problem_responses

# --- the route ------------------------------------------------------------------------------

FEED_DESCRIPTION = (
    "What changed, in commit order: one item per created, updated, archived or transitioned "
    "record (type `<resource>.<verb>`), with its id, new version and municipality, never its "
    "field values. Read page after page with `after`; each change appears exactly once. "
    "Filtered by the token's read scopes and territories. With `wait` (seconds, at most "
    f"{MAX_WAIT_SECONDS}), an empty page is held open until a matching change commits."
)

AfterParam = Annotated[
    str | None, Query(description="The cursor of the last change you read (none: the beginning)")
]
TypesParam = Annotated[
    str | None,
    Query(
        description="Comma-separated resource types (`organization`) or change types "
        "(`organization.created`); default: every type your scopes read",
        examples=["organization,assessment"],
    ),
]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Changes per page")]
WaitParam = Annotated[
    int,
    Query(
        ge=0,
        le=MAX_WAIT_SECONDS,
        description="Seconds to hold an empty page open for the next matching change",
    ),
]


@dataclass
class FeedQuery:
    """The query of a change feed page (a service's and the gateway's alike)."""

    after: AfterParam = None
    types: TypesParam = None
    limit: LimitParam = DEFAULT_LIMIT
    wait: WaitParam = 0


FeedQueryDep = Annotated[FeedQuery, Depends()]


def changes_router(feed: ChangeFeed) -> APIRouter:
    """``GET /api/v1/changes``: the service's change feed for the calling principal."""
    router = APIRouter(tags=[TAG])
    catalogue = feed.catalogue()

    @router.get(
        "/api/v1/changes",
        operation_id=feed.operation_id,
        response_model=ChangePage,
        summary=f"Changes of the {feed.service} service since a cursor (long poll with wait)",
        description=FEED_DESCRIPTION,
        responses=problem_responses(403, 410, 422),
    )
    async def list_changes(
        request: Request, response: Response, principal: PrincipalDep, query: FeedQueryDep
    ) -> ChangePage:
        chosen = selection(catalogue, principal, query.types)
        position = decode_cursor(query.after)
        database: Database = request.app.state.database
        assert database.pool is not None
        page = await poll(
            pool=database.pool,
            listener=listener_of(request.app) if query.wait else None,
            after=position,
            chosen=chosen,
            limit=query.limit,
            wait=float(query.wait),
        )
        response.headers["Cache-Control"] = "no-store"
        return ChangePage(
            items=[change_read(r) for r in page.rows],
            next_cursor=encode_cursor(page.next_position),
        )

    return router
