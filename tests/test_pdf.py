"""The PDF, read for real: text, outline, links, fonts, language; and the Typst handlers."""

from __future__ import annotations

import re

import pdfcheck
import pybtex.database
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pypdf import PdfReader

TURKISH = set("ıİğĞşŞçÇöÖüÜ")

pytestmark = pytest.mark.pdf


# -- The edition's PDF ---------------------------------------------------------------


def test_pdf_builds_strictly(site):
    assert site.pdf.status == 0, site.pdf.warnings
    assert site.pdf.warnings == ""
    assert site.pdf_file.stat().st_size > 10_000


def html_words(site) -> set[str]:
    """Every word in the article text of the HTML pages."""
    found: set[str] = set()
    for docname in site.html.env.found_docs:
        page = site.html.outdir / f"{docname}.html"
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        for html_only in article.select("a.headerlink, .sayfa-araclari, .atif-bolum"):  # controls
            html_only.decompose()
        found |= set(re.findall(r"\w+", article.get_text(" ")))
    return found


def test_pdf_text_keeps_every_word(site):
    """Every word a reader sees in the HTML reads back from the PDF, letter for letter."""
    wanted = html_words(site)
    assert len(wanted) > 300  # the pages are real prose, not a handful of words
    assert len({w for w in wanted if TURKISH & set(w)}) > 100
    pdf_words = set(re.findall(r"\w+", pdfcheck.text(site.pdf_file)))
    missing = sorted(wanted - pdf_words)
    assert not missing, f"words lost or garbled in the PDF text: {missing[:20]}"


def titles(headings):
    return [h.title for h in headings]


def test_outline_matches_the_pages(site):
    env = site.html.env
    pages = [d for d in env.toctree_includes[env.config.root_doc]]
    root = env.get_doctree(env.config.root_doc)
    root_sections = [
        s[0].astext()
        for s in root.findall(lambda n: n.tagname == "section")
        if s.parent.parent is root
    ]
    outline = pdfcheck.outline(site.pdf_file)
    assert titles(outline) == root_sections + [env.titles[d].astext() for d in pages]
    for docname, heading in zip(pages, outline[len(root_sections) :], strict=True):
        doctree = env.get_doctree(docname)
        top = next(iter(doctree.findall(lambda n: n.tagname == "section")))
        subsections = [s[0].astext() for s in top.children if s.tagname == "section"]
        assert titles(heading.children) == subsections, docname


def test_internal_links_resolve(site):
    links = pdfcheck.internal_link_pages(site.pdf_file)
    pages = len(PdfReader(site.pdf_file).pages)
    assert len(links) >= 10
    assert all(target is not None and 0 <= target < pages for _, target in links), links
    bibliography = next(h.page for h in pdfcheck.outline(site.pdf_file) if h.title == "Kaynakça")
    assert any(target == bibliography for source, target in links if source != bibliography)


def test_fonts_are_embedded(site):
    fonts = pdfcheck.fonts(site.pdf_file)
    assert fonts
    assert all(fonts.values()), [name for name, embedded in fonts.items() if not embedded]
    assert all("Libertinus" in name or "DejaVu" in name for name in fonts)  # Typst's own fonts


def test_document_language_size_and_metadata(site):
    reader = PdfReader(site.pdf_file)
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("tr")
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4
    assert reader.metadata.title == "Lenin’in Son Yazıları ve Mektupları (1922–1923)"


def test_nothing_is_imported_from_the_network(site):
    sources = list(site.pdf.outdir.rglob("*.typ"))
    assert sources
    for source in sources:
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#import"):
                assert '"@' not in line, f"{source}: {line}"


# -- The Typst handlers, on a tiny book ---------------------------------------------------


@pytest.fixture
def book(make_app, rootdir, sphinx_test_tempdir):
    import shutil

    srcdir = sphinx_test_tempdir / "pdf-book"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-pdf", srcdir)
    app = make_app("typstpdf", srcdir=srcdir)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    return app.outdir / "deneme.pdf"


