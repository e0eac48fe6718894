"""What the routes of every events resource share: scopes, the keyring, pages, dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request, Response

from services.common.auth import Principal, require_scope, require_scopes
from services.common.concurrency import require_if_match
from services.common.errors import problem_responses
from services.common.pagination import PageParams, page_params
from services.common.schemas import IsoDate
from services.events.pii import Keyring


def _keyring(request: Request) -> Keyring:
    keyring: Keyring = request.app.state.keyring
    return keyring


Reader = Annotated[Principal, Depends(require_scope("events:read"))]
Writer = Annotated[Principal, Depends(require_scope("events:write"))]
PiiReader = Annotated[Principal, Depends(require_scopes("events:read", "attendees:pii"))]
PiiWriter = Annotated[Principal, Depends(require_scopes("events:write", "attendees:pii"))]
Admin = Annotated[Principal, Depends(require_scope("admin"))]
KeyringDep = Annotated[Keyring, Depends(_keyring)]
PageQuery = Annotated[PageParams, Depends(page_params)]
FromDate = Annotated[
    IsoDate | None,
    Query(alias="from", description="From this date (inclusive, Colombian calendar)"),
]
ToDate = Annotated[IsoDate | None, Query(description="Up to this date (inclusive)")]

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL characters

# Malformed JSON (400) and oversized bodies (413) can meet any route.
EVERY_ROUTE = problem_responses(400, 413)
EVENTS = "/api/v1/events"
EVENT = EVENTS + "/{event_id}"
COMMITMENTS = "/api/v1/commitments"


def set_location(response: Response, path: str) -> None:
    """The ``Location`` of a created record."""
    response.headers["Location"] = path


def optional_if_match(request: Request, version: int) -> None:
    """Transitions are POSTs: If-Match is optional there, but honoured when sent."""
    if request.headers.get("if-match") is not None:
        require_if_match(request, version)
