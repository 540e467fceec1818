"""Fault injection: each kind of bad input a contributor can send, fed to a copy of the real
site through the real publishing step (tools/publish.py, as ``nox -s docs`` runs it).

For every fault the run must fail; its output must hold a one-line message that names the
file and the line and says what to do; no traceback may appear; and the published site
(build/html, build/pdf) must be byte-for-byte the one of the last good build.

The good build runs ``python tools/publish.py`` in a process of its own; the faults run it
through tests/publishkit.py's server, which imports Sphinx once for all of them (each run
still a process of its own, forked, with its own ``-m sphinx`` processes).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import publishkit
import pytest
from conftest import ROOT, SOURCES, require_marker
from faultkit import edit, line_of

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


PUBLISH = ROOT / "tools" / "publish.py"

pytestmark = pytest.mark.publish


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def published(root: Path) -> str:
    return tree_digest(root / "build" / "html") + tree_digest(root / "build" / "pdf")


#: Colour codes (Sphinx colours its output when FORCE_COLOR is set, as on CI machines).
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def run_publish(
    root: Path, *args: str, own_process: bool = False
) -> subprocess.CompletedProcess[str]:
    """tools/publish.py on ``root``: through the server of tests/publishkit.py (Sphinx
    imported once for all the runs), or, with ``own_process``, as ``python
    tools/publish.py`` in a process of its own."""
    require_marker("publish", "runs tools/publish.py")
    command = ["--root", str(root), *args]
    if own_process:
        result = subprocess.run(
            [sys.executable, str(PUBLISH), *command], capture_output=True, text=True, check=False
        )
    else:
        result = publishkit.run_publish(command)
    result.stdout, result.stderr = ANSI.sub("", result.stdout), ANSI.sub("", result.stderr)
    return result


@dataclass
class Workspace:
    root: Path
    warm: Path  #: build/ right after the good build: restored before each fault
    good: str  #: digest of what the good build published

    def reset(self) -> None:
        """Sources as in the repository, build state as after the good build.

        Files are copied with their times (copy2), so Sphinx sees only the page a fault
        touches as changed and the runs stay incremental.
        """
        for name in SOURCES:
            target = self.root / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, target)
        shutil.rmtree(self.root / "build")
        shutil.copytree(self.warm, self.root / "build", symlinks=True)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    base = tmp_path_factory.mktemp("faults")
    root = base / "site"
    root.mkdir()
    workspace = Workspace(root, base / "warm-build", "")
    shutil.copytree(ROOT / "docs", root / "docs")  # so that reset() has something to replace
    workspace.warm.mkdir()
    (root / "build").mkdir()
    workspace.reset()
    result = run_publish(root, own_process=True)  # the good build: exactly as nox runs it
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copytree(root / "build", workspace.warm, symlinks=True, dirs_exist_ok=True)
    workspace.good = published(root)
    return workspace


# -- The faults -------------------------------------------------------------------------


def unknown_citation_key(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    line = edit(page, "{kaynak}`turan-almis-son-yazilar,", "{kaynak}`turan-almis,")
    return (
        f"docs/giris.md:{line}",
        "unknown bibliography key 'turan-almis' in {kaynak}`turan-almis,",
    )


def unclosed_brace_in_bib(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    start = line_of(bib, "@book{lenin-son-kavgasi,")
    edit(bib, "title      = {Lenin’in Son Kavgası},", "title      = {Lenin’in Son Kavgası,")
    return f"references.bib:{start}", (
        "BibTeX syntax error (a brace or a quote is not closed) in the entry 'lenin-son-kavgasi'"
    )


def duplicate_bib_key(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    first = line_of(bib, "@book{lenin-son-kavgasi,")
    text = bib.read_text(encoding="utf-8") + "\n@book{lenin-son-kavgasi,\n  title = {Başka},\n}\n"
    bib.write_text(text, encoding="utf-8")
    line = text[: text.rindex("@book{lenin-son-kavgasi,")].count("\n") + 1
    return f"references.bib:{line}", (
        f"the key 'lenin-son-kavgasi' is already used at line {first}; give this entry its own key"
    )


def quotation_without_page(root: Path) -> tuple[str, str]:
    page = root / "docs" / "dis-ticaret-tekeli.md"
    line = line_of(page, ":::{alinti} ")
    edit(page, ":sayfa: 180\n", "")
    return f"docs/dis-ticaret-tekeli.md:{line}", "has no :sayfa:; give the page(s) of the edition"


def broken_cross_reference(root: Path) -> tuple[str, str]:
    line = edit(root / "docs" / "giris.md", "{ref}`devlet-aygiti`", "{ref}`devlet-aygitx`")
    return f"docs/giris.md:{line}", (
        "undefined label: 'devlet-aygitx'; did you mean 'devlet-aygiti'"
    )


def duplicate_label(root: Path) -> tuple[str, str]:
    line = edit(
        root / "docs" / "giris.md", "(giris-hastalik)=", "(devlet-aygiti)=\n(giris-hastalik)="
    )
    return f"docs/giris.md:{line}", "duplicate label devlet-aygiti, other instance in"


def removed_public_anchor(root: Path) -> tuple[str, str]:
    edit(root / "docs" / "kongreye-mektup.md", "(kongreye-mektup-ek)=", "(kongreye-mektup-ekleme)=")
    line = line_of(root / "data" / "anchors.txt", "kongreye-mektup#kongreye-mektup-ek\n")
    return f"data/anchors.txt:{line}", (
        "published anchor 'kongreye-mektup#kongreye-mektup-ek' no longer exists, and readers "
        "cite it. Restore its label, or record where it went"
    )


def raw_html_block(root: Path) -> tuple[str, str]:
    line = edit(
        root / "docs" / "giris.md",
        "(giris-hastalik)=",
        '<div onclick="x()">a</div>\n\n(giris-hastalik)=',
    )
    return f"docs/giris.md:{line}", "Raw HTML ('<div onclick=\"x()\">a</div>') is not allowed"


def inline_html(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    line = edit(
        page, "(giris-hastalik)=", "Bir <script>alert(1)</script> deneme.\n\n(giris-hastalik)="
    )
    return f"docs/giris.md:{line}", "Raw HTML ('<script>') is not allowed"


def raw_through_eval_rst(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    new = "```{eval-rst}\n.. raw:: html\n\n   <b>x</b>\n```\n\n(giris-hastalik)="
    line = edit(page, "(giris-hastalik)=", new)
    return f"docs/giris.md:{line + 1}", "The 'raw' directive is not allowed"


def include_outside_docs(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    line = edit(page, "(giris-hastalik)=", "```{include} ../conf.py\n```\n\n(giris-hastalik)=")
    return f"docs/giris.md:{line}", "Including '../conf.py' is not allowed"


def javascript_link(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    line = edit(page, "(giris-hastalik)=", "[tıkla](javascript:alert(1))\n\n(giris-hastalik)=")
    return f"docs/giris.md:{line}", (
        "A link to 'javascript:alert(1)' (its scheme 'javascript:' is not https:, http: or "
        "mailto:) is not allowed in the edition's pages: link only to web addresses"
    )


def page_outside_every_toctree(root: Path) -> tuple[str, str]:
    (root / "docs" / "yetim.md").write_text("# Yetim\n\nBir sayfa.\n", encoding="utf-8")
    return "docs/yetim.md:1", (
        "document isn't included in any toctree; add the page's name to the toctree"
    )


def page_not_utf8(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    data = page.read_bytes().replace(b"(giris-hastalik)=", b"T\xfcrk\xe7e\n\n(giris-hastalik)=", 1)
    page.write_bytes(data)
    line = data[: data.index(b"T\xfc")].count(b"\n") + 1
    return f"docs/giris.md:{line}", "the file is not UTF-8 (bytes fc cannot be read"


def malformed_data_file(root: Path) -> tuple[str, str]:
    data = root / "data" / "kronoloji.yaml"
    line = edit(data, "  bolumler: [giris-hastalik]\n", "  bolumler: [giris-hastalik\n")
    return f"data/kronoloji.yaml:{line}", "not valid YAML: while parsing a flow sequence that"


def data_file_with_unknown_field(root: Path) -> tuple[str, str]:
    data = root / "data" / "kisiler.yaml"
    line = edit(data, "  ad: Stalin\n", "  ad: Stalin\n  dogum: 1878\n")
    return f"data/kisiler.yaml:{line - 1}", "person 'stalin': unknown field 'dogum'"


def conclusion_without_theme(root: Path) -> tuple[str, str]:
    page = root / "docs" / "sonuclar.md"
    line = line_of(page, "::::{sonuc} sonuc-devleti-duzeltme")
    edit(page, ":dayanak: devlet-aygiti-nitelik devlet-aygiti-oneriler\n", "")
    return f"docs/sonuclar.md:{line}", "names no theme section in :dayanak:; list the labels"


def non_canonical_spelling(root: Path) -> tuple[str, str]:
    page = root / "docs" / "giris.md"
    line = edit(page, "(giris-hastalik)=", "Trotsky bunu biliyordu.\n\n(giris-hastalik)=")
    return (
        f"docs/giris.md:{line}",
        "'Trotsky' is not the edition's spelling of Troçki; write 'Troçki'",
    )


FAULTS: list[Callable[[Path], tuple[str, str]]] = [
    unknown_citation_key,
    unclosed_brace_in_bib,
    duplicate_bib_key,
    quotation_without_page,
    broken_cross_reference,
    duplicate_label,
    removed_public_anchor,
    raw_html_block,
    inline_html,
    raw_through_eval_rst,
    include_outside_docs,
    javascript_link,
    page_outside_every_toctree,
    page_not_utf8,
    malformed_data_file,
    data_file_with_unknown_field,
    conclusion_without_theme,
    non_canonical_spelling,
]


def more_faults() -> list[Callable[[Path], tuple[str, str]]]:
    """The faults of each area kept in its own module: ``tests/faults_<area>.py``, each with
    a ``FAULTS`` list of functions like the ones above (helpers in ``faultkit``)."""
    import importlib

    found = []
    for module in sorted(ROOT.joinpath("tests").glob("faults_*.py")):
        found.extend(importlib.import_module(module.stem).FAULTS)
    return found


FAULTS += more_faults()


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_a_fault_fails_the_build_at_its_line_and_publishes_nothing(workspace, fault):
    workspace.reset()
    where, what = fault(workspace.root)
    result = run_publish(workspace.root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert "Exception occurred" not in output, output
    place = re.escape(where) + (r"\d+" if where.endswith(":") else "")
    located = [
        line
        for line in output.splitlines()
        if re.search(rf"(^|/){place}: (WARNING|ERROR): ", line) and what in line
    ]
    assert located, f"no line with {where!r} and {what!r} in:\n{output}"
    assert "nothing published; the last good output in build/ is unchanged" in output
    assert published(workspace.root) == workspace.good
