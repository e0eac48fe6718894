"""`somos demo-data` fills a running system through the gateway's public API."""

from __future__ import annotations

import asyncio
import contextlib
import io

import httpx

from gateway.app import create_app
from services.common.settings import PlatformSettings
from services.common.testing import ServerThread, TokenFactory, truncate_all
from somos.cli import DEMO_MUNICIPALITIES, main
from tests.gateway.conftest import gateway_settings


def test_demo_data_through_the_gateway(
    organizations_server: ServerThread, organizations_db: str, make_token: TokenFactory
) -> None:
    assert {c[:2] for c in DEMO_MUNICIPALITIES} == {"05", "13", "19", "23", "52", "54", "70"}
    app = create_app(gateway_settings(organizations_url=organizations_server.url))
    out = io.StringIO()
    with ServerThread(app) as gw, contextlib.redirect_stdout(out):
        code = main(["demo-data", "--scale", "1", "--url", gw.url, "--token", make_token()])
        listed = httpx.get(
            gw.url + "/api/v1/organizations",
            params={"limit": 200},
            headers={"Authorization": f"Bearer {make_token()}"},
        ).json()
    asyncio.run(truncate_all(organizations_db))
    assert code == 0, out.getvalue()
    names = [o["name"] for o in listed["items"]]
    assert len(names) == 20 and all(n.startswith("[DEMO] ") for n in names)
    assert "organizations" in out.getvalue() and "created    20" in out.getvalue()
    assert PlatformSettings().signing_secret()
