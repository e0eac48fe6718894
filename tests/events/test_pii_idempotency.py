"""No personal data at rest outside the cipher, Idempotency-Key included (issue 14, point 1).

Attendees are posted with and without an ``Idempotency-Key``, the keyed ones replayed, and a
real ``pg_dump`` of every service database is searched for each name, document number and
phone: as text, JSON-escaped, hex (how bytea columns are dumped) and base64.
"""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
from collections.abc import AsyncIterator

import asyncpg
import pytest

from services.common.catalog import SERVICES
from services.common.db import asyncpg_dsn
from services.common.testing import bearer, migrated_database
from tests.deploy import pgtools
from tests.events.factories import PERSON, attendee_body, event_body
from tests.gateway.conftest import reporting_db  # noqa: F401  (a fixture: its dump too)

PEOPLE = [
    PERSON,
    {"full_name": "Álvaro Cuero Montaño", "document_number": "98765432", "phone": "3157778899"},
    {
        "full_name": "Nelsy Ararat Guancha",
        "document_number": "27183945",
        "phone": "+57 320 444 8812",
    },
    {"full_name": "Wilmer Angulo Caicedo", "document_number": "5566778", "phone": "3001112233"},
]


@pytest.fixture(scope="module")
async def security_plans_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "security_plans") as url:
        yield url


