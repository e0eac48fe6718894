"""Each resource's ERRORS map the migrated database's constraint names to its typed errors.

The services check uniqueness before writing; these rules are the last line when two
requests race past that check, so the constraint names must be those PostgreSQL reports.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from services.common.db import sqlalchemy_url
from services.common.errors import Conflict
from services.common.records import IdReused, flush
from services.organizations.assessments import service as assessments
from services.organizations.models import (
    Assessment,
    Organization,
    StrengtheningPlan,
    SupportActivity,
)
from services.organizations.registry import service as registry
from services.organizations.strengthening import service as strengthening


@pytest.fixture
async def session(organizations_db: str) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back at the end of the test."""
    engine = create_async_engine(sqlalchemy_url(organizations_db))
    async with engine.connect() as conn:
        transaction = await conn.begin()
        async with AsyncSession(
            bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
        ) as session:
            yield session
        await transaction.rollback()
    await engine.dispose()


def _organization(name: str = "Asociación de Mujeres", **overrides: object) -> Organization:
    fields: dict[str, object] = {
        "name": name,
        "name_key": name.lower(),
        "search_text": name.lower(),
        "type": "organizacion_mujeres",
        "ethnic_focus": "ninguno",
        "municipality_code": "52835",
        "department_code": "52",
    }
    fields.update(overrides)
    return Organization(**fields)


def _baseline(organization: Organization) -> Assessment:
    return Assessment(
        organization_id=organization.id,
        kind="baseline",
        assessed_on=date(2025, 1, 10),
        facilitator="Equipo Somos",
    )


async def test_a_second_live_organization_with_the_name_is_duplicate_organization(session):
    session.add(_organization())
    await flush(session, registry.ERRORS)
    session.add(_organization())
    with pytest.raises(registry.DuplicateOrganization) as caught:
        await flush(session, registry.ERRORS)
    assert caught.value.status == 409 and caught.value.slug == "duplicate-organization"
    assert caught.value.detail == (
        "An organization with that name already exists in that municipality."
    )


async def test_a_reused_organization_id_is_id_reused(session):
    first = _organization()
    session.add(first)
    await flush(session, registry.ERRORS)
    session.expunge(first)
    session.add(_organization("Otra asociación", id=first.id))
    with pytest.raises(IdReused) as caught:
        await flush(session, registry.ERRORS)
    assert caught.value.slug == "id-reused" and caught.value.detail == "That id is already in use."


async def test_a_second_baseline_is_a_conflict(session):
    organization = _organization()
    session.add(organization)
    await flush(session)
    session.add(_baseline(organization))
    await flush(session, assessments.ERRORS)
    session.add(_baseline(organization))
    with pytest.raises(Conflict) as caught:
        await flush(session, assessments.ERRORS)
    assert type(caught.value) is Conflict
    assert caught.value.detail == "The organization already has a baseline assessment."


async def test_a_second_open_plan_is_open_plan_exists(session):
    organization = _organization()
    session.add(organization)
    await flush(session)
    baseline = _baseline(organization)
    session.add(baseline)
    await flush(session)

    def plan() -> StrengtheningPlan:
        return StrengtheningPlan(
            organization_id=organization.id,
            baseline_assessment_id=baseline.id,
            title="Plan 2025",
            start_date=date(2025, 2, 1),
            end_date=date(2025, 12, 1),
        )

    session.add(plan())
    await flush(session, strengthening.ERRORS)
    session.add(plan())
    with pytest.raises(strengthening.OpenPlanExists) as caught:
        await flush(session, strengthening.ERRORS)
    assert caught.value.slug == "open-plan-exists"
    assert caught.value.detail == "The organization already has an open strengthening plan."


async def test_a_violation_no_resource_registers_is_raised_unchanged(session):
    organization = _organization()
    session.add(organization)
    await flush(session)
    session.add(
        SupportActivity(
            id=uuid.uuid4(),
            organization_id=organization.id,
            kind="communications",
            delivered_on=date(2025, 3, 10),
            hours=Decimal("0"),
            delivered_by="Equipo Somos",
        )
    )
    with pytest.raises(IntegrityError, match="hours_positive"):
        await flush(session, strengthening.ERRORS)
