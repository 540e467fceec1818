"""The EPUB (``nox -s epub``): valid for epubcheck, Turkish metadata, the published anchors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, strict_build

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")

pytestmark = pytest.mark.site  # the EPUB of the whole real site


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    build = strict_build("epub", tmp_path_factory.mktemp("epub"))
    assert build.status == 0, build.warnings
    assert build.warnings == ""
    return build.outdir / "lenin-son-yazilar.epub"


def test_epubcheck_finds_nothing(book):
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's epubcheck (apt-get install epubcheck)")
        pytest.skip("Debian's epubcheck is not installed (apt-get install epubcheck)")
    result = subprocess.run([java, "-jar", EPUBCHECK, str(book)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout


def test_turkish_metadata(book):
    with zipfile.ZipFile(book) as epub:
        opf = epub.read(
            "EPUB/content.opf" if "EPUB/content.opf" in epub.namelist() else "content.opf"
        ).decode()
    assert "<dc:language>tr</dc:language>" in opf
    assert "<dc:title>Lenin’in Son Yazıları ve Mektupları (1922–1923)</dc:title>" in opf
    assert re.search(r"<dc:creator[^>]*>Edisyon ekibi</dc:creator>", opf)
    assert "Lenin’in 1922–1923 yazıları ve mektupları" in opf  # the description


def test_every_page_says_it_is_turkish_and_runs_no_script(book):
    with zipfile.ZipFile(book) as epub:
        pages = [name for name in epub.namelist() if name.endswith(".xhtml") and "nav" not in name]
        # every page of docs/ is in the book (and genindex)
        assert {p.stem for p in (ROOT / "docs").glob("*.md")} <= {Path(n).stem for n in pages}
        for name in pages:
            text = epub.read(name).decode()
            assert re.search(r'<html lang="tr" xml:lang="tr"', text), name
            assert "<script" not in text, name
            assert "Content-Security-Policy" not in text, name  # a web page's, not a book's
            assert 'class="atif"' not in text, name  # no clipboard in a book


def test_the_published_anchors_are_in_the_book(book):
    with zipfile.ZipFile(book) as epub:
        pages = {
            name.rsplit("/", 1)[-1].removesuffix(".xhtml"): epub.read(name).decode()
            for name in epub.namelist()
            if name.endswith(".xhtml")
        }
    missing = []
    for line in (ROOT / "data" / "anchors.txt").read_text(encoding="utf-8").splitlines():
        anchor = line.strip()
        if not anchor or anchor.startswith("#"):
            continue
        page, _, ident = anchor.partition("#")
        if page not in pages or (ident and f'id="{ident}"' not in pages[page]):
            missing.append(anchor)
    assert missing == []


def test_the_book_wording_not_the_sites(book):
    """The EPUB is a book: the index page tells how to cite the book, not the site's controls
    ({only} kitap / epub, edition.core.outputs), and shows no web cards."""
    with zipfile.ZipFile(book) as epub:
        name = next(n for n in epub.namelist() if n.rpartition("/")[2] == "index.xhtml")
        xhtml = epub.read(name).decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", xhtml).split())
    assert "EPUB sürümü, #gurcistan-meselesi" in text
    for web in ("Atıf düğmesi", "Kitap olarak", "Bu site", "çevrimiçi edisyon", "PDF sürümü"):
        assert web not in text, web
    assert "sd-card" not in xhtml
