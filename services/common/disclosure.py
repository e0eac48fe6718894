"""Disclosure control: counts of people below the minimum cell size are withheld.

Every figure computed from people (participation summaries, statistics, beneficiaries, trust
surveys) goes through here before it leaves a service, for every caller without
``attendees:pii``:

- **primary suppression**: a disaggregated count between 1 and k-1 becomes ``null``;
- **complementary suppression**: where a shown total (or another shown figure) is the sum of
  a group of cells and exactly one nonzero cell of the group is hidden, the next smallest
  nonzero cell is hidden too, so the first cannot be recomputed by subtraction; when no other
  nonzero cell exists, the group's own total is hidden if it is itself a cell of another
  group, otherwise every cell of the group (zeros included) is hidden;
- zeros are safe and stay shown; totals stay shown.

A response lists what it withheld in one field, ``suppressed``: the dotted path, from the
response's root, of every figure set to ``null`` (``"by_ethnicity.indigena"``,
``"by_municipality.05001.participants.by_sex.mujer"``). The rule is written once, as pure
functions on ``{path: count}`` maps, and each service describes which cells add up to what.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import Field

from services.common.auth import Principal, PrincipalDep

PII_SCOPE = "attendees:pii"
DEFAULT_MIN_CELL_SIZE = 5
# Cells that exist only to express a relation (the people *without* a flag): never output.
COMPLEMENT = "~not"


@dataclass(frozen=True)
class Relation:
    """Cells that add up to a total.

    ``total`` is the path of that total when it is itself a cell that may be hidden (a
    department's count of women is the sum of its municipalities' counts); ``None`` when the
    total is a headline figure that always stays shown.
    """

    cells: tuple[str, ...]
    total: str | None = None


@dataclass(frozen=True)
class Disclosure:
    """How much the caller may see: exact figures, or figures with small cells withheld."""

    min_cell_size: int = DEFAULT_MIN_CELL_SIZE
    exact: bool = False

    @classmethod
    def of(cls, principal: Principal, *, min_cell_size: int) -> Disclosure:
        """Exact figures for ``attendees:pii``; small cells withheld for everyone else."""
        return cls(min_cell_size=min_cell_size, exact=principal.has_scope(PII_SCOPE))


def disclosure_for(app: Any, principal: Principal) -> Disclosure:
    """The caller's disclosure level under the service's ``min_cell_size`` (routes and the lean
    list path alike)."""
    settings = app.state.settings
    platform = getattr(settings, "platform", settings)
    size = getattr(platform, "min_cell_size", DEFAULT_MIN_CELL_SIZE)
    return Disclosure.of(principal, min_cell_size=size)


def _disclosure(request: Request, principal: PrincipalDep) -> Disclosure:
    return disclosure_for(request.app, principal)


DisclosureDep = Annotated[Disclosure, Depends(_disclosure)]

SUPPRESSED_DESCRIPTION = (
    "Disclosure control: the dotted path, from this object's root, of every figure withheld "
    "(null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would "
    "let such a figure be recomputed by subtraction. Empty for tokens with attendees:pii."
)
Suppressed = Annotated[
    list[str],
    Field(description=SUPPRESSED_DESCRIPTION, examples=[["by_ethnicity.indigena"]]),
]


def is_small(value: int | None, k: int) -> bool:
    """A count that identifies too few people to be shown: 1 to k-1."""
    return value is not None and 0 < value < k


def suppress(values: Mapping[str, int], relations: Iterable[Relation], *, k: int) -> set[str]:
    """The paths to withhold: small cells, then complementary cells until no hidden cell can
    be recomputed from a shown total by subtraction (iterated to a fixed point, because
    hiding a cell for one relation can leave a single hidden cell in another)."""
    relations = list(relations)
    hidden = {path for path, value in values.items() if is_small(value, k)}
    changed = True
    while changed:
        changed = False
        for relation in relations:
            if relation.total is not None and relation.total in hidden:
                continue  # the sum is unknown: nothing to subtract from
            alone = [c for c in relation.cells if c in hidden and values.get(c, 0) > 0]
            if len(alone) != 1:
                continue
            shown = sorted(
                (values[c], c) for c in relation.cells if c not in hidden and values.get(c, 0) > 0
            )
            if shown:
                more = {shown[0][1]}
            elif relation.total is not None:
                more = {relation.total}
            else:
                more = set(relation.cells)  # zeros too: "all the rest are 0" would name it
            if not more <= hidden:
                hidden |= more
                changed = True
    return hidden


def breakdown_relations(
    prefix: str,
    breakdowns: Mapping[str, Iterable[str]],
    *,
    total: str | None = None,
    flags: Sequence[str] = (),
) -> list[Relation]:
    """The relations of one summary at ``prefix``: each breakdown adds up to the summary's
    total, and each flag (``lgbtiq``) and the people without it add up to the total too."""
    out = [
        Relation(tuple(f"{prefix}{name}.{code}" for code in codes), total)
        for name, codes in breakdowns.items()
    ]
    out += [Relation((f"{prefix}{flag}", f"{prefix}{flag}{COMPLEMENT}"), total) for flag in flags]
    return out


def summary_values(
    prefix: str,
    figures: Mapping[str, Any],
    breakdowns: Iterable[str],
    *,
    flags: Sequence[str] = (),
    total: str = "total",
) -> dict[str, int]:
    """``{path: count}`` of one summary's breakdown cells and flags (with their complement)."""
    values: dict[str, int] = {}
    for name in breakdowns:
        for code, count in (figures.get(name) or {}).items():
            # null: already withheld upstream; taken as a small nonzero cell, so it stays
            # hidden and counts as hidden in its relations
            values[f"{prefix}{name}.{code}"] = 1 if count is None else int(count)
    whole = int(figures.get(total) or 0)
    for flag in flags:
        count = figures.get(flag)
        if count is not None:
            values[f"{prefix}{flag}"] = int(count)
            values[f"{prefix}{flag}{COMPLEMENT}"] = whole - int(count)
    return values


