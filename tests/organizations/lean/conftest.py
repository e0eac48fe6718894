"""Fixtures of the lean-list comparisons: the same app without its lean path."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from services.common.testing import TokenFactory, asgi_client, bearer, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings
from tests.lean_lists import LeanSpy, route_only


@pytest.fixture(scope="session")
async def route_app(organizations_db: str) -> AsyncIterator[FastAPI]:
    app = route_only(create_app(OrganizationsSettings(database_url=organizations_db)))
    async with running_app(app):
        yield app


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> LeanSpy:
    return LeanSpy(monkeypatch)


@pytest.fixture
async def route(route_app: FastAPI, make_token: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(route_app, headers=bearer(make_token())) as c:
        yield c
