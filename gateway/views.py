"""Composed read views: a municipality's overview and an organization's profile."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field

from gateway.compose import FanOut, Fetcher, dig, fan_out, forward_headers
from gateway.territories import Directory
from services.common.auth import Principal, current_principal, ensure_territory
from services.common.errors import NotFound, problem_responses
from services.common.territory import MunicipalityCode

router = APIRouter(tags=["composed-views"])
AnyPrincipal = Annotated[Principal, Depends(current_principal)]

Section = dict[str, Any] | None


class Territory(BaseModel):
    code: str
    name: str | None
    department_code: str
    department_name: str | None


class Composition(BaseModel):
    partial: bool = Field(description="True when a service failed or was too slow")
    unavailable: list[str] = Field(
        description="Services whose parts are missing (their sections are null)",
        examples=[["events"]],
    )
    problems: dict[str, str] = Field(default_factory=dict, description="Why, per service")
    generated_at: datetime


class MunicipalityOverview(Composition):
    municipality: Territory
    security_plan: Section = Field(
        description="Current PISCC: status, term, latest review score, execution %"
    )
    organizations: Section = Field(
        description="Count by type, mean baseline and latest OPI, assessed twice and improved"
    )
    strengthening_plans: Section = Field(description="Strengthening plans by status")
    events: Section = Field(description="Events held by type, participants and breakdowns")
    commitments: Section = Field(description="Commitments by status, open and overdue")
    prevention_strategies: Section = Field(description="Prevention strategies by status")
    community_initiatives: Section = Field(description="Initiatives by status, and the list")


class OrganizationProfile(Composition):
    organization: Section
    territory: Territory | None
    performance: Section = Field(description="OPI baseline vs latest verified follow-up")
    assessments: list[dict[str, Any]] | None = Field(description="OPI assessments over time")
    strengthening_plans: list[dict[str, Any]] | None = Field(description="Plans with progress")
    support: Section = Field(description="Support received: activities, by kind, hours")
    events: list[dict[str, Any]] | None = Field(description="Events it took part in")


def _fetcher(request: Request) -> Fetcher:
    return Fetcher(request.app.state.upstreams, forward_headers(request))


def _budget(request: Request) -> float:
    return float(request.app.state.settings.composition_budget_seconds)


def current_term_start(today: date) -> int:
    """Mayoral terms start in 2016, 2020, 2024 …: the one running on ``today``."""
    return today.year - (today.year - 2016) % 4


def _current_plan(plans: list[dict[str, Any]], today: date) -> dict[str, Any] | None:
    live = [p for p in plans if not p.get("archived_at")]
    if not live:
        return None
    term = current_term_start(today)
    running = [p for p in live if p.get("term_start_year") == term]
    return (running or sorted(live, key=lambda p: p.get("term_start_year") or 0))[-1]


def _count_by(items: list[dict[str, Any]], key: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        value = str(item.get(key))
        out[value] = out.get(value, 0) + 1
    return out


@router.get(
    "/api/v1/municipalities/{code}/overview",
    operation_id="municipalities-overview",
    response_model=MunicipalityOverview,
    responses=problem_responses(404, 422),
    summary="Everything the programme knows about one municipality, in one call",
)
async def municipality_overview(
    request: Request,
    principal: AnyPrincipal,
    code: Annotated[MunicipalityCode, Path(description="DIVIPOLA municipality code")],
) -> MunicipalityOverview:
    directory: Directory = request.app.state.directory
    if directory.loaded and code not in directory.municipalities:
        raise NotFound(f"No municipality {code} in the DIVIPOLA list.")
    ensure_territory(principal, code, hide=False)
    fetch = _fetcher(request)
    scope = {"municipality_code": code}
    term = current_term_start(date.today())
    # The current term's window keeps only its plan, its reviews and its quarters' budget.
    term_window = {**scope, "from": f"{term}-01-01", "to": f"{term + 3}-12-31"}

    def get(upstream: str, path: str, params: dict[str, Any]) -> Any:
        return lambda: fetch.get(upstream, path, params)

    # One round of parallel calls, whatever the data: never a call per plan or per row.
    parts = {
        "plans": (
            "security_plans",
            get("security_plans", "/api/v1/security-plans", {**scope, "limit": 200}),
        ),
        "plan_stats": (
            "security_plans",
            get("security_plans", "/api/v1/stats/security-plans", scope),
        ),
        "term_stats": (
            "security_plans",
            get("security_plans", "/api/v1/stats/security-plans", term_window),
        ),
        "org_stats": ("organizations", get("organizations", "/api/v1/stats/organizations", scope)),
        "initiatives": (
            "organizations",
            get("organizations", "/api/v1/community-initiatives", {**scope, "limit": 200}),
        ),
        "event_stats": ("events", get("events", "/api/v1/stats/events", scope)),
    }
    out = await fan_out(parts, budget=_budget(request))
    org = dig(out.get("org_stats"), "totals") if out.ok("org_stats") else None
    events = out.get("event_stats") if out.ok("event_stats") else None
    plan_stats = out.get("plan_stats") if out.ok("plan_stats") else None
    security_plan = None
    if out.ok("plans") and out.ok("plan_stats") and out.ok("term_stats"):
        security_plan = _security_plan(
            dig(out.get("plans"), "items", default=[]),
            plan_stats,
            out.get("term_stats"),
            term,
        )
    initiatives = dig(org, "initiatives")
    listed = dig(out.get("initiatives"), "items", default=[]) if out.ok("initiatives") else None
    commitments = dig(events, "commitments", "by_status", default={})
    return MunicipalityOverview(
        **_composition(out),
        municipality=Territory(**directory.municipality(code)),
        security_plan=security_plan,
        organizations=None
        if org is None
        else {
            "total": dig(org, "organizations", "total"),
            "by_type": _nonzero(dig(org, "organizations", "by_type", default={})),
            "by_ethnic_focus": _nonzero(dig(org, "organizations", "by_ethnic_focus", default={})),
            "with_baseline": dig(org, "opi", "organizations_with_baseline"),
            "mean_baseline_opi": dig(org, "opi", "mean_baseline_overall"),
            "mean_latest_opi": dig(org, "opi", "mean_latest_overall"),
            "assessed_twice": dig(org, "opi", "organizations_assessed_twice"),
            "improved": dig(org, "opi", "organizations_improved"),
            "improved_pct": dig(org, "opi", "improved_pct"),
        },
        strengthening_plans=None
        if org is None
        else {
            "total": dig(org, "strengthening_plans", "total"),
            "by_status": dig(org, "strengthening_plans", "by_status", default={}),
            "approved_or_later": dig(org, "strengthening_plans", "approved_or_later"),
        },
        events=None
        if events is None
        else {
            "total": dig(events, "events_total"),
            "by_status": dig(events, "events_by_status", default={}),
            "held_by_type": _nonzero(dig(events, "held_by_type", default={})),
            "communities_by_type": _nonzero(dig(events, "communities_by_type", default={})),
            "participants": dig(events, "participants"),
            "trust": dig(events, "trust"),
        },
        commitments=None
        if events is None
        else {
            "total": dig(events, "commitments", "total"),
            "by_status": commitments,
            "open": sum(n for s, n in commitments.items() if s in ("open", "in_progress")),
            "overdue": dig(events, "commitments", "overdue"),
        },
        prevention_strategies=None
        if plan_stats is None
        else {
            "total": dig(plan_stats, "prevention_strategies", "total"),
            "by_status": dig(plan_stats, "prevention_strategies", "by_status", default={}),
            "by_approach": dig(plan_stats, "prevention_strategies", "by_approach", default={}),
        },
        community_initiatives=None
        if initiatives is None or listed is None
        else {
            "total": dig(initiatives, "total"),
            "by_status": dig(initiatives, "by_status", default={}),
            "by_methodology": dig(initiatives, "by_methodology", default={}),
            "budget_cop": dig(initiatives, "budget_cop"),
            "beneficiaries": dig(initiatives, "beneficiaries", "total"),
            "items": [
                {
                    k: i.get(k)
                    for k in ("id", "title", "community", "methodology", "status", "start_date")
                }
                for i in listed
            ],
        },
    )


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def _security_plan(
    plans: list[dict[str, Any]], stats: Any, term_stats: Any, term: int
) -> dict[str, Any] | None:
    """The current plan with its latest review score and, for this term's plan, execution."""
    plan = _current_plan(plans, date.today())
    if plan is None:
        return None
    scores = [
        s
        for s in dig(stats, "reviews", "latest_score_per_plan", default=[])
        if s.get("plan_id") == plan.get("id")
    ]
    latest = scores[0] if scores else None
    this_term = plan.get("term_start_year") == term
    budget = dig(term_stats, "budget") if this_term else None
    return {
        "id": plan.get("id"),
        "title": plan.get("title"),
        "status": plan.get("status"),
        "term_start_year": plan.get("term_start_year"),
        "term_end_year": plan.get("term_end_year"),
        "current_term": this_term,
        "approved_on": plan.get("approved_on"),
        "approved_on_time": plan.get("approved_on_time"),
        "latest_review_score": latest.get("score") if latest else None,
        "latest_review_on": latest.get("reviewed_on") if latest else None,
        "execution_pct": dig(budget, "execution_pct"),
        "budget_planned_cop": dig(budget, "planned_cop"),
        "budget_executed_cop": dig(budget, "executed_cop"),
    }


