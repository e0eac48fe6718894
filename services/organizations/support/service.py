"""Rules of capacity support: given to a visible, active organization, never in the future."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal
from services.common.colombia import colombia_today
from services.common.errors import InvalidInput, NotFound
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush, replay_or_refuse
from services.organizations.models import SupportActivity
from services.organizations.registry import service as registry
from services.organizations.support import repository
from services.organizations.support.schemas import (
    SupportActivityCreate,
    SupportActivityRead,
    SupportActivityUpdate,
)
from services.organizations.vocabularies import SupportKind


def support_read(activity: SupportActivity) -> SupportActivityRead:
    """The response body of a support activity."""
    return SupportActivityRead(
        id=activity.id,
        organization_id=activity.organization_id,
        kind=SupportKind(activity.kind),
        delivered_on=activity.delivered_on,
        hours=float(activity.hours),
        delivered_by=activity.delivered_by,
        description=activity.description,
        version=activity.version,
        created_at=activity.created_at,
        updated_at=activity.updated_at,
        archived_at=activity.archived_at,
    )


def _check_delivered_on(value: date) -> None:
    if value > colombia_today():
        raise InvalidInput("delivered_on", "cannot be in the future")


async def create_support_activity(
    session: AsyncSession, *, data: SupportActivityCreate, principal: Principal
) -> tuple[SupportActivity, bool]:
    """A new activity; returns it and whether it is new (False: same id and content)."""
    fields = data.model_dump(exclude={"id"})
    if data.id is not None:
        existing = await repository.get_support_activity(session, data.id)
        if existing is not None:
            visible = await registry.organization_visible(
                session, existing.organization_id, principal
            )
            return replay_or_refuse(
                existing, fields, what="Support activity", visible=visible
            ), False
    await registry.referenced_organization(
        session, organization_id=data.organization_id, principal=principal, field="organization_id"
    )
    _check_delivered_on(data.delivered_on)
    activity = SupportActivity(**fields, id=data.id or uuid.uuid4())
    session.add(activity)
    await flush(session)
    return activity, True


async def load_support_activity(
    session: AsyncSession, *, activity_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> SupportActivity:
    """The activity, 404 when it does not exist or is outside the territory."""
    activity = await repository.get_support_activity(session, activity_id, for_update=for_update)
    if activity is None or not await registry.organization_visible(
        session, activity.organization_id, principal
    ):
        raise NotFound(f"No support activity with id {activity_id}.")
    return activity


async def list_support_activities(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: repository.SupportFilters,
    page: PageParams,
) -> tuple[list[SupportActivity], str | None]:
    """One page of support activities and the cursor of the next."""
    rows = await repository.list_support_activities(
        session, principal=principal, filters=filters, page=page
    )
    return finish_page(rows, page, lambda s: (s.created_at, s.id))


async def update_support_activity(
    session: AsyncSession, *, activity: SupportActivity, changes: SupportActivityUpdate
) -> SupportActivity:
    """Change an activity; the delivery date stays in the past."""
    values = changes.model_dump(exclude_unset=True)
    if "delivered_on" in values:
        _check_delivered_on(values["delivered_on"])
    for key, value in values.items():
        setattr(activity, key, value)
    bump_version(activity)
    await flush(session)
    return activity


async def archive_support_activity(
    session: AsyncSession, *, activity: SupportActivity
) -> SupportActivity:
    """Set ``archived_at`` (once); the activity stays readable with include_archived."""
    if archive(activity):
        await flush(session)
    return activity
