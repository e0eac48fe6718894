"""US fiscal years and quarters on Colombian days (America/Bogota)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.common.errors import InvalidInput
from services.reporting.fiscal import (
    Quarter,
    fiscal_year_bounds,
    fiscal_year_of,
    parse_period,
    quarter_of,
    quarters_ended,
)


def test_fiscal_year_2025_runs_from_october_2024_to_september_2025():
    assert fiscal_year_bounds(2025) == (date(2024, 10, 1), date(2025, 9, 30))
    assert [(q.start, q.end) for q in (Quarter(2025, n) for n in range(1, 5))] == [
        (date(2024, 10, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 9, 30)),
    ]


def test_30_september_and_1_october_fall_in_different_years():
    assert fiscal_year_of(date(2024, 9, 30)) == 2024
    assert fiscal_year_of(date(2024, 10, 1)) == 2025
    assert quarter_of(date(2024, 9, 30)) == Quarter(2024, 4)
    assert quarter_of(date(2024, 10, 1)) == Quarter(2025, 1)
    assert quarter_of(date(2025, 1, 1)) == Quarter(2025, 2)
    assert quarter_of(date(2025, 6, 30)) == Quarter(2025, 3)
    assert quarter_of(date(2025, 7, 1)) == Quarter(2025, 4)


def test_an_instant_is_placed_by_its_bogota_day():
    # 23:30 on 30 September in Bogotá is already 04:30 on 1 October in UTC.
    late_evening = datetime(2024, 10, 1, 4, 30, tzinfo=UTC)
    assert quarter_of(late_evening) == Quarter(2024, 4)
    # 00:30 on 1 October in Bogotá (05:30 UTC) is FY2025.
    assert quarter_of(datetime(2024, 10, 1, 5, 30, tzinfo=UTC)) == Quarter(2025, 1)
    with pytest.raises(ValueError):
        quarter_of(datetime(2024, 10, 1, 4, 30))


def test_a_quarter_ends_after_its_last_bogota_day():
    q4 = Quarter(2024, 4)
    assert not q4.has_ended(date(2024, 9, 30))
    assert q4.has_ended(date(2024, 10, 1))
    assert quarters_ended(2025, date(2025, 1, 1)) == 1
    assert quarters_ended(2025, date(2024, 12, 31)) == 0
    assert quarters_ended(2025, date(2026, 1, 1)) == 4


def test_periods_are_written_like_2025_q1():
    assert parse_period("2025-Q3") == Quarter(2025, 3)
    assert Quarter(2025, 3).label == "2025-Q3"
    for bad in ("2025-Q5", "2025Q1", "FY2025-Q1", "1999-Q1"):
        with pytest.raises(InvalidInput) as caught:
            parse_period(bad, field="period")
        assert caught.value.errors[0].field == "period"
