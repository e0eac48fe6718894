"""Per-municipality statistics tallies kept by triggers, backfilled from existing rows.

Each tally table holds, per municipality, the rows one statement of
GET /api/v1/stats/organizations returns without dates (services/organizations/stats/
repository.py); statement-level triggers recount the touched municipalities inside every
writing transaction (services/common/tallies.py).

Revision ID: org_0004
Revises: org_0003
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

revision: str = "org_0004"
down_revision: str | None = "org_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "organizations_refresh_tallies"
IN_CODES = "o.archived_at IS NULL AND o.municipality_code = ANY({codes})"

# Frozen copies of the repository's statements without dates, narrowed to {codes}.
BREAKDOWNS = {
    "by_sex": ("mujer", "hombre", "otro", "no_reporta"),
    "by_age_group": ("0_13", "14_28", "29_59", "60_mas", "no_reporta"),
    "by_ethnicity": (
        "afrocolombiano",
        "indigena",
        "raizal",
        "palenquero",
        "rrom",
        "ninguno",
        "no_reporta",
    ),
}
_BREAKDOWN_SUMS = ",\n".join(
    f"coalesce(sum((c.beneficiaries -> '{name}' ->> '{code}')::int)"
    f" FILTER (WHERE c.status <> 'cancelled'), 0)::bigint AS \"{name}.{code}\""
    for name, codes in BREAKDOWNS.items()
    for code in codes
)

PARTS = {
    "organizations": TallyPart(
        "tally_organizations",
        f"""SELECT o.municipality_code, o.type, o.ethnic_focus, count(*) AS n
        FROM organizations o WHERE {IN_CODES} GROUP BY 1, 2, 3""",
    ),
    "opi": TallyPart(
        "tally_opi",
        f"""WITH latest AS (
            SELECT DISTINCT ON (f.organization_id) f.organization_id, f.overall_score
            FROM assessments f
            WHERE f.kind = 'follow_up' AND f.status = 'verified' AND f.organization_id IN (
                SELECT o.id FROM organizations o WHERE {IN_CODES})
            ORDER BY f.organization_id DESC, f.assessed_on DESC, f.created_at DESC
        )
        SELECT o.municipality_code,
               count(*) FILTER (WHERE a.kind = 'baseline') AS verified_baseline,
               count(*) FILTER (WHERE a.kind = 'follow_up') AS verified_follow_up,
               count(*) FILTER (WHERE a.kind = 'baseline') AS with_baseline,
               sum(a.overall_score) FILTER (WHERE a.kind = 'baseline') AS baseline_sum,
               sum(coalesce(l.overall_score, a.overall_score)) FILTER (
                   WHERE a.kind = 'baseline') AS latest_sum,
               count(l.organization_id) FILTER (WHERE a.kind = 'baseline') AS assessed_twice,
               count(*) FILTER (WHERE a.kind = 'baseline' AND l.overall_score > a.overall_score)
                   AS improved
        FROM assessments a
        JOIN organizations o ON o.id = a.organization_id
        LEFT JOIN latest l ON l.organization_id = a.organization_id AND a.kind = 'baseline'
        WHERE {IN_CODES} AND a.status = 'verified'
        GROUP BY 1""",
    ),
    "plans": TallyPart(
        "tally_strengthening_plans",
        f"""SELECT o.municipality_code, p.status, count(*) AS n
        FROM strengthening_plans p JOIN organizations o ON o.id = p.organization_id
        WHERE {IN_CODES} AND p.archived_at IS NULL
        GROUP BY 1, 2""",
    ),
    "support": TallyPart(
        "tally_support",
        f"""SELECT o.municipality_code, sa.kind, count(*) AS n, sum(sa.hours) AS hours,
               count(DISTINCT sa.organization_id) AS organizations,
               count(DISTINCT sa.organization_id) FILTER (
                   WHERE sa.kind IN ('communications', 'relationship_with_authorities')
               ) AS organizations_communications_or_relations
        FROM support_activities sa JOIN organizations o ON o.id = sa.organization_id
        WHERE {IN_CODES} AND sa.archived_at IS NULL
        GROUP BY GROUPING SETS ((o.municipality_code, sa.kind), (o.municipality_code))""",
    ),
    "initiatives": TallyPart(
        "tally_initiatives",
        f"""SELECT c.municipality_code, c.status, c.methodology, count(*) AS n,
               coalesce(sum(c.budget_cop) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS budget_cop,
               coalesce(sum(c.beneficiaries_total) FILTER (WHERE c.status <> 'cancelled'), 0)
                   AS beneficiaries,
               {_BREAKDOWN_SUMS}
        FROM community_initiatives c
        WHERE c.archived_at IS NULL AND c.municipality_code = ANY({{codes}})
        GROUP BY 1, 2, 3""",
    ),
}

BY_ORGANIZATION = (
    "SELECT o.municipality_code FROM {rows} r JOIN organizations o ON o.id = r.organization_id"
)
OWN = "SELECT municipality_code FROM {rows}"
TRIGGERS = {
    "organizations": (OWN, tuple(PARTS)),
    "assessments": (BY_ORGANIZATION, ("opi",)),
    "strengthening_plans": (BY_ORGANIZATION, ("plans",)),
    "support_activities": (BY_ORGANIZATION, ("support",)),
    "community_initiatives": (OWN, ("initiatives",)),
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
            codes="SELECT municipality_code FROM organizations "
            "UNION SELECT municipality_code FROM community_initiatives",
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
