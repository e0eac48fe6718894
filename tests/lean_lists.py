"""Compare a list answered on the lean path (``FastList``) with the FastAPI route, byte for byte.

``route_only(app)`` drops the lean middleware from a fresh app (the FastAPI routes answer
everything); ``LeanSpy`` records whether the lean path answered or fell back, so a comparison
cannot pass by silently comparing the route with itself.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.common.fastpath import FastReadMiddleware

COMPARED_HEADERS = ("content-type", "link", "etag", "cache-control", "vary")


def route_only(app: FastAPI) -> FastAPI:
    """``app`` without the lean path: call before its first request."""
    app.user_middleware = [m for m in app.user_middleware if m.cls is not FastReadMiddleware]
    return app


class LeanSpy:
    """Records each lean list attempt: True when answered, False when it fell back."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.outcomes: list[bool] = []
        original = FastReadMiddleware._answer_list

        async def spy(middleware: Any, *args: Any, **kwargs: Any) -> Any:
            answer = await original(middleware, *args, **kwargs)
            self.outcomes.append(answer is not None)
            return answer

        monkeypatch.setattr(FastReadMiddleware, "_answer_list", spy)

    def take(self) -> list[bool]:
        out, self.outcomes = self.outcomes, []
        return out


async def same_answer(
    lean: httpx.AsyncClient,
    route: httpx.AsyncClient,
    spy: LeanSpy,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    lean_answers: bool = True,
) -> httpx.Response:
    """GET ``path`` on both apps: same status, same bytes, same headers; the lean one answered."""
    spy.take()
    a = await lean.get(path, params=params, headers=headers)
    outcomes = spy.take()
    b = await route.get(path, params=params, headers=headers)
    assert spy.take() == []  # the route-only app never tries the lean path
    assert a.status_code == b.status_code, (a.text, b.text)
    assert a.content == b.content
    for name in COMPARED_HEADERS:
        assert a.headers.get(name) == b.headers.get(name), name
    # Not answered on the lean path: it fell back, or an outer middleware answered first.
    expected = [[True]] if lean_answers else [[False], []]
    assert outcomes in expected, (path, params, a.status_code, a.text[:200])
    return a


def items_of(response: httpx.Response) -> list[dict[str, Any]]:
    body: dict[str, Any] = response.json()
    items: list[dict[str, Any]] = body["items"]
    return items


async def walk(
    lean: httpx.AsyncClient,
    route: httpx.AsyncClient,
    spy: LeanSpy,
    path: str,
    params: dict[str, Any],
    headers: dict[str, str],
) -> list[str]:
    """Follow every page with both apps (each page compared); the ids in order."""
    ids: list[str] = []
    params = dict(params)
    while True:
        r = await same_answer(lean, route, spy, path, params=params, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        ids += [item["id"] for item in body["items"]]
        if body["next_cursor"] is None:
            assert "link" not in r.headers
            return ids
        assert r.headers["link"].endswith('>; rel="next"')
        params["cursor"] = body["next_cursor"]
