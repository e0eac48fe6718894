"""Text normalisation and the DIVIPOLA importer, on DANE's official file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.common.territory import DEPARTMENTS, DivipolaError, Territories, load_divipola
from services.common.text import like_pattern, normalize

DIVIPOLA = Path(__file__).resolve().parents[3] / "shared" / "reference" / "divipola.csv"
PROGRAMME_DEPARTMENTS = {"05", "13", "19", "23", "52", "54", "70"}


def test_normalize_strips_accents_case_and_spaces():
    assert normalize("  SAN ANDRÉS   DE TÚMACO ") == "san andres de tumaco"
    assert normalize("Piendamó - Tunía") == "piendamo - tunia"
    assert normalize("Ñuñoa") == "nunoa"


def test_like_pattern_escapes_wildcards():
    assert like_pattern("100%_x") == "%100\\%\\_x%"


def test_official_csv_loads_every_municipality():
    municipalities = load_divipola(DIVIPOLA)
    assert len(municipalities) == 1122
    assert {m.department_code for m in municipalities.values()} == set(DEPARTMENTS)
    in_programme = [
        m for m in municipalities.values() if m.department_code in PROGRAMME_DEPARTMENTS
    ]
    assert len(in_programme) == 373
    tumaco = municipalities["52835"]
    assert tumaco.name == "SAN ANDRÉS DE TUMACO" and tumaco.department_name == "NARIÑO"
    assert tumaco.longitude is not None and -80 < tumaco.longitude < -78
    assert municipalities["05001"].department_code == "05"  # "5" padded


def test_json_export_loads_too(tmp_path):
    rows = [
        {
            "cod_dpto": "19",
            "dpto": "CAUCA",
            "cod_mpio": "19698",
            "nom_mpio": "SANTANDER DE QUILICHAO",
            "tipo_municipio": "Municipio",
            "longitud": "-76,4829",
            "latitud": "3,0093",
        }
    ]
    path = tmp_path / "divipola.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    municipalities = load_divipola(path)
    assert municipalities["19698"].name == "SANTANDER DE QUILICHAO"
    assert municipalities["19698"].latitude == pytest.approx(3.0093)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("a,b,c\n1,2,3\n", "do not include"),
        ('[{"cod_dpto": "19"}]', "lacks column"),
        ("{not json", "not valid JSON"),
        ("Código Departamento,Código Municipio\n19,52835\n", "not in department"),
    ],
)
def test_malformed_files_fail_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DivipolaError, match=message):
        load_divipola(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DivipolaError, match="cannot read"):
        load_divipola(tmp_path / "nope.csv")


def test_territories_validation():
    loose = Territories()
    assert loose.problem_with("52999") is None
    assert "department" in (loose.problem_with("12001") or "")
    strict = Territories.from_file(DIVIPOLA)
    assert strict.problem_with("52999") == "'52999' is not in the official DIVIPOLA list"
    assert strict.problem_with("52835") is None
