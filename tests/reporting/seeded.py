"""Events held around the fiscal-year boundaries, created in the real events service and
counted by hand (US fiscal years, Colombian days).

R9 hablemos_de_policia, held:
- 2024-09-30 23:30 Bogotá, Tumaco 52835  → FY2024 Q4 (already 1 October in UTC)
- 2024-10-01 00:30 Bogotá, Tumaco 52835  → FY2025 Q1
- 2025-02-10 10:00 Bogotá, Quilichao 19698 → FY2025 Q2
- 2025-09-30 23:30 Bogotá, Tumaco 52835  → FY2025 Q4 (1 October in UTC)
- 2025-10-01 08:00 Bogotá, Tumaco 52835  → FY2026 Q1
- planned, never held, 2025-05-05        → not counted
  FY2025: Q1 1, Q2 1, Q3 0, Q4 1, year 3 (Nariño 2, Cauca 1); cumulative to 2025-09-30: 4.
R7 espacio_regional_lideres: 2025-05-20 Popayán 19001 → FY2025 Q3: 1.
R5 dialogo_resiliencia in one community (Tumaco, Vereda Candelillas): 2024-11-05 and
  2024-12-20 (Q1), 2025-01-15 (Q2) → Q1 1, Q2 1, but the year 1: distinct communities.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.events.factories import event_body


def at(moment: str, hours: int = 2) -> dict[str, str]:
    """starts_at / ends_at of an event starting at a Bogotá local time."""
    day, time = moment.split(" ")
    hour, minute = (int(x) for x in time.split(":"))
    end = f"{day}T{min(hour + hours, 23):02d}:{minute if hour + hours <= 23 else 59:02d}:00-05:00"
    return {"starts_at": f"{day}T{hour:02d}:{minute:02d}:00-05:00", "ends_at": end}


async def event(
    client: httpx.AsyncClient, moment: str, *, held: bool = True, **overrides: Any
) -> dict[str, Any]:
    response = await client.post("/api/v1/events", json=event_body(**at(moment), **overrides))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    if held:
        path = f"/api/v1/events/{created['id']}/transitions"
        response = await client.post(path, json={"to": "held"})
        assert response.status_code == 200, response.text
    return created


async def hablemos(client: httpx.AsyncClient, moment: str, municipality: str = "52835", **kw: Any):
    return await event(
        client,
        moment,
        type="hablemos_de_policia",
        municipality_code=municipality,
        community=f"Barrio {moment[:10]}",
        **kw,
    )


async def seed_boundaries(client: httpx.AsyncClient) -> None:
    await hablemos(client, "2024-09-30 23:30")
    await hablemos(client, "2024-10-01 00:30")
    await hablemos(client, "2025-02-10 10:00", "19698")
    await hablemos(client, "2025-09-30 23:30")
    await hablemos(client, "2025-10-01 08:00")
    await hablemos(client, "2025-05-05 09:00", held=False)
    await event(
        client,
        "2025-05-20 09:00",
        type="espacio_regional_lideres",
        municipality_code="19001",
        community="Popayán",
    )
    for moment in ("2024-11-05 09:00", "2024-12-20 09:00", "2025-01-15 09:00"):
        await event(client, moment, community="Vereda Candelillas")
