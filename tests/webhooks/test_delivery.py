"""Deliveries end to end, on real processes: change feeds serving the documented contract,
`somos worker webhooks` processes, receivers on 127.0.0.1 verifying every signature with the
standardwebhooks library, and the webhooks API on the same PostgreSQL database."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.webhooks.conftest import subscribe
from tests.webhooks.harness import Workers, eventually, worker_environment

pytestmark = pytest.mark.e2e

ORG = "organizations"


async def test_each_receiver_gets_its_types_and_territories_and_nothing_else(
    client, client_for, feeds, receivers, workers
):
    orgs, events = feeds["organizations"], feeds["events"]
    before = orgs.commit("organization.created", resource=ORG)  # before any subscription
    everything, medellin, tumaco_updates = receivers(), receivers(), receivers()
    await subscribe(client, everything, ["organization.created", "event.held"])
    async with client_for(
        "webhooks:manage", "organizations:read", sub="alcaldia-medellin", municipalities=["05001"]
    ) as limited:
        await subscribe(limited, medellin, ["organization.created", "organization.updated"])
    await subscribe(client, tumaco_updates, ["organization.updated"], ["52835"])
    workers.start("w1")

    o1 = orgs.commit("organization.created", resource=ORG, municipality_code="52835")
    o2 = orgs.commit("organization.created", resource=ORG, municipality_code="05001")
    o2v2 = orgs.commit(
        "organization.updated", resource=ORG, id_=o2["id"], version=2, municipality_code="05001"
    )
    o1v2 = orgs.commit(
        "organization.updated", resource=ORG, id_=o1["id"], version=2, municipality_code="52835"
    )
    e1 = events.commit("event.held", resource="events", municipality_code="52835")
    e2 = events.commit("event.held", resource="events", municipality_code="05001")
    orgs.commit("organization.archived", resource=ORG, id_=o1["id"], version=3)
    national = orgs.commit("organization.created", resource=ORG, municipality_code=None)

    def key(item):
        return (item["type"], item["id"], item["version"])

    expected = {
        "everything": {key(i) for i in (o1, o2, e1, e2, national)},
        # only 05001, not the national record (its owner's token is limited to 05001)
        "medellin": {key(o2), key(o2v2)},
        "tumaco_updates": {key(o1v2)},
    }
    got = {"everything": everything, "medellin": medellin, "tumaco_updates": tumaco_updates}
    await eventually(
        lambda: all(len(got[name].receipts) >= len(keys) for name, keys in expected.items())
    )
    # One more change to everyone, received last: anything unwanted would have come by then.
    closing = orgs.commit(
        "organization.updated", resource=ORG, version=9, municipality_code="05001"
    )
    await eventually(lambda: key(closing) in set(medellin.events()))
    for name, keys in expected.items():
        extra = {key(closing)} if name == "medellin" else set()
        assert set(got[name].events()) == keys | extra, name
        assert len(got[name].receipts) == len(keys | extra), name
        assert got[name].refused == 0
    assert key(before) not in set(everything.events())

    receipt = next(r for r in everything.receipts if r.payload["data"]["id"] == o1["id"])
    assert receipt.payload == {
        "type": "organization.created",
        "timestamp": o1["occurred_at"],
        "data": {
            "resource": "organizations",
            "id": o1["id"],
            "version": 1,
            "municipality_code": "52835",
            "url": f"http://127.0.0.1:8000/api/v1/organizations/{o1['id']}",
        },
    }
    delivery = (await client.get(f"/api/v1/webhook-deliveries/{receipt.webhook_id}")).json()
    assert delivery["status"] == "succeeded"
    assert delivery["attempts"] == 1 and delivery["last_status_code"] == 204
    assert delivery["recent_attempts"][0]["status_code"] == 204
    assert delivery["recent_attempts"][0]["latency_ms"] >= 0
    assert delivery["payload"] == receipt.payload
    # The feeds were read with the service account's token (minted: HS256 in tests).
    assert orgs.tokens and all(t.startswith("Bearer ey") for t in orgs.tokens)


async def test_a_receiver_down_for_a_while_gets_everything_in_order_after_it_returns(
    client, feeds, receivers, workers
):
    orgs = feeds["organizations"]
    receiver = receivers(mode="fail")
    subscription = await subscribe(
        client, receiver, ["organization.created", "organization.updated"]
    )
    workers.start("w1")
    first = orgs.commit("organization.created", resource=ORG)
    for version in (2, 3, 4):
        orgs.commit("organization.updated", resource=ORG, id_=first["id"], version=version)
    others = [orgs.commit("organization.created", resource=ORG) for _ in range(3)]
    await eventually(lambda: receiver.requests >= 12)  # several rounds of retries refused
    assert receiver.receipts == []
    path = f"/api/v1/webhook-subscriptions/{subscription['id']}"
    down = (await client.get(f"{path}/deliveries")).json()["items"]
    assert {d["status"] for d in down} == {"pending"}
    # In order per resource: the later versions wait while version 1 is being retried.
    assert max(d["attempts"] for d in down) >= 2
    health = (await client.get(path)).json()
    assert health["failing_since"] is not None and health["status"] == "active"

    receiver.mode = "ok"
    await eventually(lambda: len({r.webhook_id for r in receiver.receipts}) == 7)
    versions = [
        r.payload["data"]["version"]
        for r in receiver.receipts
        if r.payload["data"]["id"] == first["id"]
    ]
    assert versions == sorted(versions) and set(versions) == {1, 2, 3, 4}
    assert {r.payload["data"]["id"] for r in receiver.receipts} >= {o["id"] for o in others}
    delivered = (await client.get(f"{path}/deliveries")).json()["items"]
    assert {d["status"] for d in delivered} == {"succeeded"}
    retried = [d for d in delivered if d["attempts"] > 1]
    assert retried, "some deliveries needed several attempts"
    for d in retried:
        codes = [a["status_code"] for a in d["recent_attempts"]]
        assert codes[-1] == 204 and set(codes[:-1]) == {503}
    assert (await client.get(path)).json()["failing_since"] is None


async def test_a_worker_killed_mid_delivery_loses_nothing(client, feeds, receivers, workers):
    orgs = feeds["organizations"]
    receiver = receivers(mode="hang")
    await subscribe(client, receiver, ["organization.created"])
    w1 = workers.start("w1")
    first = orgs.commit("organization.created", resource=ORG)
    await eventually(receiver.in_flight.is_set)
    workers.kill(w1)  # SIGKILL while the request is in flight
    receiver.mode = "ok"
    receiver.release.set()
    later = [orgs.commit("organization.created", resource=ORG) for _ in range(3)]
    workers.start("w2")
    await eventually(lambda: len({r.payload["data"]["id"] for r in receiver.receipts}) == 4)
    ids = {r.payload["data"]["id"] for r in receiver.receipts}
    assert ids == {first["id"], *(o["id"] for o in later)}
    resent = [r for r in receiver.receipts if r.payload["data"]["id"] == first["id"]]
    assert [r.webhook_id for r in resent] == receiver.hung_ids[:1]  # same webhook-id again


async def test_two_workers_never_send_one_event_under_two_webhook_ids(
    client, feeds, receivers, workers
):
    orgs = feeds["organizations"]
    receiver = receivers(mode="flaky")
    await subscribe(client, receiver, ["organization.created", "organization.updated"])
    workers.start("w1")
    workers.start("w2")
    resources = [orgs.commit("organization.created", resource=ORG) for _ in range(8)]
    for version in range(2, 7):
        for item in resources:
            orgs.commit("organization.updated", resource=ORG, id_=item["id"], version=version)
    expected = 8 * 6
    await eventually(
        lambda: (
            len(
                {(r.payload["data"]["id"], r.payload["data"]["version"]) for r in receiver.receipts}
            )
            == expected
        ),
        within=120,
    )
    ids_per_event: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in receiver.receipts:
        ids_per_event[(r.payload["data"]["id"], r.payload["data"]["version"])].add(r.webhook_id)
    assert all(len(ids) == 1 for ids in ids_per_event.values())
    assert len(receiver.receipts) == expected  # and here, not even a repeat
    for item in resources:
        versions = [
            r.payload["data"]["version"]
            for r in receiver.receipts
            if r.payload["data"]["id"] == item["id"]
        ]
        assert versions == [1, 2, 3, 4, 5, 6]


async def test_410_disables_the_subscription_until_patched_active(
    client, feeds, receivers, workers
):
    orgs = feeds["organizations"]
    receiver = receivers(mode="gone")
    subscription = await subscribe(client, receiver, ["organization.created"])
    path = f"/api/v1/webhook-subscriptions/{subscription['id']}"
    workers.start("w1")
    gone = orgs.commit("organization.created", resource=ORG)

    async def disabled() -> bool:
        return (await client.get(path)).json()["status"] == "disabled"

    state: dict[str, bool] = {"disabled": False}

    async def poll() -> None:
        state["disabled"] = await disabled()

    import asyncio
    import time

    deadline = time.monotonic() + 60
    while not state["disabled"]:
        assert time.monotonic() < deadline
        await poll()
        await asyncio.sleep(0.1)
    read = (await client.get(path)).json()
    assert read["disabled_reason"] == "the endpoint answered 410 Gone"
    assert receiver.requests == 1  # no retry after a 410
    missed = orgs.commit("organization.created", resource=ORG)
    await asyncio.sleep(3)
    assert receiver.requests == 1

    receiver.mode = "ok"
    enabled = await client.patch(
        path, json={"status": "active"}, headers={"If-Match": f'"{read["version"]}"'}
    )
    assert enabled.json()["status"] == "active"
    after = orgs.commit("organization.created", resource=ORG)
    await eventually(lambda: len(receiver.receipts) == 1)
    assert receiver.receipts[0].payload["data"]["id"] == after["id"]
    # What was missed can be sent again by hand: the 410'd delivery keeps its webhook-id.
    failed = (await client.get(f"{path}/deliveries?status=failed")).json()["items"]
    assert [d["payload"]["data"]["id"] for d in failed] == [gone["id"]]
    again = await client.post(f"/api/v1/webhook-deliveries/{failed[0]['id']}/redeliver")
    assert again.status_code == 202
    await eventually(lambda: len(receiver.receipts) == 2)
    assert receiver.receipts[1].webhook_id == failed[0]["id"]
    assert missed["id"] not in {r.payload["data"]["id"] for r in receiver.receipts}


async def test_a_delivery_gives_up_after_its_window_and_a_failing_subscription_is_disabled(
    client, webhooks_db, feeds, receivers, tmp_path: Path
):
    orgs = feeds["organizations"]
    receiver = receivers(mode="fail")
    subscription = await subscribe(client, receiver, ["organization.created"])
    path = f"/api/v1/webhook-subscriptions/{subscription['id']}"
    env = worker_environment(
        webhooks_db,
        {name: feed.url for name, feed in feeds.items()},
        SOMOS_WEBHOOKS_RETRY_WINDOW_SECONDS="2",
        SOMOS_WEBHOOKS_DISABLE_AFTER_SECONDS="6",
    )
    workers = Workers(env, tmp_path)
    workers.start("w1")
    try:
        first = orgs.commit("organization.created", resource=ORG)
        state: dict[str, dict] = {}

        async def refresh() -> None:
            state["deliveries"] = (await client.get(f"{path}/deliveries")).json()
            state["subscription"] = (await client.get(path)).json()

        import asyncio
        import time

        deadline = time.monotonic() + 60
        while True:
            await refresh()
            items = state["deliveries"]["items"]
            if items and items[0]["status"] == "failed":
                break
            assert time.monotonic() < deadline
            await asyncio.sleep(0.2)
        (given_up,) = items
        assert given_up["payload"]["data"]["id"] == first["id"]
        assert given_up["attempts"] >= 2 and given_up["next_attempt_at"] is None
        assert {a["status_code"] for a in given_up["recent_attempts"]} == {503}
        # Failing for 2 s only: still active, failing since the first attempt.
        assert state["subscription"]["status"] == "active"
        assert state["subscription"]["failing_since"] is not None

        # Keep failing past 6 s: the subscription is disabled, later changes are not sent.
        while state["subscription"]["status"] == "active":
            orgs.commit("organization.created", resource=ORG)
            assert time.monotonic() < deadline
            await asyncio.sleep(1)
            await refresh()
        assert state["subscription"]["disabled_reason"] == "deliveries failed for too long"
        requests = receiver.requests
        orgs.commit("organization.created", resource=ORG)
        await asyncio.sleep(3)
        assert receiver.requests == requests
    finally:
        workers.stop_all()


async def test_an_expired_feed_cursor_resumes_from_the_oldest_change_kept(
    client, webhooks_db, feeds, receivers, workers
):
    import asyncpg

    from services.common.db import asyncpg_dsn

    orgs = feeds["organizations"]
    receiver = receivers()
    await subscribe(client, receiver, ["organization.created"])
    lost = [orgs.commit("organization.created", resource=ORG) for _ in range(3)]
    kept = [orgs.commit("organization.created", resource=ORG) for _ in range(2)]
    orgs.retained_from = 3  # retention deleted the first three before anyone read them
    conn = await asyncpg.connect(asyncpg_dsn(webhooks_db))
    try:  # the workers had read up to the first change, long ago
        await conn.execute(
            "INSERT INTO webhook_feed_cursors (source, cursor, updated_at) "
            "VALUES ('organizations', $1, now())",
            lost[0]["cursor"],
        )
    finally:
        await conn.close()
    workers.start("w1")
    await eventually(lambda: len(receiver.receipts) == 2)
    assert {r.payload["data"]["id"] for r in receiver.receipts} == {k["id"] for k in kept}
    later = orgs.commit("organization.created", resource=ORG)
    await eventually(lambda: len(receiver.receipts) == 3)
    assert receiver.receipts[-1].payload["data"]["id"] == later["id"]
    assert "cursor expired" in workers.log("w1")
