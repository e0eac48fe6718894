"""Composed read views: a municipality's overview and an organization's profile."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from gateway.compose import (
    SERVER_TIMING,
    FanOut,
    dig,
    fan_out,
    fetcher,
    server_timing,
)
from gateway.territories import Directory
from services.common.auth import Principal, current_principal, ensure_territory
from services.common.errors import NotFound, problem_responses
from services.common.territory import MunicipalityCode

router = APIRouter(tags=["composed-views"])
AnyPrincipal = Annotated[Principal, Depends(current_principal)]

Section = dict[str, Any] | None
SECURITY_SUMMARY = "/api/v1/stats/security-plans/municipalities"
ORGANIZATIONS_SUMMARY = "/api/v1/stats/organizations/municipalities"


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


def _budget(request: Request) -> float:
    return float(request.app.state.settings.composition_budget_seconds)


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
    responses={200: {"headers": SERVER_TIMING}, **problem_responses(404, 422)},
    summary="Everything the programme knows about one municipality, in one call",
)
async def municipality_overview(
    request: Request,
    response: Response,
    principal: AnyPrincipal,
    code: Annotated[MunicipalityCode, Path(description="DIVIPOLA municipality code")],
) -> MunicipalityOverview:
    directory: Directory = request.app.state.directory
    if directory.loaded and code not in directory.municipalities:
        raise NotFound(f"No municipality {code} in the DIVIPOLA list.")
    ensure_territory(principal, code, hide=False)
    fetch = fetcher(request)
    # One round of three parallel calls, one per service, whatever the data: never a call
    # per plan or per row. Each service answers for the municipality in one read.
    parts = {
        "events": (
            "events",
            lambda: fetch.get("events", "/api/v1/stats/events", {"municipality_code": code}),
        ),
        "security": (
            "security_plans",
            lambda: fetch.get("security_plans", f"{SECURITY_SUMMARY}/{code}"),
        ),
        "organizations": (
            "organizations",
            lambda: fetch.get("organizations", f"{ORGANIZATIONS_SUMMARY}/{code}"),
        ),
    }
    out = await fan_out(parts, budget=_budget(request))
    org = dig(out.get("organizations"), "figures") if out.ok("organizations") else None
    listed = dig(out.get("organizations"), "initiatives", default=[])
    events = out.get("events") if out.ok("events") else None
    security = out.get("security") if out.ok("security") else None
    initiatives = dig(org, "initiatives")
    commitments = dig(events, "commitments", "by_status", default={})
    response.headers["Server-Timing"] = server_timing(fetch)
    return MunicipalityOverview(
        **_composition(out),
        municipality=Territory(**directory.municipality(code)),
        security_plan=None if security is None else dig(security, "current_plan"),
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
            # disclosure control: the withheld figures, by path within this section
            "suppressed": [
                p
                for p in dig(events, "suppressed", default=[])
                if p.startswith(("participants.", "trust."))
            ],
        },
        commitments=None
        if events is None
        else {
            "total": dig(events, "commitments", "total"),
            "by_status": commitments,
            "open": sum(n for s, n in commitments.items() if s in ("open", "in_progress")),
            "overdue": dig(events, "commitments", "overdue"),
        },
        prevention_strategies=None if security is None else dig(security, "prevention_strategies"),
        community_initiatives=None
        if initiatives is None
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
    responses={200: {"headers": SERVER_TIMING}, **problem_responses(404)},
    summary="An organization with its OPI over time, plans, support and events",
)
async def organization_profile(
    request: Request, response: Response, principal: AnyPrincipal, organization_id: uuid.UUID
) -> OrganizationProfile:
    fetch = fetcher(request)
    # Two parallel calls, one per service: the organization's record (itself, performance,
    # assessments, plans, support) and the events it took part in.
    parts = {
        "record": (
            "organizations",
            lambda: fetch.get("organizations", f"/api/v1/organizations/{organization_id}/record"),
        ),
        "events": (
            "events",
            lambda: fetch.first_page(
                "events", "/api/v1/events", {"organization_id": str(organization_id)}
            ),
        ),
    }
    out = await fan_out(parts, budget=_budget(request))
    if out.statuses.get("organizations") in (403, 404):
        raise NotFound(f"No organization with id {organization_id}.")
    record = out.get("record")
    organization = dig(record, "organization")
    directory: Directory = request.app.state.directory
    support = dig(record, "support_activities")
    events = out.get("events")
    if events is not None:  # only the events it took part in, whatever the service filtered
        events = [
            e
            for e in events
            if str(organization_id) in [str(i) for i in e.get("organization_ids", [])]
        ]
    assessments = dig(record, "assessments")
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
    plans = dig(record, "strengthening_plans")
    response.headers["Server-Timing"] = server_timing(fetch)
    return OrganizationProfile(
        **_composition(out),
        organization=organization,
        territory=Territory(**directory.municipality(organization["municipality_code"]))
        if organization and organization.get("municipality_code")
        else None,
        performance=dig(record, "performance"),
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
