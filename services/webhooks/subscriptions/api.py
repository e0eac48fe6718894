"""Routes of webhook subscriptions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from services.common.concurrency import require_if_match
from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.idempotency import PersonalData
from services.common.pagination import set_link_header
from services.common.routes import WriteGuardDep, record_loader
from services.common.territory import TerritoriesDep
from services.webhooks.models import WebhookSubscription
from services.webhooks.records import (
    SUBSCRIPTIONS,
    Manager,
    PageQuery,
    SecretBoxDep,
    SettingsDep,
)
from services.webhooks.subscriptions import service
from services.webhooks.subscriptions.schemas import (
    SecretRotation,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionPage,
    SubscriptionRead,
    SubscriptionSecretRotated,
    SubscriptionStatus,
    SubscriptionUpdate,
)

router = APIRouter(prefix=SUBSCRIPTIONS, tags=["webhook-subscriptions"])

# The subscription of the path, or 404 (also when someone else owns it); locked for writes.
CurrentSubscription = Annotated[
    WebhookSubscription,
    Depends(
        record_loader(service.load_subscription, id_param="subscription_id", principal=Manager)
    ),
]
SubscriptionToChange = Annotated[
    WebhookSubscription,
    Depends(
        record_loader(
            service.load_subscription,
            id_param="subscription_id",
            principal=Manager,
            for_update=True,
        )
    ),
]


@router.post(
    "",
    status_code=201,
    operation_id="webhook-subscriptions-create",
    response_model=SubscriptionCreated,
    summary="Subscribe an endpoint to events (the signing secret is shown only here)",
    # The answer carries the secret: never cached, and an Idempotency-Key keeps no copy of it.
    dependencies=[PersonalData],
)
async def create_subscription(
    body: SubscriptionCreate,
    session: SessionDep,
    principal: Manager,
    territories: TerritoriesDep,
    settings: SettingsDep,
    box: SecretBoxDep,
    response: Response,
    write: WriteGuardDep,
) -> SubscriptionCreated:
    subscription, secret = await service.create_subscription(
        session,
        data=body,
        principal=principal,
        territories=territories,
        settings=settings,
        box=box,
    )
    write.etag(subscription)
    response.headers["Location"] = f"{SUBSCRIPTIONS}/{subscription.id}"
    read = SubscriptionRead.model_validate(subscription)
    return SubscriptionCreated(**read.model_dump(), secret=secret)


@router.get("", operation_id="webhook-subscriptions-list", response_model=SubscriptionPage)
async def list_subscriptions(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Manager,
    page: PageQuery,
    status: SubscriptionStatus | None = None,
    include_archived: Annotated[bool, Query(description="Include deleted subscriptions")] = False,
) -> SubscriptionPage:
    items, next_cursor = await service.list_subscriptions(
        session,
        principal=principal,
        status=None if status is None else status.value,
        include_archived=include_archived,
        page=page,
    )
    set_link_header(request, response, next_cursor)
    return SubscriptionPage(
        items=[SubscriptionRead.model_validate(s) for s in items], next_cursor=next_cursor
    )


@router.get(
    "/{subscription_id}",
    operation_id="webhook-subscriptions-get",
    response_model=SubscriptionRead,
    responses=problem_responses(404),
)
async def get_subscription(
    subscription: CurrentSubscription, write: WriteGuardDep
) -> SubscriptionRead:
    write.etag(subscription)
    return SubscriptionRead.model_validate(subscription)


@router.patch(
    "/{subscription_id}",
    operation_id="webhook-subscriptions-update",
    response_model=SubscriptionRead,
    responses=problem_responses(404, 412, 428),
    summary="Change a subscription, or re-enable it with status active",
)
async def update_subscription(
    body: SubscriptionUpdate,
    subscription: SubscriptionToChange,
    session: SessionDep,
    principal: Manager,
    territories: TerritoriesDep,
    settings: SettingsDep,
    write: WriteGuardDep,
) -> SubscriptionRead:
    changed = await write(
        subscription,
        lambda s: service.update_subscription(
            session,
            subscription=s,
            changes=body,
            principal=principal,
            territories=territories,
            settings=settings,
        ),
    )
    return SubscriptionRead.model_validate(changed)


@router.post(
    "/{subscription_id}/rotate-secret",
    operation_id="webhook-subscriptions-rotate-secret",
    response_model=SubscriptionSecretRotated,
    responses=problem_responses(404, 409, 412),
    summary="Replace the signing secret; the previous one keeps signing for a grace period "
    "(the new secret is shown only here)",
    dependencies=[PersonalData],
)
async def rotate_secret(
    subscription: SubscriptionToChange,
    session: SessionDep,
    box: SecretBoxDep,
    response: Response,
    write: WriteGuardDep,
    body: SecretRotation | None = None,
) -> SubscriptionSecretRotated:
    if write.request.headers.get("if-match") is not None:  # optional, honoured when sent
        require_if_match(write.request, subscription.version)
    rotated, secret = await service.rotate_secret(
        session,
        subscription=subscription,
        grace_seconds=(body or SecretRotation()).grace_seconds,
        box=box,
    )
    write.etag(rotated)
    # An Idempotency-Key replay re-reads the subscription here (the secret is not kept).
    response.headers["Location"] = f"{SUBSCRIPTIONS}/{rotated.id}"
    read = SubscriptionRead.model_validate(rotated)
    return SubscriptionSecretRotated(**read.model_dump(), secret=secret)


@router.delete(
    "/{subscription_id}",
    operation_id="webhook-subscriptions-delete",
    response_model=SubscriptionRead,
    responses=problem_responses(404, 412, 428),
    summary="Delete a subscription (archived: nothing more is sent to it)",
)
async def delete_subscription(
    subscription: SubscriptionToChange, session: SessionDep, write: WriteGuardDep
) -> SubscriptionRead:
    archived = await write(
        subscription, lambda s: service.archive_subscription(session, subscription=s)
    )
    return SubscriptionRead.model_validate(archived)
