"""Property: after any sequence of creates, updates, transitions and archives through the
API, the organizations statistics read from the tallies equal a full recount, in every
territory (whole country, each department, each municipality touched) and for a caller
limited to one department."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from services.common.auth import Principal
from services.common.testing import ALL_SCOPES, asgi_client, bearer
from services.organizations.stats import service
from services.organizations.vocabularies import (
    EthnicFocus,
    InitiativeStatus,
    Methodology,
    OrganizationType,
    StrengtheningPlanStatus,
    SupportKind,
)
from tests.organizations.factories import assessment_body, organization_body
from tests.organizations.helpers import action_body, beneficiaries, initiative_body, support_body
from tests.tallies import RandomWriter, assert_fast_equals_recount, disclosure_for, territories

STATS = "/api/v1/stats/organizations"
MUNICIPALITIES = ("52835", "52001", "05001", "05045", "76001")
TYPES = [t.value for t in OrganizationType]
FOCI = [e.value for e in EthnicFocus]
KINDS = [k.value for k in SupportKind]
PLAN_STATUSES = [s.value for s in StrengtheningPlanStatus]
INITIATIVE_STATUSES = [s.value for s in InitiativeStatus]
METHODOLOGIES = [m.value for m in Methodology]
STEPS = 160
CHECK_EVERY = 40


class Programme:
    """What the random writer has created (ids), to pick targets from."""

    def __init__(self) -> None:
        self.organizations: list[str] = []
        self.drafts: list[tuple[str, str, str]] = []  # (organization, assessment, kind)
        self.baselines: dict[str, str] = {}  # org → verified baseline id
        self.plans: list[str] = []
        self.support: list[str] = []
        self.initiatives: list[str] = []
        self.archived: set[str] = set()  # organizations and initiatives archived


async def _verify(w: RandomWriter, p: Programme, org: str, assessment: str, kind: str) -> None:
    path = f"/api/v1/assessments/{assessment}"
    if await w.transition("verify assessment", path, "verified") and kind == "baseline":
        p.baselines[org] = assessment


async def _step(w: RandomWriter, p: Programme) -> None:
    rng = w.rng
    op = rng.choice(
        [
            "organization",
            "organization",
            "move_organization",
            "archive_organization",
            "assessment",
            "assessment",
            "rescore_assessment",
            "plan",
            "plan_transition",
            "archive_plan",
            "support",
            "support_update",
            "archive_support",
            "initiative",
            "initiative_update",
            "initiative_transition",
            "archive_initiative",
        ]
    )
    org = w.pick(p.organizations)
    if op == "organization" or org is None:
        body = organization_body(
            name=f"Organización {rng.randrange(10**6)}",
            municipality_code=rng.choice(MUNICIPALITIES),
            type=rng.choice(TYPES),
            ethnic_focus=rng.choice(FOCI),
        )
        if created := await w.create("create organization", "/api/v1/organizations", body):
            p.organizations.append(created["id"])
    elif op == "move_organization":
        fields = {
            "municipality_code": rng.choice(MUNICIPALITIES),
            "type": rng.choice(TYPES),
            "ethnic_focus": rng.choice(FOCI),
        }
        body = {k: v for k, v in fields.items() if rng.random() < 0.6} or fields
        await w.update("update organization", f"/api/v1/organizations/{org}", body)
    elif op == "archive_organization":
        if await w.archive("archive organization", f"/api/v1/organizations/{org}"):
            p.archived.add(org)
    elif op == "assessment":
        kind = rng.choice(["baseline", "follow_up"])
        body = assessment_body(
            kind=kind,
            assessed_on=f"202{rng.randint(3, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            values=tuple(rng.randint(1, 4) for _ in range(8)),
        )
        created = await w.create(
            "create assessment", f"/api/v1/organizations/{org}/assessments", body
        )
        if created:
            if rng.random() < 0.6:
                await _verify(w, p, org, created["id"], kind)
            else:
                p.drafts.append((org, created["id"], kind))
    elif op == "rescore_assessment":
        if p.drafts:
            org, assessment, kind = p.drafts.pop(rng.randrange(len(p.drafts)))
            values = tuple(rng.randint(1, 4) for _ in range(8))
            body = {"scores": assessment_body(values=values)["scores"]}
            await w.update("update assessment", f"/api/v1/assessments/{assessment}", body)
            await _verify(w, p, org, assessment, kind)
    elif op == "plan":
        # Plans go to live organizations, in verification order (the seed decides; refused
        # writes for archived ones are exercised by every other kind). With none, a live
        # organization gets its baseline first, as a programme officer would do.
        live = [o for o in p.baselines if o not in p.archived]
        if not live and (target := w.pick([o for o in p.organizations if o not in p.archived])):
            body = assessment_body(kind="baseline", assessed_on="2024-02-10")
            path = f"/api/v1/organizations/{target}/assessments"
            if created := await w.create("create assessment", path, body):
                await _verify(w, p, target, created["id"], "baseline")
            live = [o for o in p.baselines if o not in p.archived]
        if org := w.pick(live):
            baseline = p.baselines[org]
            body = {
                "organization_id": org,
                "baseline_assessment_id": baseline,
                "title": "Plan de fortalecimiento",
                "start_date": "2025-01-15",
                "end_date": "2025-12-15",
            }
            if created := await w.create("create plan", "/api/v1/strengthening-plans", body):
                p.plans.append(created["id"])
                path = f"/api/v1/strengthening-plans/{created['id']}/actions"
                await w.create("create plan action", path, action_body())
    elif op == "plan_transition":
        if plan := w.pick(p.plans):
            path = f"/api/v1/strengthening-plans/{plan}"
            await w.transition("plan transition", path, rng.choice(PLAN_STATUSES), reason="Ajuste")
    elif op == "archive_plan":
        if plan := w.pick(p.plans):
            await w.archive("archive plan", f"/api/v1/strengthening-plans/{plan}")
    elif op == "support":
        body = support_body(org, kind=rng.choice(KINDS), hours=rng.choice([1, 2.5, 4, 7.25]))
        if created := await w.create("create support", "/api/v1/support-activities", body):
            p.support.append(created["id"])
    elif op == "support_update":
        if activity := w.pick(p.support):
            body = {"kind": rng.choice(KINDS), "hours": rng.choice([1, 3, 5.5])}
            await w.update("update support", f"/api/v1/support-activities/{activity}", body)
    elif op == "archive_support":
        if activity := w.pick(p.support):
            await w.archive("archive support", f"/api/v1/support-activities/{activity}")
    elif op == "initiative":
        body = initiative_body(
            municipality_code=rng.choice(MUNICIPALITIES),
            methodology=rng.choice(METHODOLOGIES),
            budget_cop=rng.randint(0, 50) * 1_000_000,
            beneficiaries=beneficiaries(4 * rng.randint(2, 40)),
        )
        if created := await w.create("create initiative", "/api/v1/community-initiatives", body):
            p.initiatives.append(created["id"])
    elif op == "initiative_update":
        if initiative := w.pick(p.initiatives):
            body = {
                "municipality_code": rng.choice(MUNICIPALITIES),
                "methodology": rng.choice(METHODOLOGIES),
            }
            path = f"/api/v1/community-initiatives/{initiative}"
            await w.update("update initiative", path, body)
    elif op == "initiative_transition":
        if initiative := w.pick([i for i in p.initiatives if i not in p.archived]):
            path = f"/api/v1/community-initiatives/{initiative}"
            to = rng.choice(INITIATIVE_STATUSES)
            extra = {"cancelled": {"reason": "Amenazas"}, "completed": {"end_date": "2025-11-30"}}
            await w.transition("initiative transition", path, to, **extra.get(to, {}))
    elif op == "archive_initiative" and (initiative := w.pick(p.initiatives)):
        path = f"/api/v1/community-initiatives/{initiative}"
        if await w.archive("archive initiative", path):
            p.archived.add(initiative)


@pytest.mark.parametrize("seed", [16, 2026])
async def test_tallies_equal_a_full_recount_after_random_writes(
    seed, client, organizations_app, make_token
):
    everyone = Principal(sub="tester", scopes=frozenset(ALL_SCOPES))
    narino = Principal(
        sub="narino", scopes=frozenset({"organizations:read"}), departments=frozenset({"52"})
    )
    pool = organizations_app.state.database.pool

    def recount(principal: Principal):
        async def run(params: Mapping[str, str]) -> dict[str, Any]:
            stats = await service.organization_stats(
                pool,
                principal=principal,
                disclosure=disclosure_for(principal),
                municipality_code=params.get("municipality_code"),
                department_code=params.get("department_code"),
                date_from=None,
                date_to=None,
                recount=True,
            )
            return stats.model_dump(mode="json", by_alias=True)

        return run

    writer = RandomWriter(client, seed)
    programme = Programme()
    compared = 0
    limited_token = make_token("organizations:read", sub="narino", departments=["52"])
    async with asgi_client(organizations_app, headers=bearer(limited_token)) as limited:
        for step in range(1, STEPS + 1):
            await _step(writer, programme)
            if step % CHECK_EVERY == 0:
                every = territories(MUNICIPALITIES)
                compared += await assert_fast_equals_recount(
                    client, STATS, recount(everyone), every, writer=writer
                )
                compared += await assert_fast_equals_recount(
                    limited,
                    STATS,
                    recount(narino),
                    [{}, {"municipality_code": "52835"}],
                    writer=writer,
                )

    assert compared == (STEPS // CHECK_EVERY) * (1 + 3 + 5 + 2)
    # The run exercised every kind of write the tallies group by, not only creates.
    for kind in (
        "create organization",
        "update organization",
        "archive organization",
        "verify assessment",
        "update assessment",
        "create plan",
        "plan transition",
        "create support",
        "update support",
        "archive support",
        "create initiative",
        "update initiative",
        "initiative transition",
        "archive initiative",
    ):
        assert writer.done[kind] > 0, f"{kind} never succeeded; {writer.failure()}"
    final = (await client.get(STATS)).json()
    assert final["totals"]["organizations"]["total"] > 0


async def test_concurrent_writers_in_one_municipality_leave_exact_tallies(
    client, organizations_app
):
    """Writers of one municipality at the same time (separate transactions on the pool):
    each recount waits for the others' commits, so no write is lost from the tallies."""
    import asyncio

    everyone = Principal(sub="tester", scopes=frozenset(ALL_SCOPES))
    pool = organizations_app.state.database.pool
    writer = RandomWriter(client, 7)

    async def create(i: int) -> Any:
        body = organization_body(
            name=f"Organización concurrente {i}",
            municipality_code=("52835", "52001")[i % 2],
            type=TYPES[i % len(TYPES)],
        )
        return await writer.create("create organization", "/api/v1/organizations", body)

    created = await asyncio.gather(*(create(i) for i in range(24)))
    moves = [
        writer.update(
            "update organization",
            f"/api/v1/organizations/{org['id']}",
            {"municipality_code": ("52001", "52835")[i % 2]},
        )
        for i, org in enumerate(created[:12])
    ]
    await asyncio.gather(*moves)

    async def recount(params: Mapping[str, str]) -> dict[str, Any]:
        stats = await service.organization_stats(
            pool,
            principal=everyone,
            disclosure=disclosure_for(everyone),
            municipality_code=params.get("municipality_code"),
            department_code=params.get("department_code"),
            date_from=None,
            date_to=None,
            recount=True,
        )
        return stats.model_dump(mode="json", by_alias=True)

    assert writer.done["create organization"] == 24
    assert writer.done["update organization"] == 12
    await assert_fast_equals_recount(
        client, STATS, recount, territories(["52835", "52001"]), writer=writer
    )
    totals = (await client.get(STATS)).json()["by_municipality"]
    assert totals["52835"]["organizations"]["total"] == 12
    assert totals["52001"]["organizations"]["total"] == 12


