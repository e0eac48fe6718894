"""The statistics kit: statements with only the given conditions, and how they are run."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.common import testing
from services.common.auth import Principal
from services.common.db import Database
from services.common.embedded import drop_database, ensure_database
from services.common.stats import Statement, Territory, run_statements

NOWHERE = Territory(
    limited=False, municipalities=(), departments=(), municipality_code=None, department_code=None
)


def test_only_the_given_conditions_numbered_in_order() -> None:
    s = Statement()
    assert s.in_territory(NOWHERE, "o") == "o.archived_at IS NULL"
    assert s.args == []
    claims = Territory(
        limited=True,
        municipalities=("19698", "52835"),
        departments=("05",),
        municipality_code=None,
        department_code="52",
    )
    s = Statement()
    assert s.in_territory(claims, "e") == (
        "e.archived_at IS NULL AND (e.municipality_code = ANY($1::text[]) OR "
        "e.department_code = ANY($2::text[])) AND e.department_code = $3::text"
    )
    assert s.args == [["19698", "52835"], ["05"], "52"]
    assert s.param(7, "int") == "$4::int"


def test_a_limited_token_without_claims_sees_nothing() -> None:
    empty = Territory(
        limited=True,
        municipalities=(),
        departments=(),
        municipality_code=None,
        department_code=None,
    )
    assert Statement().in_territory(empty, "o") == "o.archived_at IS NULL AND false"


def test_territory_of_a_principal() -> None:
    partner = Principal(
        sub="p", scopes=frozenset(), municipalities=frozenset({"52835", "19698"}), departments=None
    )
    territory = Territory.of(partner, department_code="52")
    assert territory.limited and territory.municipalities == ["19698", "52835"]
    assert territory.departments == [] and territory.department_code == "52"
    assert territory.narrowed
    national = Territory.of(Principal(sub="n", scopes=frozenset()))
    assert not national.limited and not national.narrowed


@pytest.fixture(scope="module")
async def database(postgres_admin_url: str) -> AsyncIterator[Database]:
    name = testing.test_database_name("stats_kit")
    url = await ensure_database(postgres_admin_url, name, recreate=True)
    db = Database(url)
    await db.start()
    assert db.pool is not None
    await db.pool.execute(
        "CREATE TABLE places (municipality_code text, department_code text, "
        "archived_at timestamptz, people int);"
        "INSERT INTO places VALUES ('52835', '52', NULL, 10), ('52835', '52', NULL, 5), "
        "('52835', '52', now(), 100), ('19698', '19', NULL, 7)"
    )
    try:
        yield db
    finally:
        await db.stop()
        await drop_database(postgres_admin_url, name)


def _people(territory: Territory) -> tuple[str, list[object]]:
    s = Statement()
    sql = (
        "SELECT municipality_code, sum(people) AS people FROM places p "
        f"WHERE {s.in_territory(territory, 'p')} GROUP BY 1 ORDER BY 1"
    )
    return sql, s.args


SESSION = (
    "SELECT pg_backend_pid() AS pid, current_setting('transaction_read_only') AS read_only, "
    "current_setting('max_parallel_workers_per_gather') AS workers, "
    "current_setting('random_page_cost') AS page_cost, current_setting('jit') AS jit"
)


async def test_one_municipality_runs_on_one_connection(database: Database) -> None:
    assert database.pool is not None
    tumaco = Territory.of(Principal(sub="n", scopes=frozenset()), municipality_code="52835")
    rows = await run_statements(
        database.pool,
        {"people": _people(tumaco), "a": (SESSION, []), "b": (SESSION, [])},
        territory=tumaco,
    )
    assert [(r["municipality_code"], r["people"]) for r in rows["people"]] == [("52835", 15)]
    a, b = rows["a"][0], rows["b"][0]
    assert a["pid"] == b["pid"]  # one connection, one statement after another
    assert a["read_only"] == "off"  # no transaction around them
    assert (a["page_cost"], a["jit"]) == ("1.1", "off")  # the read pool's settings


async def test_a_wide_scope_runs_side_by_side_read_only(database: Database) -> None:
    assert database.pool is not None
    rows = await run_statements(
        database.pool,
        {"people": _people(NOWHERE), "a": (SESSION, []), "b": (SESSION, [])},
        territory=NOWHERE,
    )
    assert [(r["municipality_code"], r["people"]) for r in rows["people"]] == [
        ("19698", 7),
        ("52835", 15),
    ]
    a, b = rows["a"][0], rows["b"][0]
    assert a["pid"] != b["pid"]  # separate connections at the same time
    assert (a["read_only"], a["workers"]) == ("on", "0")
    assert (b["page_cost"], b["jit"]) == ("1.1", "off")


def test_dates_are_inclusive_and_only_when_given() -> None:
    from datetime import date

    s = Statement()
    assert s.within_dates("a.day", None, None) == "true" and s.args == []
    assert s.within_dates("a.day", date(2025, 1, 1), date(2025, 12, 31)) == (
        "a.day >= $1::date AND a.day <= $2::date"
    )
    assert s.within_dates("b.day", None, date(2024, 6, 30)) == "b.day <= $3::date"
    assert s.args == [date(2025, 1, 1), date(2025, 12, 31), date(2024, 6, 30)]
