"""Routes of habeas data requests (Ley 1581 de 2012): know, receive and erase one person's
attendee records across events. Need `attendees:pii` and `admin`; every call is logged in the
PII access log; answers are never cached; territorial tokens reach their territories only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from services.common.auth import Principal
from services.common.db import SessionDep
from services.common.idempotency import PersonalData
from services.events.data_subject_requests import service
from services.events.data_subject_requests.schemas import (
    ErasureRequest,
    ErasureResult,
    PersonDocument,
    PersonExport,
    PersonRecords,
)
from services.events.dependencies import EVERY_ROUTE, KeyringDep, require_scopes

router = APIRouter(
    prefix="/api/v1/data-subject-requests",
    tags=["data-subject-requests"],
    responses=EVERY_ROUTE,
    dependencies=[PersonalData],
)
DataProtectionOfficer = Annotated[Principal, Depends(require_scopes("attendees:pii", "admin"))]


def _no_store(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"


@router.post(
    "/search",
    operation_id="data-subject-requests-search",
    response_model=PersonRecords,
    summary="Find every attendee record of one person, across events (attendees:pii + admin)",
)
async def search_person(
    body: PersonDocument,
    response: Response,
    session: SessionDep,
    principal: DataProtectionOfficer,
    keyring: KeyringDep,
) -> PersonRecords:
    rows = await service.find_person(session, keyring=keyring, principal=principal, person=body)
    await service.log_request(session, principal=principal, action="subject-search", rows=rows)
    _no_store(response)
    return service.person_records(rows)


@router.post(
    "/export",
    operation_id="data-subject-requests-export",
    response_model=PersonExport,
    summary="Every record kept about one person, in clear (attendees:pii + admin)",
)
async def export_person(
    body: PersonDocument,
    response: Response,
    session: SessionDep,
    principal: DataProtectionOfficer,
    keyring: KeyringDep,
) -> PersonExport:
    rows = await service.find_person(session, keyring=keyring, principal=principal, person=body)
    await service.log_request(session, principal=principal, action="subject-export", rows=rows)
    _no_store(response)
    return service.person_export(rows, keyring=keyring)


@router.post(
    "/erase",
    operation_id="data-subject-requests-erase",
    response_model=ErasureResult,
    summary="Erase every record of one person; anonymous counts stay (attendees:pii + admin)",
    description="Deletes the person's attendee records (ciphertext and keyed hashes) in the "
    "caller's territories; the events' participation summaries keep their counts. Revoking "
    "consent is an erasure.",
)
async def erase_person(
    body: ErasureRequest,
    response: Response,
    session: SessionDep,
    principal: DataProtectionOfficer,
    keyring: KeyringDep,
) -> ErasureResult:
    rows = await service.erase_person(session, keyring=keyring, principal=principal, person=body)
    await service.log_request(session, principal=principal, action="subject-erase", rows=rows)
    _no_store(response)
    return ErasureResult(
        erased_records=len(rows), event_ids=list(dict.fromkeys(e.id for _, e in rows))
    )
