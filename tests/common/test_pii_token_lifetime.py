"""Tokens carrying attendees:pii live at most SOMOS_PII_TOKEN_MAX_TTL seconds (issue 14, point 6)."""

from __future__ import annotations

import time
import uuid

import jwt
import pytest

from services.common.auth import PiiTokenTooLongLived, TokenVerifier, mint_token
from services.common.errors import Unauthorized
from services.common.settings import PlatformSettings
from services.common.testing import asgi_client, bearer, running_app


def claims_token(settings: PlatformSettings, *, scope: str, iat: int, exp: int) -> str:
    return jwt.encode(
        {
            "sub": "analista",
            "iss": settings.jwt_issuer,
            "aud": settings.jwt_audience,
            "iat": iat,
            "exp": exp,
            "jti": uuid.uuid4().hex,
            "scope": scope,
        },
        settings.signing_secret(),
        algorithm="HS256",
    )


def test_the_default_limit_is_an_hour_and_the_variable_changes_it(monkeypatch):
    assert PlatformSettings().pii_token_max_ttl == 3600
    monkeypatch.setenv("SOMOS_PII_TOKEN_MAX_TTL", "900")
    assert PlatformSettings().pii_token_max_ttl == 900
    monkeypatch.setenv("SOMOS_PII_TOKEN_MAX_TTL", "10")
    with pytest.raises(ValueError):
        PlatformSettings()


def test_a_pii_token_living_longer_than_the_limit_is_refused_with_the_reason():
    settings = PlatformSettings()
    verifier = TokenVerifier(settings)
    ok = mint_token(settings, scopes=["events:read", "attendees:pii"], ttl_seconds=3600)
    assert verifier.verify(ok).has_scope("attendees:pii")
    long = mint_token(settings, scopes=["events:read", "attendees:pii"], ttl_seconds=3601)
    with pytest.raises(PiiTokenTooLongLived) as refused:
        verifier.verify(long)
    assert refused.value.status == 401
    assert refused.value.slug == "pii-token-too-long-lived"
    assert refused.value.detail == (
        "A token carrying attendees:pii may live at most 3600 seconds "
        "(exp - iat, SOMOS_PII_TOKEN_MAX_TTL); this one lives 3601 seconds. "
        "Ask for a shorter-lived token."
    )
    # the lifetime is exp - iat, not what is left of it: an old day-long token is refused too
    now = int(time.time())
    day_long = claims_token(
        settings, scope="attendees:pii events:read", iat=now - 86_000, exp=now + 400
    )
    with pytest.raises(PiiTokenTooLongLived):
        verifier.verify(day_long)


def test_tokens_without_the_pii_scope_may_live_longer():
    settings = PlatformSettings()
    token = mint_token(settings, scopes=["events:read", "admin"], ttl_seconds=7 * 86_400)
    assert TokenVerifier(settings).verify(token).scopes == {"events:read", "admin"}


def test_the_limit_follows_the_setting():
    settings = PlatformSettings(pii_token_max_ttl=600)
    verifier = TokenVerifier(settings)
    assert verifier.verify(mint_token(settings, scopes=["attendees:pii"], ttl_seconds=600))
    with pytest.raises(Unauthorized, match="at most 600 seconds"):
        verifier.verify(mint_token(settings, scopes=["attendees:pii"], ttl_seconds=601))


async def test_the_gateway_refuses_it_before_any_service_sees_it():
    from gateway.app import create_app
    from tests.gateway.conftest import gateway_settings

    settings = PlatformSettings()
    long = mint_token(settings, scopes=["events:read", "attendees:pii"], ttl_seconds=7200)
    app = create_app(gateway_settings())
    async with running_app(app), asgi_client(app, headers=bearer(long)) as client:
        r = await client.get(f"/api/v1/events/{uuid.uuid4()}/attendees")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["type"] == "urn:somos:problem:pii-token-too-long-lived"
    assert "SOMOS_PII_TOKEN_MAX_TTL" in problem["detail"] and "7200 seconds" in problem["detail"]
