"""Route of the PII access log (admin only, within the token's territories)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from services.common.db import SessionDep
from services.common.fastlist import FastList, Filter, text_param, uuid_param
from services.common.idempotency import PERSONAL_DATA_HEADERS, PersonalData
from services.common.pagination import set_link_header
from services.events.dependencies import EVERY_ROUTE, NO_NUL, Admin, FromDate, PageQuery, ToDate
from services.events.pii_access_log import repository, service
from services.events.pii_access_log.schemas import PiiAccessPage, PiiAccessRead
from services.events.records import (
    check_date_range,
    date_range,
    day_after_param,
    day_start_param,
)

router = APIRouter(prefix="/api/v1/pii-access-log", tags=["attendees"], responses=EVERY_ROUTE)


@router.get(
    "",
    operation_id="pii-access-log-list",
    response_model=PiiAccessPage,
    summary="Who read attendees' personal data, when, of which event, how many (admin)",
    description="Entries of events within the token's territories (`municipalities`, "
    "`departments` claims), newest first. The log is a hash chain: `somos verify-pii-log` "
    "checks that no entry was changed or removed.",
    dependencies=[PersonalData],
)
async def list_pii_access(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Admin,
    page: PageQuery,
    event_id: uuid.UUID | None = None,
    subject: Annotated[str | None, Query(min_length=1, max_length=255, pattern=NO_NUL)] = None,
    from_: FromDate = None,
    to: ToDate = None,
) -> PiiAccessPage:
    occurred_from, occurred_before = date_range(from_, to)
    items, next_cursor = await service.list_pii_access(
        session,
        principal=principal,
        filters=repository.PiiAccessFilters(
            event_id=event_id,
            subject=subject,
            occurred_from=occurred_from,
            occurred_before=occurred_before,
        ),
        page=page,
    )
    set_link_header(request, response, next_cursor)
    return PiiAccessPage(
        items=[PiiAccessRead.model_validate(p) for p in items], next_cursor=next_cursor
    )


# The list above on the lean path (``fastlist``). An entry belongs to its event's territory,
# one without a known event to none (the LEFT JOIN leaves its columns null: no claim matches).
FAST_LIST = FastList(
    path="/api/v1/pii-access-log",
    scope="admin",
    select=(
        "SELECT p.id, p.occurred_at, p.subject, p.token_id, p.action, p.event_id, "
        "p.attendee_id, p.record_count, p.request_id "
        "FROM pii_access_log p LEFT JOIN events e ON e.id = p.event_id"
    ),
    page=PiiAccessPage,
    order=(("p.occurred_at", "t"), ("p.id", "u")),
    descending=True,
    filters={
        "event_id": Filter.equals("p.event_id", uuid_param),
        "subject": Filter.equals("p.subject", text_param(255)),
        "from": Filter.at_least("p.occurred_at", day_start_param),
        "to": Filter.before("p.occurred_at", day_after_param),
    },
    check=check_date_range,
    territory=("e.municipality_code", "e.department_code"),
    headers=PERSONAL_DATA_HEADERS,
)
