"""The identity provider's keys (TTL, refresh on an unknown kid, rate limit, fail closed, off
the event loop) and the mapping of a provider's claims to a Somos principal."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from services.common.auth import ClaimMapping, TokenVerifier
from services.common.errors import Unauthorized
from services.common.jwks import SigningKeys, SigningKeysUnavailable
from services.common.settings import InsecureConfiguration, PlatformSettings

ISSUER = "https://idp.example/realms/somos"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Provider:
    """A JWKS endpoint whose keys the test changes; counts fetches and their threads."""

    def __init__(self) -> None:
        self.keys: dict[str, Any] = {}
        self.up = True
        self.threads: list[int] = []

    def add(self, kid: str) -> Any:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.keys[kid] = key
        return key

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.threads.append(threading.get_ident())
        if not self.up:
            return httpx.Response(503)
        entries = []
        for kid, key in self.keys.items():
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
            entries.append({**jwk, "kid": kid, "alg": "RS256", "use": "sig"})
        # Keys Somos must skip: an encryption key and a symmetric one.
        entries.append({**entries[0], "kid": "enc", "use": "enc"} if entries else {})
        entries.append({"kty": "oct", "kid": "hmac", "k": "c2VjcmV0"})
        return httpx.Response(200, json={"keys": entries})


def signing_keys(provider: Provider, clock: Clock, *, ttl: float = 60) -> SigningKeys:
    return SigningKeys(
        "https://idp.example/jwks",
        ttl=ttl,
        timeout=1,
        refresh_interval=10,
        clock=clock,
        transport=httpx.MockTransport(provider.handler),
    )


def test_keys_are_cached_for_the_ttl_and_a_removed_key_is_refused_after_it() -> None:
    provider, clock = Provider(), Clock()
    provider.add("k1")
    keys = signing_keys(provider, clock)
    keys.refresh_for("k1")
    assert keys.get("k1") is not None and keys.fetches == 1
    assert keys.get("enc") is None and keys.get("hmac") is None  # never verification keys
    del provider.keys["k1"]
    provider.add("k2")
    clock.now += 59
    keys.refresh_for("k1")  # known and current: no fetch
    assert keys.fetches == 1 and keys.key("k1") is not None
    clock.now += 1  # the TTL has passed: the set must be confirmed again
    assert keys.get("k1") is None and keys.needs_fetch("k1")
    keys.refresh_for("k1")
    assert keys.fetches == 2
    with pytest.raises(Unauthorized, match="not one of the identity provider's"):
        keys.key("k1")
    assert keys.key("k2") is not None


def test_unknown_kids_fetch_at_most_once_per_refresh_interval() -> None:
    provider, clock = Provider(), Clock()
    provider.add("k1")
    keys = signing_keys(provider, clock)
    keys.refresh_for("k1")
    for n in range(50):  # a flood of made-up key ids, inside the interval of that fetch
        keys.refresh_for(f"made-up-{n}")
    assert keys.fetches == 1
    clock.now += 10
    for n in range(50):  # the next interval: one fetch for all of them
        keys.refresh_for(f"made-up-again-{n}")
    assert keys.fetches == 2
    provider.add("k2")  # rotation: the provider's new key appears
    keys.refresh_for("k2")
    assert keys.fetches == 2 and keys.get("k2") is None  # still inside the interval
    clock.now += 10
    keys.refresh_for("k2")
    assert keys.fetches == 3 and keys.get("k2") is not None


def test_keys_that_cannot_be_confirmed_fail_closed_with_503() -> None:
    provider, clock = Provider(), Clock()
    provider.add("k1")
    keys = signing_keys(provider, clock)
    keys.refresh_for("k1")
    provider.up = False
    clock.now += 61
    keys.refresh_for("k1")
    with pytest.raises(SigningKeysUnavailable) as refused:
        keys.key("k1")
    assert refused.value.status == 503 and refused.value.headers == {"Retry-After": "10"}
    keys.refresh_for("k1")  # failures are retried no faster than the refresh interval
    assert keys.fetches == 2 and keys.failures == 1 and keys.held() == 0
    provider.up = True
    clock.now += 10
    keys.refresh_for("k1")
    assert keys.key("k1") is not None


def _token(key: Any, kid: str, **claims: Any) -> str:
    now = int(time.time())
    body = {"iss": ISSUER, "aud": "somos-api", "sub": "partner", "iat": now, "exp": now + 60}
    return jwt.encode({**body, **claims}, key, algorithm="RS256", headers={"kid": kid})


async def test_servers_fetch_keys_off_the_event_loop() -> None:
    provider = Provider()
    key = provider.add("k1")
    settings = PlatformSettings(jwt_jwks_url="https://idp.example/jwks", jwt_issuer=ISSUER)
    verifier = TokenVerifier(settings)
    assert verifier.keys is not None
    verifier.keys._transport = httpx.MockTransport(provider.handler)
    principal = await verifier.verify_async(_token(key, "k1", scope="events:read"))
    assert principal.scopes == {"events:read"}
    assert provider.threads and threading.get_ident() not in provider.threads
    # Verified once: the next call answers from the cache, without fetching again.
    await verifier.verify_async(_token(key, "k1", scope="events:read"))
    assert verifier.keys.fetches == 1
    assert asyncio.get_running_loop().is_running()


def test_claims_of_other_providers_map_to_scopes_and_territories() -> None:
    claims = {"sub": "p", "scp": ["somos/organizations:read", "somos/events:read", "openid"]}
    mapping = ClaimMapping(scope_prefix="somos/", territories="somos.territories")
    nested = {**claims, "somos": {"territories": ["05", "19698", "52835"]}}
    principal = mapping.principal(nested)
    assert principal.scopes == {"organizations:read", "events:read"}
    assert principal.departments == {"05"} and principal.municipalities == {"19698", "52835"}
    assert principal.can_access("05001") and not principal.can_access("11001")
    # Without the claim the caller is not territorially limited (Somos's convention).
    assert not mapping.principal(claims).is_territorially_limited
    # A present but empty list limits the caller to nothing.
    assert not mapping.principal({**claims, "somos": {"territories": []}}).can_access("05001")
    # `scope` as a space-separated string wins over `scp`.
    assert ClaimMapping().principal({"sub": "p", "scope": "plans:read admin"}).scopes == {
        "plans:read",
        "admin",
    }
    # Keycloak's multivalued attribute as one space-separated string works too.
    flat = ClaimMapping(territories="territories").principal({"sub": "p", "territories": "05 19"})
    assert flat.departments == {"05", "19"} and flat.municipalities == frozenset()
    for bad in (["5001"], ["ANT"], [5001], {"05": True}):
        with pytest.raises(Unauthorized, match="territories"):
            ClaimMapping(territories="territories").principal({"sub": "p", "territories": bad})


def test_settings_refuse_none_and_symmetric_only_jwks() -> None:
    with pytest.raises(InsecureConfiguration, match="none"):
        PlatformSettings(jwt_algorithms=["none", "HS256"])
    with pytest.raises(InsecureConfiguration, match="asymmetric"):
        PlatformSettings(jwt_jwks_url="https://idp.example/jwks", jwt_algorithms=["HS256"])
    settings = PlatformSettings(jwt_jwks_url="https://idp.example/jwks")
    assert settings.jwks_algorithms() == ["RS256", "ES256"]  # HS256 dropped in JWKS mode


def test_every_server_path_verifies_tokens_off_the_event_loop() -> None:
    """The gateway and the services check tokens through ``verify_async`` only: the blocking
    ``verify`` (CLI and tests) would fetch the JWKS on the event loop."""
    from services.common.testing import REPO_ROOT

    callers = {}
    for source in [*REPO_ROOT.glob("services/**/*.py"), *REPO_ROOT.glob("gateway/**/*.py")]:
        text = source.read_text(encoding="utf-8")
        if "verifier" in text or "token_verifier" in text:
            callers[source.relative_to(REPO_ROOT).as_posix()] = (
                text.count(".verify_async("),
                text.count(".verify("),
            )
    assert {path for path, (a, _) in callers.items() if a} == {
        "gateway/edge.py",
        "services/common/auth.py",
        "services/common/fastpath.py",
        "services/common/idempotency.py",
    }
    assert all(blocking == 0 for _, blocking in callers.values()), callers
