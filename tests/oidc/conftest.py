"""A real OpenID provider (npm `oidc-provider`, tests/oidc/provider/) and Somos processes that
trust it: the organizations service and the gateway on real ports, verifying its tokens
through its JWKS URL.

The provider's Node.js packages are installed from the committed lock file (`npm ci`) the
first time the suite needs them; Node.js 20+ and npm must be on the PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from services.common.testing import REPO_ROOT, free_port, migrated_database

PROVIDER_DIR = Path(__file__).parent / "provider"
AUDIENCE = "somos-api"
MEDELLIN, TUMACO = "05001", "52835"
KEYS_TTL = 3.0  # SOMOS_JWT_JWKS_TTL_SECONDS of the processes under test
REFRESH_INTERVAL = 1.0  # SOMOS_JWT_JWKS_REFRESH_INTERVAL_SECONDS


def install_provider() -> None:
    """`npm ci` in tests/oidc/provider/ when its packages are missing (a fresh clone)."""
    if (PROVIDER_DIR / "node_modules" / "oidc-provider" / "package.json").is_file():
        return
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail(
            "The identity-provider tests run npm's oidc-provider: install Node.js 20+ and npm "
            "(apt-get install nodejs npm), then run the tests again."
        )
    result = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PROVIDER_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            "`npm ci` in tests/oidc/provider failed (the npm registry must be reachable):\n"
            + result.stdout
            + result.stderr
        )


@dataclass
class SigningKey:
    """A private key the provider signs with (the test holds it too, to forge tokens)."""

    jwk: dict[str, Any]
    private: Any

    @property
    def kid(self) -> str:
        return str(self.jwk["kid"])

    @classmethod
    def rsa(cls) -> SigningKey:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(RSAAlgorithm.to_jwk(key))
        jwk.update(kid="rsa-" + uuid.uuid4().hex[:8], alg="RS256", use="sig")
        return cls(jwk, key)

    @classmethod
    def ec(cls) -> SigningKey:
        key = ec.generate_private_key(ec.SECP256R1())
        jwk = json.loads(ECAlgorithm.to_jwk(key))
        jwk.update(kid="ec-" + uuid.uuid4().hex[:8], alg="ES256", use="sig")
        return cls(jwk, key)

    def sign(self, claims: dict[str, Any], *, kid: str | None = None) -> str:
        return jwt.encode(
            claims, self.private, algorithm=self.jwk["alg"], headers={"kid": kid or self.kid}
        )


@dataclass
class Partner:
    """A client registered at the provider for client credentials."""

    client_id: str
    client_secret: str
    scope: str
    territories: list[str] | None = None


PARTNERS = {
    # A Gobernación's security office: reads organizations and events in its department.
    "gobernacion": Partner(
        "gobernacion-antioquia", "g-" + uuid.uuid4().hex, "organizations:read events:read", ["05"]
    ),
    # An operator's integration that writes everywhere.
    "operator": Partner(
        "somos-operator", "o-" + uuid.uuid4().hex, "organizations:read organizations:write"
    ),
    # The webhooks worker's own client: it reads every feed (no territory claim: everywhere).
    "webhooks": Partner(
        "somos-webhooks-worker",
        "w-" + uuid.uuid4().hex,
        "organizations:read plans:read events:read",
    ),
}


@dataclass
class OpenIdProvider:
    """The running provider: token endpoint, JWKS URL, key rotation (test admin surface)."""

    port: int
    process: subprocess.Popen[bytes]
    keys: list[SigningKey] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def jwks_url(self) -> str:
        return self.issuer + "/jwks"

    def token(self, partner: Partner, scope: str | None = None, resource: str | None = None) -> str:
        """An access token by client credentials, as a partner's system asks for one."""
        data = {"grant_type": "client_credentials", "scope": scope or partner.scope}
        if resource:
            data["resource"] = resource
        response = httpx.post(
            self.issuer + "/token",
            data=data,
            auth=(partner.client_id, partner.client_secret),
            timeout=10,
        )
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    def use_keys(self, keys: list[SigningKey]) -> None:
        """Publish ``keys`` (the first one signs new tokens) in place of the current ones."""
        response = httpx.put(
            self.issuer + "/__admin/keys", json={"keys": [k.jwk for k in keys]}, timeout=10
        )
        assert response.status_code == 200, response.text
        self.keys = keys

    def published_kids(self) -> list[str]:
        return [k["kid"] for k in httpx.get(self.jwks_url, timeout=5).json()["keys"]]

    def jwks_requests(self) -> int:
        return int(httpx.get(self.issuer + "/__admin/stats", timeout=5).json()["jwks_requests"])


def wait_until_answering(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"{what} exited with {process.returncode}:\n{output}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{what} never answered at {url}")


