"""The warm live preview (tools/preview.py) writes what a clean build writes.

One builder process is kept between saves; a scripted series of edits (page text, a
heading, a label and a reference to it, a citation, a conclusion's evidence, the data
files, the bibliography, a page added and removed, a problem made and mended, conf.py)
is built by it, and after every edit each file it wrote is compared, byte for byte,
with a clean ``sphinx-build`` of the same sources. The problems it reports are those of
the sources now: a page's problem stays reported while the page is not read again, and
goes once it is mended.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import preview  # noqa: E402 (after the path is set)
from conftest import copy_sources  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_sources(tmp_path / "project")


@pytest.fixture
def supervisor(project: Path, tmp_path: Path):
    log: list[str] = []
    warm = preview.Supervisor(
        project,
        project / "docs",
        tmp_path / "live" / "html",
        tmp_path / "live" / "doctrees",
        {},
        log=log.append,
    )
    warm.log_lines = log
    yield warm
    warm.stop_child()


def clean_build(project: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q", "-c", str(project),
         "-d", str(out / "doctrees"), str(project / "docs"), str(out / "html")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]


def differences(warm: Path, clean: Path) -> list[str]:
    """What differs between two output folders: files only in one, files not the same."""
    files = {p.relative_to(warm) for p in warm.rglob("*") if p.is_file()}
    others = {p.relative_to(clean) for p in clean.rglob("*") if p.is_file()}
    found = [f"only in the warm preview: {p}" for p in sorted(files - others)]
    found += [f"only in the clean build: {p}" for p in sorted(others - files)]
    for name in sorted(files & others):
        a, b = (warm / name).read_bytes(), (clean / name).read_bytes()
        if a != b:
            diff = difflib.unified_diff(
                b.decode(errors="replace").splitlines(),
                a.decode(errors="replace").splitlines(),
                "clean",
                "warm",
                n=1,
                lineterm="",
            )
            found.append(f"{name} differs:\n" + "\n".join(list(diff)[:12]))
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: adapt the test's edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.site  # builds the whole site, warm and clean
def test_after_each_edit_the_warm_preview_writes_what_a_clean_build_writes(
    supervisor, project, tmp_path
):
    docs, data = project / "docs", project / "data"
    edits = [
        ("a sentence on a theme page",
         lambda: append(docs / "ulusal-sorun.md", "\nÖnizleme için eklenmiş bir cümle.\n")),
        ("a heading on a theme page (every page's navigation)",
         lambda: edit(docs / "devlet-aygiti.md", "\n# ", "\n# Önizleme: ")),
        ("a labelled section, and a reference to it from another page",
         lambda: (append(docs / "kongreye-mektup.md",
                         "\n(onizleme-bolumu)=\n## Önizleme bölümü\n\nBir paragraf.\n"),
                  append(docs / "giris.md", "\nBkz. {ref}`onizleme-bolumu`.\n"))),
        ("a citation's page", lambda: edit(docs / "ulusal-sorun.md", ":sayfa: 95", ":sayfa: 96")),
        ("a conclusion's evidence",
         lambda: edit(docs / "sonuclar.md",
                      ":dayanak: devlet-aygiti-nitelik devlet-aygiti-oneriler",
                      ":dayanak: devlet-aygiti-nitelik devlet-aygiti-oneriler "
                      "ulusal-sorun-26-eylul")),
        ("a chronology entry",
         lambda: edit(data / "kronoloji.yaml", "baslik: Lenin ağır bir ameliyat geçirir.",
                      "baslik: Lenin ağır bir ameliyat geçirir (önizleme).")),
        ("a person's other spelling",
         lambda: edit(data / "kisiler.yaml", "tam_ad: Lev Borisoviç Kamenev",
                      "tam_ad: Lev Borisoviç Kamenev (Rozenfeld)")),
        ("a document's title",
         lambda: edit(data / "belgeler.yaml", "baslik: Bizim Devrimimiz",
                      "baslik: Bizim Devrimimiz (önizleme)")),
        ("a bibliography entry",
         lambda: edit(project / "references.bib", "publisher  = {Öteki Yayınevi}",
                      "publisher  = {Öteki Yayınları}")),
        ("a page added to the contents",
         lambda: ((docs / "onizleme.md").write_text("# Önizleme sayfası\n\nBir paragraf.\n",
                                                   encoding="utf-8"),
                  edit(docs / "index.md", "\ngiris\n", "\ngiris\nonizleme\n"))),
        ("that page removed again",
         lambda: ((docs / "onizleme.md").unlink(),
                  edit(docs / "index.md", "\ngiris\nonizleme\n", "\ngiris\n"))),
        ("a quotation's text",
         lambda: edit(docs / "ulusal-sorun.md", "Egemen Ulus şovenizmine",
                      "Egemen ulus şovenizmine")),
        ("conf.py (a fresh builder)",
         lambda: append(project / "conf.py", "\n# an edit: the preview starts a fresh builder\n")),
    ]  # fmt: skip
    supervisor.build()
    assert supervisor.state.problems == []
    for n, (what, change) in enumerate(edits, 1):
        before = snapshot(project)
        change()
        supervisor.rebuild(changed(before, snapshot(project)))
        assert supervisor.state.problems == [], f"edit {n} ({what}): {supervisor.state.problems}"
        clean_build(project, tmp_path / "clean")
        found = differences(supervisor.outdir, tmp_path / "clean" / "html")
        assert not found, f"after edit {n} ({what}):\n" + "\n".join(found[:5])
    # conf.py and the bibliography are read once per application: their changes took a
    # fresh builder; the pages' and the data files' did not
    assert [line for line in supervisor.log_lines if "fresh builder" in line] == [
        "preview: references.bib changed: starting a fresh builder",
        "preview: conf.py changed: starting a fresh builder",
    ]


def snapshot(project: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()}


def changed(before: dict[Path, int], after: dict[Path, int]) -> set[Path]:
    """The files an edit added, removed or changed: what the watcher would report."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@pytest.mark.site  # builds the whole site, warm and clean
