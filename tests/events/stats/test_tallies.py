"""Property: after any sequence of creates, updates, transitions and archives through the
API, the events statistics read from the tallies equal a full recount, in every territory
(whole country, each department, each municipality touched) and for a caller limited to
one department without attendees:pii (small cells withheld)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from services.common.auth import Principal
from services.common.testing import ALL_SCOPES, asgi_client, bearer
from services.events.stats import repository, service
from services.events.vocabularies import CommitmentStatus, EventType
from tests.events.factories import commitment_body, event_body
from tests.tallies import RandomWriter, assert_fast_equals_recount, disclosure_for, territories

STATS = "/api/v1/stats/events"
MUNICIPALITIES = ("52835", "52001", "05001", "05045", "76001")
COMMUNITIES = ("Vereda Candelillas", "Barrio Nuevo Milenio", "Vereda La Honda", "Comuna 13")
TYPES = [t.value for t in EventType]
COMMITMENT_STATUSES = [s.value for s in CommitmentStatus]
STEPS = 160
CHECK_EVERY = 40


def _split(total: int, codes: list[str], rng: Any) -> dict[str, int]:
    """``total`` people split at random over ``codes`` (the breakdown adds up)."""
    cuts = sorted(rng.randint(0, total) for _ in range(len(codes) - 1))
    return {
        code: b - a for code, a, b in zip(codes, [0, *cuts], [*cuts, total], strict=True) if b - a
    }


def _participation(rng: Any) -> dict[str, Any]:
    total = rng.randint(1, 40)
    return {
        "total": total,
        "by_sex": _split(total, ["mujer", "hombre", "no_reporta"], rng),
        "by_age_group": _split(total, ["0_13", "14_28", "29_59", "60_mas"], rng),
        "by_ethnicity": _split(total, ["afrocolombiano", "indigena", "ninguno"], rng),
        "by_role": _split(total, ["comunidad", "lider_social", "policia"], rng),
        "conflict_victims": rng.randint(0, total),
        "persons_with_disability": rng.randint(0, total),
        "lgbtiq": rng.randint(0, total),
    }


def _trust(rng: Any) -> dict[str, Any]:
    def measure() -> dict[str, Any]:
        return {"respondents": rng.randint(1, 30), "mean_score": rng.randint(100, 500) / 100}

    return {"before": measure(), "after": measure()}


async def _step(w: RandomWriter, events: list[str], commitments: list[str]) -> None:
    rng = w.rng
    op = rng.choice(
        [
            "event",
            "event",
            "update_event",
            "transition_event",
            "transition_event",
            "archive_event",
            "participation",
            "participation",
            "commitment",
            "commitment_transition",
            "archive_commitment",
        ]
    )
    event = w.pick(events)
    if op == "event" or event is None:
        kind = rng.choice(TYPES)
        day = f"2025-{rng.randint(1, 12):02d}-1{rng.randint(0, 9)}"
        body = event_body(
            type=kind,
            municipality_code=rng.choice(MUNICIPALITIES),
            community=rng.choice(COMMUNITIES),
            starts_at=f"{day}T09:00:00-05:00",
            ends_at=f"{day}T12:00:00-05:00",
        )
        if kind == "hablemos_de_policia" and rng.random() < 0.7:
            body["trust_survey"] = _trust(rng)
        if created := await w.create("create event", "/api/v1/events", body):
            events.append(created["id"])
    elif op == "update_event":
        fields: dict[str, Any] = {
            "municipality_code": rng.choice(MUNICIPALITIES),
            "community": rng.choice(COMMUNITIES),
            "type": rng.choice(TYPES),
            "trust_survey": _trust(rng),
        }
        body = {k: v for k, v in fields.items() if rng.random() < 0.5} or fields
        await w.update("update event", f"/api/v1/events/{event}", body)
    elif op == "transition_event":
        to = rng.choice(["held", "held", "cancelled"])
        extra = {"reason": "Orden público"} if to == "cancelled" else {}
        await w.transition("event transition", f"/api/v1/events/{event}", to, **extra)
    elif op == "archive_event":
        await w.archive("archive event", f"/api/v1/events/{event}")
    elif op == "participation":
        path = f"/api/v1/events/{event}/participation"
        await w.put("put participation", path, _participation(rng))
    elif op == "commitment":
        due = rng.choice(["2024-05-30", "2025-06-30", "2031-01-15"])
        body = commitment_body(due_date=due)
        path = f"/api/v1/events/{event}/commitments"
        if created := await w.create("create commitment", path, body):
            commitments.append(created["id"])
    elif op == "commitment_transition" and (commitment := w.pick(commitments)):
        to = rng.choice(COMMITMENT_STATUSES)
        extra = {"reason": "Sin presupuesto"} if to == "cancelled" else {}
        await w.transition(
            "commitment transition", f"/api/v1/commitments/{commitment}", to, **extra
        )
    elif op == "archive_commitment" and (commitment := w.pick(commitments)):
        await w.archive("archive commitment", f"/api/v1/commitments/{commitment}")


@pytest.mark.parametrize("seed", [16, 2026])
async def test_tallies_equal_a_full_recount_after_random_writes(
    seed, client, events_app, make_token
):
    everyone = Principal(sub="tester", scopes=frozenset(ALL_SCOPES))
    narino = Principal(
        sub="narino", scopes=frozenset({"events:read"}), departments=frozenset({"52"})
    )
    pool = events_app.state.database.pool

    def recount(principal: Principal):
        async def run(params: Mapping[str, str]) -> dict[str, Any]:
            filters = repository.StatsFilters(
                municipality_code=params.get("municipality_code"),
                department_code=params.get("department_code"),
            )
            echo = {
                "municipality_code": params.get("municipality_code"),
                "department_code": params.get("department_code"),
                "from": None,
                "to": None,
            }
            stats = await service.event_stats(
                pool,
                principal=principal,
                disclosure=disclosure_for(principal),
                filters=filters,
                echo=echo,
                recount=True,
            )
            return stats.model_dump(mode="json", by_alias=True)

        return run

    writer = RandomWriter(client, seed)
    events: list[str] = []
    commitments: list[str] = []
    compared = 0
    limited_token = make_token("events:read", sub="narino", departments=["52"])
    async with asgi_client(events_app, headers=bearer(limited_token)) as limited:
        for step in range(1, STEPS + 1):
            await _step(writer, events, commitments)
            if step % CHECK_EVERY == 0:
                compared += await assert_fast_equals_recount(
                    client, STATS, recount(everyone), territories(MUNICIPALITIES), writer=writer
                )
                compared += await assert_fast_equals_recount(
                    limited,
                    STATS,
                    recount(narino),
                    [{}, {"municipality_code": "52835"}],
                    writer=writer,
                )

    assert compared == (STEPS // CHECK_EVERY) * (1 + 3 + 5 + 2)
    for kind in (
        "create event",
        "update event",
        "event transition",
        "archive event",
        "put participation",
        "create commitment",
        "commitment transition",
        "archive commitment",
    ):
        assert writer.done[kind] > 0, f"{kind} never succeeded; {writer.failure()}"
    final = (await client.get(STATS)).json()
    assert final["events_total"] > 0 and final["participants"]["total"] > 0
