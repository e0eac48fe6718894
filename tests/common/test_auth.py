"""Token verification into a principal; scopes and territories."""

from __future__ import annotations

import json
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import column
from sqlalchemy.dialects import postgresql

from services.common.auth import Principal, TokenVerifier, mint_token
from services.common.errors import Unauthorized
from services.common.settings import PlatformSettings

SETTINGS = PlatformSettings(jwt_secret="a-test-secret-that-is-long-enough-0123456789")


def test_minted_token_verifies_into_a_principal():
    token = mint_token(
        SETTINGS,
        scopes=["organizations:read", "plans:write"],
        sub="ana",
        municipalities=["52835"],
        departments=["19"],
    )
    p = TokenVerifier(SETTINGS).verify(token)
    assert p.sub == "ana"
    assert p.scopes == {"organizations:read", "plans:write"}
    assert p.municipalities == {"52835"} and p.departments == {"19"}
    assert p.token_id is not None


@pytest.mark.parametrize("change", ["secret", "audience", "issuer", "expired", "garbage"])
def test_invalid_tokens_are_rejected(change):
    other = PlatformSettings(
        jwt_secret="another-secret-that-is-long-enough-0123456789"
        if change == "secret"
        else SETTINGS.signing_secret(),
        jwt_audience="other-api" if change == "audience" else "somos-api",
        jwt_issuer="someone-else" if change == "issuer" else "somos",
    )
    token = mint_token(other, scopes=["admin"], ttl_seconds=-5 if change == "expired" else 60)
    if change == "garbage":
        token = "not.a.token"
    with pytest.raises(Unauthorized) as info:
        TokenVerifier(SETTINGS).verify(token)
    if change == "expired":
        assert "expired" in info.value.detail


def test_malformed_territory_claims_are_rejected():
    now = int(time.time())
    claims = {
        "sub": "x",
        "iss": "somos",
        "aud": "somos-api",
        "iat": now,
        "exp": now + 60,
        "scope": "admin",
        "municipalities": [52835],
    }
    token = jwt.encode(claims, SETTINGS.signing_secret(), algorithm="HS256")
    with pytest.raises(Unauthorized, match="municipalities"):
        TokenVerifier(SETTINGS).verify(token)


def test_territory_rules():
    everywhere = Principal(sub="a", scopes=frozenset())
    assert everywhere.can_access("05001") and not everywhere.is_territorially_limited
    tumaco = Principal(sub="b", scopes=frozenset(), municipalities=frozenset({"52835"}))
    assert tumaco.can_access("52835") and not tumaco.can_access("52001")
    cauca = Principal(sub="c", scopes=frozenset(), departments=frozenset({"19"}))
    assert cauca.can_access("19698") and not cauca.can_access("52835")
    both = Principal(
        sub="d",
        scopes=frozenset(),
        municipalities=frozenset({"52835"}),
        departments=frozenset({"19"}),
    )
    sql = str(
        both.territory_clause(column("municipality_code"), column("department_code")).compile(
            dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    assert sql == ("municipality_code IN ('52835') OR department_code IN ('19')")
    empty = Principal(sub="e", scopes=frozenset(), municipalities=frozenset())
    assert not empty.can_access("05001")


def test_rs256_tokens_verify_through_a_jwks_url():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": "k1", "use": "sig", "alg": "RS256"})
    body = json.dumps({"keys": [jwk]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings = PlatformSettings(
            jwt_jwks_url=f"http://127.0.0.1:{server.server_port}/jwks",
            jwt_issuer="https://keycloak.local/realms/somos",
        )
        now = int(time.time())
        claims = {
            "sub": "keycloak-user",
            "iss": "https://keycloak.local/realms/somos",
            "aud": "somos-api",
            "iat": now,
            "exp": now + 60,
            "scope": "events:read",
        }
        token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})
        principal = TokenVerifier(settings).verify(token)
        assert principal.sub == "keycloak-user" and principal.scopes == {"events:read"}
        # An HS256 token signed with a guessable secret is not accepted when JWKS is in force.
        with warnings.catch_warnings():  # the short key is the point: a guessable secret
            warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)
            forged = jwt.encode(claims, "guess", algorithm="HS256")
        with pytest.raises(Unauthorized):
            TokenVerifier(settings).verify(forged)
    finally:
        server.shutdown()