def test_a_problem_stays_reported_until_it_is_mended(supervisor, project, tmp_path):
    docs = project / "docs"
    supervisor.build()
    append(docs / "giris.md", "\nBkz. {ref}`olmayan-bir-bolum`.\n")
    supervisor.rebuild({docs / "giris.md"})
    problems = supervisor.state.problems
    assert len(problems) == 1
    assert "giris.md" in problems[0]
    assert "olmayan-bir-bolum" in problems[0]
    # another page edited: giris.md is not read again, its problem is still there
    append(docs / "ulusal-sorun.md", "\nBir cümle daha.\n")
    supervisor.rebuild({docs / "ulusal-sorun.md"})
    assert supervisor.state.problems == problems
    edit(docs / "giris.md", "\nBkz. {ref}`olmayan-bir-bolum`.\n", "\n")
    supervisor.rebuild({docs / "giris.md"})
    assert supervisor.state.problems == []
    clean_build(project, tmp_path / "clean")
    assert differences(supervisor.outdir, tmp_path / "clean" / "html") == []


@pytest.mark.site  # builds the whole site, warm and clean
def test_a_build_that_stops_is_reported_and_the_next_save_starts_afresh(supervisor, project):
    supervisor.build()
    conf = project / "conf.py"
    original = conf.read_text(encoding="utf-8")
    conf.write_text(original + "\nraise RuntimeError('conf.py bozuk')\n", encoding="utf-8")
    supervisor.rebuild({conf})
    assert supervisor.process is None  # the child ended; nothing of it is kept
    assert len(supervisor.state.problems) == 1
    assert "conf.py bozuk" in supervisor.state.problems[0]
    conf.write_text(original, encoding="utf-8")
    supervisor.rebuild({conf})
    assert supervisor.state.problems == []
    assert supervisor.process is not None


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("docs/giris.md", True),
        ("data/kronoloji.yaml", True),
        ("conf.py", True),
        (".git/logs/HEAD", True),  # a commit: the dates and the release are read again
        (".git/refs/tags/v2026.2", True),
        ("docs/.giris.md.swp", False),  # editors' files beside the one saved
        ("docs/giris.md~", False),
        ("docs/4913", False),
        (".git/objects/ab/cdef", False),
        (".git/refs/heads/main.lock", False),
        (".nox/docs/lib/x.py", False),
        ("build/html/giris.html", False),
        ("_ext/edition/__pycache__/x.pyc", False),
    ],
)
def test_the_watcher_keeps_what_a_build_reads(name, kept, tmp_path):
    assert preview.ignored(tmp_path / name, tmp_path) is not kept


def test_only_pages_and_what_they_depend_on_are_built_warm(tmp_path):
    warm = preview.Supervisor(tmp_path, tmp_path / "docs", tmp_path / "o", tmp_path / "d", {})
    warm.depends = {str((tmp_path / "data" / "kronoloji.yaml").resolve())}
    assert not warm.needs_restart({tmp_path / "docs" / "giris.md"})
    assert not warm.needs_restart({tmp_path / "data" / "kronoloji.yaml"})
    for name in ("conf.py", "_ext/edition/core/words.py", "locale/tr/LC_MESSAGES/sphinx.po",
                 "requirements.txt", "references.bib", ".git/logs/HEAD"):  # fmt: skip
        assert warm.needs_restart({tmp_path / "docs" / "giris.md", tmp_path / name}), name
