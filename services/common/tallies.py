"""Per-municipality tallies: the rows of each statistics statement, kept in tables.

Every service's statistics are grouped aggregate statements whose first key is the
municipality (services/common/stats.py). A tally table holds, per municipality, exactly the
rows its statement returns for the whole record history (no date filter). A statement-level
trigger on each table the statement reads recomputes the tallies of the municipalities a
write touched (before and after it, so a move counts in both), inside the writing
transaction: no write path can forget them, and a rolled-back write leaves them as they
were. A per-municipality advisory lock, taken before the recount, serialises writers of one
municipality, so a recount always sees the other writers' committed rows.

Reading a tally is reading a few rows per municipality in the caller's territory, so the
whole country costs what one municipality used to. Each recount also stamps its
municipalities with a new sequence number (``tally_generations``): a route serves the answer
it built for a territory again until the highest number there changes. Requests the tallies
cannot answer (a date range) keep the full statements. docs/performance-statistics.md.

This module holds both halves: the DDL the migrations install (``tally_table_ddl``,
``generations_ddl``, ``refresh_function_ddl``, ``trigger_ddl``) and what the services call
(``read_tallies``, ``answer_from_tallies``, ``RecountDep``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

import asyncpg
from fastapi import Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from services.common.stats import Statement, Territory

# ---------------------------------------------------------------------------------------
# DDL (migrations)


CODES = "{codes}"
# Statements writing at least this many rows analyse their table before the recount.
BULK_ROWS = 500


@dataclass(frozen=True)
class TallyPart:
    """One tally table and the recount that fills it.

    ``recount`` is a SELECT whose first column is ``municipality_code``, restricted to the
    municipalities ``{codes}`` (a text array); its column aliases name the table's
    columns.
    """

    table: str
    recount: str


def tally_table_ddl(part: TallyPart) -> list[str]:
    """The table (typed by its recount), its department column and municipality index."""
    empty = part.recount.replace(CODES, "ARRAY[]::text[]")
    return [
        f"CREATE TABLE {part.table} AS {empty} WITH NO DATA",
        f"ALTER TABLE {part.table} ALTER COLUMN municipality_code SET NOT NULL",
        f"ALTER TABLE {part.table} ADD COLUMN department_code text "
        "GENERATED ALWAYS AS (left(municipality_code, 2)) STORED",
        f"CREATE INDEX ix_{part.table}_municipality ON {part.table} (municipality_code)",
        f"CREATE INDEX ix_{part.table}_department ON {part.table} (department_code)",
    ]


GENERATIONS = "tally_generations"


def generations_ddl() -> list[str]:
    """Per municipality, the sequence number of its latest recount: the statistics routes
    key their cached answers on the highest one in the caller's territory. (A sequence, not
    a counter: numbers are never reused, even after the tables are emptied.)"""
    return [
        "CREATE SEQUENCE tally_generation_seq",
        f"CREATE TABLE {GENERATIONS} (municipality_code text PRIMARY KEY, "
        "department_code text GENERATED ALWAYS AS (left(municipality_code, 2)) STORED, "
        "generation bigint NOT NULL)",
        f"CREATE INDEX ix_{GENERATIONS}_department ON {GENERATIONS} (department_code)",
    ]


def drop_generations_ddl() -> list[str]:
    return [f"DROP TABLE {GENERATIONS}", "DROP SEQUENCE tally_generation_seq"]


def refresh_function_ddl(function: str, parts: Mapping[str, TallyPart]) -> str:
    """``function(codes text[], parts text[])``: recount the named parts of the tallies of
    the municipalities ``codes``, under one advisory lock per municipality (taken in code
    order, so two writers never wait on each other crosswise)."""
    blocks = "\n".join(
        f"""
  IF '{name}' = ANY(parts) THEN
    DELETE FROM {part.table} WHERE municipality_code = ANY(codes);
    INSERT INTO {part.table} {part.recount.replace(CODES, "codes")};
  END IF;"""
        for name, part in parts.items()
    )
    return f"""
