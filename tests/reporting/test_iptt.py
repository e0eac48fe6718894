"""The IPTT against hand counts from events held around fiscal-year boundaries."""

from __future__ import annotations

import csv
import io

import httpx
import openpyxl

from services.common.testing import TokenFactory, asgi_client, bearer, running_app
from services.reporting.app import create_app
from tests.reporting.conftest import Programme, reporting_settings
from tests.reporting.seeded import seed_boundaries


async def set_targets(client: httpx.AsyncClient) -> None:
    for code, value in (("R9", 4), ("R7", 1)):
        r = await client.put(
            f"/api/v1/indicators/{code}/targets/2025",
            json={"value": value, "rationale": "Plan operativo FY2025"},
        )
        assert r.status_code == 201, r.text


def rows_of(body: dict) -> dict[str, dict]:
    return {row["code"]: row for row in body["rows"]}


async def test_iptt_figures_equal_hand_counts(programme: Programme, make_token: TokenFactory):
    await seed_boundaries(programme.events)
    await set_targets(programme.reporting)
    response = await programme.reporting.get("/api/v1/iptt", params={"fiscal_year": 2025})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["fiscal_year"] == 2025
    assert body["period"] == {"start": "2024-10-01", "end": "2025-09-30"}
    assert body["partial"] is False and body["unavailable"] == []
    assert body["quarters_ended"] == 4
    rows = rows_of(body)
    assert [r["code"] for r in body["rows"]] == [f"R{n}" for n in range(1, 11)]
    r9 = rows["R9"]
    assert set(r9) >= {
        "code",
        "name",
        "unit",
        "baseline",
        "lop_target",
        "fy_target",
        "q1",
        "q2",
        "q3",
        "q4",
        "fy_actual",
        "pct_of_fy_target",
        "cumulative_actual",
        "pct_of_lop_target",
        "deviation",
        "quarters",
    }
    assert (r9["q1"], r9["q2"], r9["q3"], r9["q4"]) == (1, 1, 0, 1)
    assert r9["fy_actual"] == 3 and r9["fy_target"] == 4 and r9["pct_of_fy_target"] == 75.0
    assert r9["cumulative_actual"] == 4  # the FY2024 Q4 session counts for the life of project
    assert r9["lop_target"] == 8 and r9["pct_of_lop_target"] == 50.0
    assert r9["baseline"] == 0
    assert r9["deviation"] == "under"  # 3 < 90 % of 4
    assert r9["quarters"]["q1"] == {
        "status": "open",
        "start": "2024-10-01",
        "end": "2024-12-31",
        "ended": True,
        "submitted_at": None,
        "submitted_by": None,
        "narrative": None,
        "live_value": None,
        "changed_since_submission": False,
    }
    r7 = rows["R7"]
    assert (r7["q3"], r7["fy_actual"], r7["deviation"]) == (1, 1, "on_track")
    r5 = rows["R5"]
    assert (r5["q1"], r5["q2"], r5["fy_actual"]) == (1, 1, 1)  # distinct communities
    assert r5["deviation"] is None  # no FY target
    assert rows["R1"]["fy_actual"] == 0 and rows["R8"]["q2"] == 0
    assert rows["R10"]["fy_actual"] is None  # nobody assessed twice: no ratio
    timing = response.headers["server-timing"]
    assert "events;dur=" in timing and "organizations;dur=" in timing and "view;dur=" in timing

    # FY2024 Q4 and FY2026 Q1 hold the sessions either side of the years.
    fy2024 = rows_of((await programme.reporting.get("/api/v1/iptt?fiscal_year=2024")).json())
    assert (fy2024["R9"]["q4"], fy2024["R9"]["fy_actual"]) == (1, 1)
    fy2026 = rows_of((await programme.reporting.get("/api/v1/iptt?fiscal_year=2026")).json())
    assert (fy2026["R9"]["q1"], fy2026["R9"]["fy_actual"]) == (1, 1)

    # Territory: Nariño has two of the year's sessions; a department target applies there.
    r = await programme.reporting.put(
        "/api/v1/indicators/R9/targets/2025?department_code=52",
        json={"value": 2, "rationale": "Tumaco"},
    )
    assert r.status_code == 201
    narino = rows_of(
        (await programme.reporting.get("/api/v1/iptt?fiscal_year=2025&department_code=52")).json()
    )["R9"]
    assert (narino["q1"], narino["q2"], narino["q4"], narino["fy_actual"]) == (1, 0, 1, 2)
    assert (narino["fy_target"], narino["deviation"]) == (2, "on_track")
    quilichao = rows_of(
        (
            await programme.reporting.get(
                "/api/v1/iptt", params={"fiscal_year": 2025, "municipality_code": "19698"}
            )
        ).json()
    )["R9"]
    assert (quilichao["q2"], quilichao["fy_actual"], quilichao["fy_target"]) == (1, 1, None)
    # A caller limited to Cauca sees Cauca's figures only.
    async with programme.client(make_token(sub="cauca", departments=["19"])) as cauca:
        limited = rows_of((await cauca.get("/api/v1/iptt?fiscal_year=2025")).json())["R9"]
    assert (limited["q1"], limited["q2"], limited["fy_actual"]) == (0, 1, 1)


