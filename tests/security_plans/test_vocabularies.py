"""The service's vocabularies."""

from __future__ import annotations

from tests.security_plans.factories import ok


async def test_vocabularies(client):
    body = await ok(await client.get("/api/v1/vocabularies/security-plans"))
    assert body["service"] == "security_plans"
    problems = {t["code"]: t for t in body["vocabularies"]["problem"]["terms"]}
    assert len(problems) == 14
    assert problems["extorsion"]["es"] == "Extorsión"
    sources = [t["code"] for t in body["vocabularies"]["funding_source"]["terms"]]
    assert sources == [
        "fonset",
        "recursos_propios",
        "sgr",
        "fonsecon",
        "cooperacion_internacional",
        "otra",
    ]
    assert len(body["vocabularies"]["checklist_item"]["terms"]) == 9
