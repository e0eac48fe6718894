"""The disclosure-control rule as pure functions: the suppression matrix."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from services.common.auth import Principal
from services.common.disclosure import (
    Disclosure,
    Relation,
    is_small,
    protect_areas,
    protect_mean,
    protect_summary,
    suppress,
)
from services.common.settings import PlatformSettings

PUBLIC = Disclosure(min_cell_size=5, exact=False)
EXACT = Disclosure(min_cell_size=5, exact=True)
BREAKDOWNS = ("by_sex", "by_ethnicity")


def summary(total: int, by_sex: dict[str, int], by_ethnicity: dict[str, int], **flags: int):
    return {"total": total, "by_sex": by_sex, "by_ethnicity": by_ethnicity, **flags}


def test_small_is_one_to_k_minus_one() -> None:
    assert [is_small(v, 5) for v in (None, 0, 1, 4, 5, 6)] == [
        False,
        False,
        True,
        True,
        False,
        False,
    ]


def test_k_minus_one_hidden_k_shown() -> None:
    figures = summary(9, {"mujer": 5, "hombre": 4, "otro": 0}, {"indigena": 9, "ninguno": 0})
    suppressed = protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS)
    # hombre (4 = k-1) is hidden; mujer (5 = k) would give it away by subtraction: hidden too
    assert figures["by_sex"] == {"mujer": None, "hombre": None, "otro": 0}
    assert figures["by_ethnicity"] == {"indigena": 9, "ninguno": 0}
    assert figures["total"] == 9
    assert suppressed == ["by_sex.hombre", "by_sex.mujer"]


def test_cells_of_k_or_more_are_all_shown() -> None:
    figures = summary(10, {"mujer": 5, "hombre": 5}, {"indigena": 10})
    assert protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS) == []
    assert figures["by_sex"] == {"mujer": 5, "hombre": 5}


def test_one_attendee_hides_every_breakdown_but_keeps_the_total() -> None:
    figures = summary(
        1,
        {"mujer": 1, "hombre": 0},
        {"indigena": 1, "afrocolombiano": 0, "ninguno": 0},
    )
    suppressed = protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS)
    # No other nonzero cell to hide with it: the whole breakdown goes, zeros included,
    # or "total 1, every other cell 0" would name the category.
    assert figures == {
        "total": 1,
        "by_sex": {"mujer": None, "hombre": None},
        "by_ethnicity": {"indigena": None, "afrocolombiano": None, "ninguno": None},
    }
    assert suppressed == [
        "by_ethnicity.afrocolombiano",
        "by_ethnicity.indigena",
        "by_ethnicity.ninguno",
        "by_sex.hombre",
        "by_sex.mujer",
    ]


def test_complementary_cell_is_the_next_smallest_nonzero() -> None:
    figures = summary(
        40,
        {"mujer": 20, "hombre": 12, "otro": 0, "no_reporta": 8},
        {"indigena": 2, "afrocolombiano": 6, "ninguno": 32},
    )
    protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS)
    assert figures["by_sex"] == {"mujer": 20, "hombre": 12, "otro": 0, "no_reporta": 8}
    # indigena 2 is hidden; afrocolombiano (6, the smallest other nonzero) hides with it
    assert figures["by_ethnicity"] == {"indigena": None, "afrocolombiano": None, "ninguno": 32}


def test_two_small_cells_protect_each_other() -> None:
    figures = summary(20, {"mujer": 17, "hombre": 2, "otro": 1}, {"ninguno": 20})
    suppressed = protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS)
    assert figures["by_sex"] == {"mujer": 17, "hombre": None, "otro": None}
    assert suppressed == ["by_sex.hombre", "by_sex.otro"]


def test_zeros_are_untouched() -> None:
    figures = summary(12, {"mujer": 6, "hombre": 6, "otro": 0}, {"ninguno": 12, "rrom": 0})
    assert protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS) == []
    assert figures["by_sex"]["otro"] == 0
    assert figures["by_ethnicity"]["rrom"] == 0


def test_pii_token_sees_everything() -> None:
    figures = summary(1, {"mujer": 1, "hombre": 0}, {"indigena": 1}, lgbtiq=1)
    before = copy.deepcopy(figures)
    assert protect_summary(figures, disclosure=EXACT, breakdowns=BREAKDOWNS, flags=["lgbtiq"]) == []
    assert figures == before


def test_disclosure_follows_the_pii_scope() -> None:
    reader = Principal(sub="a", scopes=frozenset({"events:read"}))
    pii = Principal(sub="b", scopes=frozenset({"events:read", "attendees:pii"}))
    assert Disclosure.of(reader, min_cell_size=3) == Disclosure(3, exact=False)
    assert Disclosure.of(pii, min_cell_size=3) == Disclosure(3, exact=True)


def test_min_cell_size_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert PlatformSettings().min_cell_size == 5
    monkeypatch.setenv("SOMOS_MIN_CELL_SIZE", "10")
    assert PlatformSettings().min_cell_size == 10


def test_threshold_is_the_configured_k() -> None:
    figures = summary(20, {"mujer": 12, "hombre": 8}, {"ninguno": 20})
    protect_summary(figures, disclosure=Disclosure(10), breakdowns=BREAKDOWNS)
    assert figures["by_sex"] == {"mujer": None, "hombre": None}


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, True), (2, False), (6, True), (8, False), (10, False), (12, True)],
)
def test_flags_hide_small_counts_and_small_complements(value: int, shown: bool) -> None:
    # total 12: a flag of 2 names 2 people; a flag of 8 or 10 leaves 4 or 2 people without
    # it (total minus flag); 0 and 12 (everyone) are safe
    figures = summary(12, {"mujer": 12}, {"ninguno": 12}, lgbtiq=value)
    suppressed = protect_summary(
        figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS, flags=["lgbtiq"]
    )
    assert figures["lgbtiq"] == (value if shown else None)
    assert suppressed == ([] if shown else ["lgbtiq"])


def test_absent_flag_stays_absent() -> None:
    figures = summary(3, {"mujer": 3}, {"ninguno": 3}, lgbtiq=None)
    protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS, flags=["lgbtiq"])
    assert figures["lgbtiq"] is None


def area(total: int, mujer: int, hombre: int) -> dict[str, Any]:
    return {"total": total, "by_sex": {"mujer": mujer, "hombre": hombre}}


def test_nested_breakdowns_protect_across_areas() -> None:
    # Two municipalities: A has 2 men (hidden) and B 10. Within A the women's 8 hides with
    # the men. The department's men (12) are shown, so B's 10 men would give A's 2 away
    # by subtraction: B's men hide too, and then B's women to protect B's men.
    document = {
        "participants": area(30, 18, 12),
        "by_municipality": {
            "A": {"participants": area(10, 8, 2)},
            "B": {"participants": area(20, 10, 10)},
        },
    }
    suppressed = protect_areas(
        document,
        disclosure=PUBLIC,
        whole="participants",
        parts={c: f"by_municipality.{c}.participants" for c in ("A", "B")},
        breakdowns=["by_sex"],
    )
    assert document["by_municipality"]["A"]["participants"]["by_sex"] == {
        "mujer": None,
        "hombre": None,
    }
    assert document["by_municipality"]["B"]["participants"]["by_sex"] == {
        "mujer": None,
        "hombre": None,
    }
    assert document["participants"] == area(30, 18, 12)
    assert suppressed == [
        "by_municipality.A.participants.by_sex.hombre",
        "by_municipality.A.participants.by_sex.mujer",
        "by_municipality.B.participants.by_sex.hombre",
        "by_municipality.B.participants.by_sex.mujer",
    ]
    assert all(
        document["by_municipality"][c]["participants"]["total"] == t
        for c, t in (("A", 10), ("B", 20))
    )


def test_no_hidden_cell_can_be_recomputed() -> None:
    """Every shown total minus its shown cells never equals a single hidden nonzero cell."""
    values = {"a": 1, "b": 7, "c": 9, "d": 0, "x": 3, "y": 40}
    relations = [Relation(("a", "b", "c", "d")), Relation(("x", "y"), total="a_total")]
    hidden = suppress(values, relations, k=5)
    assert hidden == {"a", "b", "x", "y"}
    for relation in relations:
        unknown = [c for c in relation.cells if c in hidden and values[c]]
        assert len(unknown) != 1


def test_a_hidden_total_ends_the_chain() -> None:
    # the column's total is hidden itself: its cells cannot be recovered by subtraction
    values = {"whole": 3, "p1": 3, "p2": 0}
    hidden = suppress(values, [Relation(("p1", "p2"), total="whole")], k=5)
    assert hidden == {"whole", "p1"}


def test_lone_hidden_cell_of_a_hideable_total_hides_that_total() -> None:
    values = {"whole": 9, "p1": 2, "p2": 0}  # inconsistent on purpose: forces the fallback
    hidden = suppress(values, [Relation(("p1", "p2"), total="whole")], k=5)
    assert hidden == {"p1", "whole"}


def test_mean_of_few_respondents_is_withheld() -> None:
    assert protect_mean(4.5, 1, disclosure=PUBLIC) is None
    assert protect_mean(4.5, 4, disclosure=PUBLIC) is None
    assert protect_mean(4.5, 5, disclosure=PUBLIC) == 4.5
    assert protect_mean(4.5, 1, disclosure=EXACT) == 4.5
    assert protect_mean(None, None, disclosure=PUBLIC) is None


def test_figures_already_withheld_upstream_stay_withheld() -> None:
    # the gateway re-applies the rule to figures a service already protected
    figures = summary(40, {"mujer": None, "hombre": None, "otro": 0}, {"ninguno": 40})
    suppressed = protect_summary(figures, disclosure=PUBLIC, breakdowns=BREAKDOWNS)
    assert figures["by_sex"] == {"mujer": None, "hombre": None, "otro": 0}
    assert suppressed == ["by_sex.hombre", "by_sex.mujer"]
    lone = summary(40, {"mujer": None, "hombre": 38, "otro": 0}, {"ninguno": 40})
    assert protect_summary(lone, disclosure=PUBLIC, breakdowns=BREAKDOWNS) == [
        "by_sex.hombre",
        "by_sex.mujer",
    ]
