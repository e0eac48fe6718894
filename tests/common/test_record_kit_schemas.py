"""The record kit's schema pieces: Page[T], PatchModel, SearchText, colombia_today, municipality.

No ``from __future__ import annotations`` here: the small apps' routes take their types from
the enclosing function, which FastAPI can only see in evaluated annotations.
"""

import json
import typing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import BaseModel, field_validator, model_validator

from services.common.colombia import colombia_today, colombian_day_start
from services.common.errors import InvalidInput, install_problem_handlers
from services.common.pagination import Page
from services.common.schemas import NO_NUL_PATTERN, InputModel, OutputModel, PatchModel
from services.common.territory import Municipality, Territories, check_municipality
from services.common.text import SearchText
from services.organizations.registry.schemas import OrganizationPage, OrganizationRead

CONTRACT = Path(__file__).resolve().parents[2] / "gateway" / "openapi.json"


def _schema_modules() -> list[Any]:
    """Every ``schemas`` module of the three services, flat or per resource."""
    import importlib
    import pkgutil

    modules = []
    for service in ("organizations", "security_plans", "events"):
        package = importlib.import_module(f"services.{service}")
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.rsplit(".", 1)[-1] == "schemas":
                modules.append(importlib.import_module(info.name))
    return modules


SCHEMA_MODULES = _schema_modules()


def _client(app: FastAPI) -> httpx.AsyncClient:
    install_problem_handlers(app)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://t")


def _list_app(page_model: type[BaseModel]) -> FastAPI:
    app = FastAPI()

    @app.get("/items", response_model=page_model)
    async def items() -> Any:
        return page_model(items=[], next_cursor=None)

    return app


# --- Page[T] ---------------------------------------------------------------------------


