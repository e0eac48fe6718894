"""The computed execution summary of a plan."""

from __future__ import annotations

import asyncpg
import pytest

from services.security_plans.execution.service import recent_periods
from tests.security_plans.factories import formulated_plan, ok, plan_in_implementation

PLANS = "/api/v1/security-plans"


def report(period: str, value: float, executed: int, note: str | None = None) -> dict:
    body = {"period": period, "value": value, "budget_executed_cop": executed}
    if note:
        body["note"] = note
    return body


async def test_execution_from_two_reports_per_action(client):
    plan = await plan_in_implementation(client, lines=1, actions=2)
    a1, a2 = plan["action_ids"]
    base = f"{PLANS}/{plan['id']}/actions"
    # Each action plans 150,000,000 (120M FONSET + 30M own resources), target 400 youths.
    await ok(
        await client.post(f"{base}/{a1}/reports", json=report("2024-Q3", 120, 30_000_000)), 201
    )
    await ok(
        await client.post(f"{base}/{a1}/reports", json=report("2024-Q4", 200, 45_000_000)), 201
    )
    await ok(await client.post(f"{base}/{a2}/reports", json=report("2024-Q2", 40, 15_000_000)), 201)
    await ok(await client.post(f"{base}/{a2}/reports", json=report("2024-Q3", 50, 0)), 201)

    ex = await ok(
        await client.get(f"{PLANS}/{plan['id']}/execution", params={"as_of": "2025-02-10"})
    )
    assert ex["as_of"] == "2025-02-10"
    assert ex["planned_cop"] == 300_000_000
    assert ex["executed_cop"] == 90_000_000
    assert ex["execution_pct"] == 30.0
    assert ex["planned_by_source"] == {"fonset": 240_000_000, "recursos_propios": 60_000_000}
    assert ex["recent_periods"] == ["2024-Q3", "2024-Q4"]
    first, second = ex["lines"][0]["actions"]
    assert (first["executed_cop"], first["execution_pct"]) == (75_000_000, 50.0)
    assert (first["latest_period"], first["latest_value"]) == ("2024-Q4", 200.0)
    assert first["target_pct"] == 50.0 and first["reports_count"] == 2
    assert (second["executed_cop"], second["execution_pct"]) == (15_000_000, 10.0)
    assert (second["latest_period"], second["latest_value"], second["target_pct"]) == (
        "2024-Q3",
        50.0,
        12.5,
    )
    assert ex["lines"][0]["execution_pct"] == 30.0
    assert ex["actions_without_recent_report"] == []

    # A quarter later, the second action has no report in 2024-Q4 or 2025-Q1.
    later = await ok(
        await client.get(f"{PLANS}/{plan['id']}/execution", params={"as_of": "2025-04-15"})
    )
    assert later["recent_periods"] == ["2024-Q4", "2025-Q1"]
    assert later["actions_without_recent_report"] == [a2]
    assert [a["reported_recently"] for a in later["lines"][0]["actions"]] == [True, False]


async def test_execution_before_implementation_has_no_gaps(client):
    plan = await formulated_plan(client, lines=2, actions=2)
    ex = await ok(await client.get(f"{PLANS}/{plan['id']}/execution"))
    assert ex["recent_periods"] == [] and ex["actions_without_recent_report"] == []
    assert ex["actions_count"] == 4 and ex["planned_cop"] == 600_000_000
    assert ex["executed_cop"] == 0 and ex["execution_pct"] == 0.0
    assert all(
        a["reported_recently"] is None and a["target_pct"] is None
        for line in ex["lines"]
        for a in line["actions"]
    )


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-02-01", []),  # first quarter of the term: none completed
        ("2024-05-01", ["2024-Q1"]),
        ("2026-01-01", ["2025-Q3", "2025-Q4"]),
        ("2031-06-01", ["2027-Q3", "2027-Q4"]),  # after the term: its last two quarters
    ],
)
def test_recent_periods_window(as_of, expected):
    from datetime import date

    assert (
        recent_periods(
            term_start_year=2024,
            term_end_year=2027,
            status="in_implementation",
            as_of=date.fromisoformat(as_of),
        )
        == expected
    )


async def test_detail_and_execution_use_a_fixed_number_of_queries(client, monkeypatch):
    """Ten times the content costs the same number of statements."""
    calls: list[str] = []
    for name in ("fetch", "fetchrow", "fetchval", "execute"):
        original = getattr(asyncpg.connection.Connection, name)

        def counting(self, query, *args, _original=original, **kwargs):
            if not query.startswith("SELECT pg_advisory_unlock_all"):  # the pool's reset
                calls.append(query)
            return _original(self, query, *args, **kwargs)

        monkeypatch.setattr(asyncpg.connection.Connection, name, counting)

    async def statements(plan_id: str) -> tuple[int, int]:
        calls.clear()
        await ok(await client.get(f"{PLANS}/{plan_id}"))
        detail = len(calls)
        calls.clear()
        await ok(await client.get(f"{PLANS}/{plan_id}/execution", params={"as_of": "2025-01-05"}))
        return detail, len(calls)

    small = await plan_in_implementation(client, lines=1, actions=1)
    big = await plan_in_implementation(client, lines=3, actions=4, municipality_code="19001")
    for action_id in big["action_ids"]:
        for period in ("2024-Q1", "2024-Q2", "2024-Q3"):
            await ok(
                await client.post(
                    f"{PLANS}/{big['id']}/actions/{action_id}/reports", json=report(period, 1, 1)
                ),
                201,
            )
    assert await statements(small["id"]) == await statements(big["id"]) == (4, 4)
