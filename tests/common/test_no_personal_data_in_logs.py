"""No personal data in logs or traces, even when a request carrying it fails in the database.

The failure is real: a trigger makes PostgreSQL reject the INSERT with a message that quotes
the contact e-mail, so the driver's exception text (and SQLAlchemy's, which lists the bound
parameters) carries the personal data. Every log line of every logger, at DEBUG, and every
span exported, must still be free of it.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import AsyncIterator, Iterator

import asyncpg
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from services.common import tracing
from services.common.db import asyncpg_dsn
from services.common.observability import configure_logging
from services.common.testing import asgi_client, bearer, migrated_database, running_app
from services.organizations.app import create_app
from services.organizations.settings import OrganizationsSettings
from tests.organizations.factories import organization_body

EMAIL = "lidereza.privada@correo.example"
PHONE = "+57 311 444 7788"
PERSONAL = (EMAIL, "311 444 7788", "3114447788", "lidereza.privada")

TRIGGER = """
CREATE FUNCTION reject_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rejected contact % / %', NEW.contact_email, NEW.contact_phone;
END $$;
CREATE TRIGGER reject_organization BEFORE INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION reject_organization();
"""


@pytest.fixture(scope="module")
async def failing_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            await conn.execute(TRIGGER)
        finally:
            await conn.close()
        yield url


@pytest.fixture
def everything_logged(monkeypatch) -> Iterator[io.StringIO]:
    """Logging configured as `somos serve` does it, at DEBUG, into a buffer."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.level, root.handlers[:], logging.getLogger("httpx").level)
    monkeypatch.setattr(sys, "stdout", stream)
    configure_logging("DEBUG")
    try:
        yield stream
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
        logging.getLogger("httpx").setLevel(saved[2])


@pytest.mark.parametrize("traced", [False, True], ids=["tracing-off", "tracing-on"])
async def test_failed_request_with_contact_data_leaves_none_in_logs_or_spans(
    failing_db, make_token, everything_logged, traced
):
    exporter = InMemorySpanExporter()
    if traced:
        provider = tracing.build_tracer_provider(exporter, service="organizations", batch=False)
        tracing.use_tracer_provider(provider)
    try:
        app = create_app(OrganizationsSettings(database_url=failing_db))
        async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
            body = organization_body(contact_email=EMAIL, contact_phone=PHONE)
            failed = await client.post("/api/v1/organizations", json=body)
            invalid = await client.post(
                "/api/v1/organizations", json={**body, "municipality_code": "5001"}
            )
            patched = await client.patch(
                "/api/v1/organizations/00000000-0000-4000-8000-000000000000",
                json={"contact_email": EMAIL, "contact_phone": PHONE},
                headers={"If-Match": '"1"'},
            )
            searched = await client.get("/api/v1/organizations", params={"q": EMAIL})
    finally:
        if traced:
            tracing.use_tracer_provider(None)

    # The request really failed in the database, and the answers leak nothing either.
    assert failed.status_code == 500
    assert failed.headers["content-type"] == "application/problem+json"
    assert invalid.status_code == 422 and patched.status_code == 404
    assert searched.status_code == 200 and searched.json()["items"] == []
    for response in (failed, invalid, patched, searched):
        assert not any(p in response.text for p in PERSONAL), response.text

    lines = [json.loads(line) for line in everything_logged.getvalue().splitlines()]
    errors = [line for line in lines if line["level"] == "error"]
    assert errors and all(line["request_id"] for line in errors)  # the failure was logged
    assert any(line.get("error_type") for line in errors)
    text = everything_logged.getvalue()
    assert not any(p in text for p in PERSONAL), [p for p in PERSONAL if p in text]

    spans = exporter.get_finished_spans()
    assert bool(spans) == traced
    if traced:  # the failure is still visible in the trace: its status and exception type
        failures = [s for s in spans if not s.status.is_ok and s.status.is_unset is False]
        assert failures
        assert any(e.attributes.get("exception.type") for s in failures for e in s.events)
    exported = "".join(span.to_json() for span in spans)
    assert not any(p in exported for p in PERSONAL), [p for p in PERSONAL if p in exported]
