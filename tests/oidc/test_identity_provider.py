"""Tokens from a real OpenID provider (npm `oidc-provider`): a partner's client credentials,
the gateway and a service on real ports verifying them through the provider's JWKS, key
rotation followed without restart, and the tokens that must be refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from tests.oidc.conftest import (
    AUDIENCE,
    KEYS_TTL,
    MEDELLIN,
    PARTNERS,
    REFRESH_INTERVAL,
    TUMACO,
    OpenIdProvider,
    SigningKey,
    SomosStack,
)

pytestmark = pytest.mark.e2e


def get(base: str, path: str, token: str) -> httpx.Response:
    return httpx.get(base + path, headers={"Authorization": f"Bearer {token}"}, timeout=15)


def both(stack: SomosStack) -> dict[str, str]:
    return {"gateway": stack.gateway_url, "service": stack.service_url}


def listed(base: str, token: str) -> set[str]:
    response = get(base, "/api/v1/organizations", token)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_partner_token_from_client_credentials_reads_its_territory(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack, organizations: dict[str, str]
) -> None:
    token = oidc_provider.token(PARTNERS["gobernacion"])
    header, claims = (
        jwt.get_unverified_header(token),
        jwt.decode(token, options={"verify_signature": False}),
    )
    assert header["alg"] == "RS256" and header["typ"] == "at+jwt"
    assert header["kid"] == oidc_provider.keys[0].kid
    assert claims["iss"] == oidc_provider.issuer and claims["aud"] == AUDIENCE
    assert claims["sub"] == PARTNERS["gobernacion"].client_id
    assert claims["scope"] == "organizations:read events:read"
    assert claims["territories"] == ["05"]

    for where, base in both(somos_stack).items():
        # Antioquia's office sees Medellín's organization, not Tumaco's (Nariño).
        assert listed(base, token) == {organizations[MEDELLIN]}, where
        one = get(base, f"/api/v1/organizations/{organizations[MEDELLIN]}", token)
        assert one.json()["municipality_code"] == MEDELLIN
        hidden = get(base, f"/api/v1/organizations/{organizations[TUMACO]}", token)
        assert hidden.status_code == 404, where
        refused = httpx.post(
            base + "/api/v1/organizations",
            json={"name": "x", "type": "organizacion_victimas", "municipality_code": MEDELLIN},
            headers={"Authorization": f"Bearer {token}"},
            timeout=15,
        )
        assert refused.status_code == 403, where
        assert refused.json()["missing_scope"] == "organizations:write"

    # The operator's token carries no territories: it sees both.
    operator = oidc_provider.token(PARTNERS["operator"], scope="organizations:read")
    assert listed(somos_stack.gateway_url, operator) == set(organizations.values())


def test_es256_tokens_from_the_provider_are_accepted(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack, organizations: dict[str, str]
) -> None:
    token = oidc_provider.token(PARTNERS["gobernacion"], resource="https://es256.api.somos.test")
    assert jwt.get_unverified_header(token)["alg"] == "ES256"
    for base in both(somos_stack).values():
        assert listed(base, token) == {organizations[MEDELLIN]}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unsigned(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    head = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    return head + "." + _b64(signature)


def _hs256(claims: dict[str, Any], secret: bytes, kid: str) -> str:
    head = _unsigned({"alg": "HS256", "typ": "JWT", "kid": kid}, claims).rsplit(".", 1)[0]
    return head + "." + _b64(hmac.new(secret, head.encode(), hashlib.sha256).digest())


def test_tokens_the_provider_did_not_issue_for_somos_are_refused(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack
) -> None:
    key = oidc_provider.keys[0]
    now = int(time.time())
    claims = {
        "iss": oidc_provider.issuer,
        "aud": AUDIENCE,
        "sub": "intruder",
        "iat": now,
        "exp": now + 300,
        "scope": "organizations:read admin",
    }
    public_pem = key.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    genuine = oidc_provider.token(PARTNERS["gobernacion"])
    head, payload, signature = genuine.split(".")
    widened = json.loads(base64.urlsafe_b64decode(payload + "=="))
    widened.pop("territories")  # all territories, and more scopes
    widened["scope"] = "organizations:read organizations:write admin"
    refused = {
        # HS256 with a guessed secret, and with the provider's public key as the HMAC secret
        "hs256": (_hs256(claims, b"secret", key.kid), "algorithm 'HS256' is not accepted"),
        "hs256 public key": (_hs256(claims, public_pem, key.kid), "'HS256' is not accepted"),
        "alg none": (_unsigned({"alg": "none", "kid": key.kid}, claims), "'none' is not accepted"),
        "wrong issuer": (key.sign({**claims, "iss": "https://evil.example"}), "Invalid issuer"),
        "wrong audience": (
            oidc_provider.token(PARTNERS["gobernacion"], resource="https://other.example"),
            "Audience doesn't match",
        ),
        "expired": (key.sign({**claims, "iat": now - 900, "exp": now - 300}), "expired"),
        "unknown key": (SigningKey.rsa().sign(claims), "not one of the identity provider's"),
        "another key's kid": (SigningKey.rsa().sign(claims, kid=key.kid), "Signature"),
        "widened claims": (
            head + "." + _b64(json.dumps(widened).encode()) + "." + signature,
            "Signature verification failed",
        ),
        "no kid": (
            jwt.encode(claims, key.private, algorithm="RS256"),
            "names no signing key",
        ),
    }
    for name, (token, reason) in refused.items():
        for where, base in both(somos_stack).items():
            response = get(base, "/api/v1/organizations", token)
            assert response.status_code == 401, (name, where, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert reason in response.json()["detail"], (name, where, response.json())
    # The genuine token still works: nothing above poisoned a cache.
    assert get(somos_stack.gateway_url, "/api/v1/organizations", genuine).status_code == 200


def test_unknown_key_ids_fetch_the_jwks_at_most_once_per_refresh_interval(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack
) -> None:
    now = int(time.time())
    claims = {"iss": oidc_provider.issuer, "aud": AUDIENCE, "sub": "x", "iat": now}
    claims["exp"] = now + 300
    forger = SigningKey.rsa()
    before = oidc_provider.jwks_requests()
    started = time.monotonic()
    answers = [
        get(base, "/api/v1/organizations", forger.sign(claims, kid=uuid.uuid4().hex)).status_code
        for _ in range(20)
        for base in both(somos_stack).values()
    ]
    elapsed = time.monotonic() - started
    fetched = oidc_provider.jwks_requests() - before
    assert answers == [401] * 40
    # Each of the two processes fetches at most once per interval (plus one at the start);
    # without the limit, 40 unknown key ids would have cost 40 fetches.
    bound = 2 * (int(elapsed / REFRESH_INTERVAL) + 1)
    assert fetched <= bound, (fetched, elapsed)
    assert fetched < 40


def test_rotated_keys_are_followed_without_restart_and_removed_ones_refused(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack, organizations: dict[str, str]
) -> None:
    old, ec_key = oidc_provider.keys[0], oidc_provider.keys[1]
    pids = {name: p.pid for name, p in somos_stack.processes.items()}
    before = oidc_provider.token(PARTNERS["gobernacion"])
    for base in both(somos_stack).values():
        assert listed(base, before) == {organizations[MEDELLIN]}  # verified and cached

    # Rotation: a new key signs; the old one is still published for tokens in flight.
    new = SigningKey.rsa()
    oidc_provider.use_keys([new, old, ec_key])
    after = oidc_provider.token(PARTNERS["gobernacion"])
    assert jwt.get_unverified_header(after)["kid"] == new.kid
    time.sleep(REFRESH_INTERVAL)  # the last fetch may have been just now (rate limit)
    for where, base in both(somos_stack).items():
        assert listed(base, after) == {organizations[MEDELLIN]}, where
        assert listed(base, before) == {organizations[MEDELLIN]}, where

    # Retirement: the old key leaves the JWKS; within the TTL its tokens stop working.
    oidc_provider.use_keys([new, ec_key])
    assert old.kid not in oidc_provider.published_kids()
    time.sleep(KEYS_TTL + REFRESH_INTERVAL)
    for where, base in both(somos_stack).items():
        refused = get(base, "/api/v1/organizations", before)
        assert refused.status_code == 401, (where, refused.text)
        assert "not one of the identity provider's" in refused.json()["detail"]
        assert listed(base, after) == {organizations[MEDELLIN]}, where
    # Each process says how its key set fared.
    metrics = httpx.get(somos_stack.service_url + "/metrics", timeout=10).text
    ok = re.search(
        r'somos_jwks_fetches_total\{outcome="ok",service="organizations"\} (\d+)', metrics
    )
    assert ok is not None and int(ok.group(1)) >= 3  # first use, rotation, after the TTL
    assert 'somos_jwks_keys{service="organizations"} 2.0' in metrics  # the new RSA and the EC
    # The same processes did all of it.
    assert {name: p.pid for name, p in somos_stack.processes.items()} == pids
    assert all(p.poll() is None for p in somos_stack.processes.values())
