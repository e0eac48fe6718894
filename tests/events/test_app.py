"""The events app as a whole: its vocabularies and its operation ids."""

from __future__ import annotations


async def test_vocabularies(client):
    r = await client.get("/api/v1/vocabularies/events")
    assert r.status_code == 200, r.text
    vocab = r.json()["vocabularies"]
    assert [t["code"] for t in vocab["type"]["terms"]][:2] == [
        "dialogo_resiliencia",
        "hablemos_de_policia",
    ]
    assert {"code": "0_13", "es": "0 a 13 años", "en": "0 to 13 years"} in vocab["age_group"][
        "terms"
    ]
    assert len(vocab["risk_factor_category"]["terms"]) == 10


async def test_operation_ids_are_unique_and_prefixed(events_app):
    ids = [
        op["operationId"] for path in events_app.openapi()["paths"].values() for op in path.values()
    ]
    assert len(ids) == len(set(ids))
    assert {
        "events-list",
        "events-get",
        "attendees-create",
        "commitments-list",
        "events-stats",
        "pii-access-log-list",
        "events-vocabularies",
    } <= set(ids)
