"""Schemathesis over the webhooks service's OpenAPI: no 5xx, every response matches its schema.

The app runs under a real uvicorn in a thread (lifespan included, so the job queue's pool is
open), with ALLOW_PRIVATE so that generated subscriptions can point at 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from services.common.testing import ServerThread, TokenFactory, truncate_all
from services.webhooks.app import create_app
from tests.webhooks.conftest import webhooks_settings

EXAMPLES_PER_OPERATION = 12


@pytest.fixture(scope="module")
def live_url(webhooks_db: str) -> Iterator[str]:
    with ServerThread(create_app(webhooks_settings(webhooks_db))) as server:
        yield server.url
    asyncio.run(truncate_all(webhooks_db))


def test_openapi_fuzz(live_url: str, make_token: TokenFactory) -> None:
    headers = {"Authorization": f"Bearer {make_token()}"}
    # One real subscription and delivery, so generated ids sometimes meet existing rows.
    seeded = httpx.post(
        f"{live_url}/api/v1/webhook-subscriptions",
        json={"url": "http://127.0.0.1:9/hooks", "event_types": ["organization.created"]},
        headers=headers,
    )
    assert seeded.status_code == 201, seeded.text
    subscription_id = seeded.json()["id"]
    ping = httpx.post(
        f"{live_url}/api/v1/webhook-subscriptions/{subscription_id}/ping", headers=headers
    )
    assert ping.status_code == 202, ping.text
    fixed_ids = {"subscription_id": subscription_id, "delivery_id": ping.json()["id"]}

    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        fixed = {k: v for k, v in fixed_ids.items() if "{" + k + "}" in operation.path} or None

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        @given(case=operation.as_strategy(path_parameters=fixed))
        def run(case: schemathesis.Case) -> None:
            response = case.call(base_url=live_url, headers=headers, timeout=10)
            statuses[response.status_code] += 1
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:2000])
    print(dict(statuses))
    assert operations == 10
    assert statuses[200] > 0, statuses  # the fuzzing reached the handlers, not only validation
    assert not failures, "\n\n".join(failures)
