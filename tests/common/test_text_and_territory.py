"""Text normalisation and the DIVIPOLA importer, on DANE's list as shipped and as exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from services.common.territory import (
    BUNDLED_DIVIPOLA,
    DEPARTMENTS,
    DivipolaError,
    Municipality,
    Territories,
    divipola_list,
    load_divipola,
)
from services.common.text import like_pattern, normalize

PROGRAMME_DEPARTMENTS = {"05", "13", "19", "23", "52", "54", "70"}
DANE_HEADER = [
    "Código Departamento",
    "Nombre Departamento",
    "Código Municipio",
    "Nombre Municipio",
    "Tipo: Municipio / Isla / Área no municipalizada",
    "longitud",
    "Latitud",
]


def write_dane_export(path: Path, municipalities: dict[str, Municipality]) -> Path:
    """A CSV in the shape DANE publishes it: Spanish headers, "5" for "05", decimal commas."""

    def comma(value: float | None) -> str:
        return "" if value is None else repr(value).replace(".", ",")

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(DANE_HEADER)
        for m in municipalities.values():
            writer.writerow(
                [
                    str(int(m.department_code)),
                    m.department_name,
                    m.code,
                    m.name,
                    m.kind,
                    comma(m.longitude),
                    comma(m.latitude),
                ]
            )
    return path


def test_normalize_strips_accents_case_and_spaces():
    assert normalize("  SAN ANDRÉS   DE TÚMACO ") == "san andres de tumaco"
    assert normalize("Piendamó - Tunía") == "piendamo - tunia"
    assert normalize("Ñuñoa") == "nunoa"


def test_like_pattern_escapes_wildcards():
    assert like_pattern("100%_x") == "%100\\%\\_x%"


def test_the_bundled_list_is_danes_and_loads_by_default():
    assert BUNDLED_DIVIPOLA.is_file()
    assert "attribution to DANE" in BUNDLED_DIVIPOLA.read_text(encoding="utf-8")
    municipalities = divipola_list()
    assert len(municipalities) == 1122
    assert {m.department_code for m in municipalities.values()} == set(DEPARTMENTS)
    in_programme = [
        m for m in municipalities.values() if m.department_code in PROGRAMME_DEPARTMENTS
    ]
    assert len(in_programme) == 373
    tumaco = municipalities["52835"]
    assert tumaco.name == "SAN ANDRÉS DE TUMACO" and tumaco.department_name == "NARIÑO"
    assert tumaco.longitude is not None and -80 < tumaco.longitude < -78
    assert municipalities["05001"].department_code == "05"
    assert municipalities["19548"].name == "PIENDAMÓ - TUNÍA"
    assert {m.kind for m in municipalities.values()} == {
        "Municipio",
        "Isla",
        "Área no municipalizada",
    }
    assert Territories.from_file(None).municipalities == municipalities


def test_a_dane_export_in_its_published_shape_loads_the_same(tmp_path):
    bundled = divipola_list()
    export = write_dane_export(tmp_path / "divipola.csv", bundled)
    assert export.read_text(encoding="utf-8").splitlines()[1].startswith("5,ANTIOQUIA,05001,")
    assert load_divipola(export) == bundled


def test_a_newer_export_replaces_the_bundled_list(tmp_path):
    newer = dict(divipola_list())
    del newer["52835"]  # as if DANE had retired a code
    newer["52999"] = Municipality("52999", "MUNICIPIO NUEVO", "52", "NARIÑO", "Municipio")
    territories = Territories.from_file(write_dane_export(tmp_path / "newer.csv", newer))
    assert territories.problem_with("52999") is None
    assert territories.problem_with("52835") == "'52835' is not in the official DIVIPOLA list"
    assert territories.municipalities is not None and len(territories.municipalities) == 1122


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
    strict = Territories.from_file(None)
    assert strict.problem_with("52999") == "'52999' is not in the official DIVIPOLA list"
    assert strict.problem_with("52835") is None


def test_control_characters_are_exactly_unicode_category_cc():
    """The request check's character class is Unicode's Cc, code point by code point."""
    import sys
    import unicodedata

    from services.common.parameters import has_control_character

    refused = [c for c in map(chr, range(sys.maxunicode + 1)) if has_control_character(c)]
    assert refused == [
        c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Cc"
    ]
    assert len(refused) == 65
    assert has_control_character("Tumaco\x85") and not has_control_character("Tumaco, Nariño")
