"""Routes of deliveries: a subscription's deliveries and ping; one delivery and redelivery."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from services.common.db import SessionDep
from services.common.errors import problem_responses
from services.common.pagination import set_link_header
from services.common.routes import record_loader
from services.webhooks.deliveries import service
from services.webhooks.deliveries.schemas import DeliveryPage, DeliveryRead, DeliveryStatus
from services.webhooks.models import WebhookDelivery
from services.webhooks.records import DELIVERIES, SUBSCRIPTIONS, JobQueueDep, Manager, PageQuery
from services.webhooks.subscriptions.api import CurrentSubscription
from services.webhooks.subscriptions.service import load_subscription

subscription_router = APIRouter(prefix=SUBSCRIPTIONS, tags=["webhook-deliveries"])
router = APIRouter(prefix=DELIVERIES, tags=["webhook-deliveries"])

CurrentDelivery = Annotated[
    WebhookDelivery,
    Depends(record_loader(service.load_delivery, id_param="delivery_id", principal=Manager)),
]


@subscription_router.get(
    "/{subscription_id}/deliveries",
    operation_id="webhook-deliveries-list",
    response_model=DeliveryPage,
    responses=problem_responses(404),
    summary="A subscription's deliveries, newest first: status, attempts, latency",
)
async def list_deliveries(
    request: Request,
    response: Response,
    subscription: CurrentSubscription,
    session: SessionDep,
    page: PageQuery,
    status: DeliveryStatus | None = None,
) -> DeliveryPage:
    items, next_cursor = await service.list_deliveries(
        session,
        subscription=subscription,
        status=None if status is None else status.value,
        page=page,
    )
    set_link_header(request, response, next_cursor)
    return DeliveryPage(items=await service.with_attempts(session, items), next_cursor=next_cursor)


@subscription_router.post(
    "/{subscription_id}/ping",
    status_code=202,
    operation_id="webhook-subscriptions-ping",
    response_model=DeliveryRead,
    responses=problem_responses(404, 409),
    summary="Send a signed webhook.ping event to the endpoint",
)
async def ping_subscription(
    subscription: CurrentSubscription,
    session: SessionDep,
    job_queue: JobQueueDep,
    response: Response,
) -> DeliveryRead:
    delivery = await service.ping(session, subscription=subscription, job_queue=job_queue)
    response.headers["Location"] = f"{DELIVERIES}/{delivery.id}"
    return (await service.with_attempts(session, [delivery]))[0]


@router.get(
    "/{delivery_id}",
    operation_id="webhook-deliveries-get",
    response_model=DeliveryRead,
    responses=problem_responses(404),
)
async def get_delivery(delivery: CurrentDelivery, session: SessionDep) -> DeliveryRead:
    return (await service.with_attempts(session, [delivery]))[0]


@router.post(
    "/{delivery_id}/redeliver",
    status_code=202,
    operation_id="webhook-deliveries-redeliver",
    response_model=DeliveryRead,
    responses=problem_responses(404, 409),
    summary="Send a delivery again (same webhook-id)",
)
async def redeliver(
    delivery: CurrentDelivery,
    session: SessionDep,
    principal: Manager,
    job_queue: JobQueueDep,
) -> DeliveryRead:
    subscription = await load_subscription(
        session, subscription_id=delivery.subscription_id, principal=principal
    )
    delivery = await service.redeliver(
        session, delivery=delivery, subscription=subscription, job_queue=job_queue
    )
    return (await service.with_attempts(session, [delivery]))[0]
