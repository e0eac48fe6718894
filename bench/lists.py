"""`make bench` (lists): every list class on the lean path against its list floor, with wrk.

Three services (organizations, security_plans, events), each seeded in a scratch database
(the seeders of bench/organizations_stats.py, bench/security_plans.py and bench/events.py:
100,000 organizations and 50,000 events by default), served by `somos serve <service>` (one
uvicorn worker each). The floor (`bench/floor.py`, Starlette + asyncpg, one worker) answers
`/lists/<name>` with the lean path's *own* statement for that list (same FROM/JOIN, WHERE and
ORDER BY, `LIMIT $1`) and `json.dumps` of the rows: what a Python service over asyncpg costs
for the same page without auth, validation, territory rules, computed fields, decryption,
access logging or logs. Nested lists get a parent with at least 250 children (cloned rows;
attendees created through the API, since their ciphertext is bound to their id).

Rounds alternate floor, lean, floor, lean … per scenario (bench/run.py `measure`); the ratio
is the median of the rounds' ratios, the spread is the lowest-highest round.

    python -m bench.lists            # a representative list per service: limit 50 and 200,
                                     # with and without a filter (12 comparisons, ~5 min)
    python -m bench.lists --all      # every list class (about 40 comparisons, ~15 min)
    python -m bench.lists --only events,attendees --rounds 5

Nothing is asserted: the table goes in docs/performance-lists.md with date, machine and load.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import importlib
import json
import os
import pkgutil
import secrets
import statistics
import sys
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import asyncpg
import httpx

from bench import events as events_bench
from bench import organizations_stats, security_plans
from bench.common import (
    admin_url,
    drop_database,
    free_port,
    fresh_database,
    loader,
    loader_banner,
    print_table,
    server_process,
)
from bench.run import Comparison, Target, load_average, machine, measure
from services.common.auth import mint_token
from services.common.db import asyncpg_dsn
from services.common.fastlist import FastList
from services.common.settings import PlatformSettings

SERVICES = ("organizations", "security_plans", "events")
CHILDREN = 250  # rows under the parent of a nested list: a page of 200 is full
TOKEN_SCOPES = [
    "organizations:read",
    "plans:read",
    "events:read",
    "events:write",
    "attendees:pii",
    "admin",
]


@dataclass
class Scenario:
    """One list class: where it lives, the filter used for the "with a filter" rows."""

    name: str
    service: str
    path: str  # the route's path; ``{…}`` is the parent's id
    filter: Mapping[str, str] = field(default_factory=dict)
    representative: bool = False
    # nested lists: (child table, its parent column, which rows may be cloned) to clone
    # children under one parent
    children: tuple[str, str, str] | None = None


SCENARIOS = [
    Scenario(
        "organizations",
        "organizations",
        "/api/v1/organizations",
        {"department_code": "05"},
        representative=True,
    ),
    Scenario(
        "assessments",
        "organizations",
        "/api/v1/organizations/{organization_id}/assessments",
        children=("assessments", "organization_id", "kind = 'follow_up'"),
    ),
    Scenario(
        "strengthening plans",
        "organizations",
        "/api/v1/strengthening-plans",
        {"department_code": "05"},
    ),
    Scenario(
        "strengthening actions",
        "organizations",
        "/api/v1/strengthening-plans/{plan_id}/actions",
        {"include_archived": "true"},
        children=("strengthening_actions", "plan_id", "true"),
    ),
    Scenario(
        "support activities",
        "organizations",
        "/api/v1/support-activities",
        {"department_code": "05"},
    ),
    Scenario(
        "community initiatives",
        "organizations",
        "/api/v1/community-initiatives",
        {"department_code": "05"},
    ),
    Scenario(
        "security plans",
        "security_plans",
        "/api/v1/security-plans",
        {"department_code": "05"},
        representative=True,
    ),
    Scenario(
        "prevention strategies",
        "security_plans",
        "/api/v1/prevention-strategies",
        {"department_code": "05"},
    ),
    Scenario(
        "plan reviews",
        "security_plans",
        "/api/v1/security-plans/{plan_id}/reviews",
        children=("plan_reviews", "plan_id", "true"),
    ),
    Scenario(
        "events",
        "events",
        "/api/v1/events",
        {"department_code": "52"},
        representative=True,
    ),
    Scenario(
        "risk factors",
        "events",
        "/api/v1/events/{event_id}/risk-factors",
        {"include_archived": "true"},
        children=("risk_factors", "event_id", "true"),
    ),
    Scenario(
        "event commitments",
        "events",
        "/api/v1/events/{event_id}/commitments",
        {"include_archived": "true"},
        children=("commitments", "event_id", "true"),
    ),
    Scenario("commitments (follow-up)", "events", "/api/v1/commitments", {"status": "open"}),
    Scenario(
        "attendees",
        "events",
        "/api/v1/events/{event_id}/attendees",
        {"include_archived": "true"},
    ),
    Scenario("PII access log", "events", "/api/v1/pii-access-log", {"subject": "bench"}),
]


# --- the floor's statement: the lean path's own, with literals ------------------------------


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, uuid.UUID):
        return f"'{value}'::uuid"
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'::timestamptz"
    if isinstance(value, date):
        return f"'{value.isoformat()}'::date"
    if isinstance(value, list | tuple):
        return "ARRAY[" + ", ".join(_literal(v) for v in value) + "]"
    text = str(value).replace("'", "''")
    return f"'{text}'"


def floor_statement(fast: FastList, params: Mapping[str, str], parent_id: str | None) -> str:
    """``fast``'s SELECT for ``params`` (no territory claims, archived hidden unless asked),
    ordered like the lean path, ``LIMIT $1``; a nested list's parent id is ``$2``, a
    parameter as on the lean path (a literal id can get another plan: the floor of an
    event's commitments ran 5x slower than the list with one)."""
    where = list(fast.conditions)
    if fast.parent is not None:
        assert parent_id is not None
        where.append(f"{fast.parent.column} = $2::uuid")
    for name, spec in fast.filters.items():
        if name in params:
            where.append(spec.term(spec.parse(params[name]), _literal))
    if fast.archived is not None and params.get("include_archived") != "true":
        hidden = (fast.archived,) if isinstance(fast.archived, str) else fast.archived
        where += [f"{column} IS NULL" for column in hidden]
    direction = " DESC" if fast.descending else ""
    return (
        fast.select
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY "
        + ", ".join(column + direction for column, _ in fast.order)
        + " LIMIT $1"
    )


def fast_lists(service: str) -> dict[str, FastList]:
    """The lean lists ``service`` defines (every ``FastList`` of its resources' ``api``), by
    path."""
    package = importlib.import_module(f"services.{service}")
    out: dict[str, FastList] = {}
    for info in pkgutil.iter_modules(package.__path__):
        try:
            api = importlib.import_module(f"services.{service}.{info.name}.api")
        except ModuleNotFoundError:
            continue
        for value in vars(api).values():
            if isinstance(value, FastList):
                out[value.path] = value
    return out


# --- seeding -----------------------------------------------------------------------------------


async def clone_children(
    url: str, table: str, parent_column: str, clonable: str, count: int
) -> str:
    """Clone one ``clonable`` row of ``table`` until its parent has ``count`` children (unique
    constraints allow several such rows per parent); the parent's id."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        row = await conn.fetchrow(
            f"SELECT {parent_column} AS parent, count(*) AS n FROM {table} "
            f"WHERE {parent_column} IN (SELECT {parent_column} FROM {table} WHERE {clonable}) "
            f"GROUP BY {parent_column} ORDER BY count(*) DESC LIMIT 1"
        )
        assert row is not None, f"no {table} seeded"
        missing = count - row["n"]
        if missing > 0:
            # New ids; created_at spread so that keyset pages have distinct keys.
            await conn.execute(
                f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) "
                "|| jsonb_build_object('id', gen_random_uuid(), 'created_at', "
                "t.created_at + g * interval '1 second'))).* "
                f"FROM (SELECT * FROM {table} WHERE {parent_column} = $1 AND {clonable} "
                "LIMIT 1) t, "
                "generate_series(1, $2) g",
                row["parent"],
                missing,
            )
            await conn.execute(f"ANALYZE {table}")
        return str(row["parent"])
    finally:
        await conn.close()


async def any_event(url: str) -> str:
    """An event that takes new records (not cancelled, not archived)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return str(
            await conn.fetchval(
                "SELECT id FROM events WHERE status <> 'cancelled' AND archived_at IS NULL "
                "ORDER BY starts_at DESC LIMIT 1"
            )
        )
    finally:
        await conn.close()


async def through_the_api(port: int, token: str, event_id: str) -> None:
    """One risk factor (then cloned) and the attendees of ``event_id``: their ciphertext is
    bound to their id, so they are created by the service itself."""
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    ) as client:
        r = await client.post(
            f"/api/v1/events/{event_id}/risk-factors",
            json={"category": "economias_ilegales", "description": "Cobro de vacunas"},
        )
        if r.status_code >= 400:
            raise SystemExit(f"{r.request.url}: {r.status_code} {r.text[:300]}")
        for i in range(CHILDREN):
            r = await client.post(
                f"/api/v1/events/{event_id}/attendees",
                json={
                    "full_name": f"Persona sintética {i:04d}",
                    "document_type": "cc",
                    "document_number": f"{10_000_000 + i}",
                    "sex": "mujer" if i % 2 else "hombre",
                    "birth_year": 1950 + i % 60,
                    "ethnicity": "afrocolombiano",
                    "role": "comunidad",
                    "is_social_leader": False,
                    "consent_given": True,
                },
            )
            if r.status_code >= 400:
                raise SystemExit(f"{r.request.url}: {r.status_code} {r.text[:300]}")


