"""data/schema/: the data files' JSON Schemas, the lint that applies them, and their agreement
with the checks the build makes (edition.chronology, edition.persons)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from edition.core.data import Entry
from edition.core.schema import MAX_BYTES, check, problems
from edition.registers import chronology, documents, persons

SCHEMACHECK = ROOT / "tools" / "schemacheck.py"
DATA = {"kronoloji": chronology, "kisiler": persons, "belgeler": documents}

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
    "belgeler": {
        "id": "ornek-belge",
        "baslik": "Örnek Bir Mektup",
        "rusca": "Пример",
        "tarih": "1922-12-13",
        "bitis": "1922-12-14",
        "kime": "Birine",
        "yazim": "dikte",
        "ilk_yayim": "1956, bir dergi",
        "baskilar": [{"baski": "pss", "cilt": 45, "sayfa": "343-348", "dayanak": "içindekiler"}],
        "parcalar": [{"ad": "I", "tarih": "1922-12-23", "sayfa": "343-344", "dayanak": "x"}],
        "adresler": [
            {"dil": "en", "yer": "kopya", "url": "https://example.org/x", "dayanak": "okundu"}
        ],
        "not": "Bir not.",
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
    assert line == 2  # where the unclosed "[" opens, as the build says
    assert message.startswith("not valid YAML: while parsing a flow sequence that starts here")


BOMB = "".join(f"- &l{n} [{', '.join([f'*l{n - 1}' if n else 'ha'] * 10)}]\n" for n in range(10))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BOMB, 1, "an anchor (&l0) is not allowed: the data files use no YAML anchors"),
        ("- id: a\n  ad: &x A\n  rol: b\n", 2, "an anchor (&x) is not allowed"),
        ("- id: a\n  ad: A\n  rol: *x\n", 3, "an alias (*x) is not allowed"),
        ("- id: a\n  ad: A\n  rol: b\n  ad: B\n", 4, "the field 'ad' is given twice"),
        ("- id: a\n  ad: " + "[" * 50000 + "]" * 50000, 2, "lists and mappings are nested"),
        ("- id: !!python/object/apply:os.system [x]\n", 1, "the tag '!!python/object/apply"),
        ("- id: a\n  <<: {ad: A}\n", 2, "the tag '<<' (a merge key) is not allowed"),
    ],
    ids=["bomb", "anchor", "alias", "twice", "deep", "python-tag", "merge-key"],
)
def test_anchors_aliases_and_repeated_keys_are_refused_before_loading(
    tmp_path, text, line, message
):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "kisiler.schema.json").write_text(
        json.dumps(schema("kisiler")), encoding="utf-8"
    )
    data = tmp_path / "kisiler.yaml"
    data.write_text(text, encoding="utf-8")
    [(found_line, found)] = problems(data)
    assert (found_line, found[: len(message)]) == (line, message)


def test_a_data_file_over_the_limit_is_refused_unread(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "kisiler.schema.json").write_text(
        json.dumps(schema("kisiler")), encoding="utf-8"
    )
    data = tmp_path / "kisiler.yaml"
    data.write_text("- id: a\n  ad: A\n  rol: " + "b" * MAX_BYTES + "\n", encoding="utf-8")
    [(line, message)] = problems(data)
    assert line == 1
    assert message.startswith(f"the file is {data.stat().st_size} bytes; a data file may hold")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"tur": ["olay"]}, "tur: ['olay'] is not one of ['makale'"),
        ({"baslik": ["bir", "iki"]}, "baslik: ['bir', 'iki'] is not of type 'string'"),
        ({"baslik": True}, "baslik: True is not of type 'string'"),
        ({"baslik": "a" * 301}, "is too long (301 characters; at most 300)"),
        ({"bolumler": "giris-hastalik"}, "bolumler: 'giris-hastalik' is not of type 'array'"),
        ({"bolumler": ["a"] * 21}, "the list is too long (21 items; at most 20)"),
        ({"tarih": 1922}, "tarih: 1922 is not of type 'string'"),
    ],
)
def test_wrong_types_and_lengths_are_refused(fields, message):
    entry = {**GOOD["kronoloji"], **fields}
    found = check([entry], {}, schema("kronoloji"))
    assert [m for _, m, _ in found if message in m], found


@pytest.mark.parametrize("name", DATA)
def test_the_validator_agrees_with_jsonschema(name):
    import jsonschema

    variants = [
        {},
        {"id": 5},
        {"id": "A B"},
        {"rol": ""},
        {"ad": "x" * 61},
        {"varyantlar": ["a", "a"]},
        {"varyantlar": [1]},
        {"bolumler": []},
        {"tur": "roman"},
        {"fazla": 1},
        {"tarih_notu": ["sonu"]},
        {"yazim": None},
    ]
    validator = jsonschema.Draft7Validator(schema(name))
    for change in variants:
        entry = {**GOOD[name], **change}
        for document in ([entry], entry, [entry] * 1001):
            ours = bool(check(document, {}, schema(name)))
            assert ours == (not validator.is_valid(document)), (change, ours)


# -- The schemas and the build's checks say the same ---------------------------------------


def build_complaints(name: str, fields: dict, monkeypatch) -> list[str]:
    """What the build's check of one entry reports (edition.chronology/persons.validate)."""
    said: list[str] = []
    module = DATA[name]
    monkeypatch.setattr(module, "warn", lambda kind, message, *args, **where: said.append(message))
    extra = {"hosts": frozenset({"example.org"})} if module is documents else {}
    module.validate(Entry(f"data/{name}.yaml", 1, fields), fields.get("id", "?"), **extra)
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


def test_the_command_line_needs_only_pyyaml():
    """The lint's hook runs tools/schemacheck.py where only PyYAML is installed: importing
    edition.core.schema (and so edition.core) must not need docutils or Sphinx."""
    data = ROOT / "data" / "kronoloji.yaml"
    blocked = (
        "import runpy, sys; sys.modules.update(docutils=None, sphinx=None); "
        f"sys.argv = [{str(SCHEMACHECK)!r}, {str(data)!r}]; "
        f"runpy.run_path({str(SCHEMACHECK)!r}, run_name='__main__')"
    )
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True)
    assert "ModuleNotFoundError" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
