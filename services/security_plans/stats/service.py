"""Aggregates over plans, reviews, budgets and strategies, and one municipality's summary."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg

from services.common.auth import Principal, ensure_territory
from services.common.colombia import colombia_today
from services.security_plans.plans.service import approval_deadline
from services.security_plans.records import FIRST_TERM_YEAR, TWO_PLACES, percent
from services.security_plans.stats import repository
from services.security_plans.stats.schemas import MunicipalitySecurity, SecurityPlanStats
from services.security_plans.vocabularies import (
    Approach,
    FundingSource,
    SecurityPlanStatus,
    StrategyStatus,
)

# Codes in vocabulary order: the figures are plain dicts, validated once at the end.
_PLAN_STATUSES = tuple(s.value for s in SecurityPlanStatus)
_FUNDING_SOURCES = tuple(s.value for s in FundingSource)
_STRATEGY_STATUSES = tuple(s.value for s in StrategyStatus)
_APPROACHES = tuple(a.value for a in Approach)


def _empty_municipality() -> dict[str, Any]:
    return {
        "plans": 0,
        "plans_by_status": dict.fromkeys(_PLAN_STATUSES, 0),
        "approved_on_time": 0,
        "reviewed_plans": 0,
        "latest_review_score": None,
        "budget_planned_cop": 0,
        "budget_executed_cop": 0,
        "prevention_strategies": 0,
        "prevention_strategies_by_status": {s: 0 for s in StrategyStatus},
    }


async def statistics(
    pool: asyncpg.Pool,
    *,
    principal: Principal,
    filters: repository.StatsFilters,
    recount: bool = False,
) -> SecurityPlanStats:
    """Aggregates over plans, reviews, budgets and strategies (five grouped statements).

    The per-municipality figures are built as plain dicts and validated in one
    ``model_validate`` call: a model instance per municipality and per plan score cost
    more than the queries.
    """
    rows = await repository.statistics(pool, principal, filters, recount=recount)
    plans, reviews = rows["plans"], rows["reviews"]
    planned, executed, strategies = rows["planned"], rows["executed"], rows["strategies"]

    towns: dict[str, dict[str, Any]] = defaultdict(_empty_municipality)
    by_status = dict.fromkeys(_PLAN_STATUSES, 0)
    by_term: dict[str, int] = defaultdict(int)
    approved = on_time = 0
    for row in plans:
        town = towns[row["municipality_code"]]
        town["plans"] += row["plans"]
        town["plans_by_status"][row["status"]] += row["plans"]
        town["approved_on_time"] += row["on_time"]
        by_status[row["status"]] += row["plans"]
        by_term[str(row["term_start_year"])] += row["plans"]
        approved += row["approved"]
        on_time += row["on_time"]

    latest_per_town: dict[str, tuple[int, date]] = {}
    scores: list[dict[str, Any]] = []
    score_sum = Decimal(0)
    for row in reviews:
        score = float(row["score"])
        score_sum += Decimal(str(score))
        scores.append(
            {
                "plan_id": row["plan_id"],
                "municipality_code": row["municipality_code"],
                "term_start_year": row["term_start_year"],
                "score": score,
                "reviewed_on": row["reviewed_on"],
            }
        )
        town = towns[row["municipality_code"]]
        town["reviewed_plans"] += 1
        key = (row["term_start_year"], row["reviewed_on"])
        if (
            row["municipality_code"] not in latest_per_town
            or key > latest_per_town[row["municipality_code"]]
        ):
            latest_per_town[row["municipality_code"]] = key
            town["latest_review_score"] = score

    planned_by_source = dict.fromkeys(_FUNDING_SOURCES, 0)
    for row in planned:
        town = towns[row["municipality_code"]]
        for source in _FUNDING_SOURCES:
            pesos = int(row[source])
            planned_by_source[source] += pesos
            town["budget_planned_cop"] += pesos
    for row in executed:
        towns[row["municipality_code"]]["budget_executed_cop"] += int(row["executed"])

    strategy_status = dict.fromkeys(_STRATEGY_STATUSES, 0)
    strategy_approach = dict.fromkeys(_APPROACHES, 0)
    for row in strategies:
        strategy_status[row["status"]] += row["strategies"]
        strategy_approach[row["approach"]] += row["strategies"]
        towns[row["municipality_code"]]["prevention_strategies"] += row["strategies"]
        towns[row["municipality_code"]]["prevention_strategies_by_status"][
            StrategyStatus(row["status"])
        ] += row["strategies"]

    planned_total = sum(planned_by_source.values())
    executed_total = sum(int(r["executed"]) for r in executed)
    mean = float((score_sum / len(scores)).quantize(TWO_PLACES, ROUND_HALF_UP)) if scores else None
    return SecurityPlanStats.model_validate(
        {
            "plans": {
                "total": sum(by_status.values()),
                "by_status": by_status,
                "by_term": dict(sorted(by_term.items())),
                "approved": approved,
                "approved_on_time": on_time,
            },
            "reviews": {
                "reviewed_plans": len(scores),
                "municipalities_with_review": len(latest_per_town),
                "mean_latest_score": mean,
                "latest_score_per_plan": sorted(
                    scores, key=lambda s: (s["municipality_code"], s["term_start_year"])
                ),
            },
            "budget": {
                "planned_by_source": planned_by_source,
                "planned_cop": planned_total,
                "executed_cop": executed_total,
                "execution_pct": percent(executed_total, planned_total),
            },
            "prevention_strategies": {
                "total": sum(strategy_status.values()),
                "by_status": strategy_status,
                "by_approach": strategy_approach,
            },
            "by_municipality": dict(sorted(towns.items())),
        }
    )


def current_term_start(day: date) -> int:
    """Mayoral terms start in 2016, 2020, 2024 …: the first year of the one running on ``day``."""
    return day.year - (day.year - FIRST_TERM_YEAR) % 4


async def municipality_summary(
    pool: asyncpg.Pool, *, municipality_code: str, principal: Principal, as_of: date | None
) -> MunicipalitySecurity:
    """The current plan (status, term, latest review, execution), plans by status and
    strategies by status and approach, for one municipality: one connection, two statements."""
    ensure_territory(principal, municipality_code, hide=False)
    day = as_of or colombia_today()
    term = current_term_start(day)
    plans, strategies = await repository.fetch_municipality_summary(pool, municipality_code)
    by_status = dict.fromkeys(_PLAN_STATUSES, 0)
    for row in plans:
        by_status[row["status"]] += 1
    running = [p for p in plans if p["term_start_year"] == term]
    chosen = (running or plans)[-1] if plans else None  # ordered by term: the latest
    current = None
    if chosen is not None:
        approved_on = chosen["approved_on"]
        planned, executed = int(chosen["planned"]), int(chosen["executed"])
        score = chosen["latest_review_score"]
        current = {
            **{k: chosen[k] for k in ("id", "title", "status", "term_start_year")},
            "term_end_year": chosen["term_end_year"],
            "current_term": chosen["term_start_year"] == term,
            "approved_on": approved_on,
            "approved_on_time": None
            if approved_on is None
            else approved_on <= approval_deadline(chosen["term_start_year"]),
            "latest_review_score": None if score is None else float(score),
            "latest_review_on": chosen["latest_review_on"],
            "budget_planned_cop": planned,
            "budget_executed_cop": executed,
            "execution_pct": percent(executed, planned),
        }
    strategy_status = dict.fromkeys(_STRATEGY_STATUSES, 0)
    strategy_approach = dict.fromkeys(_APPROACHES, 0)
    for row in strategies:
        strategy_status[row["status"]] += row["strategies"]
        strategy_approach[row["approach"]] += row["strategies"]
    return MunicipalitySecurity.model_validate(
        {
            "municipality_code": municipality_code,
            "as_of": day,
            "current_term_start_year": term,
            "current_plan": current,
            "plans": {"total": len(plans), "by_status": by_status},
            "prevention_strategies": {
                "total": sum(strategy_status.values()),
                "by_status": strategy_status,
                "by_approach": strategy_approach,
            },
        }
    )