# --- the run -----------------------------------------------------------------------------------


@dataclass
class Row:
    scenario: Scenario
    limit: int
    filtered: bool
    comparison: Comparison
    items: int


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="every list class, not one per service")
    parser.add_argument("--only", default="", help="comma-separated list names (see SCENARIOS)")
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--duration", type=float, default=3.0, help="seconds per side per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per comparison")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--loader",
        choices=("auto", "wrk", "python"),
        default=os.environ.get("SOMOS_BENCH_LOADER", "auto"),
    )
    args = parser.parse_args()
    os.environ["SOMOS_BENCH_LOADER"] = args.loader
    print(loader_banner(), flush=True)
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    scenarios = [
        s for s in SCENARIOS if (s.name in wanted if wanted else args.all or s.representative)
    ]
    if not scenarios:
        raise SystemExit(f"no list named {sorted(wanted)}; see bench/lists.py SCENARIOS")
    services = [s for s in SERVICES if any(sc.service == s for sc in scenarios)]
    server, admin = admin_url()
    names = {s: f"somos_bench_lists_{s}_{os.getpid()}" for s in services}
    try:
        urls = {s: fresh_database(admin, s, names[s]) for s in services}
        run(args, scenarios, urls)
    finally:
        for name in names.values():
            drop_database(admin, name)
        if server is not None:
            server.cleanup()


