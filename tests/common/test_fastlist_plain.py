"""Which lean pages are written straight from their rows (no validation), and that doing so
writes what the page model writes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from services.common.fastlist import _plain_row, native_twin, plain_fields
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
    assert _plain_row(_Row(rows[0]), names)
    assert not _plain_row(_Row(_organization(members_count=Decimal("5"))), names)
    assert not _plain_row(_Row({**rows[0], "extra": date(2025, 1, 1)}), names)
