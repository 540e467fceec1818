"""The real edition, built once (HTML and PDF) with the nox sessions' strict options."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pybtex.database
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, strict_build


def soup(build, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (build.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_html_builds_with_no_warning(site):
    assert site.html.status == 0, site.html.warnings
    assert site.html.warnings == ""


def test_every_page_is_reachable_from_the_toctree(site):
    env = site.html.env
    reached, todo = set(), [env.config.root_doc]
    while todo:
        docname = todo.pop()
        if docname not in reached:
            reached.add(docname)
            todo.extend(env.toctree_includes.get(docname, []))
    on_disk = {
        p.relative_to(ROOT / "docs").with_suffix("").as_posix()
        for p in (ROOT / "docs").rglob("*.md")
    }
    assert reached == env.found_docs == on_disk


def test_doctrees_stay_out_of_the_published_folder(site):
    assert not list(site.html.outdir.rglob("*.doctree"))
    assert not list(site.html.outdir.rglob("environment.pickle"))
    assert not [
        p for p in site.html.outdir.glob("_sources/**/*") if p.is_file()
    ]  # html_copy_source


def test_bibliography_is_the_top_level_references_bib(site):
    bibdata = site.html.env.domaindata["cite"]["bibdata"]  # sphinxcontrib-bibtex's parse
    assert list(bibdata.bibfiles) == [ROOT / "references.bib"]
    keys = set(pybtex.database.parse_file(ROOT / "references.bib").entries)
    listed = {
        entry["id"].removeprefix("kaynak-")
        for entry in soup(site.html, "kaynakca").select(".bibliography div.citation")
    }
    assert listed == keys


def test_citations_and_entries_read_in_turkish(site):
    page = soup(site.html, "kaynakca")
    notes = [" ".join(n.find("p").get_text().split()) for n in page.select("aside.footnote")]
    assert notes == ["Lenin, Lenin’in Son Kavgası, s. 180."]
    entries = [" ".join(e.get_text().split()) for e in page.select(".bibliography div.citation")]
    study_and_editions = [
        "Lenin, Ekim Devrimi Dosyası, çev. Kenan Somer, Sol Yayınları, 1999.",
        "Lenin, Lenin’in Son Kavgası, çev. Meral Delikara Topçu, Öteki Yayınevi, 1999.",
        "Turan, Mehmet İnanç ve Sait Almış, “Lenin’in son yazıları ve mektupları”, "
        "Lenin’e Dönüş içinde, yay. haz. Sait Almış ve Mehmet İnanç Turan, t.y.",
        "V. İlyiç Lenin, Biyografi, çev. Gönül Özen Sezer, Sorun Yayınları, 2000.",
    ]
    assert [e for e in entries if e in study_and_editions] == study_and_editions
    volumes = [
        " ".join(n.get_text().split())
        for docname in site.html.env.found_docs
        for n in soup(site.html, docname).select("aside.footnote")
        if "Collected Works" in n.get_text()
    ]
    # A citation of one volume of a set names the volume before the page.
    assert all(re.search(r"Collected Works, c\. \d+, (s\.|not) ", n) for n in volumes), volumes
    for english in (" and ", "n.d.", "edition", "In:", "et al", "pages", "editor"):
        assert english not in " ".join(entries)


def test_no_footnote_text_occurs_more_than_twice_on_a_page(site):
    """A source cited sentence after sentence is one source line or one shared footnote."""
    seen = 0
    for docname in sorted(site.html.env.found_docs):
        page = soup(site.html, docname)
        texts = [" ".join(n.find("p").get_text().split()) for n in page.select("aside.footnote")]
        repeated = {t: texts.count(t) for t in texts if texts.count(t) > 2}
        assert repeated == {}, docname
        seen += len(texts)
    assert seen > 0


def test_a_source_line_stands_for_a_sections_notes(site):
    """Where a section's own text cites one part of one work, one line says so and the
    section's own text has no footnote citing that part."""
    lines = 0
    for docname in sorted(site.html.env.found_docs):
        page = soup(site.html, docname)
        notes = {
            "#" + n["id"]: " ".join(n.find("p").get_text().split())
            for n in page.select("aside.footnote")
        }
        for box in page.select("div.kaynak-satiri"):
            lines += 1
            line = " ".join(box.get_text().split())
            assert line.startswith("Kaynak: "), line
            assert line.endswith("."), line
            section = box.parent
            own = [
                b
                for b in section.find_all(recursive=False)
                if b.name != "section"
                and "editor-notu" not in (b.get("class") or [])
                and b.name != "blockquote"
            ]
            cited = [notes[a["href"]] for b in own for a in b.select("a.footnote-reference")]
            assert line.removeprefix("Kaynak: ") not in cited, (docname, line)
    assert lines > 0


@pytest.mark.parametrize(
    ("selector", "turkish", "english"),
    [
        (".skip-to-content", "İçeriğe geç", "Skip to content"),
        (".toc-title", "Bu sayfada", "On this page"),
        (".back-to-top", "Başa dön", "Back to top"),
        (".next-page .context", "Sonraki", "Next"),
        (".prev-page .context", "Önceki", "Previous"),
    ],
)
def test_interface_strings_are_turkish(site, selector, turkish, english):
    element = soup(site.html, "giris").select_one(selector)
    assert element is not None, selector
    shown = " ".join(element.get_text().split())
    assert shown == turkish
    assert english not in shown


def test_pages_declare_turkish(site):
    for docname in site.html.env.found_docs:
        assert soup(site.html, docname).html["lang"] == "tr"


def test_permalinks_are_titled_in_turkish(site):
    titles = {a["title"] for a in soup(site.html, "giris").select("a.headerlink")}
    assert titles <= {"Bu başlığın bağlantısı", "Bu tablonun bağlantısı"}
    assert "Bu başlığın bağlantısı" in titles


@pytest.mark.site
def test_the_real_configuration_refuses_raw_html(tmp_path):
    """The guard is wired into conf.py: a <script> in a real page fails the real build."""
    copy = tmp_path / "edition"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns("build", ".nox", ".git", "tests", "__pycache__", "*.mo"),
    )
    page = copy / "docs" / "giris.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[3:3] = ["", '<script>document.title = "ele geçirildi"</script>', ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = strict_build("html", tmp_path / "out", srcdir=copy / "docs", confdir=copy)
    assert build.status != 0
    assert f"{Path(copy, 'docs', 'giris.md')}:5: ERROR: Raw HTML" in build.warnings
    assert "ele geçirildi" not in (build.outdir / "giris.html").read_text(encoding="utf-8")
