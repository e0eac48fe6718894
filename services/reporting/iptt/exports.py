"""The IPTT as an Excel workbook (sheets IPTT, Disaggregations, PIRS) and as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.territory import DEPARTMENTS
from services.reporting.indicators import service as indicators
from services.reporting.indicators.schemas import IndicatorRead
from services.reporting.iptt.schemas import Iptt, IpttRow

QUARTER_MONTHS = {"q1": "Oct-Dec", "q2": "Jan-Mar", "q3": "Apr-Jun", "q4": "Jul-Sep"}


async def reference_sheets(session: AsyncSession) -> list[IndicatorRead]:
    return await indicators.list_indicators(session)


def headers(iptt: Iptt) -> list[str]:
    year = iptt.fiscal_year
    return [
        "Code",
        "Indicator",
        "Unit",
        "Baseline",
        "LOP target",
        f"FY{year} target",
        *(f"Q{n} ({QUARTER_MONTHS[f'q{n}']})" for n in range(1, 5)),
        f"FY{year} actual",
        "% of FY target",
        "Cumulative actual",
        "% of LOP target",
        "Deviation",
        *(f"Q{n} status" for n in range(1, 5)),
        "Narratives",
    ]


def _status(row: IpttRow, key: str) -> str:
    cell = row.quarters[key]
    if cell.status != "submitted":
        return "open"
    if cell.changed_since_submission:
        return (
            f"submitted (live: {cell.live_value:g})"
            if cell.live_value is not None
            else ("submitted (changed since)")
        )
    return "submitted"


def _narratives(row: IpttRow) -> str:
    return " | ".join(
        f"Q{n}: {row.quarters[f'q{n}'].narrative}"
        for n in range(1, 5)
        if row.quarters[f"q{n}"].narrative
    )


def _values(row: IpttRow) -> list[Any]:
    """The row's cells; percentages as fractions (Excel shows them with %)."""

    def fraction(value: float | None) -> float | None:
        return None if value is None else value / 100

    return [
        row.code,
        row.name.en,
        row.unit,
        row.baseline,
        row.lop_target,
        row.fy_target,
        row.q1,
        row.q2,
        row.q3,
        row.q4,
        row.fy_actual,
        fraction(row.pct_of_fy_target),
        row.cumulative_actual,
        fraction(row.pct_of_lop_target),
        row.deviation or "",
        *(_status(row, f"q{n}") for n in range(1, 5)),
        _narratives(row),
    ]


FIGURE_COLUMNS = range(3, 14)  # baseline … % of LOP target
PERCENT_COLUMNS = (11, 13)
DEVIATION_COLUMN = 14


def workbook(iptt: Iptt, pirs: Sequence[IndicatorRead]) -> bytes:
    """The IPTT workbook: a frozen header, number and percent formats, deviations
    highlighted (under: red, over: amber); its Disaggregations and PIRS sheets."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    count = book.add_format({"num_format": "#,##0.##"})
    share = book.add_format({"num_format": "0.0%"})
    flagged = {
        "under": book.add_format({"bg_color": "#F8CBAD", "font_color": "#9C0006", "bold": True}),
        "over": book.add_format({"bg_color": "#FFE699", "font_color": "#7F6000", "bold": True}),
    }
    sheet = book.add_worksheet("IPTT")
    sheet.write_row(0, 0, headers(iptt), bold)
    sheet.freeze_panes(1, 2)
    for r, row in enumerate(iptt.rows, start=1):
        for c, value in enumerate(_values(row)):
            if value is None:
                sheet.write_blank(r, c, None)
            elif c in PERCENT_COLUMNS:
                sheet.write_number(r, c, value, share)
            elif c in FIGURE_COLUMNS and isinstance(value, int | float):
                sheet.write_number(r, c, value, count)
            elif c == DEVIATION_COLUMN and value in flagged:
                sheet.write_string(r, c, value, flagged[value])
            else:
                sheet.write(r, c, value)
    notes = len(iptt.rows) + 2
    sheet.write(
        notes,
        0,
        f"FY{iptt.fiscal_year}: {iptt.period.start} to {iptt.period.end} "
        "(US fiscal year, Colombian days)",
    )
    if iptt.partial:
        sheet.write(notes + 1, 0, "PARTIAL: unavailable: " + ", ".join(iptt.unavailable))
    if iptt.suppressed:
        sheet.write(
            notes + 2,
            0,
            "Some people-level figures are withheld (fewer than the minimum cell size).",
        )
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, len(headers(iptt)) - 1, 14)

    dis = book.add_worksheet("Disaggregations")
    dis.write_row(0, 0, ["Code", "Dimension", "Category", f"FY{iptt.fiscal_year} actual"], bold)
    dis.freeze_panes(1, 0)
    for r, cell in enumerate(iptt.disaggregations, start=1):
        label = cell.category
        if cell.dimension == "department":
            label = f"{DEPARTMENTS.get(cell.category, cell.category)} ({cell.category})"
        dis.write_row(r, 0, [cell.code, cell.dimension, label])
        if cell.value is None:
            dis.write_string(r, 3, "withheld")
        else:
            dis.write_number(r, 3, cell.value, count)
    dis.set_column(0, 3, 22)

    sheet_pirs = book.add_worksheet("PIRS")
    columns = [
        "Code",
        "Name (es)",
        "Name (en)",
        "Definition",
        "Unit",
        "Direction",
        "Calculation",
        "Disaggregations",
        "Frequency",
        "Data source",
        "Limitations",
        "Baseline",
        "LOP target",
    ]
    sheet_pirs.write_row(0, 0, columns, bold)
    sheet_pirs.freeze_panes(1, 1)
    for r, i in enumerate(pirs, start=1):
        sheet_pirs.write_row(
            r,
            0,
            [
                i.code,
                i.name.es,
                i.name.en,
                i.definition,
                i.unit,
                i.direction,
                i.calculation,
                ", ".join(i.disaggregations),
                i.frequency,
                i.data_source,
                i.limitations,
            ],
        )
        for c, value in ((11, i.baseline), (12, i.lop_target)):
            if value is not None:
                sheet_pirs.write_number(r, c, value, count)
    sheet_pirs.set_column(0, 12, 24)
    book.close()
    return buffer.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    return str(value)


def to_csv(iptt: Iptt) -> bytes:
    """The IPTT sheet as CSV that Excel opens with accents intact (UTF-8 with BOM);
    percentages as numbers (37.5, not 0.375)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(iptt))
    for row in iptt.rows:
        values = _values(row)
        values[11], values[13] = row.pct_of_fy_target, row.pct_of_lop_target
        writer.writerow([_text(v) for v in values])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
