"""/docs and /redoc of the gateway and of every service work offline, in a real browser.

Debian's chromium, headless, driven by Playwright (the system browser through
``executable_path``; Playwright downloads nothing). Every request a page makes is recorded;
any that is not for 127.0.0.1 is aborted and fails the test. Each page must render every
operation of its OpenAPI document.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from gateway.app import create_app
from services.common.testing import ServerThread
from tests.gateway.conftest import System

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(scope="module")
def gateway_server(
    organizations_server: ServerThread,
    security_plans_server: ServerThread,
    events_server: ServerThread,
    reporting_server: ServerThread,
) -> Iterator[ServerThread]:
    probe = System(
        None, organizations_server, security_plans_server, events_server, reporting_server
    )  # type: ignore[arg-type]
    with ServerThread(create_app(probe.settings())) as server:
        yield server


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    assert CHROMIUM, "Debian's chromium is not installed (.ci/run installs it)"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
            ],
        )
        try:
            yield browser
        finally:
            await browser.close()


async def render(browser: Any, url: str, page_kind: str) -> tuple[set[str], list[str], list[str]]:
    """Open ``url``; the operation elements' ids once rendered, and the page's requests."""
    selector, attribute = PAGES[page_kind]
    context = await browser.new_context()
    requested: list[str] = []
    refused: list[str] = []

    async def guard(route: Any) -> None:
        request_url = route.request.url
        requested.append(request_url)
        if urlsplit(request_url).hostname in LOCAL_HOSTS or request_url.startswith(
            ("data:", "blob:")
        ):
            await route.continue_()
        else:
            refused.append(request_url)
            await route.abort()

    try:
        await context.route("**/*", guard)
        page = await context.new_page()
        await page.goto(url, wait_until="load")
        try:
            await page.wait_for_selector(selector, state="attached", timeout=60_000)
        except Exception as exc:
            text = (await page.inner_text("body"))[:2000]
            raise AssertionError(f"{url} rendered no operation:\n{text}") from exc
        await page.wait_for_load_state("networkidle")
        values = await page.eval_on_selector_all(
            selector, f"nodes => nodes.map(n => n.getAttribute('{attribute}'))"
        )
    finally:
        await context.close()
    return {value for value in values if value}, requested, refused


# Swagger UI: an element per operation and tag, id "operations-<tag>-<operationId>";
# ReDoc: a section per operation (under each tag group), id "…operation/<operationId>".
PAGES = {
    "docs": (".opblock[id^='operations-']", "id"),
    "redoc": ("[data-section-id*='operation/']", "data-section-id"),
}


def expected_ids(document: dict[str, Any], page_kind: str) -> set[str]:
    ops = [op for item in document["paths"].values() for m, op in item.items() if m in METHODS]
    if page_kind == "docs":
        return {f"operations-{tag}-{op['operationId']}" for op in ops for tag in op["tags"]}
    return {op["operationId"] for op in ops}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize(
    "process", ["gateway", "organizations", "security_plans", "events", "reporting"]
)
async def test_docs_render_every_operation_with_nothing_from_outside(
    browser: Any,
    gateway_server: ServerThread,
    organizations_server: ServerThread,
    security_plans_server: ServerThread,
    events_server: ServerThread,
    reporting_server: ServerThread,
    process: str,
    page: str,
) -> None:
    import httpx

    server = {
        "gateway": gateway_server,
        "organizations": organizations_server,
        "security_plans": security_plans_server,
        "events": events_server,
        "reporting": reporting_server,
    }[process]
    async with httpx.AsyncClient(timeout=30) as client:
        document = (await client.get(server.url + "/openapi.json")).json()
    expected = expected_ids(document, page)
    assert len(expected) >= 10, "the document has (almost) no operations"
    shown, requested, refused = await render(browser, f"{server.url}/{page}", page)
    assert refused == [], f"requests left localhost: {refused}"
    if page == "redoc":
        shown = {section.rsplit("operation/", 1)[1] for section in shown}
    assert shown == expected
    assert f"{server.url}/openapi.json" in requested
    assert any("/static/docs/" in url for url in requested)  # the assets came from the app


def test_service_docs_pages_reference_only_local_assets(
    organizations_server: ServerThread, gateway_server: ServerThread
) -> None:
    """Without a browser: the HTML names no host at all (catches a CDN URL directly)."""
    import httpx

    for server in (organizations_server, gateway_server):
        for page in PAGES:
            html = httpx.get(f"{server.url}/{page}", timeout=30).text
            sources = re.findall(r'(?:src|href)="([^"]*)"', html)
            assert sources and all(s.startswith("/static/docs/") for s in sources), sources
            assert "cdn.jsdelivr.net" not in html and "fonts.googleapis.com" not in html
