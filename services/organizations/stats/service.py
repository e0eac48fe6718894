"""Programme figures: aggregate rows tallied per municipality and in total."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg

from services.common.auth import Principal, ensure_territory
from services.common.disclosure import Disclosure, protect_areas, protect_summary
from services.common.errors import InvalidInput
from services.common.models import utcnow
from services.common.stats import Territory
from services.organizations.records import TWO_PLACES
from services.organizations.stats import repository
from services.organizations.stats.schemas import MunicipalityOrganizations, OrganizationStats
from services.organizations.vocabularies import (
    EthnicFocus,
    InitiativeStatus,
    Methodology,
    OrganizationType,
    StrengtheningPlanStatus,
    SupportKind,
)

APPROVED_OR_LATER = ("approved", "in_progress", "completed")


@dataclass
class _Tally:
    """The figures of one municipality (or of all), summed from aggregate rows."""

    organizations_by_type: Counter[str] = field(default_factory=Counter)
    organizations_by_ethnic_focus: Counter[str] = field(default_factory=Counter)
    verified_by_kind: Counter[str] = field(default_factory=Counter)
    with_baseline: int = 0
    baseline_sum: Decimal = Decimal(0)
    latest_sum: Decimal = Decimal(0)
    assessed_twice: int = 0
    improved: int = 0
    plans_by_status: Counter[str] = field(default_factory=Counter)
    support_activities: Counter[str] = field(default_factory=Counter)
    support_organizations: Counter[str] = field(default_factory=Counter)
    support_hours: dict[str, Decimal] = field(default_factory=dict)
    organizations_supported: int = 0
    organizations_communications_or_relations: int = 0
    initiatives_by_status: Counter[str] = field(default_factory=Counter)
    initiatives_by_methodology: Counter[str] = field(default_factory=Counter)
    initiatives_by_methodology_status: Counter[tuple[str, str]] = field(default_factory=Counter)
    budget_cop: int = 0
    beneficiaries: int = 0
    breakdowns: dict[str, Counter[str]] = field(
        default_factory=lambda: {
            "by_sex": Counter(),
            "by_age_group": Counter(),
            "by_ethnicity": Counter(),
        }
    )

    def add(self, other: _Tally) -> None:
        for name in (
            "organizations_by_type",
            "organizations_by_ethnic_focus",
            "verified_by_kind",
            "plans_by_status",
            "support_activities",
            "support_organizations",
            "initiatives_by_status",
            "initiatives_by_methodology",
            "initiatives_by_methodology_status",
        ):
            getattr(self, name).update(getattr(other, name))
        for name in (
            "with_baseline",
            "baseline_sum",
            "latest_sum",
            "assessed_twice",
            "improved",
            "organizations_supported",
            "organizations_communications_or_relations",
            "budget_cop",
            "beneficiaries",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, hours in other.support_hours.items():
            self.support_hours[kind] = self.support_hours.get(kind, Decimal(0)) + hours
        for breakdown, counts in other.breakdowns.items():
            self.breakdowns[breakdown].update(counts)

    def figures(self) -> dict[str, Any]:
        """The figures as plain data, validated once with the whole document.

        A model instance per block and municipality cost more than the queries.
        """

        def mean(total: Decimal, count: int) -> float | None:
            return float((total / count).quantize(TWO_PLACES, ROUND_HALF_UP)) if count else None

        plans = self.plans_by_status
        hours = self.support_hours
        return {
            "organizations": {
                "total": sum(self.organizations_by_type.values()),
                "by_type": {t: self.organizations_by_type[t] for t in _ORGANIZATION_TYPES},
                "by_ethnic_focus": {e: self.organizations_by_ethnic_focus[e] for e in _ETHNIC_FOCI},
            },
            "assessments": {
                "verified": sum(self.verified_by_kind.values()),
                "verified_baseline": self.verified_by_kind["baseline"],
                "verified_follow_up": self.verified_by_kind["follow_up"],
            },
            "opi": {
                "organizations_with_baseline": self.with_baseline,
                "mean_baseline_overall": mean(self.baseline_sum, self.with_baseline),
                "mean_latest_overall": mean(self.latest_sum, self.with_baseline),
                "organizations_assessed_twice": self.assessed_twice,
                "organizations_improved": self.improved,
                "improved_pct": round(100 * self.improved / self.assessed_twice, 1)
                if self.assessed_twice
                else None,
            },
            "strengthening_plans": {
                "total": sum(plans.values()),
                "by_status": {s: plans[s] for s in _PLAN_STATUSES},
                "approved_or_later": sum(plans[s] for s in APPROVED_OR_LATER),
            },
            "support": {
                "activities": sum(self.support_activities.values()),
                "hours": float(sum(hours.values(), Decimal(0))),
                "organizations_supported": self.organizations_supported,
                "organizations_communications_or_relations": (
                    self.organizations_communications_or_relations
                ),
                "by_kind": {
                    k: {
                        "activities": self.support_activities[k],
                        "organizations": self.support_organizations[k],
                        "hours": float(hours.get(k, Decimal(0))),
                    }
                    for k in _SUPPORT_KINDS
                },
            },
            "initiatives": {
                "total": sum(self.initiatives_by_status.values()),
                "by_status": {s: self.initiatives_by_status[s] for s in _INITIATIVE_STATUSES},
                "by_methodology": {m: self.initiatives_by_methodology[m] for m in _METHODOLOGIES},
                "by_methodology_and_status": {
                    m: {
                        s: self.initiatives_by_methodology_status[m, s]
                        for s in _INITIATIVE_STATUSES
                    }
                    for m in _METHODOLOGIES
                },
                "budget_cop": self.budget_cop,
                "beneficiaries": {
                    "total": self.beneficiaries,
                    **{
                        name: {code: counts[code] for code in codes}
                        for name, codes in repository.BENEFICIARY_BREAKDOWNS.items()
                        for counts in (self.breakdowns[name],)
                    },
                },
            },
        }


# Codes in vocabulary order, as plain strings (enum iteration is slow in a hot loop).
_ORGANIZATION_TYPES = tuple(t.value for t in OrganizationType)
_ETHNIC_FOCI = tuple(e.value for e in EthnicFocus)
_PLAN_STATUSES = tuple(s.value for s in StrengtheningPlanStatus)
_SUPPORT_KINDS = tuple(k.value for k in SupportKind)
_INITIATIVE_STATUSES = tuple(s.value for s in InitiativeStatus)
_METHODOLOGIES = tuple(m.value for m in Methodology)


async def organization_stats(
    pool: asyncpg.Pool,
    *,
    principal: Principal,
    disclosure: Disclosure,
    municipality_code: str | None,
    department_code: str | None,
    date_from: date | None,
    date_to: date | None,
    recount: bool = False,
) -> OrganizationStats:
    """Programme figures in the caller's territories, per municipality and in total: from
    the per-municipality tallies without dates, else (or with ``recount``) from the
    records."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise InvalidInput("to", "must be on or after from")
    scope = repository.StatsScope(
        territory=Territory.of(
            principal, municipality_code=municipality_code, department_code=department_code
        ),
        date_from=date_from,
        date_to=date_to,
    )
    tallies = _tallies(await repository.organization_stats(pool, scope, recount=recount))
    total = _Tally()
    for tally in tallies.values():
        total.add(tally)
    document = {
        "filters": {
            "department_code": department_code,
            "municipality_code": municipality_code,
            "from": date_from,
            "to": date_to,
        },
        "generated_at": utcnow(),
        "totals": total.figures(),
        "by_municipality": {code: tallies[code].figures() for code in sorted(tallies)},
    }
    document["suppressed"] = protect_areas(
        document,
        disclosure=disclosure,
        whole=_BENEFICIARIES.format("totals"),
        parts={c: _BENEFICIARIES.format(f"by_municipality.{c}") for c in tallies},
        breakdowns=repository.BENEFICIARY_BREAKDOWNS,
    )
    return OrganizationStats.model_validate(document)


