"""The PDF, read for real: text, outline, links, fonts, language; and the Typst handlers."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pdfcheck
import pybtex.database
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from edition.core import words
from pypdf import PdfReader
from pypdf.generic import ContentStream, IndirectObject

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
    site_only = pdfcheck.words_left_out(site.html.env, "typstpdf")  # {only} site text
    missing = sorted(wanted - pdf_words - site_only)
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
    book = root_sections + [env.titles[d].astext() for d in pages]
    assert titles(outline) == [*book, words.INDEX_TITLE]  # the general index closes the book
    for docname, heading in zip(pages, outline[len(root_sections) : len(book)], strict=True):
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
    assert (round(width), round(height)) == (442, 663)  # 15.6 x 23.4 cm (edition.typ, "measure")
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
    assert re.search(
        r"Bir cümle\.2 Aynı yere dayanan ikinci cümle\.2 .*ilk yere dayanan cümle\.2", text
    )


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
    # the title on a line of its own, with the page it leads to (tests/test_pdf_pages.py)
    assert re.search(r"Birinci Sayfa \(s\.\s\d+\)\s*\n\s*Kartın gövde metni\.", text), text[:500]
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


# -- The typographic finish ---------------------------------------------------------------


def body_size(lines: list[pdfcheck.Line]) -> float:
    """The type size of running text: the size of most lines."""
    return Counter(line.size for line in lines).most_common(1)[0][0]


@pytest.fixture(scope="module")
def site_lines(site) -> list[pdfcheck.Line]:
    return pdfcheck.lines(site.pdf_file)


def test_no_heading_is_hyphenated(site_lines):
    body = body_size(site_lines)
    headings = [line for line in site_lines if line.size > body * 1.02]
    assert len(headings) > 10
    broken = [line.text for line in headings if line.text.rstrip().endswith(("\u00ad", "-"))]
    assert not broken


def test_no_page_holds_only_one_or_two_lines(site_lines):
    """Every page holds three lines of text or more, except the title page and the imprint
    behind it, a chapter's opening page and a left-hand page left blank (so that the main
    text opens on a right-hand page)."""
    body = body_size(site_lines)
    by_page: dict[int, list[pdfcheck.Line]] = {}
    for line in site_lines:
        by_page.setdefault(line.page, []).append(line)
    last = max(by_page)
    short = []
    for number in range(2, last + 1):
        lines = by_page.get(number, [])
        if not lines and number % 2 == 1:  # page number + 1 even: a left-hand page
            continue
        if any(line.size > body * 1.5 for line in lines):  # a chapter opens here
            continue
        if len(lines) < 3:
            short.append((number + 1, [line.text for line in lines]))
    assert not short


def test_a_line_of_running_text_holds_65_to_75_characters(site_lines):
    body = body_size(site_lines)
    lengths = [len(line.text) for line in site_lines if line.size == body]
    assert len(lengths) > 200
    assert 65 <= statistics.median(lengths) <= 75


def test_no_line_ends_with_an_abbreviation_awaiting_its_number(site_lines):
    """ "s. 12", "c. 45", "pp. 605" are tied by a non-breaking space (edition.pdf.builder.tie)."""
    tied = sum(len(re.findall(r"(?<!\w)s\.\u00a0\d", line.text)) for line in site_lines)
    assert tied > 5
    stranded = [
        line.text for line in site_lines if re.search(r"(?<!\w)(s|ss|c|pp|p)\.\s*$", line.text)
    ]
    assert not stranded


def test_bibliography_entries_hang(site, site_lines):
    """An entry's second line starts further right than its first."""
    page = BeautifulSoup(
        (site.html.outdir / "kaynakca.html").read_text(encoding="utf-8"), "html.parser"
    )
    entries = [" ".join(c.get_text().split()) for c in page.select(".bibliography div.citation")]
    start = next(h.page for h in pdfcheck.outline(site.pdf_file) if h.title == "Kaynakça")
    lines = [line for line in site_lines if line.page >= start]
    hanging = 0
    for entry in entries:
        at = next(
            n
            for n, line in enumerate(lines)
            if " ".join(line.text.split())
            and entry.startswith(" ".join(line.text.split()))
            and len(line.text.strip()) > 15
        )
        first = " ".join(lines[at].text.split())
        if len(first) < len(entry) - 2:  # the entry goes on to a second line
            assert lines[at + 1].x > lines[at].x + 5, entry
            hanging += 1
    assert hanging > 0


