"""Fixtures of the lean-list comparisons: the same events app without its lean path."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from services.common.testing import TokenFactory, asgi_client, bearer, running_app
from tests.events.conftest import events_app_for
from tests.lean_lists import LeanSpy, route_only


@pytest.fixture(scope="session")
async def route_app(events_db: str, organizations_upstream: FastAPI) -> AsyncIterator[FastAPI]:
    app = route_only(events_app_for(events_db, organizations_upstream))
    async with running_app(app):
        yield app


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> LeanSpy:
    return LeanSpy(monkeypatch)


@pytest.fixture
async def route(route_app: FastAPI, make_token: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(route_app, headers=bearer(make_token())) as c:
        yield c