async def test_iptt_workbook_and_csv(programme: Programme):
    await seed_boundaries(programme.events)
    await set_targets(programme.reporting)
    response = await programme.reporting.get(
        "/api/v1/iptt", params={"fiscal_year": 2025, "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="somos-iptt-fy2025.xlsx"' in response.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["IPTT", "Disaggregations", "PIRS"]
    sheet = book["IPTT"]
    assert sheet.freeze_panes == "C2"
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Code", "Indicator", "Unit", "Baseline", "LOP target", "FY2025 target"]
    assert header[6] == "Q1 (Oct-Dec)" and header[10] == "FY2025 actual"
    r9 = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "R9")
    assert [c.value for c in r9[3:11]] == [0, 8, 4, 1, 1, 0, 1, 3]
    assert r9[11].value == 0.75 and r9[11].number_format == "0.0%"
    assert r9[12].value == 4 and r9[13].value == 0.5
    assert r9[10].number_format == "#,##0.##"
    assert r9[14].value == "under"
    assert r9[14].fill.fgColor.rgb.endswith("F8CBAD")  # highlighted
    r7 = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "R7")
    assert r7[14].value == "on_track" and r7[14].fill.fgColor.rgb in (None, "00000000")
    r10 = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "R10")
    assert r10[10].value is None  # no ratio without organizations assessed twice
    dis = [[c.value for c in row] for row in book["Disaggregations"].iter_rows(min_row=2)]
    assert ["R9", "department", "Cauca (19)", 1] in dis
    assert ["R9", "department", "Nariño (52)", 2] in dis
    pirs = {row[0].value: [c.value for c in row] for row in book["PIRS"].iter_rows(min_row=2)}
    assert pirs["R9"][2] == "Hablemos de Policía sessions"
    assert "hablemos_de_policia" in pirs["R9"][6] and pirs["R9"][12] == 8

    csv_response = await programme.reporting.get(
        "/api/v1/iptt", params={"fiscal_year": 2025, "format": "csv"}
    )
    assert csv_response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Code"
    r9_csv = next(r for r in rows if r[0] == "R9")
    assert r9_csv[1] == "Hablemos de Policía sessions"
    assert r9_csv[3:15] == ["0", "8", "4", "1", "1", "0", "1", "3", "75", "4", "50", "under"]


async def test_iptt_is_partial_when_a_service_is_down(
    reporting_db: str, organizations_server, security_plans_server, make_token: TokenFactory
):
    settings = reporting_settings(
        reporting_db,
        organizations_url=organizations_server.url,
        security_plans_url=security_plans_server.url,
    )  # events: nothing listens there
    app = create_app(settings)
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        response = await client.get("/api/v1/iptt", params={"fiscal_year": 2025})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is True and body["unavailable"] == ["events"]
    assert "events" in body["problems"]
    rows = rows_of(body)
    for code in ("R2", "R4", "R5", "R7", "R9"):
        assert rows[code]["q1"] is None and rows[code]["fy_actual"] is None, code
    assert rows["R1"]["fy_actual"] == 0 and rows["R8"]["fy_actual"] == 0
    assert "events;dur=" in response.headers["server-timing"]
    assert 'desc="unavailable"' in response.headers["server-timing"]