def test_turkish_letters_survive_text_extraction(book):
    text = pdfcheck.words(pdfcheck.text(book))
    assert "Büyük harfler ÇĞİÖŞÜ, küçük harfler çğıöşü; Ilgaz, ılık, İzmir, iğne." in text
    assert "İkinci Sayfa: Ğ, Ş, İ" in text


def test_footnotes_keep_their_own_page_text(book):
    """Both pages number their note "a"; each must show its own text."""
    text = pdfcheck.words(pdfcheck.text(book))
    assert "Birinci sayfanın dipnotu." in text
    assert "İkinci sayfanın dipnotu." in text


def test_a_note_marked_again_is_printed_once_in_its_chapter(book):
    """Every mark of one footnote shares the note printed at the first, with or without
    another note between them, as the site shows the note once at the page's end."""
    text = pdfcheck.words(pdfcheck.text(book))
    assert text.count("Tekrarlanan dipnotun metni.") == 1
    assert text.count("Başka dipnotun metni.") == 1
    # the marks carry the note's number: 2 for "tekrar" (after "a"), three times in the text
    assert re.search(r"Bir cümle\.2 Aynı yere dayanan ikinci cümle\.2 .*ilk yere dayanan cümle\.2", text)


def test_source_lines_are_printed(site):
    """Each section's source line of the HTML stands in the PDF too."""
    shown = sum(
        len(
            BeautifulSoup(
                (site.html.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
            ).select("div.kaynak-satiri")
        )
        for docname in site.html.env.found_docs
    )
    assert shown > 0
    assert pdfcheck.words(pdfcheck.text(site.pdf_file)).count("Kaynak: ") >= shown


def test_each_page_is_a_chapter_whatever_section_holds_its_toctree(book):
    outline = pdfcheck.outline(book)
    assert titles(outline) == ["Bölümler", "Birinci Sayfa", "İkinci Sayfa: Ğ, Ş, İ"]
    assert titles(outline[2].children) == ["Alt Bölüm"]
    assert outline[1].page < outline[2].page  # each page starts a new page


def test_card_title_stands_apart_and_links(book):
    text = pdfcheck.text(book)
    assert re.search(r"Birinci Sayfa\s*\n\s*Kartın gövde metni\.", text), text[:500]
    outline = {h.title: h.page for h in pdfcheck.outline(book)}
    links = pdfcheck.internal_link_pages(book)
    assert (outline["Bölümler"], outline["Birinci Sayfa"]) in links


@pytest.fixture
def lists_book(make_app, rootdir, sphinx_test_tempdir):
    """edition.guard's test root of lists: a sentence with its number escaped, real lists."""
    import shutil

    srcdir = sphinx_test_tempdir / "pdf-lists"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-guard-lists", srcdir)
    app = make_app("typstpdf", srcdir=srcdir)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    return app.outdir


def test_escaped_number_stays_text_and_lists_keep_their_numbers(lists_book):
    text = pdfcheck.words(pdfcheck.text(lists_book / "listeler.pdf"))
    assert "12. Parti Kongresi 17 Nisan 1923’te toplandı." in text  # written 12\. in the page
    assert "1. Merkez Komitesi genişletilsin. 2. İşçi ve Köylü Denetimi" in text
    assert "1. Yalnızca bir madde." in text
    # a list carried on after a code block starts at 3, as on the site (the library's
    # translator wrote every ordered list from 1)
    assert "kod 3. Üçüncü adım." in text
    source = (lists_book / "listeler" / "listeler.typ").read_text(encoding="utf-8")
    assert source.count("#enum(") == 4
    assert source.count("#enum(start: 3,") == 1


def test_bibliography_reads_the_same_in_html_and_pdf(site):
    page = BeautifulSoup(
        (site.html.outdir / "kaynakca.html").read_text(encoding="utf-8"), "html.parser"
    )
    entries = [" ".join(c.get_text().split()) for c in page.select(".bibliography div.citation")]
    assert len(entries) == len(pybtex.database.parse_file(ROOT / "references.bib").entries)
    pdf = pdfcheck.words(pdfcheck.text(site.pdf_file))
    for entry in entries:
        assert entry in pdf, entry
