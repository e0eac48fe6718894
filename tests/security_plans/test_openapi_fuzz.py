"""Schemathesis over the service's OpenAPI: no 5xx, every response matches its schema.

The app runs under a real uvicorn in a thread (its own event loop, lifespan included), so
the generated requests go through the same stack as in production.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from services.common.testing import TokenFactory, truncate_all, without_long_poll
from services.security_plans.app import create_app
from services.security_plans.settings import SecurityPlansSettings
from tests.security_plans.factories import plan_body

EXAMPLES_PER_OPERATION = 12


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(security_plans_db: str) -> Iterator[str]:
    app = create_app(SecurityPlansSettings(database_url=security_plans_db))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    asyncio.run(truncate_all(security_plans_db))


def test_openapi_fuzz(live_url: str, make_token: TokenFactory) -> None:
    headers = {"Authorization": f"Bearer {make_token(('plans:read', 'plans:write'))}"}
    # One real plan, so generated ids sometimes meet existing rows.
    seeded = httpx.post(f"{live_url}/api/v1/security-plans", json=plan_body(), headers=headers)
    assert seeded.status_code == 201, seeded.text
    plan_id = seeded.json()["id"]
    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        # Operations under a plan use the seeded one, to reach past the 404.
        fixed = {"plan_id": plan_id} if "{plan_id}" in operation.path else None

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        @given(case=operation.as_strategy(path_parameters=fixed))
        def run(case: schemathesis.Case) -> None:
            response = without_long_poll(case).call(base_url=live_url, headers=headers, timeout=10)
            statuses[response.status_code] += 1
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:2000])
    print(dict(statuses))
    assert operations >= 30
    # The fuzzing reached the handlers, not only validation: some requests succeeded.
    assert statuses[200] > 0 and statuses[201] > 0, statuses
    assert not failures, "\n\n".join(failures)