def seed(args: argparse.Namespace, urls: Mapping[str, str]) -> None:
    if "organizations" in urls:
        print(f"seeding {args.organizations:,} organizations …", flush=True)
        asyncio.run(
            organizations_stats.seed(
                urls["organizations"],
                organizations=args.organizations,
                plans=args.organizations // 5,
                initiatives=args.organizations // 20,
            )
        )
    if "security_plans" in urls:
        print("seeding 1,000 security plans …", flush=True)
        asyncio.run(security_plans.seed(urls["security_plans"]))
    if "events" in urls:
        print(f"seeding {args.events:,} events …", flush=True)
        asyncio.run(events_bench.seed(urls["events"], args.events, 1.0, 20251203))


def run(args: argparse.Namespace, scenarios: Sequence[Scenario], urls: Mapping[str, str]) -> None:
    started = datetime.now().astimezone()
    load_before = load_average()
    seed(args, urls)
    secret = secrets.token_urlsafe(48)
    token = mint_token(
        PlatformSettings(jwt_secret=secret), scopes=TOKEN_SCOPES, sub="bench", ttl_seconds=3600
    )
    auth = [f"Authorization: Bearer {token}"]
    keys = {
        "SOMOS_EVENTS_PII_KEYS": "k1:" + base64.b64encode(secrets.token_bytes(32)).decode(),
        "SOMOS_EVENTS_PII_ACTIVE_KEY_ID": "k1",
        "SOMOS_EVENTS_PII_HASH_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
    }
    ports = {s: free_port() for s in urls}
    floor_port = free_port()
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        pids: dict[int, int] = {}
        for service, url in urls.items():
            env = {f"SOMOS_{service.upper()}_DATABASE_URL": url, "SOMOS_JWT_SECRET": secret}
            if service == "events":
                env |= keys
            port = ports[service]
            cmd = [sys.executable, "-m", "somos.cli", "serve", service, "--port", str(port)]
            pids[port] = stack.enter_context(server_process(cmd, port, env=env)).pid
        parents = prepare(scenarios, urls, ports, token)
        lists_file = os.path.join(scratch, "lists.json")
        rows = plan(scenarios, urls, ports, parents, auth, floor_port, lists_file)
        floor = [sys.executable, "-m", "bench.floor", str(floor_port)]
        floor_env = {"SOMOS_BENCH_FLOOR_LISTS": lists_file}
        pids[floor_port] = stack.enter_context(server_process(floor, floor_port, env=floor_env)).pid
        for row in rows:
            measure(row.comparison, args.rounds, args.duration, args.connections, pids)
    report(args, rows, started, load_before)


def prepare(
    scenarios: Sequence[Scenario],
    urls: Mapping[str, str],
    ports: Mapping[str, int],
    token: str,
) -> dict[str, str]:
    """Parents of the nested lists, each with at least CHILDREN children."""
    parents: dict[str, str] = {}
    names = {s.name for s in scenarios}
    if "events" in urls and names & {"risk factors", "attendees", "PII access log"}:
        event_id = asyncio.run(any_event(urls["events"]))
        print(f"creating {CHILDREN} attendees through the API …", flush=True)
        asyncio.run(through_the_api(ports["events"], token, event_id))
        parents["attendees"] = event_id
    for scenario in scenarios:
        if scenario.children is not None:
            table, column, clonable = scenario.children
            parents[scenario.name] = asyncio.run(
                clone_children(urls[scenario.service], table, column, clonable, CHILDREN)
            )
    return parents