CREATE FUNCTION {function}(codes text[], parts text[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  code text;
BEGIN
  codes := ARRAY(SELECT DISTINCT c FROM unnest(codes) AS c WHERE c IS NOT NULL ORDER BY c);
  IF cardinality(codes) = 0 THEN
    RETURN;
  END IF;
  FOREACH code IN ARRAY codes LOOP
    PERFORM pg_advisory_xact_lock(hashtext('{function}'), hashtext(code));
  END LOOP;
  -- READ COMMITTED: each statement below takes a new snapshot, after the locks, so it
  -- sees every row committed by a writer that held one of them.
{blocks}
  INSERT INTO {GENERATIONS} (municipality_code, generation)
  SELECT c, nextval('tally_generation_seq') FROM unnest(codes) AS c
  ON CONFLICT (municipality_code) DO UPDATE SET generation = excluded.generation;
END
$$"""


def trigger_ddl(*, table: str, function: str, codes: str, parts: Sequence[str]) -> list[str]:
    """Statement-level triggers on ``table`` that recount ``parts`` for the municipalities
    of the changed rows.

    ``codes`` is a SELECT of municipality codes from the transition table ``{rows}``
    (``SELECT municipality_code FROM {rows}``, or a join to the parent that carries it).
    """
    touch = f"{table}_touch_tallies"
    listed = ", ".join(f"'{p}'" for p in parts)
    new_codes = codes.format(rows="tally_new")
    old_codes = codes.format(rows="tally_old")
    return [
        f"""
CREATE FUNCTION {touch}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[] := ARRAY[]::text[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    touched := touched || ARRAY({new_codes});
    -- A bulk statement (a load, a backfill) on a table without fresh statistics would
    -- make the planner expect one row per table and recount in quadratic time.
    IF (SELECT count(*) FROM tally_new) >= {BULK_ROWS} THEN
      ANALYZE {table};
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    touched := touched || ARRAY({old_codes});
  END IF;
  PERFORM {function}(touched, ARRAY[{listed}]::text[]);
  RETURN NULL;
END
$$""",
        f"CREATE TRIGGER {table}_tallies_insert AFTER INSERT ON {table} "
        f"REFERENCING NEW TABLE AS tally_new FOR EACH STATEMENT EXECUTE FUNCTION {touch}()",
        f"CREATE TRIGGER {table}_tallies_update AFTER UPDATE ON {table} "
        "REFERENCING OLD TABLE AS tally_old NEW TABLE AS tally_new "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {touch}()",
        f"CREATE TRIGGER {table}_tallies_delete AFTER DELETE ON {table} "
        f"REFERENCING OLD TABLE AS tally_old FOR EACH STATEMENT EXECUTE FUNCTION {touch}()",
    ]


def drop_trigger_ddl(table: str) -> list[str]:
    return [
        *(f"DROP TRIGGER {table}_tallies_{op} ON {table}" for op in ("insert", "update", "delete")),
        f"DROP FUNCTION {table}_touch_tallies()",
    ]


def backfill_sql(function: str, *, codes: str, parts: Sequence[str]) -> str:
    """Recount every municipality that has rows (``codes`` selects their codes)."""
    listed = ", ".join(f"'{p}'" for p in parts)
    return f"SELECT {function}(ARRAY({codes}), ARRAY[{listed}]::text[])"


# ---------------------------------------------------------------------------------------
# Reader (services)


@dataclass(frozen=True)
class Tally:
    """How to read one statement's rows back from its tally table.

    ``columns`` is the select list, in the statement's column order (a callable when it
    needs parameters); ``group_by`` sums finer tally rows into the statement's groups.
    """

    table: str
    columns: str | Callable[[Statement], str]
    group_by: str = ""
    order_by: str = ""


def _tally_sql(tally: Tally, territory: Territory) -> tuple[str, list[object]]:
    s = Statement()
    columns = tally.columns(s) if callable(tally.columns) else tally.columns
    sql = f"SELECT {columns} FROM {tally.table} t WHERE {s.territory_of(territory, 't')}"
    if tally.group_by:
        sql += f" GROUP BY {tally.group_by}"
    if tally.order_by:
        sql += f" ORDER BY {tally.order_by}"
    return sql, s.args


async def read_tallies(
    pool: asyncpg.Pool, tallies: Mapping[str, Tally], *, territory: Territory
) -> dict[str, list[asyncpg.Record]]:
    """``{name: tally}`` → ``{name: rows}``, as the statements would return them for
    ``territory`` without dates: one connection, one read-only snapshot (so the parts agree
    with each other), a few rows per municipality each."""
    statements = {name: _tally_sql(tally, territory) for name, tally in tallies.items()}
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        return {
            name: list(await conn.fetch(sql, *args)) for name, (sql, args) in statements.items()
        }


async def tally_generation(pool: asyncpg.Pool, territory: Territory) -> int:
    """The latest recount's sequence number in ``territory`` (0 before any)."""
    s = Statement()
    sql = (
        f"SELECT coalesce(max(generation), 0) FROM {GENERATIONS} t "
        f"WHERE {s.territory_of(territory, 't')}"
    )
    async with pool.acquire() as conn:
        return int(await conn.fetchval(sql, *s.args))


class Answers:
    """Serialised statistics answers, each kept with the tally generation it was computed
    at; one per app (so per database), the least recently used dropped first."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()

    def get(self, key: Hashable, generation: int) -> bytes | None:
        kept = self._kept.get(key)
        if kept is None or kept[0] != generation:
            return None
        self._kept.move_to_end(key)
        return kept[1]

    def put(self, key: Hashable, generation: int, body: bytes) -> None:
        if self.size == 0:
            return
        self._kept[key] = (generation, body)
        self._kept.move_to_end(key)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)


async def answer_from_tallies(
    request: Request,
    pool: asyncpg.Pool,
    *,
    territory: Territory,
    key: Hashable,
    build: Callable[[], Awaitable[BaseModel]],
) -> Response:
    """The statistics answer for ``territory`` and ``key`` (filters, disclosure, day …):
    served again as long as no recount touched the territory since it was built, else
    built by ``build`` (from the tallies) and kept.

    A write bumps the generation of its municipalities in its own transaction, and the
    generation is read before the tallies, so an answer is never kept under a generation
    newer than its figures.
    """
    answers: Answers | None = getattr(request.app.state, "tally_answers", None)
    if answers is None:
        settings = request.app.state.settings
        size = getattr(getattr(settings, "platform", settings), "stats_kept_answers", 256)
        answers = request.app.state.tally_answers = Answers(size)
    generation = await tally_generation(pool, territory)
    full_key = (
        territory.limited,
        tuple(territory.municipalities),
        tuple(territory.departments),
        territory.municipality_code,
        territory.department_code,
        key,
    )
    body = answers.get(full_key, generation)
    if body is None:
        document = await build()
        # What FastAPI would send for the route's response model.
        body = bytes(JSONResponse(document.model_dump(mode="json", by_alias=True)).body)
        answers.put(full_key, generation, body)
    return Response(body, media_type="application/json")


def _recount(request: Request) -> bool:
    settings = request.app.state.settings
    platform = getattr(settings, "platform", settings)
    return not getattr(platform, "stats_tallies", True)


# True when SOMOS_STATS_TALLIES=false: the statistics routes recount from the records.
RecountDep = Annotated[bool, Depends(_recount)]
