"""The results framework: each indicator against hand-counted fixtures, targets, CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from gateway.results import TargetsFileError, load_targets
from services.common.testing import TokenFactory
from tests.gateway.conftest import gateway_client, gateway_settings


def _ev(
    i: int, type_: str, municipality: str, community: str, status: str = "held"
) -> dict[str, Any]:
    return {
        "id": f"e{i}",
        "type": type_,
        "status": status,
        "municipality_code": municipality,
        "community": community,
    }


# R2 by hand: (19698, la honda) twice across both workshop types = 1, (19698, el palmar) = 1,
# (52835, bajo mira) = 1 → 3 communities; Cauca 2, Nariño 1. The planned one does not count.
EVENTS = [
    _ev(1, "taller_psicosocial", "19698", "Vereda La Honda"),
    _ev(2, "taller_autoproteccion", "19698", "vereda  la HONDA"),
    _ev(3, "taller_psicosocial", "19698", "El Palmar"),
    _ev(4, "taller_autoproteccion", "52835", "Bajo Mira"),
    _ev(5, "taller_psicosocial", "52835", "Otra", status="planned"),
]


def events_list(request: Any) -> dict[str, Any]:
    wanted = request.query_params
    items = [
        e for e in EVENTS if e["type"] == wanted.get("type") and e["status"] == wanted.get("status")
    ]
    return {"items": items, "next_cursor": None}


EVENT_STATS = {
    "by_municipality": {
        "19698": {
            "held_by_type": {
                "capacitacion_piscc": 1,
                "hablemos_de_policia": 2,
                "espacio_regional_lideres": 1,
            },
            "communities_by_type": {"dialogo_resiliencia": 3},
        },
        "52835": {
            "held_by_type": {"hablemos_de_policia": 3},
            "communities_by_type": {"dialogo_resiliencia": 1},
        },
        "05001": {"held_by_type": {"capacitacion_piscc": 2}, "communities_by_type": {}},
    }
}
PLAN_STATS = {
    "by_municipality": {
        "19698": {"reviewed_plans": 1},
        "52835": {"reviewed_plans": 0},
        "13001": {"reviewed_plans": 2},
    }
}
STRATEGIES = {
    "implemented": [
        {"id": "s1", "status": "implemented", "municipality_code": "19698"},
        {"id": "s2", "status": "implemented", "municipality_code": "52835"},
    ],
    "evaluated": [{"id": "s3", "status": "evaluated", "municipality_code": "52835"}],
}
ORG_STATS = {
    "by_municipality": {
        "19698": {
            "strengthening_plans": {"approved_or_later": 4},
            "opi": {"organizations_assessed_twice": 3, "organizations_improved": 2},
        },
        "52835": {
            "strengthening_plans": {"by_status": {"approved": 1, "completed": 1, "draft": 5}},
            "opi": {"organizations_assessed_twice": 1, "organizations_improved": 1},
        },
    }
}
SUPPORT = {  # by (department, kind); org o1 has both kinds → counted once
    ("19", "communications"): [
        {"id": "a1", "organization_id": "o1", "kind": "communications"},
        {"id": "a2", "organization_id": "o2", "kind": "communications"},
    ],
    ("19", "relationship_with_authorities"): [
        {"id": "a3", "organization_id": "o1", "kind": "relationship_with_authorities"},
        {"id": "a4", "organization_id": "o9", "kind": "legal"},
    ],  # wrong kind: ignored
    ("52", "communications"): [{"id": "a5", "organization_id": "o3", "kind": "communications"}],
}
INITIATIVES = {
    "in_implementation": [
        {
            "id": "i1",
            "methodology": "ibp",
            "status": "in_implementation",
            "municipality_code": "19698",
        }
    ],
    "completed": [
        {"id": "i2", "methodology": "ibp", "status": "completed", "municipality_code": "52835"},
        {"id": "i3", "methodology": "other", "status": "completed", "municipality_code": "52835"},
    ],
}


def _by(table: dict[str, list[dict[str, Any]]], key: str):  # type: ignore[no-untyped-def]
    return lambda request: {
        "items": table.get(request.query_params.get(key), []),
        "next_cursor": None,
    }


def support_list(request: Any) -> dict[str, Any]:
    q = request.query_params
    return {
        "items": SUPPORT.get((q.get("department_code"), q.get("kind")), []),
        "next_cursor": None,
    }


ROUTES = {
    "organizations": {
        "/api/v1/stats/organizations": ORG_STATS,
        "/api/v1/support-activities": support_list,
        "/api/v1/community-initiatives": _by(INITIATIVES, "status"),
    },
    "security_plans": {
        "/api/v1/stats/security-plans": PLAN_STATS,
        "/api/v1/prevention-strategies": _by(STRATEGIES, "status"),
    },
    "events": {"/api/v1/stats/events": EVENT_STATS, "/api/v1/events": events_list},
}
EXPECTED = {  # code: (actual, by_department)
    "R1": (3, {"19": 1, "52": 2}),
    "R2": (3, {"19": 2, "52": 1}),
    "R3": (3, {"19": 2, "52": 1}),
    "R4": (3, {"19": 1, "05": 1, "13": 1}),
    "R5": (4, {"19": 3, "52": 1}),
    "R6": (2, {"19": 1, "52": 1}),
    "R7": (1, {"19": 1}),
    "R8": (6, {"19": 4, "52": 2}),
    "R9": (5, {"19": 2, "52": 3}),
    "R10": (75.0, {"19": 66.7, "52": 100.0}),
}


@pytest.fixture
def upstreams(stub_server):  # type: ignore[no-untyped-def]
    with (
        stub_server(ROUTES["organizations"]) as o,
        stub_server(ROUTES["security_plans"]) as p,
        stub_server(ROUTES["events"]) as e,
    ):
        yield {"organizations_url": o.url, "security_plans_url": p.url, "events_url": e.url}


async def test_each_indicator_matches_hand_counts(upstreams, make_token: TokenFactory) -> None:  # type: ignore[no-untyped-def]
    async with gateway_client(gateway_settings(**upstreams), make_token()) as client:
        response = await client.get("/api/v1/results")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["partial"] is False
    indicators = {i["code"]: i for i in body["indicators"]}
    assert list(indicators) == [f"R{n}" for n in range(1, 11)]
    for code, (actual, by_department) in EXPECTED.items():
        assert indicators[code]["actual"] == actual, code
        assert indicators[code]["by_department"] == {
            k: float(v) for k, v in by_department.items()
        }, code
    assert indicators["R1"]["target"] == 10 and indicators["R1"]["percent_of_target"] == 30.0
    assert indicators["R8"]["target"] == 17 and indicators["R8"]["percent_of_target"] == 35.3
    assert indicators["R7"]["target"] is None and indicators["R7"]["percent_of_target"] is None
    assert (indicators["R10"]["numerator"], indicators["R10"]["denominator"]) == (3, 4)
    assert indicators["R2"]["name"]["es"].startswith("Comunidades afectadas")
    assert "taller_psicosocial" in indicators["R2"]["computed_from"]


async def test_results_csv_opens_in_excel_with_accents(upstreams, make_token: TokenFactory) -> None:  # type: ignore[no-untyped-def]
    async with gateway_client(gateway_settings(**upstreams), make_token()) as client:
        response = await client.get("/api/v1/results", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "code",
        "indicador",
        "indicator",
        "target",
        "actual",
        "percent_of_target",
    ]
    assert "Cauca (19)" in rows[0] and "Nariño (52)" in rows[0]
    r9 = next(r for r in rows if r[0] == "R9")
    assert r9[3:6] == ["8", "5", "62.5"]
    assert "Policía" in r9[1]


async def test_filters_pass_to_services_and_partial_when_one_is_down(
    stub_server,
    make_token: TokenFactory,  # type: ignore[no-untyped-def]
) -> None:
    calls: list[str] = []
    with (
        stub_server(ROUTES["organizations"], calls) as o,
        stub_server(ROUTES["security_plans"], calls) as p,
    ):
        settings = gateway_settings(organizations_url=o.url, security_plans_url=p.url)
        async with gateway_client(settings, make_token()) as client:
            response = await client.get(
                "/api/v1/results", params={"department_code": "19", "from": "2025-01-01"}
            )
    body = response.json()
    assert response.status_code == 200
    assert body["partial"] is True and body["unavailable"] == ["events"]
    indicators = {i["code"]: i for i in body["indicators"]}
    for code in ("R2", "R4", "R5", "R7", "R9"):
        assert indicators[code]["actual"] is None, code
    assert indicators["R1"]["actual"] == 3
    assert all("from=2025-01-01" in c for c in calls)
    assert body["filters"]["department_code"] == "19" and body["filters"]["from"] == "2025-01-01"


def test_targets_file(tmp_path: Path) -> None:
    defaults = load_targets(None)
    assert defaults == {
        "R1": 10,
        "R2": 20,
        "R3": 6,
        "R4": 10,
        "R5": 10,
        "R6": 10,
        "R7": None,
        "R8": 17,
        "R9": 8,
        "R10": None,
    }
    custom = tmp_path / "targets.toml"
    custom.write_text("[R7]\ntarget = 4\n[R10]\ntarget = 60.0\n")
    assert load_targets(custom)["R7"] == 4 and load_targets(custom)["R1"] is None
    for bad in ("[R99]\ntarget = 1\n", "[R1]\ntarget = -3\n", "[R1\n"):
        custom.write_text(bad)
        with pytest.raises(TargetsFileError):
            load_targets(custom)
    with pytest.raises(TargetsFileError, match="targets"):
        from gateway.app import create_app

        create_app(gateway_settings(results_targets_file=tmp_path / "missing.toml"))
