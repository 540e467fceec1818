"""data/schema/: the data files' JSON Schemas, the lint that applies them, and their agreement
with the checks the build makes (edition.chronology, edition.persons)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from edition import chronology, persons
from edition.data import Entry
from edition.schemacheck import problems

SCHEMACHECK = ROOT / "_ext" / "edition" / "schemacheck.py"
DATA = {"kronoloji": chronology, "kisiler": persons}

GOOD = {
    "kronoloji": {
        "id": "k-ornek",
        "tarih": "1922-12-13",
        "bitis": "1922-12-14",
        "tarih_notu": "sonu",
        "baslik": "Bir mektup",
        "tur": "mektup",
        "yazim": "dikte",
        "yayim": "Pravda",
        "bolumler": ["giris-hastalik"],
    },
    "kisiler": {
        "id": "ornek",
        "ad": "Örnek",
        "tam_ad": "Adı Örnek",
        "yasam": "1870–1924",
        "varyantlar": ["Ornek"],
        "kaynakta": "Örnek",
        "rol": "Bir rol.",
    },
}


def schema(name: str) -> dict:
    return json.loads((ROOT / "data" / "schema" / f"{name}.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("name", DATA)
def test_the_edition_data_files_match_their_schemas(name):
    path = ROOT / "data" / f"{name}.yaml"
    assert problems(path) == []
    assert path.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema=schema/{name}.schema.json\n"
    )


def test_problems_are_reported_at_their_line_with_what_the_field_is(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "kronoloji.schema.json").write_text(
        json.dumps(schema("kronoloji")), encoding="utf-8"
    )
    data = tmp_path / "kronoloji.yaml"
    data.write_text(
        "- id: k-bir\n"  # 1
        "  tarih: 13.12.1922\n"  # 2
        "  baslik: Bir\n"  # 3
        "  tur: mektupp\n"  # 4
        "  bolumler: [giris-hastalik]\n"  # 5
        "\n"
        "- id: k-iki\n"  # 7
        "  tarih: 1922-12\n"  # 8
        "  basliq: İki\n"  # 9
        "  tur: olay\n"  # 10
        "  bolumler: []\n",  # 11
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(SCHEMACHECK), str(data)], capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{data}:2",
        f"{data}:4",
        f"{data}:7",
        f"{data}:9",
        f"{data}:11",
    ]
    assert "entry 'k-bir': tarih: '13.12.1922' does not match" in lines[0]
    assert "written 1922-12-13, or 1922-12 when the source gives only the month" in lines[0]
    assert "entry 'k-bir': tur: 'mektupp' is not one of" in lines[1]
    assert "entry 'k-iki': 'baslik' is a required property; add 'baslik'" in lines[2]
    assert "('basliq' was unexpected); the fields are id, tarih, bitis" in lines[3]
    assert "entry 'k-iki': bolumler: [] is too short" in lines[4]


def test_a_file_that_is_not_yaml_is_reported_at_its_line(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "kisiler.schema.json").write_text(
        json.dumps(schema("kisiler")), encoding="utf-8"
    )
    data = tmp_path / "kisiler.yaml"
    data.write_text("- id: a\n  ad: [A\n  rol: b\n", encoding="utf-8")
    [(line, message)] = problems(data)
    assert line == 3
    assert message.startswith("not valid YAML")


# -- The schemas and the build's checks say the same ---------------------------------------


def build_complaints(name: str, fields: dict, monkeypatch) -> list[str]:
    """What the build's check of one entry reports (edition.chronology/persons.validate)."""
    said: list[str] = []
    module = DATA[name]
    monkeypatch.setattr(module, "problem", lambda where, message, *args: said.append(message))
    module.validate(Entry(f"data/{name}.yaml", 1, fields), fields.get("id", "?"))
    return said


@pytest.mark.parametrize("name", DATA)
def test_a_complete_entry_passes_both(name, monkeypatch, tmp_path):
    import jsonschema

    jsonschema.validate([GOOD[name]], schema(name))
    assert build_complaints(name, dict(GOOD[name]), monkeypatch) == []


@pytest.mark.parametrize("name", DATA)
def test_the_same_fields(name):
    assert set(schema(name)["items"]["properties"]) == DATA[name].FIELDS


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("tur", chronology.KINDS),
        ("yazim", chronology.WRITING),
        ("tarih_notu", chronology.DATE_NOTES),
    ],
)
def test_the_same_values(field, values):
    assert schema("kronoloji")["items"]["properties"][field]["enum"] == list(values)


@pytest.mark.parametrize(
    ("name", "field"), [(name, field) for name in DATA for field in GOOD[name] if field != "id"]
)
def test_the_same_required_fields(name, field, monkeypatch):
    """A field the schema requires is one whose absence the build reports, and only those."""
    fields = {key: value for key, value in GOOD[name].items() if key != field}
    required = field in schema(name)["items"]["required"]
    assert bool(build_complaints(name, fields, monkeypatch)) == required
