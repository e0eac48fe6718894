"""The floor: a minimal Starlette + asyncpg endpoint over the same table (no ORM, no kit)."""

from __future__ import annotations

import json
import os
import sys
import uuid
from contextlib import asynccontextmanager

import asyncpg
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from services.common.db import asyncpg_dsn
from services.organizations.registry.repository import ORGANIZATION_COLUMNS

DSN = asyncpg_dsn(os.environ["SOMOS_BENCH_FLOOR_DATABASE_URL"])
pool: asyncpg.Pool | None = None


@asynccontextmanager
async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
    global pool
    pool = await asyncpg.create_pool(DSN, min_size=1, max_size=10)
    yield
    await pool.close()


async def get_organization(request: Request) -> Response:
    assert pool is not None
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            f"SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1",
            uuid.UUID(request.path_params["id"]),
        )
    if row is None:
        return Response(status_code=404)
    # The same columns the service returns, serialised without validation.
    return Response(json.dumps(dict(row), default=str), media_type="application/json")


app = Starlette(routes=[Route("/organizations/{id}", get_organization)], lifespan=lifespan)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
