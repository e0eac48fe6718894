"""Territories from the DIVIPOLA file; edge protections: body limit, rate limit, CORS."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.territories import DivipolaStartupError
from services.common.settings import PlatformSettings
from services.common.testing import TokenFactory, bearer
from tests.gateway.conftest import INTERNAL, gateway_client, gateway_settings


async def test_territories_from_the_bundled_dane_list(make_token: TokenFactory) -> None:
    # Nothing configured: the DANE list shipped in the package (a clone needs nothing else).
    settings = gateway_settings()
    assert settings.platform.divipola_file is None
    async with gateway_client(settings, make_token()) as client:
        departments = (await client.get("/api/v1/territories/departments")).json()
        municipalities = await client.get(
            "/api/v1/territories/municipalities", params={"department_code": "52", "q": "tumaco"}
        )
        overview = await client.get("/api/v1/municipalities/99999/overview")
        named = await client.get("/api/v1/municipalities/52835/overview")
    assert departments["divipola_loaded"] is True
    by_code = {d["code"]: d for d in departments["items"]}
    assert len(by_code) == 33
    assert (
        sum(by_code[c]["municipalities"] for c in ("05", "13", "19", "23", "52", "54", "70")) == 373
    )
    assert [m["name"] for m in municipalities.json()["items"]] == ["SAN ANDRÉS DE TUMACO"]
    assert overview.status_code == 404
    assert named.json()["municipality"]["name"] == "SAN ANDRÉS DE TUMACO"


async def test_a_newer_dane_export_replaces_the_bundled_list(
    make_token: TokenFactory, tmp_path: Path
) -> None:
    from services.common.territory import Municipality, divipola_list
    from tests.common.test_text_and_territory import write_dane_export

    newer = dict(divipola_list())
    newer["52999"] = Municipality("52999", "MUNICIPIO NUEVO", "52", "NARIÑO", "Municipio")
    export = write_dane_export(tmp_path / "divipola.csv", newer)
    settings = gateway_settings(platform=PlatformSettings(divipola_file=export))
    async with gateway_client(settings, make_token()) as client:
        departments = (await client.get("/api/v1/territories/departments")).json()
        found = await client.get(
            "/api/v1/territories/municipalities", params={"department_code": "52", "q": "nuevo"}
        )
    by_code = {d["code"]: d for d in departments["items"]}
    assert by_code["52"]["municipalities"] == 65  # Nariño's 64 and the new one
    assert [m["code"] for m in found.json()["items"]] == ["52999"]


def test_malformed_divipola_file_stops_start_up(tmp_path: Path) -> None:
    bad = tmp_path / "divipola.csv"
    bad.write_text("Código Departamento,Código Municipio\n52,ABC\n", encoding="utf-8")
    from gateway.app import create_app

    with pytest.raises(DivipolaStartupError) as raised:
        create_app(gateway_settings(platform=PlatformSettings(divipola_file=bad)))
    assert "SOMOS_DIVIPOLA_FILE" in str(raised.value) and "row 2" in str(raised.value)


async def test_body_limit_is_413_before_any_service(make_token: TokenFactory) -> None:
    settings = gateway_settings(platform=PlatformSettings(max_body_bytes=1000))
    async with gateway_client(settings, make_token()) as client:
        response = await client.post(
            "/api/v1/organizations",
            content=b"{" + b" " * 2000 + b"}",
            headers={"content-type": "application/json"},
        )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_rate_limit_per_caller(make_token: TokenFactory) -> None:
    settings = gateway_settings(rate_limit_per_minute=60, rate_limit_burst=3)
    async with gateway_client(settings) as client:
        alice, bob = bearer(make_token(sub="alice")), bearer(make_token(sub="bob"))
        statuses = [
            (await client.get("/api/v1/territories/departments", headers=alice)).status_code
            for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        limited = await client.get("/api/v1/territories/departments", headers=alice)
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) >= 1
        assert limited.json()["type"] == "urn:somos:problem:too-many-requests"
        # Another caller has a bucket of their own; health checks are never limited.
        assert (await client.get("/api/v1/territories/departments", headers=bob)).status_code == 200
        assert (await client.get("/healthz")).status_code == 200


async def test_cors_allow_list(make_token: TokenFactory) -> None:
    settings = gateway_settings(cors_allow_origins=["https://app.somos.example"])
    async with gateway_client(settings, make_token()) as client:
        allowed = await client.options(
            "/api/v1/territories/departments",
            headers={"Origin": "https://app.somos.example", "Access-Control-Request-Method": "GET"},
        )
        refused = await client.options(
            "/api/v1/territories/departments",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        simple = await client.get(
            "/api/v1/territories/departments", headers={"Origin": "https://app.somos.example"}
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.somos.example"
    assert "access-control-allow-origin" not in refused.headers
    assert simple.headers["access-control-allow-origin"] == "https://app.somos.example"


async def test_health_and_metrics(stub_server, make_token: TokenFactory) -> None:  # type: ignore[no-untyped-def]
    async with gateway_client(gateway_settings(), make_token()) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        ready = await client.get("/readyz")
        # The public port says not ready, never why; the internal port names the service.
        assert ready.status_code == 503 and "organizations" not in ready.json()["detail"]
        internal = await client.get(INTERNAL + "/readyz")
        assert internal.status_code == 503 and "organizations" in internal.json()["detail"]
        await client.get("/api/v1/organizations")
        metrics = (await client.get(INTERNAL + "/metrics")).text
    assert (
        'somos_gateway_upstream_calls_total{outcome="connect_error",upstream="organizations"}'
        in metrics
    )
    assert 'somos_gateway_circuit_state{upstream="events"} 0.0' in metrics
    with (
        stub_server({}) as a,
        stub_server({}) as b,
        stub_server({}) as c,
        stub_server({}) as d,
        stub_server({}) as e,
    ):
        settings = gateway_settings(
            organizations_url=a.url,
            security_plans_url=b.url,
            events_url=c.url,
            webhooks_url=d.url,
            reporting_url=e.url,
        )
        async with gateway_client(settings) as client:
            assert (await client.get("/readyz")).json() == {"status": "ready"}
