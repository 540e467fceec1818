"""edition.core.messages: every message the edition gives names a documented subtype.

The code is read with ``ast``: each report goes through ``warn(Problem.X, …)`` with a
member of :class:`Problem` (a new call with an unknown or hand-written subtype fails),
and every member is still reported somewhere. CONTRIBUTING.md's table lists the members,
in their order. ``suppress_warnings = ["edition.<subtype>"]`` silences that kind and no
other, in a real build.
"""

from __future__ import annotations

import ast
import os
import re
import shutil

import pytest
from conftest import ROOT
from edition.core.messages import TYPE, Problem, warn
from sphinx.util.console import strip_colors

PACKAGE = ROOT / "_ext" / "edition"
MESSAGES = PACKAGE / "core" / "messages.py"
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p != MESSAGES)


def scan(source: str, name: str) -> tuple[list[str], set[str]]:
    """(what is wrong, members named) in one module's source.

    Wrong: a call that passes ``type=``/``subtype=`` itself (the logger, bypassing
    ``warn``), a ``warn`` whose first argument is not ``Problem.<member>``, and any
    ``Problem.<name>`` that is not a member.
    """
    wrong: list[str] = []
    named: set[str] = set()
    for node in ast.walk(ast.parse(source, filename=name)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Problem"
        ):
            if node.attr in Problem.__members__:
                named.add(node.attr)
            else:
                wrong.append(f"{name}:{node.lineno}: Problem.{node.attr} is not a member")
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg in ("type", "subtype") and isinstance(keyword.value, ast.Constant):
                wrong.append(
                    f"{name}:{node.lineno}: logs {keyword.arg}={keyword.value.value!r} itself; "
                    "use warn(Problem.<member>, …) from edition.core.messages"
                )
        function = node.func
        called = function.id if isinstance(function, ast.Name) else None
        if called != "warn":
            continue
        first = node.args[0] if node.args else None
        if not (
            isinstance(first, ast.Attribute)
            and isinstance(first.value, ast.Name)
            and first.value.id == "Problem"
        ):
            shown = ast.unparse(first) if first is not None else "nothing"
            wrong.append(f"{name}:{node.lineno}: warn() is given {shown}, not Problem.<member>")
    return wrong, named


def scan_package() -> tuple[list[str], set[str]]:
    wrong: list[str] = []
    named: set[str] = set()
    for path in SOURCES:
        found, members = scan(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        wrong += found
        named |= members
    return wrong, named


def test_every_message_names_a_documented_subtype():
    wrong, _ = scan_package()
    assert not wrong, "\n".join(wrong)


def test_every_subtype_is_still_reported():
    _, named = scan_package()
    unused = sorted(set(Problem.__members__) - named)
    assert not unused, f"members no code reports (remove them, and their rows): {unused}"


def test_the_scan_finds_an_undocumented_subtype():
    """The scan can fail: a logger call with its own subtype, an unknown member, a string."""
    source = (
        "logger.warning('x %s', 1, location=here, type='edition', subtype='nieuw')\n"
        "warn(Problem.NIEUW, 'x')\n"
        "warn('citation', 'x')\n"
        "warn(Problem.CITATION, 'x %s', 1, location=here, error=True)\n"
    )
    wrong, named = scan(source, "sample.py")
    assert sorted(line.split(":")[1] for line in wrong) == ["1", "1", "2", "3"], wrong
    assert named == {"CITATION"}


def test_the_members():
    assert len(Problem.__members__) == len(list(Problem)), "two members share a subtype"
    for member in Problem:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", member.value), member
        assert member.name == member.value.upper().replace("-", "_"), member
        assert member.qualified == f"{TYPE}.{member.value}"
        assert member.meaning.strip(), member
        assert "\n" not in member.meaning, member


def test_warn_takes_only_a_member():
    with pytest.raises(TypeError, match="takes a Problem"):
        warn("citation", "a subtype by its string")  # type: ignore[arg-type]


# -- The guide's table -----------------------------------------------------------------


def guide_table() -> list[list[str]]:
    """The rows of CONTRIBUTING.md's table of message kinds: [kind, when, what to do]."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("### İleti türleri", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def test_the_guide_lists_every_subtype_in_order():
    rows = guide_table()
    listed = [row[0].strip("`") for row in rows]
    assert listed == [member.qualified for member in Problem]
    for row in rows:
        assert len(row) == 3, row
        assert all(row), row


def test_the_guide_says_how_to_suppress_a_kind():
    section = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("### İleti türleri")[1]
    assert 'suppress_warnings = ["edition.' in section


# -- suppress_warnings in a real build --------------------------------------------------

#: What the root reports: a note without its kind, and a sentence read as a list.
NOTE = "index.md:5: WARNING: editorial note with no ':tur:'"
LIST = "index.md:9: WARNING: '12. Parti Kongresi"


@pytest.mark.parametrize(
    ("suppressed", "expected"),
    [
        ([], {NOTE: "note", LIST: "accidental-list"}),
        (["edition.note"], {LIST: "accidental-list"}),
        (["edition.accidental-list"], {NOTE: "note"}),
        (["edition.citation"], {NOTE: "note", LIST: "accidental-list"}),
        (["edition"], {}),
    ],
    ids=["none", "note", "accidental-list", "another-kind", "all"],
)
def test_suppress_warnings_silences_one_kind(
    make_app, rootdir, sphinx_test_tempdir, tmp_path, suppressed, expected
):
    srcdir = sphinx_test_tempdir / f"messages-{os.getpid()}-{tmp_path.name}"
    shutil.copytree(rootdir / "test-messages", srcdir)
    app = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        warningiserror=True,
        confoverrides={"suppress_warnings": suppressed},
    )
    app.build()
    lines = [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]
    for start, subtype in expected.items():
        found = [line for line in lines if start in line]
        assert len(found) == 1, f"{start!r} in:\n" + "\n".join(lines)
        assert found[0].endswith(f"[edition.{subtype}]"), found[0]
    assert len(lines) == len(expected), "\n".join(lines)
    assert app.statuscode == (1 if expected else 0)