def test_footnote_lines_align_after_the_number(site_lines):
    """A note's number stands apart, followed by a space; its later lines align with its
    text, not with the number."""
    body = body_size(site_lines)
    checked = 0
    for number in {line.page for line in site_lines}:
        page = [line for line in site_lines if line.page == number]
        firsts = [
            n
            for n, line in enumerate(page)
            if line.size < body
            and len(line.pieces) > 1
            and re.fullmatch(r"\d+\.", line.pieces[0][1].strip())
        ]
        if not firsts:
            continue
        size = page[firsts[0]].size
        notes = [line for line in page[firsts[0] :] if line.size == size]
        number_x, text_x = page[firsts[0]].pieces[0][0], page[firsts[0]].pieces[1][0]
        assert text_x > number_x + size * 0.5
        for line in notes:
            if re.fullmatch(r"\d+\.", line.pieces[0][1].strip()):
                assert line.x == number_x, line.text
                assert line.pieces[1][0] == text_x, line.text
            else:
                assert abs(line.x - text_x) < 0.5, line.text
                checked += 1
    assert checked > 0  # some note runs to a second line


def test_the_book_prints_in_black_and_greys(site):
    """Links are black like the text around them, found by their annotations alone: no
    colour but greys is set anywhere in the book."""
    reader = PdfReader(site.pdf_file)
    colours = set()
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"sc", b"scn", b"SC", b"SCN", b"rg", b"RG"):
                values = [float(v) for v in operands if isinstance(v, int | float)]
                if len(values) == 3 and len(set(values)) > 1:
                    colours.add(tuple(values))
    assert not colours
    assert len(pdfcheck.internal_link_pages(site.pdf_file)) > 50


def test_hyphens_copy_out_as_written(book):
    """A word broken at a line's end reads back whole, a real hyphen stays a hyphen: the
    text layer tells them apart by the fonts' ToUnicode maps alone (pypdf reads nothing
    else), in either order of first use."""
    raw = "\n".join(page.extract_text() for page in PdfReader(book).pages)
    assert raw.count("\u00ad\n") >= 2  # both test pages have words broken at line ends
    assert "\u00ad" not in raw.replace("\u00ad\n", "")  # a soft hyphen only ends a line
    text = pdfcheck.words(pdfcheck.text(book))
    for word in ("Çekoslovakyalılaştıramadıklarımızdanmışsınız", "uluslararasılaştırılmasına"):
        assert word in text
    assert text.count("Sovyet-Alman") == 2
    assert text.count("1922-23") == 2
    assert text.count("978-605-00-0000-0") == 2
    assert "pp. 605-11" in text


def test_pdf_ua_structure(site):
    """What PDF/UA-1 asks of the file and can be read back: Typst compiles with
    pdf_standards=["ua-1"] (it refuses to write a PDF breaking the rules it can check),
    and the file says so; tagged, in Turkish, its title shown, headings tagged by level,
    every figure with alternative text, every link annotation tagged and described."""
    reader = PdfReader(site.pdf_file)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert str(root["/Lang"]).startswith("tr")
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.pdf_header == "%PDF-1.7"
    assert re.search(r"pdfuaid:part>\s*1\s*<", root["/Metadata"].get_object().get_data().decode())
    roles: Counter[str] = Counter()
    figures = []

    def walk(element) -> None:
        element = element.get_object()
        roles[str(element.get("/S"))] += 1
        if element.get("/S") == "/Figure":
            figures.append(element)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            is_element = isinstance(kid, IndirectObject) or hasattr(kid, "keys")
            if is_element and ("/S" in kid.get_object() or "/K" in kid.get_object()):
                walk(kid)

    walk(root["/StructTreeRoot"])
    chapters = len(pdfcheck.outline(site.pdf_file))
    assert roles["/H1"] >= chapters
    assert roles["/H2"] > 0
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
    assert annotations
    assert all("/StructParent" in a and str(a.get("/Contents", "")).strip() for a in annotations)


def test_a_run_ending_on_a_near_empty_page_is_refitted():
    """edition.pdf.builder.short_runs: a run of pages whose last page holds one or two
    lines is refitted; a run on one page, or ending with three lines or more, is not."""
    from edition.pdf.builder import short_runs

    top, baseline = 60.0, 13.44
    runs = {
        "top": top,
        "baseline": baseline,
        "starts": [{"run": 0, "page": 7}, {"run": 1, "page": 9}, {"run": 2, "page": 12}],
        "ends": [
            {"page": 8, "y": top + 1 * baseline},  # one line on its last page
            {"page": 9, "y": top + 1 * baseline},  # one page: a short chapter, not a tail
            {"page": 14, "y": top + 3 * baseline},  # three lines
        ],
    }
    assert list(short_runs(runs)) == [0]


def test_no_headword_is_left_at_the_foot_of_a_page(site, site_lines):
    """A register's headword (a bold line of its own) stands on the page of its entry."""
    body = body_size(site_lines)
    start = pdfcheck.outline(site.pdf_file)[0].page  # the contents' bold entries left out
    last: dict[int, pdfcheck.Line] = {}
    headwords = 0
    for line in site_lines:
        if line.page >= start and line.size == body:
            last[line.page] = line
            headwords += all("Bold" in font for font in line.fonts)
    assert headwords > 20
    stranded = [
        (n + 1, line.text) for n, line in last.items() if all("Bold" in f for f in line.fonts)
    ]
    assert not stranded
