"""The webhooks worker behind an identity provider: it asks the provider for its own token by
client credentials and reads the services' change feeds with it (no HS256 token exists in
that mode), reusing the token until half its lifetime."""

from __future__ import annotations

from typing import Any, cast

import httpx
import jwt
import pytest

from services.webhooks.feeds.reader import FeedReader, FeedToken, FeedUnavailable
from services.webhooks.settings import WebhooksSettings
from tests.oidc.conftest import AUDIENCE, MEDELLIN, PARTNERS, TUMACO, OpenIdProvider, SomosStack

pytestmark = pytest.mark.e2e


def worker_settings(provider: OpenIdProvider, stack: SomosStack, secret: str) -> WebhooksSettings:
    partner = PARTNERS["webhooks"]
    return WebhooksSettings(
        feed_token_url=provider.issuer + "/token",
        feed_client_id=partner.client_id,
        feed_client_secret=secret,
        organizations_url=stack.service_url,
        feed_wait_seconds=0,
    )


async def test_the_worker_reads_a_feed_with_its_client_credentials_token(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack, organizations: dict[str, str]
) -> None:
    settings = worker_settings(oidc_provider, somos_stack, PARTNERS["webhooks"].client_secret)
    async with httpx.AsyncClient() as client:
        token = FeedToken(settings, client)
        value = await token.value()
        assert await token.value() == value  # reused, not asked for again
        claims = jwt.decode(value, options={"verify_signature": False})
        assert claims["iss"] == oidc_provider.issuer and claims["aud"] == AUDIENCE
        assert set(claims["scope"].split()) == {"organizations:read", "plans:read", "events:read"}
        assert jwt.get_unverified_header(value)["alg"] in {"RS256", "ES256"}

        reader = FeedReader(
            "organizations",
            settings=settings,
            job_queue=cast(Any, None),
            client=client,
            token=token,
        )
        items, next_cursor = await reader.fetch(None)
    seen = {(i["id"], i["type"]) for i in items}
    # No territory claim: both organizations, in both departments, as created.
    assert (organizations[MEDELLIN], "organization.created") in seen
    assert (organizations[TUMACO], "organization.created") in seen
    assert next_cursor


async def test_a_wrong_client_secret_is_a_feed_failure_not_a_minted_token(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack
) -> None:
    settings = worker_settings(oidc_provider, somos_stack, "not-the-secret")
    async with httpx.AsyncClient() as client:
        with pytest.raises(FeedUnavailable, match="token endpoint answered 401"):
            await FeedToken(settings, client).value()


def test_client_credentials_settings_go_together() -> None:
    with pytest.raises(ValueError, match="go together"):
        WebhooksSettings(feed_token_url="http://127.0.0.1:1/token", feed_client_id="x")
