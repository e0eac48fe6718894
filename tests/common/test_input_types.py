"""Request values have the JSON type the contract declares; text patterns say what is refused."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import Field, ValidationError

from services.common.errors import install_problem_handlers
from services.common.schemas import (
    DATE_MESSAGE,
    InputModel,
    IsoDate,
    trimmed_text_pattern,
)
from services.organizations.support.schemas import SupportActivityUpdate


class Visit(InputModel):
    on: date
    at: datetime | None = None
    people: int | None = None
    share: float | None = None
    note: str = Field(default="", min_length=2, max_length=20)


def _app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/visits")
    async def create(visit: Visit) -> dict[str, Any]:
        return visit.model_dump(mode="json")

    @app.get("/visits")
    async def search(
        to: Annotated[IsoDate | None, Query()] = None,
    ) -> dict[str, Any]:
        return {"to": to.isoformat() if to else None}

    return app


async def _send(method: str, path: str, **kwargs: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.request(method, path, **kwargs)


@pytest.mark.parametrize("value", [0, "0", 20250314, "2025-03-14T00:00:00", "14/03/2025", True])
async def test_a_body_date_is_only_yyyy_mm_dd_text(value):
    r = await _send("POST", "/visits", json={"on": value})
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "on", "message": DATE_MESSAGE}]


@pytest.mark.parametrize("value", ["0", "1700000000", "2025-03-14T00:00:00Z", "2025-3-4"])
async def test_a_query_date_is_only_yyyy_mm_dd(value):
    r = await _send("GET", "/visits", params={"to": value})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["to"]


async def test_valid_dates_and_types_are_accepted_as_before():
    body = {"on": "2024-02-29", "at": "2025-03-14T09:00:00-05:00", "people": 3, "share": 2}
    created = await _send("POST", "/visits", json={**body, "note": "  ok  "})
    found = await _send("GET", "/visits", params={"to": "2024-02-29"})
    assert created.status_code == 200, created.text
    assert created.json() == {**body, "share": 2.0, "note": "ok"}
    assert found.json() == {"to": "2024-02-29"}
    impossible = await _send("GET", "/visits", params={"to": "2025-02-29"})
    assert impossible.status_code == 422


@pytest.mark.parametrize(
    ("field", "value"),
    [("at", 0), ("at", 1700000000.5), ("people", "3"), ("people", True), ("share", False)],
)
async def test_timestamps_are_text_and_numbers_are_numbers(field, value):
    r = await _send("POST", "/visits", json={"on": "2025-03-14", field: value})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == [field]


def test_the_schema_of_text_states_trimming_and_nul():
    schema = Visit.model_json_schema()["properties"]["note"]
    pattern = re.compile(schema["pattern"])
    for text in ("ab", " ab ", "\u3000ab\x85", "a b"):
        assert pattern.search(text), text
        Visit(on=date(2025, 3, 14), note=text)
    for text in (" a ", "\xa0a", "a\x00b", "  "):
        assert not pattern.search(text), text
        with pytest.raises(ValidationError):
            Visit(on=date(2025, 3, 14), note=text)
    assert trimmed_text_pattern(0) == "^[^\\x00]*$"


async def test_text_longer_than_max_length_as_sent_is_refused_even_if_trimmed_it_fits():
    fits = await _send("POST", "/visits", json={"on": "2025-03-14", "note": " " + "a" * 19})
    sent_too_long = await _send(
        "POST", "/visits", json={"on": "2025-03-14", "note": " " + "a" * 20}
    )
    assert (fits.status_code, fits.json()["note"]) == (200, "a" * 19)
    assert sent_too_long.status_code == 422
    assert sent_too_long.json()["errors"] == [
        {"field": "note", "message": "String should have at most 20 characters"}
    ]


def test_hours_are_a_json_number_kept_to_the_hundredth():
    assert SupportActivityUpdate(hours=2.255).hours == Decimal("2.26")
    assert SupportActivityUpdate(hours=0.07000000000000001).hours == Decimal("0.07")
    for refused in ("2.5", 0, 0.004, 1000.01, True):
        with pytest.raises(ValidationError):
            SupportActivityUpdate(hours=refused)
    schema = SupportActivityUpdate.model_json_schema()["properties"]["hours"]
    assert (schema["type"], schema["minimum"], schema["maximum"]) == ("number", 0.01, 1000)
