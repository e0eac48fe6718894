"""The partner loop with the generated Python client (``pip install ./clients/python
standardwebhooks``): client credentials at your identity provider → the change feed →
the changed resources → and, for webhook deliveries, their Standard Webhooks signature.

    SOMOS_API_URL=https://api.somos.example \\
    SOMOS_TOKEN_URL=https://idp.example/realms/somos/protocol/openid-connect/token \\
    SOMOS_CLIENT_ID=gobernacion-antioquia SOMOS_CLIENT_SECRET=… \\
    SOMOS_SCOPE="organizations:read events:read" \\
    python partner_loop.py --state sync-state.json [--once]

The cursor is saved only after the changes before it were handled, so a crash replays
changes (at least once) and never skips one: handle each change idempotently (by type, id
and version: commitment.overdue carries the version the commitment already had).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from somos_client import AuthenticatedClient
from somos_client.api.organizations import organizations_get
from somos_client.models import OrganizationRead

__all__ = [
    "ClientCredentials",
    "WebhookVerificationError",
    "fetch_changed",
    "read_changes",
    "somos_client",
    "sync_once",
    "verify_delivery",
]


class ClientCredentials(httpx.Auth):
    """OAuth 2.0 client credentials at the partner's identity provider, as an httpx auth:
    each request carries a current token; a token is reused until a minute before it expires
    and fetched again once when the API answers 401."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scope: str,
        resource: str | None = None,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scope = scope
        self.resource = resource
        self._token: str | None = None
        self._renew_at = 0.0

    def token(self) -> str:
        """A current access token (a new one from the provider when needed)."""
        if self._token is None or time.time() >= self._renew_at:
            form = {"grant_type": "client_credentials", "scope": self.scope}
            if self.resource:
                form["resource"] = self.resource
            response = httpx.post(self.token_url, data=form, auth=(self.client_id, self.client_secret), timeout=10)
            response.raise_for_status()
            body = response.json()
            self._token = str(body["access_token"])
            self._renew_at = time.time() + max(0, int(body.get("expires_in", 300)) - 60)
        return self._token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        response = yield request
        if response.status_code == 401:  # revoked or rotated early: one fresh token, once
            self._token = None
            request.headers["Authorization"] = f"Bearer {self.token()}"
            yield request


def somos_client(api_url: str, credentials: ClientCredentials) -> AuthenticatedClient:
    """The generated client, authenticated by ``credentials`` on every request."""
    return AuthenticatedClient(base_url=api_url, token=credentials.token(), httpx_args={"auth": credentials})


def read_changes(
    client: AuthenticatedClient,
    after: str | None,
    *,
    types: list[str] | None = None,
    limit: int = 200,
    wait: int = 0,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of ``GET /api/v1/changes``: the changes after ``after`` and the next cursor.

    With ``wait``, the call long-polls: it returns as soon as a matching change commits."""
    params: dict[str, str | int] = {"limit": limit}
    if after:
        params["after"] = after
    if types:
        params["types"] = ",".join(types)
    if wait:
        params["wait"] = wait
    response = client.get_httpx_client().get("/api/v1/changes", params=params, timeout=wait + 15)
    response.raise_for_status()
    page = response.json()
    return list(page["items"]), page.get("next_cursor")


def fetch_changed(client: AuthenticatedClient, change: Mapping[str, Any]) -> dict[str, Any] | None:
    """The resource a change (or a webhook's ``data``) names, as it is now; None when it is
    no longer readable by this partner (archived and hidden, or outside its territories)."""
    if change["resource"] == "organizations":
        answer = organizations_get.sync_detailed(UUID(str(change["id"])), client=client)
        if answer.status_code == 404:
            return None
        if not isinstance(answer.parsed, OrganizationRead):
            raise RuntimeError(f"GET organization answered {answer.status_code}: {answer.content!r}")
        return answer.parsed.to_dict()
    # Every other record where the change says it is (`path` in the feed, `url` in a webhook),
    # as plain JSON.
    location = change.get("path") or change.get("url") or f"/api/v1/{change['resource']}/{change['id']}"
    response = client.get_httpx_client().get(location)
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return dict(response.json())


def verify_delivery(secret: str, body: bytes, headers: Mapping[str, str]) -> dict[str, Any]:
    """A webhook delivery's event once its signature checks out (``webhook-id``,
    ``webhook-timestamp`` within five minutes, ``webhook-signature`` by the subscription's
    ``whsec_…`` secret); raises WebhookVerificationError otherwise. Verify the raw body,
    before parsing it; then fetch ``event["data"]["url"]`` for the current state."""
    event = Webhook(secret).verify(body, {k.lower(): v for k, v in headers.items()})
    return dict(event)


def sync_once(client: AuthenticatedClient, state: Path, *, wait: int = 0) -> int:
    """Read the feed from the saved cursor to its end, fetch and handle each change, save
    the cursor after each page. Returns how many changes were handled."""
    cursor = json.loads(state.read_text())["cursor"] if state.exists() else None
    handled = 0
    while True:
        items, next_cursor = read_changes(client, cursor, wait=wait if handled == 0 else 0)
        for change in items:
            current = fetch_changed(client, change)
            name = (current or {}).get("name", "(no longer readable)")
            print(f"{change['type']} {change['id']} v{change['version']}: {name}")
            handled += 1
        if next_cursor:
            cursor = next_cursor
            state.write_text(json.dumps({"cursor": cursor}))
        if not items:
            return handled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", type=Path, default=Path("somos-sync-state.json"))
    parser.add_argument("--once", action="store_true", help="read to the end of the feed, stop")
    args = parser.parse_args()
    credentials = ClientCredentials(
        os.environ["SOMOS_TOKEN_URL"],
        os.environ["SOMOS_CLIENT_ID"],
        os.environ["SOMOS_CLIENT_SECRET"],
        os.environ.get("SOMOS_SCOPE", "organizations:read"),
        os.environ.get("SOMOS_RESOURCE"),
    )
    with somos_client(os.environ["SOMOS_API_URL"], credentials) as client:
        handled = sync_once(client, args.state)
        while not args.once:
            handled += sync_once(client, args.state, wait=25)
    print(f"{handled} changes handled; cursor saved in {args.state}")


if __name__ == "__main__":
    main()
