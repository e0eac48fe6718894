"""Per-municipality statistics tallies kept by triggers, backfilled from existing rows.

Each tally table holds, per municipality, the rows one statement of
GET /api/v1/stats/security-plans returns without dates (services/security_plans/stats/
repository.py); statement-level triggers recount the touched municipalities inside every
writing transaction (services/common/tallies.py).

Revision ID: plans_0002
Revises: plans_0001
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

revision: str = "plans_0002"
down_revision: str | None = "plans_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "security_plans_refresh_tallies"
IN_CODES = "p.archived_at IS NULL AND p.municipality_code = ANY({codes})"

# Frozen copies of the repository's statements without dates, narrowed to {codes}.
FUNDING_SOURCES = (
    "fonset",
    "recursos_propios",
    "sgr",
    "fonsecon",
    "cooperacion_internacional",
    "otra",
)
_SOURCES = ",\n".join(
    f"coalesce(sum((a.budget ->> '{source}')::bigint), 0) AS {source}" for source in FUNDING_SOURCES
)

PARTS = {
    "plans": TallyPart(
        "tally_plans",
        f"""SELECT p.municipality_code, p.status, p.term_start_year, count(*) AS plans,
               count(p.approved_on) AS approved,
               count(*) FILTER (WHERE p.approved_on <= make_date(p.term_start_year, 6, 30))
                   AS on_time
        FROM security_plans p WHERE {IN_CODES}
        GROUP BY 1, 2, 3""",
    ),
    "reviews": TallyPart(
        "tally_latest_reviews",
        f"""SELECT DISTINCT ON (r.plan_id) p.municipality_code, r.plan_id, p.term_start_year,
               r.score, r.reviewed_on
        FROM plan_reviews r JOIN security_plans p ON p.id = r.plan_id
        WHERE {IN_CODES}
        ORDER BY r.plan_id, r.reviewed_on DESC, r.created_at DESC""",
    ),
    "planned": TallyPart(
        "tally_planned",
        f"""SELECT p.municipality_code, {_SOURCES}
        FROM plan_actions a JOIN security_plans p ON p.id = a.plan_id
        WHERE a.archived_at IS NULL AND {IN_CODES}
        GROUP BY 1""",
    ),
    "executed": TallyPart(
        "tally_executed",
        f"""SELECT p.municipality_code, sum(r.budget_executed_cop) AS executed
        FROM progress_reports r
        JOIN plan_actions a ON a.id = r.action_id
        JOIN security_plans p ON p.id = r.plan_id
        WHERE a.archived_at IS NULL AND {IN_CODES}
        GROUP BY 1""",
    ),
    "strategies": TallyPart(
        "tally_strategies",
        """SELECT s.municipality_code, s.status, s.approach, count(*) AS strategies
        FROM prevention_strategies s
        WHERE s.archived_at IS NULL AND s.municipality_code = ANY({codes})
        GROUP BY 1, 2, 3""",
    ),
}

BY_PLAN = "SELECT p.municipality_code FROM {rows} r JOIN security_plans p ON p.id = r.plan_id"
OWN = "SELECT municipality_code FROM {rows}"
TRIGGERS = {
    "security_plans": (OWN, tuple(PARTS)),
    "plan_reviews": (BY_PLAN, ("reviews",)),
    "plan_actions": (BY_PLAN, ("planned", "executed")),
    "progress_reports": (BY_PLAN, ("executed",)),
    "prevention_strategies": (OWN, ("strategies",)),
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
            FUNCTION,
            codes="SELECT municipality_code FROM security_plans "
            "UNION SELECT municipality_code FROM prevention_strategies",
            parts=tuple(PARTS),
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
