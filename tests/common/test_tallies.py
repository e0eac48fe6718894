"""The kept statistics answers: served while the generation is unchanged, bounded."""

from __future__ import annotations

from services.common.tallies import Answers, TallyPart, tally_table_ddl


def test_an_answer_is_served_only_at_its_generation():
    answers = Answers(4)
    answers.put("country", 7, b"seven")
    assert answers.get("country", 7) == b"seven"
    assert answers.get("country", 8) is None  # a write since: built again
    assert answers.get("department", 7) is None


def test_the_least_recently_used_answer_goes_first():
    answers = Answers(2)
    answers.put("a", 1, b"a")
    answers.put("b", 1, b"b")
    assert answers.get("a", 1) == b"a"  # "b" is now the least recently used
    answers.put("c", 1, b"c")
    assert (answers.get("a", 1), answers.get("b", 1), answers.get("c", 1)) == (b"a", None, b"c")


def test_size_zero_keeps_nothing():
    answers = Answers(0)
    answers.put("country", 1, b"x")
    assert answers.get("country", 1) is None


def test_a_tally_table_is_typed_by_its_recount_over_no_municipality():
    part = TallyPart(
        "tally_x",
        "SELECT o.municipality_code, count(*) AS n FROM o "
        "WHERE o.municipality_code = ANY({codes}) GROUP BY 1",
    )
    ddl = tally_table_ddl(part)
    assert ddl[0] == (
        "CREATE TABLE tally_x AS SELECT o.municipality_code, count(*) AS n FROM o "
        "WHERE o.municipality_code = ANY(ARRAY[]::text[]) GROUP BY 1 WITH NO DATA"
    )
    assert any("GENERATED ALWAYS AS (left(municipality_code, 2))" in s for s in ddl)
