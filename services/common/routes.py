"""Route helpers of the record kit: load-or-404 dependencies and If-Match → write → ETag.

Neither adds anything to the OpenAPI document: a loader declares only the path parameter the
route already has (FastAPI lists a parameter once) and the route's own principal and session
dependencies (solved once per request); ``WriteGuard`` reads the request and the response.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from services.common.concurrency import require_if_match, set_etag
from services.common.db import SessionDep

RecordT = TypeVar("RecordT")


class HasVersion(Protocol):
    """Anything carrying the version its ETag is made of."""

    @property
    def version(self) -> int: ...


CurrentT = TypeVar("CurrentT", bound=HasVersion)
WrittenT = TypeVar("WrittenT", bound=HasVersion)


def record_loader(
    load: Callable[..., Awaitable[RecordT]],
    *,
    id_param: str,
    principal: Any,
    for_update: bool = False,
) -> Callable[..., Awaitable[RecordT]]:
    """A dependency calling ``load(session, <id_param>=…, principal=…, for_update=…)``.

    ``load`` is the service's load-or-404 (it raises ``NotFound`` outside the caller's
    territory); ``principal`` is the route's principal alias (``Writer``, ``Reader``), so the
    scope check runs once and first. Use it as
    ``CurrentOrganization = Annotated[Organization, Depends(record_loader(...))]``.
    """

    async def dependency(**kwargs: Any) -> RecordT:
        session: AsyncSession = kwargs["session"]
        return await load(
            session,
            **{id_param: kwargs[id_param]},
            principal=kwargs["principal"],
            for_update=for_update,
        )

    keyword = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(id_param, keyword, annotation=uuid.UUID),
            inspect.Parameter("session", keyword, annotation=SessionDep),
            inspect.Parameter("principal", keyword, annotation=principal),
        ]
    )
    dependency.__name__ = f"load_{id_param.removesuffix('_id')}"
    return dependency


def child_loader(
    load: Callable[..., Awaitable[RecordT]],
    *,
    id_param: str,
    parent_param: str,
    parent: Any,
    for_update: bool = False,
) -> Callable[..., Awaitable[RecordT]]:
    """A load-or-404 dependency for a record nested in its parent's path
    (``/plans/{plan_id}/lines/{line_id}``): ``parent`` is the parent's loader alias (its scope
    check and 404 come first), passed to ``load`` under ``parent_param`` without ``_id``:
    ``load(session, plan=…, line_id=…, for_update=…)``.

    It declares ``parent_param`` before its own id so that the operation's parameters keep the
    path's order in the OpenAPI document (FastAPI lists own parameters before inner ones).
    """
    parent_name = parent_param.removesuffix("_id")

    async def dependency(**kwargs: Any) -> RecordT:
        return await load(
            kwargs["session"],
            **{parent_name: kwargs[parent_name], id_param: kwargs[id_param]},
            for_update=for_update,
        )

    keyword = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(parent_param, keyword, annotation=uuid.UUID),
            inspect.Parameter(id_param, keyword, annotation=uuid.UUID),
            inspect.Parameter(parent_name, keyword, annotation=parent),
            inspect.Parameter("session", keyword, annotation=SessionDep),
        ]
    )
    dependency.__name__ = f"load_{id_param.removesuffix('_id')}"
    return dependency


class WriteGuard:
    """The write routes' sequence: If-Match against the version, the write, the new ETag."""

    def __init__(self, request: Request, response: Response) -> None:
        self.request = request
        self.response = response

    async def __call__(
        self, record: CurrentT, write: Callable[[CurrentT], Awaitable[WrittenT]]
    ) -> WrittenT:
        """428/412 unless If-Match names ``record``'s version; then write; ETag of the result."""
        require_if_match(self.request, record.version)
        written = await write(record)
        set_etag(self.response, written.version)
        return written

    def etag(self, record: HasVersion) -> None:
        """Answer with ``record``'s ETag (reads, creates and transitions without If-Match)."""
        set_etag(self.response, record.version)


WriteGuardDep = Annotated[WriteGuard, Depends(WriteGuard)]
