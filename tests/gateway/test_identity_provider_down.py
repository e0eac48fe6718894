"""The gateway when the identity provider's JWKS cannot be fetched: 503, not a guess."""

from __future__ import annotations

import time

import jwt
from cryptography.hazmat.primitives.asymmetric import ec

from services.common.settings import PlatformSettings
from services.common.testing import bearer
from tests.gateway.conftest import INTERNAL, dead_url, gateway_client, gateway_settings

ISSUER = "https://idp.example/realms/somos"


async def test_tokens_are_answered_503_while_the_providers_keys_cannot_be_fetched() -> None:
    platform = PlatformSettings(
        jwt_jwks_url=dead_url() + "/jwks", jwt_issuer=ISSUER, jwt_jwks_timeout_seconds=0.5
    )
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": "somos-api", "sub": "p", "iat": now, "exp": now + 60}
    token = jwt.encode(
        claims, ec.generate_private_key(ec.SECP256R1()), algorithm="ES256", headers={"kid": "k1"}
    )
    async with gateway_client(gateway_settings(platform=platform)) as client:
        answer = await client.get("/api/v1/territories/departments", headers=bearer(token))
        assert answer.status_code == 503
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["type"] == "urn:somos:problem:signing-keys-unavailable"
        assert answer.headers["retry-after"] == "30"  # SOMOS_JWT_JWKS_REFRESH_INTERVAL_SECONDS
        # An HS256 token is refused for what it is, without any fetch.
        forged = jwt.encode(claims, "x" * 32, algorithm="HS256", headers={"kid": "k1"})
        refused = await client.get("/api/v1/territories/departments", headers=bearer(forged))
        assert refused.status_code == 401
        assert "'HS256' is not accepted" in refused.json()["detail"]
        assert client.app.state.token_verifier.keys.fetches == 1  # type: ignore[attr-defined]
        metrics = (await client.get(INTERNAL + "/metrics")).text
        assert 'somos_jwks_fetches_total{outcome="failed",service="gateway"} 1.0' in metrics
        assert 'somos_jwks_fetches_total{outcome="ok",service="gateway"} 0.0' in metrics
        assert 'somos_jwks_keys{service="gateway"} 0.0' in metrics
