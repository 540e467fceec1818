"""tools/publish.py and tools/deadlinks.py: reproducible output, staged publishing, dead links."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import time

import pytest
from conftest import BOOKS, ROOT, require_marker
from test_faults import PUBLISH, SOURCES, published, tree_digest

sys.path.insert(0, str(ROOT / "tools"))

from typing import TYPE_CHECKING

from deadlinks import dead_links

if TYPE_CHECKING:
    from pathlib import Path

COMMIT_DATE = "2001-03-05T12:00:00+00:00"


def checkout(folder: Path) -> Path:
    """The edition's sources as a git checkout whose one commit is dated 5 March 2001."""
    folder.mkdir(parents=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "edition"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    return folder


def publish(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    require_marker("publish", "runs tools/publish.py")
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    return subprocess.run(
        [sys.executable, str(PUBLISH), "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One commit built twice: in two folders, at two times, in two time zones, the
    first serially and the second in parallel (-j 2)."""
    base = tmp_path_factory.mktemp("reproducible")
    first, second = checkout(base / "first"), checkout(base / "elsewhere" / "second")
    result = publish(first, TZ="UTC")
    assert result.returncode == 0, result.stdout + result.stderr
    time.sleep(2)
    result = publish(second, "--jobs", "2", TZ="Asia/Tokyo")
    assert result.returncode == 0, result.stdout + result.stderr
    return first, second


@pytest.mark.publish
def test_two_builds_of_one_commit_give_the_same_bytes(two_builds):
    first, second = two_builds
    for part in ("html", "pdf"):
        a, b = first / "build" / part, second / "build" / part
        files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
        files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
        assert files_a == files_b
        different = [str(f) for f in files_a if (a / f).read_bytes() != (b / f).read_bytes()]
        assert different == [], part
    html = first / "build" / "html"
    for needed in ("objects.inv", "searchindex.js", "index.html", "lenin-son-yazilar.pdf"):
        assert (html / needed).is_file(), needed
    assert (first / "build" / "pdf" / "lenin-son-yazilar.pdf").is_file()


@pytest.mark.publish
def test_both_editions_are_published_page_for_page(two_builds):
    """The Turkish site at the root, the English under en/ with the same pages, the books of
    both beside the pages; every page links to its other edition (publish.py has checked
    that every such link and fragment resolves)."""
    first, _ = two_builds
    html = first / "build" / "html"
    turkish = sorted(p.name for p in html.glob("*.html"))
    assert turkish == sorted(p.name for p in (html / "en").glob("*.html"))
    assert ' lang="en" ' in (html / "en" / "index.html").read_text(encoding="utf-8")
    for name in ("lenin-last-writings.pdf", "en/lenin-last-writings.pdf"):
        assert (html / name).is_file(), name
    assert (first / "build" / "pdf" / "lenin-last-writings.pdf").is_file()
    for name in ("giris.html", "en/giris.html"):
        page = (html / name).read_text(encoding="utf-8")
        assert 'class="dil-baglantisi"' in page, name
        assert 'hreflang="x-default"' in page, name


@pytest.mark.publish
def test_dates_come_from_the_commit_not_the_clock(two_builds):
    first, _ = two_builds
    html = first / "build" / "html"
    page = (html / "ulusal-sorun.html").read_text(encoding="utf-8")
    assert "Son güncelleme: 5 Mart 2001" in page
    assert '<meta name="citation_publication_date" content="2001/03/05" />' in page
    today = datetime.date.today()
    months = "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"
    forms = (
        today.isoformat(),
        today.strftime("%Y/%m/%d"),
        f"{today.day} {months.split()[today.month - 1]} {today.year}",
    )
    for path in html.rglob("*.html"):
        if path.name == "surumler.html":
            continue  # the change record's dates are the editors' (data/surum-notlari.yaml)
        text = path.read_text(encoding="utf-8")
        assert not [form for form in forms if form in text], path
    from pypdf import PdfReader

    info = PdfReader(first / "build" / "pdf" / "lenin-son-yazilar.pdf").metadata
    assert info["/CreationDate"].startswith("D:20010305")
    assert info["/ModDate"].startswith("D:20010305")


@pytest.mark.publish
def test_a_failed_pdf_publishes_nothing_and_a_good_run_publishes_all(two_builds):
    root, _ = two_builds
    before = published(root)
    pdf_before = tree_digest(root / "build" / "pdf")
    page = root / "docs" / "giris.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nYeni bir cümle.\n", encoding="utf-8")
    blocked = root / "build" / "staging" / "pdf" / "lenin-son-yazilar.pdf"
    blocked.unlink()
    blocked.mkdir()  # the PDF cannot be written: its path is a folder
    result = publish(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "the PDF build failed" in output
    assert "Traceback" not in output
    assert "nothing published; the last good output in build/ is unchanged" in output
    assert "Yeni bir cümle." in (root / "build" / "staging" / "html" / "giris.html").read_text(
        encoding="utf-8"
    )  # the HTML was built, in staging ...
    assert published(root) == before  # ... and not published
    blocked.rmdir()
    result = publish(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Yeni bir cümle." in (root / "build" / "html" / "giris.html").read_text("utf-8")
    assert tree_digest(root / "build" / "pdf") != pdf_before
    assert sorted(p.name for p in (root / "build").iterdir()) == [
        "doctrees",
        "html",
        "pdf",
        "staging",
    ]


def write(folder: Path, name: str, html: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>\n{html}\n</body></html>\n", encoding="utf-8")


def test_dead_links_are_found_with_their_line(tmp_path):
    write(tmp_path, "index.html", '<p id="top">x</p>\n<a href="a/b.html#kisim">ok</a>')
    write(tmp_path, "a/b.html", '<h2 id="kisim">K</h2>\n<a href="../index.html#top">ok</a>')
    write(
        tmp_path,
        "c.html",
        "\n".join(
            [
                '<a href="#">top of page</a>',
                '<a href="https://example.org/none.html">another site</a>',
                '<a href="mailto:x@example.org">mail</a>',
                '<a href="yok.html">missing file</a>',
                '<a href="index.html#yok">missing fragment</a>',
                '<img src="_static/yok.png">',
                '<a href="../../etc/passwd">outside</a>',
                '<a href="a/">a folder without index</a>',
            ]
        ),
    )
    found = [(p.name, line, address, problem) for p, line, address, problem in dead_links(tmp_path)]
    assert found == [
        ("c.html", 5, "yok.html", "no such file in the site"),
        ("c.html", 6, "index.html#yok", "no id 'yok' in that page"),
        ("c.html", 7, "_static/yok.png", "no such file in the site"),
        ("c.html", 8, "../../etc/passwd", "points outside the site"),
        ("c.html", 9, "a/", "no such file in the site"),
    ]


def test_the_published_site_has_no_dead_link(site):
    """Every link resolves but the books', which tools/publish.py puts beside the pages
    (the publish tests check those on a published site); every page offers them."""
    dead = dead_links(site.html.outdir)
    assert {address for _page, _line, address, _problem in dead} <= set(BOOKS)
    pages = sorted(site.html.outdir.glob("*.html"))
    offering = {page for page, _line, _address, _problem in dead}
    assert offering == {p for p in pages if p.name not in ("search.html", "genindex.html")}


def test_a_dead_link_is_reported_at_its_page_s_source(tmp_path):
    """Not at the written file in build/staging: at docs/x.md, and at the line that names
    the link's target when one line does; a generated page keeps its written place."""
    from publish import dead_link_message

    root, site = tmp_path, tmp_path / "build" / "staging" / "html"
    (root / "docs").mkdir()
    (root / "docs" / "tema.md").write_text(
        "# Tema\n\nBir paragraf.\n\nBkz. {ref}`yok-bolum`.\n", encoding="utf-8"
    )
    write(site, "tema.html", "<p>x</p>\n<a href='#yok-bolum'>y</a>\n<a href='z.html'>z</a>")
    write(site, "genindex.html", "<a href='yok.html'>y</a>")
    messages = [
        dead_link_message(root, site, page, line, address, problem)
        for page, line, address, problem in dead_links(site)
    ]
    assert messages == [
        f"{site / 'genindex.html'}:2: dead link 'yok.html' (line 2 of the written "
        "genindex.html): no such file in the site; no page of docs/ wrote it: the theme, a "
        "template or an extension did",
        "docs/tema.md:5: dead link '#yok-bolum' (line 3 of the written tema.html): no id "
        "'yok-bolum' in that page; correct the link, or the label or page it names",
        "docs/tema.md: dead link 'z.html' (line 4 of the written tema.html): no such file in "
        "the site; correct the link, or the label or page it names",
    ]


def test_a_dead_link_of_an_english_page_is_reported_at_the_same_source(tmp_path):
    """en/x.html is written from docs/x.md, as x.html is."""
    from publish import dead_link_message

    root, site = tmp_path, tmp_path / "build" / "staging" / "html"
    (root / "docs").mkdir()
    (root / "docs" / "tema.md").write_text("# Tema\n\nBkz. {ref}`yok-bolum`.\n", encoding="utf-8")
    write(site, "tema.html", "<p>x</p>")
    write(site, "en/tema.html", "<p>x</p>\n<a href='#yok-bolum'>y</a>")
    messages = [
        dead_link_message(root, site, page, line, address, problem)
        for page, line, address, problem in dead_links(site)
    ]
    assert messages == [
        "docs/tema.md:3: dead link '#yok-bolum' (line 3 of the written en/tema.html): no id "
        "'yok-bolum' in that page; correct the link, or the label or page it names"
    ]
