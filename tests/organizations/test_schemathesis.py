"""Fuzz the organizations OpenAPI: no 5xx, no response that breaks its own schema."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.common.testing import (
    ServerThread,
    make_token_factory,
    migrated_database,
    without_long_poll,
)
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings

schema = schemathesis.openapi.from_dict(create_app(OrganizationsSettings()).openapi())
TOKEN = make_token_factory()()
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    status_code_conformance,
]


@pytest.fixture(scope="module")
def live_server(postgres_admin_url: str) -> Iterator[str]:
    loop = asyncio.new_event_loop()
    database = migrated_database(postgres_admin_url, "organizations")
    url = loop.run_until_complete(database.__aenter__())
    try:
        with ServerThread(create_app(OrganizationsSettings(database_url=url))) as server:
            yield server.url
    finally:
        loop.run_until_complete(database.__aexit__(None, None, None))
        loop.close()


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_openapi_contract_holds(case, live_server):
    without_long_poll(case).call_and_validate(
        base_url=live_server, headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS
    )
