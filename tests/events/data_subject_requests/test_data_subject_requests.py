"""Habeas data (Ley 1581 de 2012): find, export, rectify and erase one person's records across
events by keyed hash; the scopes, the territories, the PII access log; the person hash filled
in for rows written before it existed."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from services.common.db import asyncpg_dsn, sqlalchemy_url
from services.common.testing import TokenFactory, bearer, running_app
from services.events.data_subject_requests.service import backfill_person_hashes
from tests.events.conftest import TEST_KEYRING, events_app_for
from tests.events.factories import PERSON, attendee_body, create_event

BASE = "/api/v1/data-subject-requests"
YURANI = {"document_type": "cc", "document_number": PERSON["document_number"]}
OTHER = {
    "full_name": "Jhon Jairo Cuero Angulo",
    "document_type": "cc",
    "document_number": "98765432",
    "phone": "+57 315 444 0101",
}


async def add_attendee(client: httpx.AsyncClient, event_id: str, **body: Any) -> dict[str, Any]:
    r = await client.post(f"/api/v1/events/{event_id}/attendees", json=attendee_body(**body))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def two_events_with_yurani(client: httpx.AsyncClient) -> dict[str, Any]:
    """Yurani attends two events (her number written differently); Jhon Jairo the first."""
    first = await create_event(client, title="Hablemos de Policía — Tumaco")
    second = await create_event(
        client,
        title="Diálogo de Resiliencia — Candelillas",
        starts_at="2025-05-02T09:00:00-05:00",
        ends_at="2025-05-02T12:00:00-05:00",
    )
    a1 = await add_attendee(client, first["id"])
    a2 = await add_attendee(client, second["id"], document_number="1.087.654-321")
    other = await add_attendee(
        client, first["id"], sex="hombre", role="comunidad", is_social_leader=False, **OTHER
    )
    return {"first": first, "second": second, "a1": a1, "a2": a2, "other": other}


async def participation(client: httpx.AsyncClient, event_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/events/{event_id}/participation")
    assert r.status_code == 200, r.text
    body = dict(r.json())
    return {k: body[k] for k in ("total", "by_sex", "by_age_group", "by_ethnicity", "by_role")}


async def attendee_rows(url: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return list(
            await conn.fetch(
                "SELECT id, event_id, pii_ciphertext, document_hash, person_hash FROM attendees"
            )
        )
    finally:
        await conn.close()


async def test_search_finds_a_person_across_events_and_nobody_else(client):
    made = await two_events_with_yurani(client)
    r = await client.post(f"{BASE}/search", json=YURANI)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    assert r.json() == {
        "records": [
            {
                "event_id": made["first"]["id"],
                "attendee_id": made["a1"]["id"],
                "event_title": "Hablemos de Policía — Tumaco",
                "starts_at": "2025-03-14T14:00:00Z",
            },
            {
                "event_id": made["second"]["id"],
                "attendee_id": made["a2"]["id"],
                "event_title": "Diálogo de Resiliencia — Candelillas",
                "starts_at": "2025-05-02T14:00:00Z",
            },
        ]
    }
    # Another number, or the same number as another document type, is another person.
    nobody = await client.post(f"{BASE}/search", json={**YURANI, "document_number": "1087654320"})
    assert nobody.json() == {"records": []}
    passport = await client.post(f"{BASE}/search", json={**YURANI, "document_type": "pasaporte"})
    assert passport.json() == {"records": []}
    jhon = await client.post(
        f"{BASE}/search", json={"document_type": "cc", "document_number": "98 765 432"}
    )
    assert [x["attendee_id"] for x in jhon.json()["records"]] == [made["other"]["id"]]


async def test_bad_bodies_are_422_naming_the_field(client):
    r = await client.post(
        f"{BASE}/search", json={"document_type": "ninguno", "document_number": "123"}
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in r.json()["errors"]] == ["document_type"]
    r = await client.post(f"{BASE}/export", json={"document_type": "cc"})
    assert [e["field"] for e in r.json()["errors"]] == ["document_number"]
    r = await client.post(f"{BASE}/erase", json=YURANI)
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["reason"]


async def test_export_returns_every_field_in_clear(client):
    made = await two_events_with_yurani(client)
    r = await client.post(f"{BASE}/export", json=YURANI)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["exported_at"].endswith("Z")
    assert [x["event"]["id"] for x in body["records"]] == [
        made["first"]["id"],
        made["second"]["id"],
    ]
    first = body["records"][0]
    assert first["event"] == {
        "id": made["first"]["id"],
        "type": "dialogo_resiliencia",
        "title": "Hablemos de Policía — Tumaco",
        "starts_at": "2025-03-14T14:00:00Z",
        "ends_at": "2025-03-14T18:00:00Z",
        "municipality_code": "52835",
        "department_code": "52",
        "community": "Vereda Candelillas",
    }
    assert first["attendee"] == made["a1"]  # every attendee field, as the attendee route gives
    assert first["attendee"]["full_name"] == "Yurani Quiñones Valencia"
    assert first["attendee"]["phone"] == PERSON["phone"]
    second = body["records"][1]["attendee"]
    assert second["document_number"] == "1.087.654-321"  # as written, not normalised
    assert second["consent_given"] is True


async def test_erase_removes_ciphertext_and_hashes_and_keeps_the_counts(client, events_db):
    made = await two_events_with_yurani(client)
    first, second = made["first"]["id"], made["second"]["id"]
    before = {e: await participation(client, e) for e in (first, second)}
    assert before[first]["total"] == 2 and before[second]["total"] == 1
    hashes = {
        r["id"]: (r["document_hash"], r["person_hash"]) for r in await attendee_rows(events_db)
    }
    yurani_hash = hashes[uuid.UUID(made["a1"]["id"])][1]
    assert yurani_hash == TEST_KEYRING.person_hash(document_type="cc", number="1087654321")

    r = await client.post(
        f"{BASE}/erase", json={**YURANI, "reason": "Solicitud de supresión radicada 2026-118"}
    )
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    assert r.json() == {"erased_records": 2, "event_ids": [first, second]}

    rows = await attendee_rows(events_db)
    assert [str(r["id"]) for r in rows] == [made["other"]["id"]]  # only Jhon Jairo is left
    erased_hashes = {
        h for pair in (hashes[r] for r in hashes if str(r) != made["other"]["id"]) for h in pair
    }
    assert not erased_hashes & {h for r in rows for h in (r["document_hash"], r["person_hash"])}
    conn = await asyncpg.connect(asyncpg_dsn(events_db))
    try:
        assert (
            await conn.fetchval(
                "SELECT count(*) FROM attendees WHERE person_hash = $1", yurani_hash
            )
            == 0
        )
    finally:
        await conn.close()
    # The anonymous counts stay, and survive the next change to the event's attendees.
    after = {e: await participation(client, e) for e in (first, second)}
    assert after == before
    await add_attendee(
        client,
        second,
        full_name="Luz Dary Castillo",
        document_number="55443322",
        sex="mujer",
        birth_year=1960,
        ethnicity="indigena",
        role="comunidad",
        is_social_leader=False,
        phone=None,
    )
    grown = await participation(client, second)
    assert grown["total"] == 2
    assert grown["by_role"]["lider_social"] == 1  # Yurani, erased, still counted
    assert grown["by_ethnicity"] == {**before[second]["by_ethnicity"], "indigena": 1}
    # Nothing is found, exported or readable any more.
    assert (await client.post(f"{BASE}/search", json=YURANI)).json() == {"records": []}
    assert (await client.post(f"{BASE}/export", json=YURANI)).json()["records"] == []
    gone = await client.get(f"/api/v1/events/{first}/attendees/{made['a1']['id']}")
    assert gone.status_code == 404
    again = await client.post(f"{BASE}/erase", json={**YURANI, "reason": "otra vez"})
    assert again.json() == {"erased_records": 0, "event_ids": []}


async def test_erasing_an_archived_record_leaves_the_summary_as_it_was(client):
    event = await create_event(client)
    mine = await add_attendee(client, event["id"])
    await add_attendee(client, event["id"], **OTHER)
    archived = await client.delete(
        f"/api/v1/events/{event['id']}/attendees/{mine['id']}", headers={"If-Match": '"1"'}
    )
    assert archived.status_code == 200, archived.text
    before = await participation(client, event["id"])
    assert before["total"] == 1
    r = await client.post(f"{BASE}/erase", json={**YURANI, "reason": "Revoca el consentimiento"})
    assert r.json()["erased_records"] == 1
    assert await participation(client, event["id"]) == before


async def test_every_call_is_in_the_pii_access_log(client, make_token: TokenFactory):
    made = await two_events_with_yurani(client)
    dpo = bearer(make_token(["attendees:pii", "admin"], sub="oficial-proteccion-datos"))
    for path in ("search", "export"):
        assert (await client.post(f"{BASE}/{path}", json=YURANI, headers=dpo)).status_code == 200
    nobody = {"document_type": "ce", "document_number": "E12345"}
    assert (await client.post(f"{BASE}/search", json=nobody, headers=dpo)).status_code == 200
    body = {**YURANI, "reason": "Solicitud de la titular"}
    assert (await client.post(f"{BASE}/erase", json=body, headers=dpo)).status_code == 200
    log = await client.get("/api/v1/pii-access-log", params={"subject": "oficial-proteccion-datos"})
    entries = [
        (e["action"], e["event_id"], e["attendee_id"], e["record_count"])
        for e in reversed(log.json()["items"])
    ]
    first, second = made["first"]["id"], made["second"]["id"]
    a1, a2 = made["a1"]["id"], made["a2"]["id"]
    assert entries == [
        ("subject-search", first, a1, 1),
        ("subject-search", second, a2, 1),
        ("subject-export", first, a1, 1),
        ("subject-export", second, a2, 1),
        ("subject-search", None, None, 0),
        ("subject-erase", first, a1, 1),
        ("subject-erase", second, a2, 1),
    ]


async def test_scopes_admin_and_attendees_pii_are_both_needed(client, make_token: TokenFactory):
    await two_events_with_yurani(client)
    cases = {
        ("attendees:pii",): "admin",
        ("admin",): "attendees:pii",
        ("events:read", "events:write", "attendees:pii"): "admin",
        ("events:read", "events:write", "admin"): "attendees:pii",
    }
    body = {**YURANI, "reason": "prueba"}
    for scopes, missing in cases.items():
        headers = bearer(make_token(list(scopes), sub="sin-permiso"))
        for path in ("search", "export", "erase"):
            r = await client.post(f"{BASE}/{path}", json=body, headers=headers)
            assert r.status_code == 403, (scopes, path)
            assert r.json()["missing_scope"] == missing
            assert r.headers["content-type"] == "application/problem+json"
    r = await client.post(f"{BASE}/search", json=YURANI, headers={"Authorization": ""})
    assert r.status_code == 401
    # Nothing was erased and nothing was logged for the refused calls.
    assert len((await client.post(f"{BASE}/search", json=YURANI)).json()["records"]) == 2
    refused = await client.get("/api/v1/pii-access-log", params={"subject": "sin-permiso"})
    assert refused.json()["items"] == []


async def test_territorial_tokens_reach_their_territories_only(client, make_token: TokenFactory):
    tumaco = await create_event(client, title="Diálogo en Tumaco")
    medellin = await create_event(
        client, title="Diálogo en Medellín", municipality_code="05001", community="Comuna 13"
    )
    in_tumaco = await add_attendee(client, tumaco["id"])
    in_medellin = await add_attendee(client, medellin["id"])
    narino = bearer(make_token(["attendees:pii", "admin"], departments=["52"]))
    found = await client.post(f"{BASE}/search", json=YURANI, headers=narino)
    assert [x["attendee_id"] for x in found.json()["records"]] == [in_tumaco["id"]]
    exported = await client.post(f"{BASE}/export", json=YURANI, headers=narino)
    assert [x["event"]["municipality_code"] for x in exported.json()["records"]] == ["52835"]
    erased = await client.post(f"{BASE}/erase", json={**YURANI, "reason": "x"}, headers=narino)
    assert erased.json() == {"erased_records": 1, "event_ids": [tumaco["id"]]}
    national = await client.post(f"{BASE}/search", json=YURANI)
    assert [x["attendee_id"] for x in national.json()["records"]] == [in_medellin["id"]]


async def test_rectification_recomputes_both_hashes(client, events_db):
    event = await create_event(client)
    created = await add_attendee(client, event["id"])
    url = f"/api/v1/events/{event['id']}/attendees/{created['id']}"
    r = await client.patch(
        url, json={"document_type": "ce", "document_number": "E-7788"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert (await client.post(f"{BASE}/search", json=YURANI)).json() == {"records": []}
    found = await client.post(
        f"{BASE}/search", json={"document_type": "ce", "document_number": "e7788"}
    )
    assert [x["attendee_id"] for x in found.json()["records"]] == [created["id"]]
    (row,) = await attendee_rows(events_db)
    assert row["person_hash"] == TEST_KEYRING.person_hash(document_type="ce", number="E7788")
    assert row["document_hash"] == TEST_KEYRING.document_hash(
        event_id=row["event_id"], document_type="ce", number="E7788"
    )
    # The old number is free again in this event; the new one is taken.
    await add_attendee(client, event["id"], full_name="Otra persona")
    dup = await client.post(
        f"/api/v1/events/{event['id']}/attendees",
        json=attendee_body(document_type="ce", document_number="E 7788"),
    )
    assert dup.status_code == 409
    # Dropping the document drops both hashes.
    r = await client.patch(url, json={"document_type": "ninguno"}, headers={"If-Match": '"2"'})
    assert r.status_code == 200, r.text
    rows = {str(x["id"]): x for x in await attendee_rows(events_db)}
    assert rows[created["id"]]["person_hash"] is None
    assert rows[created["id"]]["document_hash"] is None


async def clear_person_hashes(url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("UPDATE attendees SET person_hash = NULL")
    finally:
        await conn.close()


async def test_person_hashes_are_filled_in_at_start_up_idempotently(
    client, events_db: str, organizations_upstream: FastAPI
):
    """Rows written before the hash existed (the migration cannot compute it) get it when
    the service starts; running again changes nothing."""
    made = await two_events_with_yurani(client)
    await clear_person_hashes(events_db)
    assert (await client.post(f"{BASE}/search", json=YURANI)).json() == {"records": []}
    async with running_app(events_app_for(events_db, organizations_upstream)):
        pass  # start-up fills them in
    rows = {str(r["id"]): r["person_hash"] for r in await attendee_rows(events_db)}
    yurani = TEST_KEYRING.person_hash(document_type="cc", number=PERSON["document_number"])
    assert rows == {
        made["a1"]["id"]: yurani,
        made["a2"]["id"]: yurani,
        made["other"]["id"]: TEST_KEYRING.person_hash(document_type="cc", number="98765432"),
    }
    found = await client.post(f"{BASE}/search", json=YURANI)
    assert len(found.json()["records"]) == 2

    engine = create_async_engine(sqlalchemy_url(events_db))
    try:
        sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
        assert await backfill_person_hashes(sessionmaker, keyring=TEST_KEYRING) == 0
        await clear_person_hashes(events_db)
        assert await backfill_person_hashes(sessionmaker, keyring=TEST_KEYRING, batch_size=2) == 3
        assert await backfill_person_hashes(sessionmaker, keyring=TEST_KEYRING) == 0
    finally:
        await engine.dispose()
    assert {str(r["id"]): r["person_hash"] for r in await attendee_rows(events_db)} == rows
