"""The floors: minimal Starlette + asyncpg endpoints over the same table (no ORM, no kit).

* ``GET /organizations/{id}``: one organization by primary key.
* ``GET /organizations?limit=50``: the first page of the organizations list, the same columns
  in the same order as the service's list (``created_at, id``, archived ones left out), one
  extra row fetched to know whether there is a next page, ``json.dumps`` of
  ``{"items": […], "next_cursor": …}``.

* ``GET /lists/{name}?limit=N`` (``bench/lists.py``): the list floor of every list class.
  SOMOS_BENCH_FLOOR_LISTS names a JSON file ``{name: {"database_url": ..., "sql": ...}}``;
  ``sql`` is the lean path's own statement for that list (same FROM/JOIN, same WHERE, same
  ORDER BY) with ``LIMIT $1`` (a nested list's parent id is ``$2``, given in ``args``); the
  rows go out as ``json.dumps`` like the page above. JSON columns are decoded
  (``json.loads``, an asyncpg codec), so they go out as the nested JSON
  the service writes, not as their text inside a JSON string.

What a Python service over asyncpg cannot beat: no auth, no validation, no territory rules,
no logs or metrics. ``python -m bench.floor PORT`` with SOMOS_BENCH_FLOOR_DATABASE_URL (and/or
SOMOS_BENCH_FLOOR_LISTS) set.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from services.common.db import asyncpg_dsn

# The columns the service returns for an organization, in its order (kept here rather than
# imported, so the floor does not move when the service's code does; tests/bench checks
# that both answer the same keys and the same rows).
COLUMNS = (
    "id, name, acronym, type, ethnic_focus, municipality_code, department_code, founded_year, "
    "members_count, focus_areas, contact_email, contact_phone, status, version, created_at, "
    "updated_at, archived_at"
)
BY_ID = f"SELECT {COLUMNS} FROM organizations WHERE id = $1"
PAGE = (
    f"SELECT {COLUMNS} FROM organizations WHERE archived_at IS NULL "
    "ORDER BY created_at, id LIMIT $1"
)


async def _decode_json(conn: asyncpg.Connection) -> None:
    """JSON(B) columns arrive decoded: the floor writes them as nested JSON, as the lists do."""
    for name in ("json", "jsonb"):
        await conn.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


def create_app(
    database_url: str | None, lists: dict[str, dict[str, str]] | None = None
) -> Starlette:
    lists = lists or {}
    urls = sorted({spec["database_url"] for spec in lists.values()})
    pools: list[asyncpg.Pool] = []
    list_pools: dict[str, asyncpg.Pool] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if database_url is not None:
            pools.append(
                await asyncpg.create_pool(asyncpg_dsn(database_url), min_size=1, max_size=10)
            )
        for url in urls:
            list_pools[url] = await asyncpg.create_pool(
                asyncpg_dsn(url), min_size=1, max_size=10, init=_decode_json
            )
        yield
        for pool in [*pools, *list_pools.values()]:
            await pool.close()
        pools.clear()
        list_pools.clear()

    async def list_page(request: Request) -> Response:
        spec = lists[request.path_params["name"]]
        limit = int(request.query_params.get("limit", "50"))
        async with list_pools[spec["database_url"]].acquire() as conn:
            rows = await conn.fetch(spec["sql"], limit + 1, *spec.get("args", ()))
        items = [dict(row) for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit and items:
            last = items[-1]
            key = json.dumps([str(last[c]) for c in spec["cursor"]])
            next_cursor = base64.urlsafe_b64encode(key.encode()).decode()
        body = json.dumps({"items": items, "next_cursor": next_cursor}, default=str)
        return Response(body, media_type="application/json")

    async def get_organization(request: Request) -> Response:
        async with pools[0].acquire() as conn:
            row = await conn.fetchrow(BY_ID, uuid.UUID(request.path_params["id"]))
        if row is None:
            return Response(status_code=404)
        # The same columns the service returns, serialised without validation.
        return Response(json.dumps(dict(row), default=str), media_type="application/json")

    async def list_organizations(request: Request) -> Response:
        limit = int(request.query_params.get("limit", "50"))
        async with pools[0].acquire() as conn:
            rows = await conn.fetch(PAGE, limit + 1)
        items = [dict(row) for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit and items:
            last = items[-1]
            key = json.dumps([last["created_at"].isoformat(), str(last["id"])])
            next_cursor = base64.urlsafe_b64encode(key.encode()).decode()
        body = json.dumps({"items": items, "next_cursor": next_cursor}, default=str)
        return Response(body, media_type="application/json")

    return Starlette(
        routes=[
            Route("/organizations", list_organizations),
            Route("/organizations/{id}", get_organization),
            Route("/lists/{name}", list_page),
        ],
        lifespan=lifespan,
    )


def _lists() -> dict[str, dict[str, str]]:
    path = os.environ.get("SOMOS_BENCH_FLOOR_LISTS")
    if not path:
        return {}
    with open(path) as f:
        return json.load(f)  # type: ignore[no-any-return]


if __name__ == "__main__":
    uvicorn.run(
        create_app(os.environ.get("SOMOS_BENCH_FLOOR_DATABASE_URL"), _lists()),
        host="127.0.0.1",
        port=int(sys.argv[1]),
        log_level="warning",
        access_log=False,
    )