_BENEFICIARIES = "{}.initiatives.beneficiaries"


INITIATIVES_LISTED = 200


async def municipality_summary(
    pool: asyncpg.Pool, *, principal: Principal, disclosure: Disclosure, municipality_code: str
) -> MunicipalityOrganizations:
    """One municipality's figures and initiatives in one read; 403 outside the token's reach."""
    ensure_territory(principal, municipality_code, hide=False)
    rows = await repository.municipality_figures(pool, municipality_code, INITIATIVES_LISTED)
    tally = _tallies(rows).get(municipality_code) or _Tally()
    figures = tally.figures()
    suppressed = protect_summary(
        figures["initiatives"]["beneficiaries"],
        disclosure=disclosure,
        breakdowns=repository.BENEFICIARY_BREAKDOWNS,
    )
    return MunicipalityOrganizations.model_validate(
        {
            "municipality_code": municipality_code,
            "generated_at": utcnow(),
            "figures": figures,
            "suppressed": ["figures.initiatives.beneficiaries." + p for p in suppressed],
            "initiatives": [dict(r) for r in rows["listed"]],
        }
    )


def _tallies(rows: Mapping[str, list[asyncpg.Record]]) -> defaultdict[str, _Tally]:
    """The statistics rows tallied per municipality."""
    tallies: defaultdict[str, _Tally] = defaultdict(_Tally)
    # Loops below run over aggregate rows (at most municipalities times codes), not records.
    for r in rows["organizations"]:
        t = tallies[r["municipality_code"]]
        t.organizations_by_type[r["type"]] += r["n"]
        t.organizations_by_ethnic_focus[r["ethnic_focus"]] += r["n"]
    for r in rows["opi"]:
        t = tallies[r["municipality_code"]]
        t.verified_by_kind["baseline"] += r["verified_baseline"]
        t.verified_by_kind["follow_up"] += r["verified_follow_up"]
        t.with_baseline, t.assessed_twice, t.improved = (
            r["with_baseline"],
            r["assessed_twice"],
            r["improved"],
        )
        t.baseline_sum = r["baseline_sum"] or Decimal(0)
        t.latest_sum = r["latest_sum"] or Decimal(0)
    for r in rows["plans"]:
        tallies[r["municipality_code"]].plans_by_status[r["status"]] += r["n"]
    for r in rows["support"]:
        t = tallies[r["municipality_code"]]
        if r["kind"] is None:
            t.organizations_supported = r["organizations"]
            t.organizations_communications_or_relations = r[
                "organizations_communications_or_relations"
            ]
        else:
            t.support_activities[r["kind"]] += r["n"]
            t.support_organizations[r["kind"]] += r["organizations"]
            t.support_hours[r["kind"]] = r["hours"]
    breakdowns = [
        (name, code) for name, codes in repository.BENEFICIARY_BREAKDOWNS.items() for code in codes
    ]
    for r in rows["initiatives"]:
        t = tallies[r["municipality_code"]]
        t.initiatives_by_status[r["status"]] += r["n"]
        t.initiatives_by_methodology[r["methodology"]] += r["n"]
        t.initiatives_by_methodology_status[r["methodology"], r["status"]] += r["n"]
        t.budget_cop += int(r["budget_cop"])
        t.beneficiaries += int(r["beneficiaries"])
        for (name, code), n in zip(breakdowns, r[6:], strict=True):
            t.breakdowns[name][code] += n
    return tallies
