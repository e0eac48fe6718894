"""The measures the services already expose, and how an indicator's figure is read from them.

An indicator is built from one measure (``held_events`` of one event type, ``participants``,
``organizations_supported`` …), counted from the services' statistics documents, which
every service answers with ``from``/``to`` bounds (Colombian days) and territory filters.
Figures are read per municipality (the services count distinct communities and
organizations within a municipality), so a department's or the programme's figure is a
plain sum, and a quarter's frozen figures can be narrowed to a territory later.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from services.events.vocabularies import EventType

STATS_PATHS: dict[str, str] = {
    "organizations": "/api/v1/stats/organizations",
    "security_plans": "/api/v1/stats/security-plans",
    "events": "/api/v1/stats/events",
}
Unit = Literal["count", "percent"]
Documents = Mapping[str, Any]  # service name → its statistics document


def dig(document: Any, *keys: str, default: Any = None) -> Any:
    """document[k1][k2]… or ``default`` when any step is missing."""
    node = document
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return node


@dataclass
class Amount:
    """A measure's figure for one period: per municipality, plus the denominators of a ratio.

    ``headline`` is the service's own total where per-municipality cells may be withheld
    (people-level measures for callers without attendees:pii).
    """

    by_municipality: dict[str, float] = field(default_factory=dict)
    denominators: dict[str, float] | None = None
    headline: float | None = None

    @property
    def is_ratio(self) -> bool:
        return self.denominators is not None

    @property
    def value(self) -> float | None:
        if self.denominators is not None:
            numerator, denominator = self.numerator, self.denominator
            return round(100 * numerator / denominator, 1) if denominator else None
        if self.headline is not None:
            return self.headline
        return float(sum(self.by_municipality.values()))

    @property
    def numerator(self) -> int:
        return int(sum(self.by_municipality.values()))

    @property
    def denominator(self) -> int:
        return int(sum((self.denominators or {}).values()))

    def by_department(self) -> dict[str, float]:
        """The figure per DANE department code (a ratio: per department's own ratio)."""
        sums: dict[str, float] = {}
        for municipality, value in self.by_municipality.items():
            if value:
                sums[municipality[:2]] = sums.get(municipality[:2], 0) + value
        if self.denominators is None:
            return dict(sorted(sums.items()))
        dens: dict[str, float] = {}
        for municipality, value in self.denominators.items():
            if value:
                dens[municipality[:2]] = dens.get(municipality[:2], 0) + value
        return {d: round(100 * sums.get(d, 0) / n, 1) for d, n in sorted(dens.items())}

    def narrowed(self, keep: Callable[[str], bool], *, whole: bool) -> Amount:
        """The same figure for the municipalities ``keep`` accepts (``whole``: all of them,
        so the service's headline still holds)."""
        if whole:
            return self

        def narrow(values: dict[str, float] | None) -> dict[str, float] | None:
            return None if values is None else {k: v for k, v in values.items() if keep(k)}

        return Amount(narrow(self.by_municipality) or {}, narrow(self.denominators), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "by_municipality": self.by_municipality,
            "denominators": self.denominators,
            "headline": self.headline,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Amount:
        return cls(
            dict(data.get("by_municipality") or {}),
            data.get("denominators"),
            data.get("headline"),
        )


def _municipalities(document: Any) -> dict[str, Any]:
    value = dig(document, "by_municipality", default={})
    return value if isinstance(value, dict) else {}


def _per_municipality(document: Any, figure: Callable[[Any], Any]) -> dict[str, float]:
    return {m: float(figure(s) or 0) for m, s in _municipalities(document).items()}


def _sum_of(*paths: tuple[str, ...]) -> Callable[[Any], float]:
    return lambda s: sum(dig(s, *p, default=0) or 0 for p in paths)


@dataclass(frozen=True)
class Measure:
    """What the services count that an indicator can be built from."""

    code: str
    services: tuple[str, ...]
    description: str
    read: Callable[[Documents, str | None], Amount]
    unit: Unit = "count"
    parameter: str | None = None  # the name of the parameter the measure takes
    choices: tuple[str, ...] = ()  # its allowed values
    people: bool = False  # counts people: disclosure control applies
    breakdowns: tuple[str, ...] = ()  # people-level disaggregations the service gives
    dated_by: str = ""  # which date places a record in a period


def _counted(service: str, figure: Callable[[Any, str | None], Any]) -> Callable[..., Amount]:
    def read(documents: Documents, parameter: str | None) -> Amount:
        return Amount(_per_municipality(documents[service], lambda s: figure(s, parameter)))

    return read


def _municipalities_supported_in_piscc(documents: Documents, _: str | None) -> Amount:
    reviewed = _per_municipality(documents["security_plans"], lambda s: dig(s, "reviewed_plans"))
    trained = _per_municipality(
        documents["events"], lambda s: dig(s, "held_by_type", "capacitacion_piscc")
    )
    places = {m for m, v in reviewed.items() if v} | {m for m, v in trained.items() if v}
    return Amount({m: 1.0 for m in sorted(places)})


def _opi_improved(documents: Documents, _: str | None) -> Amount:
    orgs = documents["organizations"]
    return Amount(
        _per_municipality(orgs, lambda s: dig(s, "opi", "organizations_improved")),
        _per_municipality(orgs, lambda s: dig(s, "opi", "organizations_assessed_twice")),
    )


PARTICIPANT_BREAKDOWNS = ("by_sex", "by_age_group", "by_ethnicity", "by_role")
BENEFICIARY_BREAKDOWNS = ("by_sex", "by_age_group", "by_ethnicity")
PEOPLE_GROUPS = tuple(
    sorted(
        {
            f"{b}.{code}"
            for b, codes in (
                ("by_sex", ("mujer", "hombre", "intersexual", "no_responde")),
                ("by_ethnicity", ("afrocolombiano", "indigena", "rrom", "raizal", "palenquero")),
            )
            for code in codes
        }
    )
)


def _people(service: str, path: tuple[str, ...]) -> Callable[[Documents, str | None], Amount]:
    """People counted by a service: ``total`` or one group (``by_sex.mujer``).

    Municipal cells of 1 to k-1 people come back withheld (null) to callers without
    attendees:pii; the service's own headline figure is shown whatever it is.
    """

    def read(documents: Documents, parameter: str | None) -> Amount:
        keys = (*path, *(parameter.split(".") if parameter else ("total",)))
        document = documents[service]
        cells = {m: dig(s, *keys) for m, s in _municipalities(document).items()}
        headline = dig(document, *keys) if service == "events" else dig(document, "totals", *keys)
        return Amount(
            {m: float(v) for m, v in cells.items() if v is not None},
            headline=float(headline) if isinstance(headline, int | float) else None,
        )

    return read


EVENT_TYPES = tuple(t.value for t in EventType)

MEASURES: dict[str, Measure] = {
    m.code: m
    for m in (
        Measure(
            "prevention_strategies_implemented",
            ("security_plans",),
            "prevention strategies with status implemented or evaluated",
            _counted(
                "security_plans",
                lambda s, _: sum(
                    dig(s, "prevention_strategies_by_status", k, default=0)
                    for k in ("implemented", "evaluated")
                ),
            ),
            dated_by="the strategy's start date (else its creation day)",
        ),
        Measure(
            "communities_in_protection_workshops",
            ("events",),
            "distinct communities (municipality + normalised community name) with a held "
            "taller_psicosocial or taller_autoproteccion",
            _counted("events", lambda s, _: dig(s, "communities_in_protection_workshops")),
            dated_by="the event's start (Colombian day)",
        ),
        Measure(
            "organizations_supported_communications_or_relations",
            ("organizations",),
            "distinct organizations with a support activity of kind communications or "
            "relationship_with_authorities",
            _counted(
                "organizations",
                lambda s, _: dig(s, "support", "organizations_communications_or_relations"),
            ),
            dated_by="the day the support was delivered",
        ),
        Measure(
            "organizations_supported",
            ("organizations",),
            "distinct organizations with any support activity",
            _counted("organizations", lambda s, _: dig(s, "support", "organizations_supported")),
            dated_by="the day the support was delivered",
        ),
        Measure(
            "municipalities_supported_in_piscc",
            ("security_plans", "events"),
            "distinct municipalities with a plan review (security_plans) or a held "
            "capacitacion_piscc (events)",
            _municipalities_supported_in_piscc,
            dated_by="the review's date; the training's start (Colombian day)",
        ),
        Measure(
            "plans_reviewed",
            ("security_plans",),
            "security plans (PISCC) with a technical review",
            _counted("security_plans", lambda s, _: dig(s, "reviewed_plans")),
            dated_by="the review's date",
        ),
        Measure(
            "communities_by_event_type",
            ("events",),
            "distinct communities with a held event of the given type",
            _counted("events", lambda s, t: dig(s, "communities_by_type", t or "")),
            parameter="event_type",
            choices=EVENT_TYPES,
            dated_by="the event's start (Colombian day)",
        ),
        Measure(
            "held_events",
            ("events",),
            "held events of the given type",
            _counted("events", lambda s, t: dig(s, "held_by_type", t or "")),
            parameter="event_type",
            choices=EVENT_TYPES,
            dated_by="the event's start (Colombian day)",
        ),
        Measure(
            "ibp_initiatives_implementing_or_completed",
            ("organizations",),
            "community initiatives with methodology ibp in implementation or completed",
            _counted(
                "organizations",
                lambda s, _: sum(
                    dig(s, "initiatives", "by_methodology_and_status", "ibp", k, default=0)
                    for k in ("in_implementation", "completed")
                ),
            ),
            dated_by="the initiative's start date",
        ),
        Measure(
            "strengthening_plans_approved_or_later",
            ("organizations",),
            "strengthening plans approved, in progress or completed",
            _counted(
                "organizations", lambda s, _: dig(s, "strengthening_plans", "approved_or_later")
            ),
            dated_by="the plan's start date",
        ),
        Measure(
            "opi_improved_percent",
            ("organizations",),
            "organizations whose latest verified follow-up OPI is above the baseline, over "
            "organizations assessed twice",
            _opi_improved,
            unit="percent",
            dated_by="the follow-up assessment's date",
        ),
        Measure(
            "participants",
            ("events",),
            "participants of held events (a group such as by_sex.mujer, or all)",
            _people("events", ("participants",)),
            parameter="group",
            choices=PEOPLE_GROUPS,
            people=True,
            breakdowns=PARTICIPANT_BREAKDOWNS,
            dated_by="the event's start (Colombian day)",
        ),
        Measure(
            "initiative_beneficiaries",
            ("organizations",),
            "beneficiaries of community initiatives that are not cancelled (a group such as "
            "by_sex.mujer, or all)",
            _people("organizations", ("initiatives", "beneficiaries")),
            parameter="group",
            choices=PEOPLE_GROUPS,
            people=True,
            breakdowns=BENEFICIARY_BREAKDOWNS,
            dated_by="the initiative's start date",
        ),
    )
}
