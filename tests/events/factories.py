"""Test data factories for the events service."""

from __future__ import annotations

from typing import Any

# Known people for PII tests: distinctive enough that a clear-text search cannot false-match.
PERSON = {
    "full_name": "Yurani Quiñones Valencia",
    "document_number": "1087654321",
    "phone": "+57 312 555 0199",
}


def organization_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Consejo Comunitario Bajo Mira y Frontera",
        "type": "consejo_comunitario",
        "ethnic_focus": "afrocolombiano",
        "municipality_code": "52835",
    }
    body.update(overrides)
    return body


def event_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "dialogo_resiliencia",
        "title": "Diálogo de Resiliencia — vereda Candelillas",
        "municipality_code": "52835",
        "community": "Vereda Candelillas",
        "starts_at": "2025-03-14T09:00:00-05:00",
        "ends_at": "2025-03-14T13:00:00-05:00",
        "partner_institutions": ["personeria", "alcaldia"],
    }
    body.update(overrides)
    return body


def participation_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "total": 42,
        "by_sex": {"mujer": 24, "hombre": 17, "no_reporta": 1},
        "by_age_group": {"0_13": 2, "14_28": 15, "29_59": 20, "60_mas": 5},
        "by_ethnicity": {"afrocolombiano": 30, "indigena": 4, "ninguno": 8},
        "by_role": {"comunidad": 30, "lider_social": 8, "autoridad_local": 2, "policia": 2},
        "conflict_victims": 19,
        "persons_with_disability": 3,
        "lgbtiq": 2,
    }
    body.update(overrides)
    return body


def attendee_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "full_name": PERSON["full_name"],
        "document_type": "cc",
        "document_number": PERSON["document_number"],
        "phone": PERSON["phone"],
        "sex": "mujer",
        "birth_year": 1990,
        "ethnicity": "afrocolombiano",
        "role": "lider_social",
        "is_social_leader": True,
        "consent_given": True,
    }
    body.update(overrides)
    return body


def commitment_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "description": "Instalar alumbrado público en el sendero escolar",
        "responsible_party": "alcaldia",
        "due_date": "2025-06-30",
    }
    body.update(overrides)
    return body


async def create_event(client: Any, **overrides: Any) -> dict[str, Any]:
    """Record an event through the API (planned) and return its body."""
    r = await client.post("/api/v1/events", json=event_body(**overrides))
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


async def held_event(client: Any, **overrides: Any) -> dict[str, Any]:
    """Record an event through the API and mark it held."""
    event = await create_event(client, **overrides)
    r = await client.post(f"/api/v1/events/{event['id']}/transitions", json={"to": "held"})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body
