"""``FastList.computed``: what an item shows may depend on the caller (disclosure control).

The organizations list is re-registered with a computed ``contact_email`` that is withheld from
callers without ``organizations:write``; the caller's function is made once per request.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest
from fastapi import FastAPI

from services.common.auth import Principal
from services.common.fastlist import Computed
from services.common.fastpath import FastReadMiddleware
from services.common.testing import TokenFactory, asgi_client, bearer, running_app
from services.organizations.app import create_app
from services.organizations.registry.api import FAST_LIST
from services.organizations.settings import OrganizationsSettings
from tests.organizations.helpers import create_organization

calls: list[str] = []


def _per_caller(app: Any, principal: Principal) -> Any:
    calls.append("call")
    writer = principal.has_scope("organizations:write")

    def fields(row: Mapping[str, Any]) -> Mapping[str, Any]:
        return {"contact_email": row["contact_email"] if writer else None}

    return fields


@pytest.fixture(scope="module")
async def hooked_app(organizations_db: str) -> AsyncIterator[FastAPI]:
    app = create_app(OrganizationsSettings(database_url=organizations_db))
    for middleware in app.user_middleware:
        if middleware.cls is FastReadMiddleware:
            reads = middleware.kwargs["reads"]
            middleware.kwargs["reads"] = [
                dataclasses.replace(r, computed=Computed(("contact_email",), _per_caller))
                if r is FAST_LIST
                else r
                for r in reads
            ]
    async with running_app(app):
        yield app


async def test_items_follow_the_callers_level(client, hooked_app, make_token: TokenFactory):
    await create_organization(client, contact_email="junta@example.org")
    await create_organization(client, name="Otra organización", contact_email="otra@example.org")
    calls.clear()
    for scopes, expected in (
        (["organizations:read"], [None, None]),
        (["organizations:read", "organizations:write"], ["junta@example.org", "otra@example.org"]),
    ):
        async with asgi_client(hooked_app, headers=bearer(make_token(scopes))) as c:
            r = await c.get("/api/v1/organizations")
        assert r.status_code == 200
        assert [o["contact_email"] for o in r.json()["items"]] == expected
    assert len(calls) == 2  # once per request, not per row