def plan(
    scenarios: Sequence[Scenario],
    urls: Mapping[str, str],
    ports: Mapping[str, int],
    parents: Mapping[str, str],
    auth: list[str],
    floor_port: int,
    lists_file: str,
) -> list[Row]:
    """The comparisons, each checked once: both sides answer 200 with the same item count."""
    floors: dict[str, dict[str, Any]] = {}
    rows: list[Row] = []
    definitions = {s: fast_lists(s) for s in urls}
    for scenario in scenarios:
        fast = definitions[scenario.service][scenario.path]
        parent = parents.get(scenario.name)
        path = scenario.path
        if "{" in path:
            path = path[: path.index("{")] + str(parent) + path[path.index("}") + 1 :]
        for filtered in (False, True) if scenario.filter else (False,):
            params = dict(scenario.filter) if filtered else {}
            key = f"{scenario.name}{' filtered' if filtered else ''}".replace(" ", "-")
            floors[key] = {
                "database_url": urls[scenario.service],
                "sql": floor_statement(fast, params, parent),
                "args": [] if parent is None else [str(parent)],
                "cursor": [column.rpartition(".")[2] for column, _ in fast.order],
            }
            for limit in (50, 200):
                query = "&".join(f"{k}={v}" for k, v in {**params, "limit": limit}.items())
                r = httpx.get(
                    f"http://127.0.0.1:{ports[scenario.service]}{path}?{query}",
                    headers=dict(h.split(": ", 1) for h in auth),
                    timeout=60,
                )
                if r.status_code != 200:
                    raise SystemExit(f"{path}?{query}: {r.status_code} {r.text[:300]}")
                items = len(r.json()["items"])
                label = f"{scenario.name}, limit {limit}"
                if filtered:
                    label += ", " + query.split("&limit")[0]
                rows.append(
                    Row(
                        scenario,
                        limit,
                        filtered,
                        Comparison(
                            label,
                            Target(f"floor: {label}", floor_port, [f"/lists/{key}?limit={limit}"]),
                            Target(
                                f"lean: {label}", ports[scenario.service], [f"{path}?{query}"], auth
                            ),
                        ),
                        items,
                    )
                )
    with open(lists_file, "w") as f:
        json.dump(floors, f)
    return rows


def report(
    args: argparse.Namespace, rows: Sequence[Row], started: datetime, load_before: str
) -> None:
    table = []
    for row in rows:
        c = row.comparison
        ratios = c.ratios()
        cpu = c.ratios("cpu_ms_per_req")
        table.append(
            {
                "list": row.scenario.name,
                "limit": row.limit,
                "filter": " ".join(f"{k}={v}" for k, v in row.scenario.filter.items())
                if row.filtered
                else "—",
                "items": row.items,
                "floor req/s": statistics.median(r["rps"] for r in c.runs["baseline"]),
                "lean req/s": statistics.median(r["rps"] for r in c.runs["subject"]),
                "lean / floor": f"**{statistics.median(ratios):.2f}**",
                "spread": f"{min(ratios):.2f}-{max(ratios):.2f}",
                "CPU ratio": f"{statistics.median(cpu):.2f}",
                "errors": sum(r["errors"] for side in c.runs.values() for r in side),
            }
        )
    print_table(
        f"Lists on the lean path vs the list floor ({args.rounds} alternating rounds of "
        f"{args.duration:.0f} s per side, {args.connections} connections, {loader()})",
        table,
        [
            "list",
            "limit",
            "filter",
            "items",
            "floor req/s",
            "lean req/s",
            "lean / floor",
            "spread",
            "CPU ratio",
            "errors",
        ],
    )
    below = [
        f"{t['list']} ({t['limit']})"
        for t in table
        if float(str(t["lean / floor"]).strip("*")) < 0.6
    ]
    print(
        "\nlean / floor = req/s of the lean list ÷ req/s of the floor running the same SQL, "
        "per round; median of the rounds, spread = lowest-highest round. CPU ratio = server "
        "CPU per request, lean over floor (median round): it moves less than req/s on a "
        "shared machine. items = items on the lean page."
        f"\nTarget (issue 16): every list ≥ 0.6x its floor; below it in this run: "
        f"{', '.join(below) or 'none'}."
        f"\n{loader_banner()}"
        f"\nRun {started:%Y-%m-%d %H:%M %Z} on {machine()}."
        f"\nBefore: {load_before}\nAfter:  {load_average()}"
    )


if __name__ == "__main__":
    main()