def column_relations(whole: str, parts: Iterable[str], cells: Iterable[str]) -> list[Relation]:
    """Linked tables: each cell under ``whole`` (``participants.by_sex.mujer``) is the sum of
    the same cell under every part (``by_municipality.05001.participants.by_sex.mujer``)."""
    parts = list(parts)
    return [Relation(tuple(f"{p}{cell}" for p in parts), f"{whole}{cell}") for cell in cells]


def withhold(document: dict[str, Any], paths: Iterable[str]) -> list[str]:
    """Set each path of ``document`` to ``None``; the sorted paths that were set (complement
    cells, which are never output, are left out)."""
    done = []
    for path in paths:
        if COMPLEMENT in path:
            continue
        *parents, leaf = path.split(".")
        node: Any = document
        for key in parents:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and leaf in node:
            node[leaf] = None
            done.append(path)
    return sorted(done)


def protect_summary(
    figures: dict[str, Any],
    *,
    disclosure: Disclosure,
    breakdowns: Iterable[str],
    flags: Sequence[str] = (),
    total: str = "total",
) -> list[str]:
    """Withhold small cells of one summary in place (its total stays); the suppressed paths.

    ``figures`` holds ``total``, each breakdown as ``{code: count}``, and optional flags.
    """
    if disclosure.exact:
        return []
    breakdowns = list(breakdowns)
    values = summary_values("", figures, breakdowns, flags=flags, total=total)
    codes = {name: list((figures.get(name) or {}).keys()) for name in breakdowns}
    relations = breakdown_relations("", codes, flags=[f for f in flags if f in values])
    return withhold(figures, suppress(values, relations, k=disclosure.min_cell_size))


def protect_areas(
    document: dict[str, Any],
    *,
    disclosure: Disclosure,
    whole: str,
    parts: Mapping[str, str],
    breakdowns: Iterable[str],
    flags: Sequence[str] = (),
    total: str = "total",
) -> list[str]:
    """Withhold small cells of a summary shown in total and per area, in place.

    ``whole`` is the dotted path of the overall summary (``"participants"``); ``parts`` maps
    each area to the path of its summary (``{"05001": "by_municipality.05001.participants"}``).
    Every summary's total stays; each cell of the whole is the sum of that cell over the
    areas, so complementary suppression runs along both directions.
    """
    if disclosure.exact:
        return []
    breakdowns = list(breakdowns)
    summaries = {whole: _at(document, whole), **{p: _at(document, p) for p in parts.values()}}
    values: dict[str, int] = {}
    relations: list[Relation] = []
    for path, figures in summaries.items():
        if figures is None:
            continue
        prefix = path + "."
        local = summary_values(prefix, figures, breakdowns, flags=flags, total=total)
        values.update(local)
        codes = {name: list((figures.get(name) or {}).keys()) for name in breakdowns}
        present = [f for f in flags if f"{prefix}{f}" in local]
        relations += breakdown_relations(prefix, codes, flags=present)
    cells = {path[len(whole) + 1 :] for path in values if path.startswith(whole + ".")}
    relations += column_relations(whole + ".", (p + "." for p in parts.values()), sorted(cells))
    return withhold(document, suppress(values, relations, k=disclosure.min_cell_size))


def _at(document: Mapping[str, Any], path: str) -> dict[str, Any] | None:
    node: Any = document
    for key in path.split("."):
        node = node.get(key) if isinstance(node, Mapping) else None
    return node if isinstance(node, dict) else None


def protect_mean(
    mean: float | None, respondents: int | None, *, disclosure: Disclosure
) -> float | None:
    """A mean of fewer than k people's answers is withheld (it would be their answers)."""
    if disclosure.exact or not is_small(respondents, disclosure.min_cell_size):
        return mean
    return None


def protect_means(
    document: dict[str, Any],
    *,
    respondents: Mapping[str, int],
    whole: str,
    field: str,
    disclosure: Disclosure,
) -> list[str]:
    """Withhold, in place, means of people's answers that fewer than k people gave.

    ``respondents`` maps the path of each object holding a mean (``"trust"``,
    ``"by_municipality.05001.trust"``) to how many people answered; ``whole`` is the object
    whose mean covers all the others. The whole's mean and the counts of sessions shown
    beside it would give a lone hidden area's answers away by subtraction, so the
    complementary rule applies to the areas as cells of the whole.
    """
    if disclosure.exact:
        return []
    parts = tuple(path for path in respondents if path != whole)
    relation = Relation(parts, total=whole)
    hidden = suppress(respondents, [relation], k=disclosure.min_cell_size)
    return withhold(document, (f"{path}.{field}" for path in hidden))