def _page_classes() -> list[tuple[type[BaseModel], type[Any]]]:
    """Every hand-written ``…Page`` schema of the three services with its item type."""
    found = []
    for module in SCHEMA_MODULES:
        for name, value in vars(module).items():
            if (
                name.endswith("Page")
                and isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                item = typing.get_args(value.model_fields["items"].annotation)[0]
                found.append((value, item))
    return found


def test_every_service_page_has_items_and_next_cursor_only():
    pages = _page_classes()
    assert len(pages) == 14
    for page, _ in pages:
        assert list(page.model_fields) == ["items", "next_cursor"], page.__name__


@pytest.mark.parametrize("page,item", _page_classes(), ids=lambda v: getattr(v, "__name__", ""))
def test_page_subclass_keeps_the_component_of_the_hand_written_page(page, item):
    kit_page = type(page.__name__, (Page[item],), {"__module__": page.__module__})
    before = _list_app(page).openapi()["components"]["schemas"]
    after = _list_app(kit_page).openapi()["components"]["schemas"]
    assert after == before
    assert page.__name__ in after


def test_organization_page_from_the_kit_matches_the_pinned_contract():
    class OrganizationPage(Page[OrganizationRead]):
        pass

    contract = json.loads(CONTRACT.read_text(encoding="utf-8"))["components"]["schemas"]
    generated = _list_app(OrganizationPage).openapi()["components"]["schemas"]
    assert generated["OrganizationPage"] == contract["OrganizationPage"]
    assert generated["OrganizationRead"] == contract["OrganizationRead"]
    assert list(generated["OrganizationPage"]["properties"]) == ["items", "next_cursor"]


def test_page_subclass_validates_rows_by_attribute():
    class Row:
        def __init__(self) -> None:
            self.items = [{"name": "x"}]
            self.next_cursor = "abc"

    class Named(OutputModel):
        name: str

    class NamedPage(Page[Named]):
        pass

    page = NamedPage.model_validate(Row())
    assert page.items[0].name == "x" and page.next_cursor == "abc"
    assert OrganizationPage.model_json_schema()["title"] == "OrganizationPage"


# --- PatchModel ------------------------------------------------------------------------


class OldUpdate(InputModel):
    name: str | None = None
    status: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> "OldUpdate":
        for name in ("name", "status"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class NewUpdate(PatchModel):
    required_fields = ("name", "status")

    name: str | None = None
    status: str | None = None
    note: str | None = None


def _patch_app(model: type[BaseModel]) -> FastAPI:
    app = FastAPI()

    @app.patch("/things")
    async def patch(body: model) -> dict[str, Any]:  # type: ignore[valid-type]
        return body.model_dump(exclude_unset=True)  # type: ignore[attr-defined,no-any-return]

    return app


@pytest.mark.parametrize(
    "body",
    [
        {"name": None},
        {"status": None, "name": None},
        {"note": None, "status": None},
        {"name": "\x00"},
        {"unknown": 1},
    ],
)
async def test_patch_model_refuses_null_like_the_hand_written_validator(body):
    async with _client(_patch_app(OldUpdate)) as old, _client(_patch_app(NewUpdate)) as new:
        before = await old.patch("/things", json=body)
        after = await new.patch("/things", json=body)
    assert before.status_code == after.status_code == 422
    old_body, new_body = before.json(), after.json()
    old_body.pop("request_id"), new_body.pop("request_id")
    assert new_body == old_body
    assert new_body["errors"] and new_body["type"] == "urn:somos:problem:validation-error"


async def test_patch_model_names_the_first_required_field_and_keeps_optional_nulls():
    async with _client(_patch_app(NewUpdate)) as client:
        refused = await client.patch("/things", json={"status": None, "name": None})
        accepted = await client.patch("/things", json={"note": None, "name": " Tumaco "})
    assert refused.json()["errors"] == [{"field": "body", "message": "name cannot be null"}]
    assert accepted.status_code == 200
    assert accepted.json() == {"note": None, "name": "Tumaco"}


def test_patch_model_schema_does_not_declare_refused_nulls():
    # The hand-written model declared `null` for fields it refuses as null (a schema-valid
    # body the API rejects); the kit's schema says what it accepts: those fields are plain
    # strings (still optional), the others stay nullable.
    old = _patch_app(OldUpdate).openapi()["components"]["schemas"]["OldUpdate"]
    new = _patch_app(NewUpdate).openapi()["components"]["schemas"]["NewUpdate"]
    text = {"type": "string", "pattern": NO_NUL_PATTERN}  # NUL is refused in any body text
    assert old["properties"]["name"]["anyOf"] == [text, {"type": "null"}]
    assert new["properties"]["name"] == {**text, "title": "Name"}
    assert new["properties"]["status"] == {**text, "title": "Status"}
    assert new["properties"]["note"] == old["properties"]["note"]
    assert "required" not in new and new["additionalProperties"] is False
    assert "required_fields" not in new["properties"]


def test_patch_model_keeps_other_validators_of_the_subclass():
    class Tagged(PatchModel):
        required_fields = ("tags",)
        tags: list[str] | None = None

        @field_validator("tags")
        @classmethod
        def _dedupe(cls, value: list[str] | None) -> list[str] | None:
            return sorted(set(value)) if value is not None else value

    assert Tagged(tags=["b", "a", "b"]).tags == ["a", "b"]
    with pytest.raises(ValueError, match="tags cannot be null"):
        Tagged(tags=None)


# --- SearchText ------------------------------------------------------------------------


NO_NUL = r"^[^\x00]*$"


def _search_app(*, kit: bool = True, pattern: str | None = None) -> FastAPI:
    app = FastAPI()
    query = Query(min_length=1, max_length=100, description="Accent-insensitive text")
    if pattern:
        query = Query(
            min_length=1, max_length=100, pattern=pattern, description="Accent-insensitive text"
        )
    plain = Annotated[str | None, query]
    parameter = SearchText[plain] if kit else plain

    @app.get("/search")
    async def search(q: parameter = None) -> dict[str, str | None]:
        return {"q": q}

    return app


@pytest.mark.parametrize("raw", ["%00", "abc%00", "a%01b", "%1F", "%7F", "a%C2%85", "x%0Ay", "%09"])
async def test_search_text_refuses_control_characters_naming_the_parameter(raw):
    async with _client(_search_app()) as client:
        r = await client.get(f"/search?q={raw}")
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [
        {"field": "q", "message": "must not contain NUL or other control characters"}
    ]


@pytest.mark.parametrize("text", ["Tumaco", "Asociación de Mujeres", "ñ  ü", "50% _x_"])
async def test_search_text_passes_ordinary_text_unchanged(text):
    async with _client(_search_app()) as client:
        r = await client.get("/search", params={"q": text})
    assert r.status_code == 200
    assert r.json() == {"q": text}


async def test_search_text_keeps_the_query_limits_and_the_optional_default():
    async with _client(_search_app(pattern=NO_NUL)) as client:
        long = await client.get("/search", params={"q": "x" * 101})
        empty = await client.get("/search", params={"q": ""})
        absent = await client.get("/search")
        nul = await client.get("/search?q=%00")
    assert long.status_code == empty.status_code == 422
    assert long.json()["errors"][0]["field"] == "q"
    assert absent.json() == {"q": None}
    assert nul.status_code == 422 and nul.json()["errors"][0]["field"] == "q"


@pytest.mark.parametrize("pattern", [None, NO_NUL])
def test_search_text_adds_nothing_to_the_openapi_parameter(pattern):
    document = _search_app(pattern=pattern).openapi()
    assert document == _search_app(kit=False, pattern=pattern).openapi()
    (parameter,) = document["paths"]["/search"]["get"]["parameters"]
    assert parameter["name"] == "q" and parameter["description"] == "Accent-insensitive text"
    string = {"type": "string", "minLength": 1, "maxLength": 100}
    if pattern:
        string["pattern"] = pattern
    assert parameter["schema"]["anyOf"] == [string, {"type": "null"}]


# --- colombia_today and the municipality check -----------------------------------------


@pytest.mark.parametrize(
    "instant,expected",
    [
        (datetime(2026, 12, 2, 4, 59, tzinfo=UTC), date(2026, 12, 1)),
        (datetime(2026, 12, 2, 5, 0, tzinfo=UTC), date(2026, 12, 2)),
        (datetime(2027, 1, 1, 3, 0, tzinfo=UTC), date(2026, 12, 31)),
        (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), date(2026, 7, 1)),
    ],
)
def test_colombia_today_is_the_bogota_calendar_date(instant, expected):
    assert colombia_today(instant) == expected
    assert instant.astimezone(ZoneInfo("America/Bogota")).date() == expected


def test_colombia_today_without_argument_is_now_in_bogota():
    before = datetime.now(ZoneInfo("America/Bogota")).date()
    today = colombia_today()
    after = datetime.now(ZoneInfo("America/Bogota")).date()
    assert today in {before, after}


def test_colombian_day_start_is_five_in_the_morning_utc():
    assert colombian_day_start(date(2026, 3, 14)) == datetime(2026, 3, 14, 5, tzinfo=UTC)


def test_check_municipality_names_the_field():
    territories = Territories()
    check_municipality(territories, "52835")
    with pytest.raises(InvalidInput) as caught:
        check_municipality(territories, "5283", field="home_municipality_code")
    assert caught.value.status == 422
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("home_municipality_code", "must be a 5-digit DIVIPOLA municipality code, as a string")
    ]
    with pytest.raises(InvalidInput) as caught:
        check_municipality(territories, "00001")
    assert caught.value.errors[0].field == "municipality_code"
    assert caught.value.errors[0].message == "'00' is not a Colombian department code"


def test_check_municipality_is_strict_with_the_official_list_loaded():
    tumaco = Municipality("52835", "San Andrés de Tumaco", "52", "Nariño")
    territories = Territories({"52835": tumaco})
    check_municipality(territories, "52835")
    with pytest.raises(InvalidInput) as caught:
        check_municipality(territories, "52836")
    assert caught.value.errors[0].message == "'52836' is not in the official DIVIPOLA list"


class EveryFieldUpdate(PatchModel):
    required_fields = "*"
    nullable_fields = ("end_date",)

    title: str | None = None
    budget_cop: int | None = None
    end_date: str | None = None


@pytest.mark.parametrize(
    "body,refused",
    [
        ({"title": None}, "title"),
        ({"budget_cop": None}, "budget_cop"),
        ({"end_date": None, "budget_cop": None, "title": None}, "title"),
        ({"end_date": None}, None),
    ],
)
def test_patch_model_star_requires_every_field_but_the_nullable_ones(body, refused):
    if refused is None:
        assert EveryFieldUpdate(**body).end_date is None
        return
    with pytest.raises(ValueError, match=f"{refused} cannot be null"):
        EveryFieldUpdate(**body)