async def pg_dump(url: str) -> bytes:
    """A plain-format dump of one database by the machine's pg_dump (same major as the server)."""
    binary = pgtools.tool("pg_dump", await pgtools.server_major(url))
    result = await asyncio.to_thread(
        subprocess.run,
        [str(binary), "--no-owner", "--format=plain", pgtools.libpq_url(url)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _base64_needles(raw: bytes) -> list[bytes]:
    """What base64 of any data containing ``raw`` must contain, at each of the 3 alignments:
    the groups made of ``raw``'s bytes only (the first and last groups mix in neighbours)."""
    needles = []
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        start = 4 if shift else 0
        needle = encoded[start : len(encoded) - 4]
        if len(needle) >= 8:
            needles.append(needle)
    return needles


def forms(value: str) -> list[bytes]:
    """Ways ``value`` could show up in a dump."""
    texts = {
        value,
        value.lower(),
        value.upper(),
        json.dumps(value)[1:-1],  # JSON with \\u escapes (ensure_ascii)
        value.replace(" ", ""),
    }
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) >= 7:
        texts.add(digits)
        texts.add(digits[-10:])  # a phone without its country code
    found: list[bytes] = []
    for text in texts:
        raw = text.encode()
        found += [raw, raw.hex().encode(), raw.hex().upper().encode()]
        found += _base64_needles(raw)
        found += _base64_needles(text.encode("utf-16-le"))
    return found


def leaks(dump: bytes, value: str) -> list[bytes]:
    return [form for form in forms(value) if form in dump]


def test_the_search_finds_a_value_hidden_as_hex_or_base64():
    name = PERSON["full_name"]
    record = json.dumps({"full_name": name, "phone": PERSON["phone"]}).encode()
    for prefix in (b"", b"x", b"xy"):
        assert leaks(b"\\x" + (prefix + record).hex().encode(), name)
        assert leaks(base64.b64encode(prefix + record), name)
        assert leaks(base64.b64encode(prefix + name.encode()), name)
    assert leaks(b"COPY t (c) FROM stdin;\n" + record, PERSON["document_number"]) == []
    assert leaks(record, PERSON["phone"])


async def count_keys(url: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM idempotency_keys"))
    finally:
        await conn.close()


async def test_no_name_document_or_phone_in_a_dump_of_any_database_after_keyed_posts(
    client,
    make_token,
    events_db,
    upstream_organizations_db,
    security_plans_db,
    reporting_db,  # noqa: F811
    postgres_admin_url,
):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    first_two, keyed = PEOPLE[:1], PEOPLE[1:]
    for person in first_two:  # without Idempotency-Key
        r = await client.post(url, json=attendee_body(**person))
        assert r.status_code == 201, r.text
    answers = {}
    for i, person in enumerate(keyed):
        headers = {"Idempotency-Key": f"alta-{i}"}
        body = attendee_body(**person)
        if i == 2:
            body["id"] = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c"  # a client-sent id too
        first = await client.post(url, json=body, headers=headers)
        assert first.status_code == 201, first.text
        assert first.json()["full_name"] == person["full_name"]
        again = await client.post(url, json=body, headers=headers)
        assert again.status_code == 201
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert again.headers["location"] == first.headers["location"]
        assert again.headers["etag"] == first.headers["etag"]
        assert again.headers["cache-control"] == "no-store"
        answers[person["full_name"]] = first.json()
    assert await count_keys(events_db) == 3
    listed = (await client.get(url)).json()["items"]
    assert {a["full_name"] for a in listed} == {p["full_name"] for p in PEOPLE}

    dumps = {
        "events": await pg_dump(events_db),
        "organizations": await pg_dump(upstream_organizations_db),
        "security_plans": await pg_dump(security_plans_db),
        "reporting": await pg_dump(reporting_db),
    }
    async with migrated_database(postgres_admin_url, "webhooks") as webhooks_db:
        dumps["webhooks"] = await pg_dump(webhooks_db)
    assert set(dumps) == {name for name, spec in SERVICES.items() if spec.has_database}
    events_dump = dumps["events"]
    # the dump holds the rows: attendees, and the idempotency records (their Location)
    assert b"COPY public.attendees" in events_dump
    assert b"COPY public.idempotency_keys" in events_dump
    for answer in answers.values():
        assert answer["id"].encode() in events_dump
    assert "Diálogo de Resiliencia — vereda Candelillas".encode() in events_dump  # clear text
    for service, dump in dumps.items():
        for person in PEOPLE:
            for value in person.values():
                assert leaks(dump, value) == [], f"{value!r} found in the {service} dump"


async def test_the_replay_is_a_logged_read_checked_like_one(client, make_token, events_db):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    writer = bearer(make_token(["events:write", "events:read", "attendees:pii"], sub="registro"))
    headers = {**writer, "Idempotency-Key": "registro-1"}
    first = await client.post(url, json=attendee_body(), headers=headers)
    assert first.status_code == 201
    admin = bearer(make_token(["admin"], sub="auditor"))

    async def actions() -> list[tuple[str, str]]:
        r = await client.get(f"/api/v1/pii-access-log?event_id={event['id']}", headers=admin)
        return [(e["subject"], e["action"]) for e in r.json()["items"]]

    assert await actions() == [("registro", "create")]
    again = await client.post(url, json=attendee_body(), headers=headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert await actions() == [("registro", "read"), ("registro", "create")]

    # The replay shows the record as it is now, never a kept copy of the first answer.
    attendee_url = first.headers["location"]
    changed = await client.patch(
        attendee_url,
        json={"phone": "3009998877"},
        headers={**writer, "If-Match": first.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    again = await client.post(url, json=attendee_body(), headers=headers)
    assert again.status_code == 201
    assert again.json()["phone"] == "3009998877" and again.json()["version"] == 2
    assert again.headers["etag"] == '"2"'

    # Same caller, token without the PII scope: 403 from the route, not the stored answer.
    no_pii = bearer(make_token(["events:write", "events:read"], sub="registro"))
    r = await client.post(
        url, json=attendee_body(), headers={**no_pii, "Idempotency-Key": "registro-1"}
    )
    assert r.status_code == 403 and r.json()["missing_scope"] == "attendees:pii"
    assert "full_name" not in r.text
    # A writer that may not read attendees gets the read's 403, not the data.
    write_only = bearer(make_token(["events:write", "attendees:pii"], sub="solo-escritura"))
    keyed = {**write_only, "Idempotency-Key": "solo-1"}
    body = attendee_body(document_number="44556677")
    assert (await client.post(url, json=body, headers=keyed)).status_code == 201
    r = await client.post(url, json=body, headers=keyed)
    assert r.status_code == 403 and r.json()["missing_scope"] == "events:read"
    assert "full_name" not in r.text and r.headers["idempotent-replayed"] == "true"


async def test_no_key_is_written_for_a_caller_without_the_scopes(client, make_token, events_db):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    for scopes, missing in (
        (["events:write", "events:read"], "attendees:pii"),
        (["events:read", "attendees:pii"], "events:write"),
    ):
        token = bearer(make_token(scopes, sub="sin-permiso"))
        r = await client.post(
            url, json=attendee_body(), headers={**token, "Idempotency-Key": "intento"}
        )
        assert r.status_code == 403 and r.json()["missing_scope"] == missing
    assert await count_keys(events_db) == 0
    # an expired or invalid token leaves none either (401), and the right token works
    r = await client.post(
        url,
        json=attendee_body(),
        headers={"Authorization": "Bearer nope", "Idempotency-Key": "intento"},
    )
    assert r.status_code == 401
    assert await count_keys(events_db) == 0
    token = bearer(make_token(["events:write", "attendees:pii"], sub="sin-permiso"))
    r = await client.post(
        url, json=attendee_body(), headers={**token, "Idempotency-Key": "intento"}
    )
    assert r.status_code == 201
    assert await count_keys(events_db) == 1


async def test_error_answers_of_personal_routes_are_replayed_as_stored(client, events_db):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    headers = {"Idempotency-Key": "sin-consentimiento"}
    body = attendee_body(consent_given=False)
    first = await client.post(url, json=body, headers=headers)
    assert first.status_code == 422
    again = await client.post(url, json=body, headers=headers)
    assert again.status_code == 422 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["errors"] == first.json()["errors"]
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        stored = await conn.fetchval("SELECT response_body FROM idempotency_keys")
    finally:
        await conn.close()
    assert b"consent_given" in stored and PERSON["full_name"].encode() not in stored


async def test_a_personal_answer_without_location_is_not_kept_and_runs_again(events_db, make_token):
    from fastapi import APIRouter, Depends

    from services.common.app import create_service_app
    from services.common.auth import require_scopes
    from services.common.idempotency import PersonalData
    from services.common.testing import asgi_client, running_app
    from services.events.settings import EventsSettings

    runs: list[str] = []
    router = APIRouter(dependencies=[PersonalData])

    @router.post("/api/v1/people-export", dependencies=[Depends(require_scopes("events:read"))])
    async def export() -> dict[str, str]:
        runs.append("run")
        return {"full_name": PERSON["full_name"]}

    app = create_service_app(
        settings=EventsSettings(database_url=events_db),
        title="t",
        description="t",
        routers=[router],
    )
    token = bearer(make_token(["events:read"], sub="exportadora"))
    async with running_app(app), asgi_client(app, headers=token) as client:
        for _ in range(2):
            r = await client.post("/api/v1/people-export", headers={"Idempotency-Key": "x"})
            assert r.status_code == 200 and r.json()["full_name"] == PERSON["full_name"]
            assert r.headers["cache-control"] == "no-store"
            assert "idempotent-replayed" not in r.headers
    assert runs == ["run", "run"]
    assert await count_keys(events_db) == 0
