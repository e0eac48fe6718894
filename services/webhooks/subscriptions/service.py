"""Rules of webhook subscriptions: who sees them, safe URLs, territories, the secret."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.auth import Principal, ensure_territory
from services.common.errors import Conflict, InvalidInput, NotFound
from services.common.models import utcnow
from services.common.pagination import PageParams, finish_page
from services.common.records import archive, bump_version, flush
from services.common.territory import Territories, check_municipality
from services.webhooks.addresses import UnsafeDestination, resolve
from services.webhooks.event_types import check_event_types
from services.webhooks.models import WebhookSubscription
from services.webhooks.records import sees_everything
from services.webhooks.settings import WebhooksSettings
from services.webhooks.signing import SecretBox, new_secret
from services.webhooks.subscriptions import repository
from services.webhooks.subscriptions.schemas import SubscriptionCreate, SubscriptionUpdate


class SubscriptionDeleted(Conflict):
    slug, title = "subscription-deleted", "The subscription is deleted"


async def check_destination(url: str, settings: WebhooksSettings) -> None:
    """422 naming ``url`` unless it is https and resolves to public addresses only."""
    try:
        await resolve(url, allow_private=settings.allow_private, production=settings.production)
    except UnsafeDestination as exc:
        raise InvalidInput("url", str(exc)) from exc


def _check_municipalities(codes: list[str], principal: Principal, territories: Territories) -> None:
    for index, code in enumerate(codes):
        check_municipality(territories, code, field=f"municipalities.{index}")
        ensure_territory(principal, code, hide=False)


async def create_subscription(
    session: AsyncSession,
    *,
    data: SubscriptionCreate,
    principal: Principal,
    territories: Territories,
    settings: WebhooksSettings,
    box: SecretBox,
) -> tuple[WebhookSubscription, str]:
    """A new subscription owned by the caller, and its signing secret (shown once)."""
    check_event_types(data.event_types, principal)
    _check_municipalities(data.municipalities, principal, territories)
    await check_destination(data.url, settings)
    subscription_id = uuid.uuid4()
    secret = new_secret()
    subscription = WebhookSubscription(
        id=subscription_id,
        url=data.url,
        event_types=data.event_types,
        municipalities=data.municipalities,
        description=data.description,
        secret_ciphertext=box.seal(secret, subscription_id=subscription_id),
        owner_sub=principal.sub,
        owner_scopes=sorted(principal.scopes),
        owner_municipalities=(
            None if principal.municipalities is None else sorted(principal.municipalities)
        ),
        owner_departments=(
            None if principal.departments is None else sorted(principal.departments)
        ),
    )
    session.add(subscription)
    await flush(session)
    return subscription, secret


async def load_subscription(
    session: AsyncSession,
    *,
    subscription_id: uuid.UUID,
    principal: Principal,
    for_update: bool = False,
) -> WebhookSubscription:
    """The subscription, or 404 when it does not exist or belongs to someone else."""
    subscription = await repository.get_subscription(
        session, subscription_id, for_update=for_update
    )
    if subscription is None or not (
        subscription.owner_sub == principal.sub or sees_everything(principal)
    ):
        raise NotFound(f"No webhook subscription with id {subscription_id}.")
    return subscription


async def list_subscriptions(
    session: AsyncSession,
    *,
    principal: Principal,
    status: str | None,
    include_archived: bool,
    page: PageParams,
) -> tuple[list[WebhookSubscription], str | None]:
    rows = await repository.list_subscriptions(
        session,
        owner_sub=None if sees_everything(principal) else principal.sub,
        status=status,
        include_archived=include_archived,
        page=page,
    )
    return finish_page(rows, page, lambda s: (s.created_at, s.id))


async def update_subscription(
    session: AsyncSession,
    *,
    subscription: WebhookSubscription,
    changes: SubscriptionUpdate,
    principal: Principal,
    territories: Territories,
    settings: WebhooksSettings,
) -> WebhookSubscription:
    """Change a subscription; ``status: active`` re-enables it (its failures forgotten)."""
    values = changes.model_dump(exclude_unset=True, mode="json")
    if "event_types" in values:
        check_event_types(values["event_types"], principal)
    if "municipalities" in values:
        _check_municipalities(values["municipalities"], principal, territories)
    if "url" in values:
        await check_destination(values["url"], settings)
    status = values.pop("status", None)
    for key, value in values.items():
        setattr(subscription, key, value)
    if status == "active" and subscription.status != "active":
        subscription.status = "active"
        subscription.disabled_reason = None
        subscription.disabled_at = None
        subscription.failing_since = None
    elif status == "disabled" and subscription.status != "disabled":
        subscription.status = "disabled"
        subscription.disabled_reason = "disabled by its owner"
        subscription.disabled_at = utcnow()
    bump_version(subscription)
    await flush(session)
    return subscription


async def rotate_secret(
    session: AsyncSession,
    *,
    subscription: WebhookSubscription,
    grace_seconds: int,
    box: SecretBox,
) -> tuple[WebhookSubscription, str]:
    """A new signing secret (shown once); the one it replaces keeps signing too for
    ``grace_seconds``. Only one previous secret is kept: rotating again during a grace period
    drops the older one at once."""
    if subscription.archived_at is not None:
        raise SubscriptionDeleted("A deleted subscription has no secret to rotate.")
    secret = new_secret()
    subscription.previous_secret_ciphertext = (
        subscription.secret_ciphertext if grace_seconds > 0 else None
    )
    subscription.previous_secret_expires_at = utcnow() + timedelta(seconds=grace_seconds)
    subscription.secret_ciphertext = box.seal(secret, subscription_id=subscription.id)
    bump_version(subscription)
    await flush(session)
    return subscription, secret


async def archive_subscription(
    session: AsyncSession, *, subscription: WebhookSubscription
) -> WebhookSubscription:
    """Delete (archive) a subscription: nothing more is sent to it."""
    if archive(subscription):
        await flush(session)
    return subscription