def stop(process: subprocess.Popen[bytes]) -> str:
    if process.poll() is None:
        process.terminate()
    try:
        output = process.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        process.kill()
        output = process.communicate()[0]
    return (output or b"").decode(errors="replace")


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenIdProvider]:
    install_provider()
    port = free_port()
    keys = [SigningKey.rsa(), SigningKey.ec()]
    config = tmp_path_factory.mktemp("oidc") / "provider.json"
    config.write_text(
        json.dumps(
            {
                "port": port,
                "clients": [
                    {
                        "client_id": p.client_id,
                        "client_secret": p.client_secret,
                        "scope": p.scope,
                        **({"territories": p.territories} if p.territories else {}),
                    }
                    for p in PARTNERS.values()
                ],
                "keys": [k.jwk for k in keys],
            }
        )
    )
    process = subprocess.Popen(
        ["node", "provider.mjs", str(config)],
        cwd=PROVIDER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    provider = OpenIdProvider(port, process, keys)
    wait_until_answering(provider.issuer + "/.well-known/openid-configuration", process, "provider")
    yield provider
    stop(process)


@dataclass
class SomosStack:
    """The organizations service and the gateway, both trusting the provider."""

    service_url: str
    gateway_url: str
    processes: dict[str, subprocess.Popen[bytes]]


def trusting_environment(provider: OpenIdProvider, **extra: str) -> dict[str, str]:
    """A production environment with the provider as the only source of tokens."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOMOS_", "OTEL_"))}
    env.update(
        SOMOS_ENVIRONMENT="production",
        SOMOS_LOG_LEVEL="WARNING",
        SOMOS_JWT_JWKS_URL=provider.jwks_url,
        SOMOS_JWT_ISSUER=provider.issuer,
        SOMOS_JWT_AUDIENCE=AUDIENCE,
        SOMOS_JWT_ALGORITHMS='["RS256", "ES256"]',
        SOMOS_JWT_TERRITORIES_CLAIM="territories",
        SOMOS_JWT_JWKS_TTL_SECONDS=str(KEYS_TTL),
        SOMOS_JWT_JWKS_REFRESH_INTERVAL_SECONDS=str(REFRESH_INTERVAL),
        **extra,
    )
    return env


@pytest.fixture(scope="session")
async def oidc_organizations_db(postgres_admin_url: str) -> AsyncIterator[str]:
    async with migrated_database(postgres_admin_url, "organizations") as url:
        yield url


@pytest.fixture(scope="session")
def somos_stack(oidc_provider: OpenIdProvider, oidc_organizations_db: str) -> Iterator[SomosStack]:
    service_port, gateway_port = free_port(), free_port()
    dead = f"http://127.0.0.1:{free_port()}"
    commands = {
        "organizations": (
            ["organizations", "--port", str(service_port)],
            trusting_environment(
                oidc_provider, SOMOS_ORGANIZATIONS_DATABASE_URL=oidc_organizations_db
            ),
        ),
        "gateway": (
            ["gateway", "--port", str(gateway_port)],
            trusting_environment(
                oidc_provider,
                SOMOS_GATEWAY_ORGANIZATIONS_URL=f"http://127.0.0.1:{service_port}",
                SOMOS_GATEWAY_SECURITY_PLANS_URL=dead,
                SOMOS_GATEWAY_EVENTS_URL=dead,
                SOMOS_GATEWAY_INTERNAL_PORT=str(free_port()),
                SOMOS_GATEWAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE="0",
            ),
        ),
    }
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "somos.cli", "serve", *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for name, (args, env) in commands.items()
    }
    stack = SomosStack(
        f"http://127.0.0.1:{service_port}", f"http://127.0.0.1:{gateway_port}", processes
    )
    try:
        wait_until_answering(stack.service_url + "/healthz", processes["organizations"], "service")
        wait_until_answering(stack.gateway_url + "/healthz", processes["gateway"], "gateway")
        yield stack
    finally:
        outputs = {name: stop(p) for name, p in processes.items()}
    for name, output in outputs.items():
        assert "Traceback" not in output, f"{name}:\n{output}"


@pytest.fixture(scope="session")
def organizations(oidc_provider: OpenIdProvider, somos_stack: SomosStack) -> dict[str, str]:
    """Two organizations, written through the gateway by the operator's integration."""
    token = oidc_provider.token(PARTNERS["operator"])
    ids = {}
    for code, name in ((MEDELLIN, "Mesa de Víctimas de Medellín"), (TUMACO, "Red de Tumaco")):
        response = httpx.post(
            somos_stack.gateway_url + "/api/v1/organizations",
            json={
                "name": name,
                "type": "organizacion_victimas",
                "municipality_code": code,
                "focus_areas": ["convivencia"],
            },
            headers={"Authorization": f"Bearer {token}"},
            timeout=15,
        )
        assert response.status_code == 201, response.text
        assert response.json()["name"] == name  # accents round-trip
        ids[code] = response.json()["id"]
    return ids
