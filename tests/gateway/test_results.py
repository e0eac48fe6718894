"""The results framework: each indicator against hand-counted fixtures, targets, CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from services.common.testing import TokenFactory
from services.reporting.framework import (
    DEFAULT_TARGETS_FILE,
    TargetsFileError,
    read_targets_file,
)
from tests.gateway.conftest import (
    System,
    assert_timed,
    dead_url,
    gateway_client,
)
from tests.gateway.programme import EXPECTED, build_programme


async def test_each_indicator_matches_hand_counts(system: System, make_token: TokenFactory) -> None:
    await build_programme(system.client)
    response = await system.client.get("/api/v1/results")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is False, body["problems"]
    assert_timed(response, {"organizations", "security_plans", "events"}, set())
    indicators = {i["code"]: i for i in body["indicators"]}
    assert list(indicators) == [f"R{n}" for n in range(1, 11)]
    for code, (actual, by_department) in EXPECTED.items():
        assert indicators[code]["actual"] == actual, code
        assert indicators[code]["by_department"] == {
            k: float(v) for k, v in by_department.items()
        }, code
    assert indicators["R1"]["target"] == 10 and indicators["R1"]["percent_of_target"] == 20.0
    assert indicators["R8"]["target"] == 17 and indicators["R8"]["percent_of_target"] == 17.6
    assert indicators["R7"]["target"] is None and indicators["R7"]["percent_of_target"] is None
    assert (indicators["R10"]["numerator"], indicators["R10"]["denominator"]) == (2, 3)
    assert indicators["R2"]["name"]["es"].startswith("Comunidades afectadas")
    assert "taller_psicosocial" in indicators["R2"]["computed_from"]

    # Territory filter: only Cauca's figures.
    cauca = await system.client.get("/api/v1/results", params={"department_code": "19"})
    got = {i["code"]: i["actual"] for i in cauca.json()["indicators"]}
    assert got == {
        "R1": 1,
        "R2": 1,
        "R3": 1,
        "R4": 2,
        "R5": 0,
        "R6": 1,
        "R7": 1,
        "R8": 1,
        "R9": 1,
        "R10": None,  # nobody in Cauca was assessed twice
    }
    assert cauca.json()["filters"]["department_code"] == "19"
    # Territory claims apply: a Nariño-only caller sees Nariño only.
    async with gateway_client(system.settings(), make_token(departments=["52"])) as narino:
        claimed = (await narino.get("/api/v1/results")).json()
    assert {i["code"]: i["by_department"] for i in claimed["indicators"]}["R9"] == {"52": 2.0}
    # Dates: nothing happened in 2199.
    future = await system.client.get("/api/v1/results", params={"from": "2199-06-01"})
    assert {i["code"]: i["actual"] for i in future.json()["indicators"]}["R9"] == 0

    csv_response = await system.client.get("/api/v1/results", params={"format": "csv"})
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"].startswith("text/csv")
    assert csv_response.content.startswith(b"\xef\xbb\xbf")
    assert_timed(csv_response, {"organizations", "security_plans", "events"}, set())
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "code",
        "indicador",
        "indicator",
        "target",
        "actual",
        "percent_of_target",
    ]
    assert "Cauca (19)" in rows[0] and "Nariño (52)" in rows[0]
    r9 = next(r for r in rows if r[0] == "R9")
    assert r9[3:6] == ["8", "3", "37.5"]
    assert "Policía" in r9[1]


async def test_results_are_partial_when_a_service_is_down(
    system: System, make_token: TokenFactory
) -> None:
    # The reporting service reads the statistics: one whose events service is unreachable.
    with system.reporting_with(events_url=dead_url()) as reporting:
        settings = system.settings(reporting_url=reporting.url)
        async with gateway_client(settings, make_token()) as client:
            response = await client.get("/api/v1/results", params={"department_code": "19"})
    body = response.json()
    assert response.status_code == 200
    assert body["partial"] is True and body["unavailable"] == ["events"]
    assert_timed(response, {"organizations", "security_plans"}, {"events"})
    indicators = {i["code"]: i for i in body["indicators"]}
    for code in ("R2", "R4", "R5", "R7", "R9"):
        assert indicators[code]["actual"] is None, code
    assert indicators["R1"]["actual"] == 0 and indicators["R8"]["actual"] == 0


def test_targets_file(tmp_path: Path) -> None:
    defaults = read_targets_file(DEFAULT_TARGETS_FILE)
    assert {code: values.get(None) for code, values in defaults.items()} == {
        "R1": 10,
        "R2": 20,
        "R3": 6,
        "R4": 10,
        "R5": 10,
        "R6": 10,
        "R7": None,
        "R8": 17,
        "R9": 8,
        "R10": None,
    }
    custom = tmp_path / "targets.toml"
    custom.write_text("[R7]\ntarget = 4\n[R10]\ntarget = 60.0\n")
    assert read_targets_file(custom) == {"R7": {None: 4.0}, "R10": {None: 60.0}}
    for bad in ("[R1]\ntarget = -3\n", "[R1\n", "[R1]\n[R1.fiscal_years]\nFY = 2\n"):
        custom.write_text(bad)
        with pytest.raises(TargetsFileError):
            read_targets_file(custom)
    with pytest.raises(TargetsFileError, match="targets"):
        read_targets_file(tmp_path / "missing.toml")
