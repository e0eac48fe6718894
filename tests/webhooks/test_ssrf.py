"""Subscriber URLs that would reach inside the network are refused: at creation (422 naming
``url``) and again at delivery time (DNS may change between the two)."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from services.common.testing import asgi_client, bearer, running_app
from services.webhooks.addresses import UnsafeDestination, public_address, resolve
from services.webhooks.app import create_app
from services.webhooks.deliveries.sender import delivery_client, send
from tests.webhooks.conftest import webhooks_settings

REFUSED = [
    "https://127.0.0.1/hooks",
    "https://127.8.9.10:8443/hooks",
    "https://10.1.2.3/hooks",
    "https://172.16.0.5/hooks",
    "https://192.168.1.20/hooks",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://[fd00::1]/hooks",
    "https://[::ffff:127.0.0.1]/hooks",
    "https://0.0.0.0/hooks",
    "https://100.64.0.1/hooks",
    "https://localhost/hooks",  # a host name that resolves to loopback
    "https://LocalHost:8443/hooks",
]


@pytest.mark.parametrize("url", REFUSED)
async def test_inside_addresses_are_refused(url):
    with pytest.raises(UnsafeDestination, match="loopback, private or link-local"):
        await resolve(url, allow_private=False, production=True)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://8.8.8.8/hooks", "https"),
        ("ftp://8.8.8.8/hooks", "https"),
        ("https://user:pw@8.8.8.8/hooks", "user name"),
        ("https:///hooks", "host"),
        ("https://8.8.8.8:99999/hooks", "valid URL"),
        ("https://no-such-host.invalid/hooks", "does not resolve"),
    ],
)
async def test_malformed_or_plain_http_urls_are_refused(url, reason):
    with pytest.raises(UnsafeDestination, match=reason):
        await resolve(url, allow_private=False, production=False)


async def test_a_public_address_is_accepted_and_pinned():
    destination = await resolve("https://8.8.8.8:8443/a?b=1", allow_private=False, production=True)
    assert destination.address == ipaddress.ip_address("8.8.8.8")
    assert destination.pinned_url() == "https://8.8.8.8:8443/a?b=1"
    assert destination.host_header == "8.8.8.8:8443"


async def test_allow_private_opens_loopback_and_http_but_not_http_in_production():
    local = await resolve("http://localhost:8080/h", allow_private=True, production=False)
    assert local.address.is_loopback and local.host_header == "localhost:8080"
    with pytest.raises(UnsafeDestination, match="https"):
        await resolve("http://localhost:8080/h", allow_private=True, production=True)
    ok = await resolve("https://127.0.0.1/h", allow_private=True, production=True)
    assert str(ok.address) == "127.0.0.1"


def test_public_address():
    assert public_address(ipaddress.ip_address("200.1.2.3"))
    assert public_address(ipaddress.ip_address("2800:3f0:4001::1"))
    assert not public_address(ipaddress.ip_address("::ffff:10.0.0.1"))
    assert not public_address(ipaddress.ip_address("224.0.0.1"))


async def test_the_api_refuses_them_with_a_problem_naming_url(webhooks_db, make_token):
    app = create_app(webhooks_settings(webhooks_db, allow_private=False))
    async with running_app(app), asgi_client(app, headers=bearer(make_token())) as client:
        for url in (
            "https://127.0.0.1/hooks",
            "https://10.0.0.7/hooks",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/hooks",
            "https://localhost/hooks",
            "http://8.8.8.8/hooks",
        ):
            response = await client.post(
                "/api/v1/webhook-subscriptions",
                json={"url": url, "event_types": ["organization.created"]},
            )
            assert response.status_code == 422, url
            assert response.json()["errors"][0]["field"] == "url"
        listed = await client.get("/api/v1/webhook-subscriptions")
        assert listed.json()["items"] == []


async def test_delivery_time_check_refuses_a_host_that_now_resolves_inside():
    # The subscription was made when the name resolved elsewhere; now it points at loopback.
    requests: list[httpx.Request] = []
    async with delivery_client() as client:
        client._transport = httpx.MockTransport(lambda r: requests.append(r) or httpx.Response(200))  # type: ignore[attr-defined]
        from datetime import UTC, datetime

        answer = await send(
            client,
            url="https://localhost/hooks",
            secrets=["whsec_" + "A" * 43 + "="],
            message_id="m1",
            body="{}",
            at=datetime.now(UTC),
            allow_private=False,
            production=True,
            timeout_seconds=5,
        )
    assert answer.status_code is None
    assert answer.error is not None and answer.error.startswith("destination refused")
    assert requests == []  # nothing was sent