def _composition(out: FanOut) -> dict[str, Any]:
    return {
        "partial": out.partial,
        "unavailable": out.unavailable,
        "problems": out.problems,
        "generated_at": datetime.now(UTC),
    }


@router.get(
    "/api/v1/organizations/{organization_id}/profile",
    operation_id="organizations-profile",
    response_model=OrganizationProfile,
    responses=problem_responses(404),
    summary="An organization with its OPI over time, plans, support and events",
)
async def organization_profile(
    request: Request, principal: AnyPrincipal, organization_id: uuid.UUID
) -> OrganizationProfile:
    fetch = _fetcher(request)
    org_path = f"/api/v1/organizations/{organization_id}"
    by_org = {"organization_id": str(organization_id)}
    parts = {
        "organization": ("organizations", lambda: fetch.get("organizations", org_path)),
        "performance": (
            "organizations",
            lambda: fetch.get("organizations", org_path + "/performance"),
        ),
        "assessments": (
            "organizations",
            lambda: fetch.first_page("organizations", org_path + "/assessments"),
        ),
        "plans": (
            "organizations",
            lambda: fetch.first_page("organizations", "/api/v1/strengthening-plans", by_org),
        ),
        "support": (
            "organizations",
            lambda: fetch.first_page("organizations", "/api/v1/support-activities", by_org),
        ),
        "events": ("events", lambda: fetch.first_page("events", "/api/v1/events", by_org)),
    }
    out = await fan_out(parts, budget=_budget(request))
    if out.statuses.get("organizations") in (403, 404) and not out.ok("organization"):
        raise NotFound(f"No organization with id {organization_id}.")
    organization = out.get("organization")
    directory: Directory = request.app.state.directory
    support = out.get("support")
    events = out.get("events")
    if events is not None:  # only the events it took part in, whatever the service filtered
        events = [
            e
            for e in events
            if str(organization_id) in [str(i) for i in e.get("organization_ids", [])]
        ]
    assessments = out.get("assessments")
    if assessments is not None:
        assessments = sorted(
            (
                {
                    k: a.get(k)
                    for k in (
                        "id",
                        "kind",
                        "assessed_on",
                        "status",
                        "overall_score",
                        "domain_scores",
                    )
                }
                for a in assessments
            ),
            key=lambda a: str(a.get("assessed_on")),
        )
    plans = out.get("plans")
    return OrganizationProfile(
        **_composition(out),
        organization=organization,
        territory=Territory(**directory.municipality(organization["municipality_code"]))
        if organization and organization.get("municipality_code")
        else None,
        performance=out.get("performance"),
        assessments=assessments,
        strengthening_plans=None
        if plans is None
        else [
            {
                k: p.get(k)
                for k in (
                    "id",
                    "title",
                    "status",
                    "start_date",
                    "end_date",
                    "progress_pct",
                    "overdue_actions",
                    "opi_areas_covered",
                )
            }
            for p in plans
        ],
        support=None
        if support is None
        else {
            "activities": len(support),
            "hours": sum(float(s.get("hours") or 0) for s in support),
            "by_kind": _count_by(support, "kind"),
            "items": [
                {k: s.get(k) for k in ("id", "kind", "delivered_on", "hours", "delivered_by")}
                for s in sorted(support, key=lambda s: str(s.get("delivered_on")))
            ],
        },
        events=None
        if events is None
        else [
            {
                k: e.get(k)
                for k in (
                    "id",
                    "type",
                    "title",
                    "municipality_code",
                    "community",
                    "starts_at",
                    "status",
                )
            }
            for e in events
        ],
    )
