"""Which lean pages are written straight from their rows (no validation), and that doing so
writes what the page model writes."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.common.fastlist_json import (
    as_written,
    computed_items,
    computed_layout,
    native_twin,
    plain_fields,
    plain_row,
)
from services.events.pii_access_log.schemas import PiiAccessPage
from services.events.risk_factors.schemas import RiskFactorPage
from services.organizations.registry.schemas import OrganizationPage, OrganizationRead
from services.security_plans.diagnosis.schemas import ProblemList
from services.security_plans.lines.schemas import LineList


def test_plain_pages_are_the_ones_without_floats_or_nested_models():
    assert plain_fields(OrganizationPage) == tuple(OrganizationRead.model_fields)
    for page in (RiskFactorPage, PiiAccessPage, LineList):
        assert plain_fields(page) is not None, page
    assert plain_fields(ProblemList) is None  # baseline_value: float (NUMERIC → Decimal)


def _organization(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": uuid.uuid4(),
        "name": "Asociación Ñandú",
        "acronym": None,
        "type": "consejo_comunitario",
        "ethnic_focus": "afrocolombiano",
        "municipality_code": "52835",
        "department_code": "52",
        "founded_year": 2001,
        "members_count": None,
        "focus_areas": ["convivencia", "mujeres"],
        "contact_email": None,
        "contact_phone": None,
        "status": "active",
        "version": 3,
        "created_at": datetime(2025, 3, 14, 14, 0, 0, 123456, tzinfo=UTC),
        "updated_at": datetime(2025, 3, 14, 14, 0, tzinfo=UTC),
        "archived_at": None,
    }
    row.update(overrides)
    return row


class _Row(dict):  # asyncpg.Record's keys() and values(), enough for the check
    pass


def test_rows_written_directly_match_the_page_model():
    from pydantic_core import to_json

    rows = [_organization(), _organization(archived_at=datetime(2026, 1, 1, tzinfo=UTC))]
    content = {"items": rows, "next_cursor": "abc"}
    expected = OrganizationPage.model_validate(content).model_dump_json().encode()
    assert to_json(content) == expected
    assert native_twin(OrganizationPage).model_validate(content).model_dump_json().encode() == (
        expected
    )
    names = plain_fields(OrganizationPage)
    assert names is not None
    assert plain_row(_Row(rows[0]), names)
    assert not plain_row(_Row(_organization(members_count=Decimal("5"))), names)
    assert not plain_row(_Row({**rows[0], "extra": date(2025, 1, 1)}), names)


def test_computed_fields_are_declared_against_the_item_model():
    from services.events.events.schemas import EventPage, EventRead

    layout = computed_layout(EventPage, ("trust_survey", "suppressed"))
    assert layout == tuple(EventRead.model_fields)
    with pytest.raises(TypeError, match="trust_survey is not a plain column"):
        computed_layout(EventPage, ("suppressed",))
    with pytest.raises(TypeError, match="no field"):
        computed_layout(EventPage, ("trust_survey", "suppressed", "trust_score"))
    with pytest.raises(TypeError, match="baseline_value is not a plain column"):
        computed_layout(ProblemList, ())


def test_computed_items_follow_the_model_order_and_refuse_unplain_columns():
    from pydantic_core import to_json

    from services.events.events.schemas import EventPage

    fields = ("trust_survey", "suppressed")
    layout = computed_layout(EventPage, fields)
    row = {
        "id": uuid.uuid4(),
        "type": "hablemos_de_policia",
        "title": "Hablemos en Tumaco",
        "municipality_code": "52835",
        "department_code": "52",
        "community": "Barrio Nuevo",
        "starts_at": datetime(2025, 3, 14, 14, 0, tzinfo=UTC),
        "ends_at": datetime(2025, 3, 14, 16, 30, 0, 250000, tzinfo=UTC),
        "status": "held",
        "status_reason": None,
        "partner_institutions": ["policia_nacional"],
        "organization_ids": [uuid.uuid4()],
        "security_plan_id": None,
        "version": 2,
        "created_at": datetime(2025, 3, 1, tzinfo=UTC),
        "updated_at": datetime(2025, 3, 2, tzinfo=UTC),
        "archived_at": None,
    }
    survey = {
        "before": {"respondents": 9, "mean_score": 2.67},
        "after": None,
        "change": None,
    }
    computed = {"trust_survey": survey, "suppressed": []}
    items = computed_items([row], layout, fields, lambda _: computed)
    assert items is not None and list(items[0]) == list(layout)
    content = {"items": items, "next_cursor": None}
    expected = EventPage.model_validate(
        {"items": [{**row, **computed}], "next_cursor": None}
    ).model_dump_json()
    assert to_json(content).decode() == expected
    assert (
        computed_items([{**row, "version": Decimal("2")}], layout, fields, lambda _: computed)
        is None
    )


def test_json_fields_are_written_as_their_models_write_them():
    from services.events.commitments.service import _NOTES
    from services.organizations.assessments.service import _SCORES
    from services.security_plans.actions.schemas import _BUDGET, _INDICATOR
    from services.security_plans.reviews.service import _CHECKLIST

    entry = {"comment": "Revisión «1»", "rating": "cumple", "unknown": 1}  # JSONB key order
    checklist = {"marco_normativo": entry, "enfoque_diferencial": {**entry, "rating": "no_cumple"}}
    scores = {
        "results": {"evidence": "Actas", "score": 3},
        "learning": {"score": 1, "evidence": ""},
    }
    budget = {"sgr": 1_000_000, "fonsecon": 0}
    cases = [(_CHECKLIST, checklist), (_SCORES, scores), (_BUDGET, budget)]
    for field, value in cases:
        assert field.shape is not None  # reshaped directly, not through pydantic
        expected = as_written(field.adapter, value)
        assert field(json.dumps(value)) == expected == field(value)
        assert list(field(value)) == list(expected)  # the same key order
    first = field_order(_CHECKLIST(checklist))
    assert first == ["rating", "comment"]  # the model's order, the extra key dropped
    assert _NOTES.shape is None  # timestamps: only pydantic writes them
    assert _INDICATOR.shape is not None


def test_values_that_do_not_fit_get_the_models_own_answer():
    from pydantic import ValidationError

    from services.organizations.assessments.service import _SCORES
    from services.security_plans.reviews.service import _CHECKLIST

    # A text where a number belongs: pydantic (lax) reads it; so does the field.
    lax = {"results": {"score": "3", "evidence": "Actas"}}
    assert _SCORES(lax) == {"results": {"score": 3, "evidence": "Actas"}}
    # An unknown code or a missing field: the model's own error, not a silent write.
    for bad in (
        {"no_such_item": {"rating": "cumple", "comment": ""}},
        {"marco_normativo": {"rating": "cumple"}},
        {"marco_normativo": {"rating": "excelente", "comment": ""}},
    ):
        with pytest.raises(ValidationError):
            _CHECKLIST(bad)


def field_order(checklist: dict[str, dict[str, object]]) -> list[str]:
    return list(next(iter(checklist.values())))