async def test_stats_tallies_off_recounts_from_the_records(
    client, organizations_app, organizations_db, make_token
):
    """SOMOS_STATS_TALLIES=false: the route reads the records, not the tallies (shown by
    emptying the tallies behind the triggers' back)."""
    import asyncpg

    from services.common.db import asyncpg_dsn
    from services.common.settings import PlatformSettings
    from services.common.testing import running_app
    from services.organizations.app import create_app
    from services.organizations.settings import OrganizationsSettings

    body = organization_body(municipality_code="52835")
    assert await RandomWriter(client, 1).create("create", "/api/v1/organizations", body)
    conn = await asyncpg.connect(asyncpg_dsn(organizations_db))
    try:
        await conn.execute("DELETE FROM tally_organizations")
    finally:
        await conn.close()

    assert (await client.get(STATS)).json()["totals"]["organizations"]["total"] == 0
    settings = OrganizationsSettings(
        database_url=organizations_db, platform=PlatformSettings(stats_tallies=False)
    )
    app = create_app(settings)
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as recounting:
        r = await recounting.get(STATS)
    assert r.status_code == 200, r.text
    assert r.json()["totals"]["organizations"]["total"] == 1


async def test_an_unchanged_territory_is_answered_again_and_a_write_renews_it(client):
    """The answer built from the tallies is kept while no write touches the territory: the
    same bytes (same generated_at) again; a write in it, or in another municipality of a
    wider scope, gives a new answer."""
    writer = RandomWriter(client, 3)
    body = organization_body(municipality_code="52835")
    assert await writer.create("create", "/api/v1/organizations", body)
    first = await client.get(STATS)
    again = await client.get(STATS)
    assert again.content == first.content
    tumaco = await client.get(STATS, params={"municipality_code": "52835"})

    elsewhere = organization_body(municipality_code="05001")
    assert await writer.create("create", "/api/v1/organizations", elsewhere)
    renewed = await client.get(STATS)
    assert renewed.json()["totals"]["organizations"]["total"] == 2
    assert renewed.json()["generated_at"] >= first.json()["generated_at"]
    # Tumaco's own answer was not touched by a write in Medellín.
    assert (await client.get(STATS, params={"municipality_code": "52835"})).content == (
        tumaco.content
    )
