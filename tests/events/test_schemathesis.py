"""Fuzz the events API from its own OpenAPI document (schemathesis 4): no 5xx, and every
response conforms to the documented status codes, content types and schemas.

The app runs under uvicorn on a real port in its own thread and event loop, with its
upstreams (a real organizations app and the security-plans stand-in) in-process, so fuzzed
organization ids get real 422s instead of network errors.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

from services.common.testing import make_token_factory, running_app, truncate_all, without_long_poll
from services.events.app import create_app
from services.events.settings import EventsSettings
from services.organizations.app import create_app as create_organizations_app
from services.organizations.settings import OrganizationsSettings
from tests.events.conftest import KNOWN_PLANS, TEST_KEYRING, plans_stub

schema = schemathesis.openapi.from_dict(
    create_app(EventsSettings(), keyring=TEST_KEYRING).openapi()
)
TOKEN = make_token_factory()()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_events(events_db: str, upstream_organizations_db: str) -> Iterator[str]:
    port = free_port()
    ready = threading.Event()
    stop = threading.Event()

    async def serve() -> None:
        organizations = create_organizations_app(
            OrganizationsSettings(database_url=upstream_organizations_db)
        )
        async with running_app(organizations):
            app = create_app(
                EventsSettings(database_url=events_db),
                keyring=TEST_KEYRING,
                upstream_transports={
                    "organizations": httpx.ASGITransport(app=organizations),
                    "security_plans": httpx.ASGITransport(app=plans_stub(KNOWN_PLANS)),
                },
            )
            server = uvicorn.Server(
                uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
            )
            task = asyncio.create_task(server.serve())
            while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag only
                await asyncio.sleep(0.02)
            ready.set()
            while not stop.is_set():  # noqa: ASYNC110 - a thread-safe stop signal
                await asyncio.sleep(0.05)
            server.should_exit = True
            await task

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(20), "events app did not start"
    yield f"http://127.0.0.1:{port}"
    stop.set()
    thread.join(10)
    for url in (events_db, upstream_organizations_db):
        asyncio.run(truncate_all(url))


@pytest.fixture(scope="module")
def started() -> float:
    return time.monotonic()


CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, live_events):
    without_long_poll(case).call_and_validate(
        base_url=live_events, headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS
    )
