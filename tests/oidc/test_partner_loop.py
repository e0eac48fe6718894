"""The partner loop of clients/python/examples/partner_loop.py, with the generated client,
against the live stack and the real identity provider (tests/oidc/conftest.py)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from standardwebhooks import Webhook

from scripts.generate_clients import TYPESCRIPT_DIR, npm_ci
from services.common.testing import REPO_ROOT
from tests.oidc.conftest import MEDELLIN, PARTNERS, TUMACO, OpenIdProvider, SomosStack

pytestmark = pytest.mark.e2e

CLIENT_DIR = REPO_ROOT / "clients" / "python"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    """The example as a partner runs it, with the generated package importable."""
    sys.path.insert(0, str(CLIENT_DIR))
    spec = importlib.util.spec_from_file_location(
        "partner_loop", CLIENT_DIR / "examples" / "partner_loop.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def credentials(example: ModuleType, provider: OpenIdProvider) -> object:
    partner = PARTNERS["gobernacion"]
    return example.ClientCredentials(
        provider.issuer + "/token", partner.client_id, partner.client_secret, partner.scope
    )


def test_client_credentials_and_the_generated_client_fetch_changed_resources(
    example: ModuleType,
    oidc_provider: OpenIdProvider,
    somos_stack: SomosStack,
    organizations: dict[str, str],
) -> None:
    auth = credentials(example, oidc_provider)
    token = auth.token()  # type: ignore[attr-defined]
    assert auth.token() == token  # type: ignore[attr-defined]  # reused, not fetched again
    with example.somos_client(somos_stack.gateway_url, auth) as client:
        medellin = example.fetch_changed(
            client, {"resource": "organizations", "id": organizations[MEDELLIN], "version": 1}
        )
        assert medellin["name"] == "Mesa de Víctimas de Medellín"
        assert medellin["municipality_code"] == MEDELLIN and medellin["version"] == 1
        # Outside the partner's territory (Nariño): not readable, so None, not an error.
        tumaco = {"resource": "organizations", "id": organizations[TUMACO], "version": 1}
        assert example.fetch_changed(client, tumaco) is None


def test_webhook_deliveries_are_verified_with_standard_webhooks(example: ModuleType) -> None:
    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    event = {
        "type": "organization.updated",
        "timestamp": "2026-12-03T08:00:00Z",
        "data": {
            "resource": "organizations",
            "id": "6a1c1b8e-5b9b-4e43-9a55-3c9b1b1c0a11",
            "version": 4,
            "municipality_code": MEDELLIN,
            "url": "/api/v1/organizations/6a1c1b8e-5b9b-4e43-9a55-3c9b1b1c0a11",
        },
    }
    body = json.dumps(event)
    now = datetime.now(UTC)
    headers = {
        "Webhook-Id": "msg_2f1c",
        "Webhook-Timestamp": str(int(now.timestamp())),
        "Webhook-Signature": Webhook(secret).sign("msg_2f1c", now, body),
    }
    assert example.verify_delivery(secret, body.encode(), headers) == event
    tampered = body.replace('"version": 4', '"version": 5').encode()
    with pytest.raises(example.WebhookVerificationError):
        example.verify_delivery(secret, tampered, headers)
    with pytest.raises(example.WebhookVerificationError):  # another subscription's secret
        example.verify_delivery("whsec_" + "A" * 32, body.encode(), headers)
    old = now - timedelta(minutes=10)  # a replayed delivery
    replayed = {
        **headers,
        "Webhook-Timestamp": str(int(old.timestamp())),
        "Webhook-Signature": Webhook(secret).sign("msg_2f1c", old, body),
    }
    with pytest.raises(example.WebhookVerificationError):
        example.verify_delivery(secret, body.encode(), replayed)


def test_the_whole_loop_reads_the_feed_and_fetches_each_change(
    example: ModuleType,
    oidc_provider: OpenIdProvider,
    somos_stack: SomosStack,
    organizations: dict[str, str],
    tmp_path: Path,
) -> None:
    state = tmp_path / "state.json"
    with example.somos_client(somos_stack.gateway_url, credentials(example, oidc_provider)) as c:
        assert example.sync_once(c, state) >= 1
        assert json.loads(state.read_text())["cursor"]
        assert example.sync_once(c, state) == 0  # nothing new after the saved cursor


TYPESCRIPT_RUN = """
import { Webhook } from "standardwebhooks";
import { ClientCredentials, createSomosClient } from "./dist/src/index.js";
import { fetchOrganization, verifyDelivery } from "./dist/examples/partner_loop.js";

const env = process.env;
const credentials = new ClientCredentials(
  env.TOKEN_URL, env.CLIENT_ID, env.CLIENT_SECRET, env.SCOPE);
const client = createSomosClient(env.API_URL, credentials);
const medellin = await fetchOrganization(client, env.MEDELLIN);
const tumaco = await fetchOrganization(client, env.TUMACO);
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const body = JSON.stringify({ type: "organization.updated", data: { id: env.MEDELLIN } });
const now = new Date();
const headers = {
  "Webhook-Id": "msg_1", "Webhook-Timestamp": String(Math.floor(now / 1000)),
  "Webhook-Signature": new Webhook(secret).sign("msg_1", now, body) };
let tampered = "accepted";
try { verifyDelivery(secret, body.replace("updated", "created"), headers); }
catch (error) { tampered = error.constructor.name; }
console.log(JSON.stringify({
  medellin: medellin?.name, tumaco: tumaco ?? null,
  event: verifyDelivery(secret, body, headers), tampered }));
"""


def test_typescript_client_runs_the_loop_against_the_stack(
    oidc_provider: OpenIdProvider, somos_stack: SomosStack, organizations: dict[str, str]
) -> None:
    npm_ci(TYPESCRIPT_DIR)
    build = subprocess.run(
        ["npm", "run", "--silent", "build"], cwd=TYPESCRIPT_DIR, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    partner = PARTNERS["gobernacion"]
    run = subprocess.run(
        ["node", "--input-type=module", "-e", TYPESCRIPT_RUN],
        cwd=TYPESCRIPT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "TOKEN_URL": oidc_provider.issuer + "/token",
            "CLIENT_ID": partner.client_id,
            "CLIENT_SECRET": partner.client_secret,
            "SCOPE": partner.scope,
            "API_URL": somos_stack.gateway_url,
            "MEDELLIN": organizations[MEDELLIN],
            "TUMACO": organizations[TUMACO],
        },
    )
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout)
    assert result["medellin"] == "Mesa de Víctimas de Medellín"
    assert result["tumaco"] is None  # outside Antioquia: not readable
    assert result["event"] == {
        "type": "organization.updated",
        "data": {"id": organizations[MEDELLIN]},
    }
    assert result["tampered"] == "WebhookVerificationError"
