"""Targets in the database: fiscal-year and life-of-project, per department, with history."""

from __future__ import annotations

import httpx


async def test_fiscal_year_target_is_set_changed_and_kept_in_history(
    client: httpx.AsyncClient, client_for
):
    path = "/api/v1/indicators/R9/targets/2025"
    first = await client.put(path, json={"value": 3, "rationale": "Plan de trabajo FY2025"})
    assert first.status_code == 201, first.text
    assert first.headers["etag"] == '"1"'
    assert first.json() | {"updated_at": None} == {
        "indicator_code": "R9",
        "fiscal_year": 2025,
        "department_code": None,
        "value": 3.0,
        "rationale": "Plan de trabajo FY2025",
        "set_by": "oficial-mye",
        "updated_at": None,
        "version": 1,
    }
    # Changing it needs If-Match: no change is lost silently.
    missing = await client.put(path, json={"value": 4, "rationale": "Más sesiones"})
    assert missing.status_code == 428
    stale = await client.put(
        path, json={"value": 4, "rationale": "Más sesiones"}, headers={"If-Match": '"7"'}
    )
    assert stale.status_code == 412
    async with client_for("reporting:read", "reporting:write", sub="coordinadora") as other:
        changed = await other.put(
            path,
            json={"value": 4, "rationale": "La policía pidió más sesiones"},
            headers={"If-Match": '"1"'},
        )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert changed.json()["set_by"] == "coordinadora"

    # A department's own target, next to the programme's.
    narino = await client.put(
        path + "?department_code=52", json={"value": 2, "rationale": "Tumaco y Pasto"}
    )
    assert narino.status_code == 201 and narino.json()["department_code"] == "52"
    lop = await client.put(
        "/api/v1/indicators/R9/lop-target", json={"value": 12}, headers={"If-Match": '"1"'}
    )
    assert lop.status_code == 200 and lop.json()["fiscal_year"] is None

    history = (await client.get("/api/v1/indicators/R9/targets/history")).json()
    rows = [
        (
            h["fiscal_year"],
            h["department_code"],
            h["previous_value"],
            h["value"],
            h["rationale"],
            h["changed_by"],
        )
        for h in history["items"]
    ]
    assert rows == [
        (None, None, 8.0, 12.0, None, "oficial-mye"),
        (2025, "52", None, 2.0, "Tumaco y Pasto", "oficial-mye"),
        (2025, None, 3.0, 4.0, "La policía pidió más sesiones", "coordinadora"),
        (2025, None, None, 3.0, "Plan de trabajo FY2025", "oficial-mye"),
        (None, None, None, 8.0, "imported from results_targets.toml", "results-framework"),
    ]
    assert all(h["changed_at"].endswith("Z") for h in history["items"])
    targets = (await client.get("/api/v1/indicators/R9/targets")).json()["items"]
    assert [(t["fiscal_year"], t["department_code"], t["value"]) for t in targets] == [
        (None, None, 12.0),
        (2025, None, 4.0),
        (2025, "52", 2.0),
    ]
    indicator = (await client.get("/api/v1/indicators/R9")).json()
    assert indicator["lop_target"] == 12.0


async def test_targets_need_the_write_scope_and_a_covering_territory(client_for):
    path = "/api/v1/indicators/R1/targets/2025"
    body = {"value": 2, "rationale": "x"}
    async with client_for("reporting:read") as reader:
        assert (await reader.put(path, json=body)).status_code == 403
    async with client_for("reporting:read", "reporting:write", departments=["19"]) as cauca:
        assert (await cauca.put(path, json=body)).status_code == 403
        assert (await cauca.put(path + "?department_code=52", json=body)).status_code == 403
        own = await cauca.put(path + "?department_code=19", json=body)
        assert own.status_code == 201, own.text


async def test_bad_target_input_names_the_field(client: httpx.AsyncClient):
    path = "/api/v1/indicators/R1/targets/2025"
    negative = await client.put(path, json={"value": -1, "rationale": "x"})
    assert negative.status_code == 422
    assert negative.json()["errors"][0]["field"].endswith("value")
    no_reason = await client.put(path, json={"value": 1})
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"][0]["field"].endswith("rationale")
    year = await client.put(
        "/api/v1/indicators/R1/targets/1999", json={"value": 1, "rationale": "x"}
    )
    assert year.status_code == 422
    dept = await client.put(path + "?department_code=5", json={"value": 1, "rationale": "x"})
    assert dept.status_code == 422
    unknown = await client.put(
        "/api/v1/indicators/R77/targets/2025", json={"value": 1, "rationale": "x"}
    )
    assert unknown.status_code == 404


async def test_a_targets_file_is_imported_with_its_history(
    client: httpx.AsyncClient, reporting_db: str, tmp_path, monkeypatch
):
    import asyncio

    import pytest

    from somos.cli import main

    path = tmp_path / "metas-2025.toml"
    path.write_text(
        "[R9]\ntarget = 10\n[R9.fiscal_years]\n2025 = 3\n2026 = 4\n[R1]\ntarget = 10\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SOMOS_REPORTING_DATABASE_URL", reporting_db)
    assert await asyncio.to_thread(main, ["import-targets", str(path), "--by", "ana"]) == 0
    targets = (await client.get("/api/v1/indicators/R9/targets")).json()["items"]
    assert [(t["fiscal_year"], t["value"], t["set_by"]) for t in targets] == [
        (None, 10.0, "ana"),
        (2025, 3.0, "ana"),
        (2026, 4.0, "ana"),
    ]
    history = (await client.get("/api/v1/indicators/R9/targets/history")).json()["items"]
    assert {
        (h["fiscal_year"], h["previous_value"], h["value"], h["rationale"]) for h in history[:3]
    } == {
        (None, 8.0, 10.0, "imported from metas-2025.toml"),
        (2025, None, 3.0, "imported from metas-2025.toml"),
        (2026, None, 4.0, "imported from metas-2025.toml"),
    }
    # R1's target was already 10: nothing recorded for it.
    r1 = (await client.get("/api/v1/indicators/R1/targets/history")).json()["items"]
    assert len(r1) == 1

    path.write_text("[R99]\ntarget = 1\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="unknown indicator"):
        await asyncio.to_thread(main, ["import-targets", str(path)])
    path.write_text("[R9]\ntarget = -2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="positive number"):
        await asyncio.to_thread(main, ["import-targets", str(path)])
