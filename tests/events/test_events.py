"""Events: creation, times, territory, transitions, concurrency, archive, trust survey."""

from __future__ import annotations

import uuid

from tests.events.factories import event_body


async def create(client, **overrides):
    r = await client.post("/api/v1/events", json=event_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


async def test_create_stores_utc_and_returns_z(client):
    body = await create(client)
    assert body["starts_at"] == "2025-03-14T14:00:00Z"
    assert body["ends_at"] == "2025-03-14T18:00:00Z"
    assert body["status"] == "planned"
    assert body["department_code"] == "52"
    assert body["version"] == 1
    r = await client.get(f"/api/v1/events/{body['id']}")
    assert r.status_code == 200
    assert r.headers["etag"] == '"1"'
    assert r.json()["title"] == "Diálogo de Resiliencia — vereda Candelillas"


async def test_time_without_offset_is_colombian(client):
    body = await create(client, starts_at="2025-03-14T09:00:00", ends_at="2025-03-14T10:30:00")
    assert body["starts_at"] == "2025-03-14T14:00:00Z"
    assert body["ends_at"] == "2025-03-14T15:30:00Z"
