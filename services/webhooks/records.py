"""What the webhooks service's resources share: paths, the scope, page and field types."""

from __future__ import annotations

from typing import Annotated

import procrastinate
from fastapi import Depends, Request

from services.common.auth import Principal, require_scope
from services.common.pagination import PageParams, page_params
from services.webhooks.settings import WebhooksSettings
from services.webhooks.signing import SecretBox

SUBSCRIPTIONS = "/api/v1/webhook-subscriptions"
DELIVERIES = "/api/v1/webhook-deliveries"
MANAGE_SCOPE = "webhooks:manage"
Manager = Annotated[Principal, Depends(require_scope(MANAGE_SCOPE))]
PageQuery = Annotated[PageParams, Depends(page_params)]


def sees_everything(principal: Principal) -> bool:
    """An operator (``admin``) sees every subscription; anyone else only their own."""
    return principal.has_scope("admin")


def _settings(request: Request) -> WebhooksSettings:
    settings: WebhooksSettings = request.app.state.settings
    return settings


def _secret_box(request: Request) -> SecretBox:
    box: SecretBox = request.app.state.secret_box
    return box


def _job_queue(request: Request) -> procrastinate.App:
    queue: procrastinate.App = request.app.state.job_queue
    return queue


SettingsDep = Annotated[WebhooksSettings, Depends(_settings)]
SecretBoxDep = Annotated[SecretBox, Depends(_secret_box)]
JobQueueDep = Annotated[procrastinate.App, Depends(_job_queue)]
