"""Releases: the number in one place, the change record, a release's frozen copy, its
citation, the sentences changed between two releases (tools/release.py, edition.site.releases)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, require_marker
from edition.core.releases import read, status

if TYPE_CHECKING:
    from pathlib import Path

RELEASE = ROOT / "tools" / "release.py"
BASE = "https://example.org/lenin/"
#: What a release needs of the checkout: the edition's sources and the release tool.
SOURCES = ("conf.py", "docs", "data", "_ext", "references.bib", "locale", "tools", ".gitignore")


def conf_release() -> str:
    return re.search(r'^version = release = "([^"]+)"$', (ROOT / "conf.py").read_text(), re.M)[1]


# -- The number in one place ------------------------------------------------------------------


def test_the_citation_file_names_the_release_of_conf_py_and_its_date():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    record = read(ROOT / "data" / "surum-notlari.yaml")
    entry = next(r for r in record if r.number == conf_release())
    assert str(cff["version"]) == conf_release()
    assert str(cff["date-released"]) == entry.day.isoformat()
    assert "doi" not in cff  # none minted yet: never invented


def test_the_change_record_is_newest_first_each_number_once():
    record = read(ROOT / "data" / "surum-notlari.yaml")
    numbers = [r.number for r in record]
    assert len(numbers) == len(set(numbers))
    assert [r.day for r in record] == sorted((r.day for r in record), reverse=True)
    assert all(any(r.changes.values()) for r in record), "an entry says what changed"


def test_the_archive_metadata_is_the_edition_s():
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert zenodo["license"] == cff["license"]
    assert zenodo["creators"] == [{"name": author["name"]} for author in cff["authors"]]


def test_a_page_says_which_text_it_is_and_its_citation_names_it(site):
    """The tests' checkout is untagged (development text) or the release's tagged commit:
    the line under the title and the citation say the same as edition.core.releases."""
    state = status(ROOT, conf_release(), read(ROOT / "data" / "surum-notlari.yaml"), frozen=False)
    page = BeautifulSoup(
        (site.html.outdir / "giris.html").read_text(encoding="utf-8"), "html.parser"
    )
    line = page.select_one(".surum-satiri").get_text()
    citation = " ".join(page.select_one(".atif-metin").get_text().split())
    if state.released:
        assert line.startswith(f"Sürüm {state.number}, ")
        assert f"sürüm {state.number}, " in citation
    else:
        assert line.startswith("Geliştirme metni, ")
        assert "geliştirme metni, " in citation
    assert page.select_one(".surum-donmus") is None  # the site's root is not a frozen copy
    versions = BeautifulSoup(
        (site.html.outdir / "surumler.html").read_text(encoding="utf-8"), "html.parser"
    )
    for release in read(ROOT / "data" / "surum-notlari.yaml"):
        assert versions.find(id=f"surum-{release.number.replace('.', '-')}"), release.number


# -- Two releases in a scratch repository -------------------------------------------------------


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True
    ).stdout.strip()


def run_release(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    require_marker("publish", "builds releases with tools/release.py")
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, str(folder / "tools" / "release.py"), "--base", BASE, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    """A scratch repository with the edition, released as 2026.1, then, after one sentence
    is mended, as 2026.2: the refusals on the way are recorded."""
    folder = tmp_path_factory.mktemp("releases") / "edisyon"
    folder.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Edisyon")
    git(folder, "config", "user.email", "edisyon@example.org")
    edit(folder / "conf.py", f'release = "{conf_release()}"', 'release = "2026.1"')
    (folder / "data" / "surum-notlari.yaml").write_text(
        '- surum: "2026.1"\n  tarih: "2026-11-30"\n  yeni:\n    - İlk sürüm.\n', encoding="utf-8"
    )
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "ilk sürüm")
    refusals = {}
    first = run_release(folder)
    assert first.returncode == 0, first.stdout + first.stderr
    # the second: a sentence mended, the number raised, its entry first forgotten
    edit(
        folder / "docs" / "giris.md",
        "Lenin, 23 Nisan 1922’de ağır bir ameliyat geçirdi.",
        "Lenin, 23 Nisan 1922’de Moskova’da ağır bir ameliyat geçirdi.",
    )
    refusals["dirty"] = run_release(folder)
    edit(folder / "conf.py", 'release = "2026.1"', 'release = "2026.2"')
    git(folder, "commit", "-qam", "bir cümle düzeltildi")
    refusals["no entry"] = run_release(folder)
    edit(
        folder / "data" / "surum-notlari.yaml",
        '- surum: "2026.1"',
        '- surum: "2026.2"\n  tarih: "2026-12-01"\n  icerik:\n    - Girişte bir cümle.\n\n'
        '- surum: "2026.1"',
    )
    git(folder, "commit", "-qam", "sürüm notu")
    second = run_release(folder)
    assert second.returncode == 0, second.stdout + second.stderr
    return folder, refusals


def page(folder: Path, number: str, name: str) -> BeautifulSoup:
    path = folder / "build" / "release" / number / name
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.publish
def test_a_release_is_refused_with_what_to_do(releases):
    _folder, refusals = releases
    assert refusals["dirty"].returncode == 1
    assert "uncommitted changes" in refusals["dirty"].stdout
    assert refusals["no entry"].returncode == 1
    assert "has no entry for release 2026.2" in refusals["no entry"].stdout


@pytest.mark.publish
def test_both_releases_are_kept_tagged_with_their_books(releases):
    folder, _ = releases
    assert set(git(folder, "tag").split()) == {"v2026.1", "v2026.2"}
    for number in ("2026.1", "2026.2"):
        copy = folder / "build" / "release" / number
        for name in ("index.html", "giris.html", "lenin-son-yazilar.pdf", "lenin-son-yazilar.epub"):
            assert (copy / name).is_file(), (number, name)


@pytest.mark.publish
def test_each_release_says_which_it_is_and_points_at_the_same_place_in_the_latest(releases):
    folder, _ = releases
    for number in ("2026.1", "2026.2"):
        giris = page(folder, number, "giris.html")
        banner = giris.select_one(".surum-donmus")
        assert f"edisyonun {number} sürümüdür" in banner.get_text()
        assert banner.select_one("a.guncel-baglanti")["href"] == f"{BASE}giris.html"
        assert giris.select_one(".surum-satiri").get_text().startswith(f"Sürüm {number}, ")


@pytest.mark.publish
def test_anchors_exist_in_both_releases(releases):
    folder, _ = releases
    published = [
        line.split("#")
        for line in (ROOT / "data" / "anchors.txt").read_text(encoding="utf-8").splitlines()
        if "#" in line and not line.startswith("#")
    ]
    assert published
    for number in ("2026.1", "2026.2"):
        pages: dict[str, set[str]] = {}
        for name, anchor in published:
            if name not in pages:
                found = page(folder, number, f"{name}.html")
                pages[name] = {tag["id"] for tag in found.find_all(id=True)}
            assert anchor in pages[name], (number, name, anchor)


@pytest.mark.publish
def test_the_citation_of_each_release_names_it_and_its_own_copy(releases):
    folder, _ = releases
    for number in ("2026.1", "2026.2"):
        giris = page(folder, number, "giris.html")
        citation = " ".join(giris.select_one(".atif-metin").get_text().split())
        assert f"çevrimiçi edisyon, sürüm {number}, 2026, {BASE}{number}/giris.html" in citation
        assert f"version   = {{{number}}}" in giris.select_one(".atif-bibtex").get_text()
        assert giris.find("link", rel="cite-as")["href"] == f"{BASE}{number}/giris.html"
        meta = giris.find("meta", attrs={"name": "citation_pdf_url"})["content"]
        assert meta == f"{BASE}{number}/lenin-son-yazilar.pdf"


@pytest.mark.publish
def test_the_changed_sentence_is_listed_at_its_anchor(releases):
    folder, _ = releases
    changes = page(folder, "2026.2", "degisiklikler.html")
    places = {h2.a["href"]: h2.find_next("ul").get_text("\n") for h2 in changes.select("h2")}
    assert set(places) == {"giris.html#giris-hastalik"}
    listed = places["giris.html#giris-hastalik"]
    assert "− Lenin, 23 Nisan 1922’de ağır bir ameliyat geçirdi." in listed
    assert "+ Lenin, 23 Nisan 1922’de Moskova’da ağır bir ameliyat geçirdi." in listed
    assert not (folder / "build" / "release" / "2026.1" / "degisiklikler.html").exists()


@pytest.mark.publish
def test_a_number_is_released_once(releases):
    folder, _ = releases
    edit(folder / "docs" / "giris.md", "Moskova’da ağır", "Moskova’da çok ağır")
    git(folder, "commit", "-qam", "bir düzeltme daha, numara aynı")
    again = run_release(folder)
    assert again.returncode == 1
    assert "release 2026.2 was made already" in again.stdout


def test_the_change_record_matches_its_schema():
    from edition.core.schema import problems

    path = ROOT / "data" / "surum-notlari.yaml"
    assert problems(path) == []
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/surum-notlari.schema.json\n"
    )
