"""One contract: the merged OpenAPI document, offline docs, and a generated client."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
from openapi_spec_validator import validate

from gateway.app import create_app
from gateway.openapi import merge_documents
from services.common.testing import ServerThread, TokenFactory, truncate_all
from tests.gateway.conftest import gateway_client, gateway_settings

EXTERNAL_URL = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)


def test_merged_document_is_valid_openapi_31_with_every_operation() -> None:
    document = create_app(gateway_settings()).openapi()
    validate(document)
    assert document["openapi"] == "3.1.0"
    operations = [
        (path, method, op)
        for path, item in document["paths"].items()
        for method, op in item.items()
    ]
    ids = [op["operationId"] for _, _, op in operations]
    assert len(ids) == len(set(ids))
    for expected in (
        "organizations-create",
        "organizations-list",
        "organizations-get",
        "organizations-update",
        "assessments-create",
        "municipalities-overview",
        "organizations-profile",
        "results-get",
        "territories-departments",
        "territories-municipalities",
    ):
        assert expected in ids
    assert (
        document["components"]["securitySchemes"]["bearer"]
        == {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": document["components"]["securitySchemes"]["bearer"].get("description"),
        }
        or document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    )
    assert document["security"] == [{"bearer": []}]
    for path, method, op in operations:
        assert op.get("tags"), f"{method} {path} has no tag"
        for status in ("401", "502", "503", "504"):
            content = op["responses"][status]["content"]
            assert "application/problem+json" in content, (path, method, status)
    composed = {"municipalities-overview", "organizations-profile", "results-get"}
    timed = {
        op["operationId"] for _, _, op in operations if "headers" in op["responses"].get("200", {})
    }
    assert composed <= timed  # their answers document Server-Timing
    for _, _, op in operations:
        if op["operationId"] in composed:
            assert op["responses"]["200"]["headers"]["Server-Timing"]["schema"] == {
                "type": "string"
            }
    groups = {g["name"]: g["tags"] for g in document["x-tagGroups"]}
    assert "organizations" in groups["Organizations"]
    assert "composed-views" in groups["Gateway views"]


def test_merge_keeps_shared_schemas_once_and_prefixes_clashes() -> None:
    shared = {"type": "object", "properties": {"a": {"type": "string"}}}
    one = {
        "paths": {
            "/api/v1/a": {
                "get": {
                    "operationId": "a-get",
                    "tags": ["a"],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Status"}
                                }
                            }
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Problem": shared, "Status": {"enum": ["x"]}}},
    }
    two = {
        "paths": {
            "/api/v1/b": {
                "get": {
                    "operationId": "b-get",
                    "tags": ["b"],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Status"}
                                }
                            }
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Problem": shared, "Status": {"enum": ["y"]}}},
    }
    merged = merge_documents({"organizations": one, "events": two})
    assert set(merged["components"]["schemas"]) == {"Problem", "Status", "EventsStatus"}
    ref = merged["paths"]["/api/v1/b"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ref["schema"]["$ref"] == "#/components/schemas/EventsStatus"
    clash = {**two, "paths": {"/api/v1/c": {"get": {"operationId": "a-get", "responses": {}}}}}
    try:
        merge_documents({"organizations": one, "events": clash})
    except ValueError as exc:
        assert "a-get" in str(exc)
    else:
        raise AssertionError("duplicate operationId accepted")


async def test_docs_pages_work_offline() -> None:
    async with gateway_client(gateway_settings()) as client:
        for page in ("/docs", "/redoc"):
            response = await client.get(page)
            assert response.status_code == 200
            html = response.text
            assert not EXTERNAL_URL.search(html), EXTERNAL_URL.search(html)
            assets = re.findall(r'(?:src|href)="([^"]+)"', html)
            assert assets, page
            for asset in assets:
                assert asset.startswith("/static/docs/"), asset
                served = await client.get(asset)
                assert served.status_code == 200 and len(served.content) > 1000, asset
        assert '"validatorUrl": null' in (await client.get("/docs")).text
        document = await client.get("/openapi.json")
        assert document.status_code == 200
        assert "/api/v1/organizations" in document.json()["paths"]


def test_generated_client_drives_create_read_update_list(
    organizations_server: ServerThread,
    organizations_db: str,
    make_token: TokenFactory,
    tmp_path: Path,
) -> None:
    document = create_app(gateway_settings()).openapi()
    spec = tmp_path / "openapi.json"
    import json

    spec.write_text(json.dumps(document))
    generator = shutil.which("openapi-python-client") or str(
        Path(sys.executable).with_name("openapi-python-client")
    )
    result = subprocess.run(
        [
            generator,
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(tmp_path / "client"),
            "--meta",
            "none",
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    package = tmp_path / "client"
    assert (package / "api").is_dir()
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        import client as somos
        from client.api.organizations import (
            organizations_create, organizations_get, organizations_list, organizations_update,
        )
        from client.models import OrganizationCreate, OrganizationUpdate, OrganizationType
        api = somos.AuthenticatedClient(base_url=sys.argv[2], token=sys.argv[3])
        created = organizations_create.sync(client=api, body=OrganizationCreate(
            name="Junta de Acción Comunal Ñambí", type_=OrganizationType.JUNTA_ACCION_COMUNAL,
            municipality_code="52835"))
        got = organizations_get.sync(client=api, organization_id=created.id)
        assert got.name == "Junta de Acción Comunal Ñambí", got
        updated = organizations_update.sync_detailed(
            client=api.with_headers({"If-Match": '"1"'}), organization_id=created.id,
            body=OrganizationUpdate(acronym="JACÑ"))
        assert updated.status_code == 200, updated.content
        assert updated.parsed.acronym == "JACÑ"
        page = organizations_list.sync(client=api, q="nambi")
        assert [o.id for o in page.items] == [created.id], page
        print("CLIENT-FLOW-OK")
        """
    )
    with ServerThread(
        create_app(gateway_settings(organizations_url=organizations_server.url))
    ) as gw:
        run = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path), gw.url, make_token()],
            capture_output=True,
            text=True,
            timeout=60,
        )
    import asyncio

    asyncio.run(truncate_all(organizations_db))
    assert "CLIENT-FLOW-OK" in run.stdout, run.stdout + run.stderr


async def test_openapi_json_is_public_but_api_is_not() -> None:
    async with gateway_client(gateway_settings()) as client:
        assert (await client.get("/openapi.json")).status_code == 200
        assert (await client.get("/api/v1/results")).status_code == 401
        assert isinstance(client, httpx.AsyncClient)
