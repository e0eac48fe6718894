"""Per-municipality statistics tallies kept by triggers, backfilled from existing rows.

Each tally table holds, per municipality, the rows one statement of GET /api/v1/stats/events
returns without dates (services/events/stats/repository.py); pending commitments not yet
due are kept by due date as well, so "overdue" is counted against the day of the request. Statement-level
triggers recount the touched municipalities inside every writing transaction
(services/common/tallies.py).

Revision ID: evt_0005
Revises: evt_0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from services.common.tallies import (
    TallyPart,
    backfill_sql,
    drop_generations_ddl,
    drop_trigger_ddl,
    generations_ddl,
    refresh_function_ddl,
    tally_table_ddl,
    trigger_ddl,
)

revision: str = "evt_0005"
down_revision: str | None = "evt_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "events_refresh_tallies"
IN_CODES = "e.archived_at IS NULL AND e.municipality_code = ANY({codes})"

# Frozen copies of the repository's statements without dates, narrowed to {codes}.
PARTICIPATION_SUMS = (
    "total",
    "sex_mujer",
    "sex_hombre",
    "sex_otro",
    "sex_no_reporta",
    "age_0_13",
    "age_14_28",
    "age_29_59",
    "age_60_mas",
    "age_no_reporta",
    "eth_afrocolombiano",
    "eth_indigena",
    "eth_raizal",
    "eth_palenquero",
    "eth_rrom",
    "eth_ninguno",
    "eth_no_reporta",
    "role_comunidad",
    "role_lider_social",
    "role_policia",
    "role_autoridad_local",
    "role_organizacion_sociedad_civil",
    "role_otro",
    "conflict_victims",
    "persons_with_disability",
    "lgbtiq",
)
_SUMS = ",\n".join(f"coalesce(sum(p.{c}), 0) AS {c}" for c in PARTICIPATION_SUMS)

PARTS = {
    "counts": TallyPart(
        "tally_event_counts",
        f"""SELECT e.municipality_code, e.type, e.status, count(*) AS events,
               count(DISTINCT e.community_key) AS communities
        FROM events e WHERE {IN_CODES}
        GROUP BY 1, 2, 3""",
    ),
    "protection": TallyPart(
        "tally_protection",
        f"""SELECT e.municipality_code, count(DISTINCT e.community_key) AS communities
        FROM events e
        WHERE {IN_CODES} AND e.status = 'held'
          AND e.type IN ('taller_psicosocial', 'taller_autoproteccion')
        GROUP BY 1""",
    ),
    "participation": TallyPart(
        "tally_participation",
        f"""SELECT e.municipality_code, count(*) AS events, {_SUMS}
        FROM participation p JOIN events e ON e.id = p.event_id
        WHERE {IN_CODES} AND e.status = 'held'
        GROUP BY 1""",
    ),
    "commitments": TallyPart(
        "tally_commitments",
        f"""SELECT e.municipality_code, c.status, count(*) AS n
        FROM commitments c JOIN events e ON e.id = c.event_id
        WHERE {IN_CODES} AND c.archived_at IS NULL
        GROUP BY 1, 2""",
    ),
    # Pending commitments not yet due on the day of the recount (less one day of margin for
    # clocks): "overdue" on any later day is the pending total minus those due on or after
    # it. Earlier due dates are left out, so the table stays small.
    "commitments_due": TallyPart(
        "tally_commitments_due",
        f"""SELECT e.municipality_code, c.status, c.due_date, count(*) AS n
        FROM commitments c JOIN events e ON e.id = c.event_id
        WHERE {IN_CODES} AND c.archived_at IS NULL AND c.status IN ('open', 'in_progress')
          AND c.due_date >= (now() AT TIME ZONE 'America/Bogota')::date - 1
        GROUP BY 1, 2, 3""",
    ),
    "trust": TallyPart(
        "tally_trust",
        f"""SELECT e.municipality_code, count(*) AS sessions, sum(e.trust_change) AS change_sum,
               sum(least(e.trust_before_respondents, e.trust_after_respondents))
                   AS respondents
        FROM events e
        WHERE {IN_CODES} AND e.status = 'held' AND e.trust_change IS NOT NULL
        GROUP BY 1""",
    ),
}

BY_EVENT = "SELECT e.municipality_code FROM {rows} r JOIN events e ON e.id = r.event_id"
TRIGGERS = {
    "events": ("SELECT municipality_code FROM {rows}", tuple(PARTS)),
    "participation": (BY_EVENT, ("participation",)),
    "commitments": (BY_EVENT, ("commitments", "commitments_due")),
}


def upgrade() -> None:
    for statement in generations_ddl():
        op.execute(statement)
    for part in PARTS.values():
        for statement in tally_table_ddl(part):
            op.execute(statement)
    op.execute(refresh_function_ddl(FUNCTION, PARTS))
    for table, (codes, parts) in TRIGGERS.items():
        for statement in trigger_ddl(table=table, function=FUNCTION, codes=codes, parts=parts):
            op.execute(statement)
    op.execute(
        backfill_sql(
            FUNCTION, codes="SELECT DISTINCT municipality_code FROM events", parts=tuple(PARTS)
        )
    )


def downgrade() -> None:
    for table in TRIGGERS:
        for statement in drop_trigger_ddl(table):
            op.execute(statement)
    op.execute(f"DROP FUNCTION {FUNCTION}(text[], text[])")
    for part in PARTS.values():
        op.execute(f"DROP TABLE {part.table}")
    for statement in drop_generations_ddl():
        op.execute(statement)
