"""edition.citations: ``{kaynak}`` footnotes, numbered in reading order with MyST's own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def footnotes(app) -> list[tuple[str, str]]:
    """(label, text) of each footnote of the page, in page order."""
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = []
    for note in page.select("aside.footnote"):
        label = note.select_one(".label").get_text().strip("[] \n")
        body = " ".join(note.find("p").get_text().split())
        found.append((label, body))
    return found


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_footnotes_are_numbered_in_reading_order(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert footnotes(app) == [
        ("1", "MyST dipnotunun metni."),
        ("2", "Turan ve Almış, “Son yazılar”, “Giriş” bölümü."),
        ("3", "Lenin, Son Kavga, s. 12; Turan ve Almış, “Son yazılar”, “Sonuç” bölümü."),
        ("4", "Lenin, Son Kavga, s. 88–89."),
        ("5", "Son dipnotun metni."),
    ]


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_footnote_titles_link_to_the_bibliography(app):
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select("aside.footnote a.reference.internal")]
    entries = {"#" + c["id"] for c in page.select(".bibliography div.citation")}
    assert links
    assert set(links) <= entries


@pytest.mark.sphinx(
    "html", testroot="citation-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_bad_citations_fail_at_their_line(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:3: WARNING: unknown bibliography key 'yok-boyle-bir-kaynak'" in warnings
    assert (
        "in {kaynak}`yok-boyle-bir-kaynak, s. 3`; use a key of references.bib (kitap, makale)"
        in (warnings)
    )
    assert "index.md:5: WARNING: citation of 'kitap' without a locator" in warnings
    assert "give the page after a comma" in warnings
    assert "index.md:7: WARNING: cannot read 'kitap{s. 3}'" in warnings
    assert "index.md:9:" not in warnings  # the good citation passes
    # inside a paragraph: the line the citation is on, not the paragraph's first
    assert "index.md:12: WARNING: unknown bibliography key 'yanlis-anahtar'" in warnings
    assert app.statuscode == 1


# -- Locators -------------------------------------------------------------------------------


def test_every_locator_of_the_edition_is_one_of_its_forms():
    import re

    from conftest import ROOT
    from edition.content.citations import locator_problem, parse_sources

    seen = 0
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for role in re.findall(r"\{kaynak\}`([^`]*)`", text):
            for _, locator in parse_sources(role):
                assert locator_problem(locator) is None, (page.name, locator)
                seen += 1
        for pages in re.findall(r"^:sayfa: (.*)$", text, re.MULTILINE):
            assert locator_problem(pages.strip(), pages_only=True) is None, (page.name, pages)
            seen += 1
    assert seen > 50


@pytest.mark.parametrize(
    "locator",
    [
        "s. 180",
        "s. 88–89",
        "s. 88-89",
        "s. 209, 213",
        "s. 180 vd.",
        "s. 713, not 655",
        "s. 606’daki mektuba düşülen not",
        "“Sonuç” bölümü",
        "“Sonuç” bölümü, 2. madde",
        "39. bölüm",
        "incelemenin giriş kısmı",
        "giriş sayfası",
    ],
)
def test_the_forms_the_pages_use_are_allowed(locator):
    from edition.content.citations import locator_problem

    assert locator_problem(locator) is None


@pytest.mark.parametrize(
    ("locator", "pages_only", "said"),
    [
        ("s. -5", False, "is not a page or a place the edition cites; write one of 's. 180'"),
        ("abc", False, "is not a page or a place the edition cites"),
        ("s. 0", False, "is not a page or a place the edition cites"),
        ("s. 12345", False, "is not a page or a place the edition cites"),
        ("s. 180 <b>", False, "is not a page or a place the edition cites"),
        ("s. 89–88", False, "has the range 89–88, which runs backwards"),
        ("s. " + "1" * 200, False, "is 203 characters long (at most 100)"),
        ("-5", True, "is not a page or a place the edition cites; write one of '180', '88-89'"),
        ("abc", True, "is not a page or a place the edition cites"),
        ("“Sonuç” bölümü", True, "is not a page or a place the edition cites"),
        ("89-88", True, "has the range 89–88, which runs backwards; write the lower page first"),
        ("180, " * 30, True, "is 149 characters long (at most 100)"),
    ],
)
def test_other_locators_are_refused_with_the_forms_allowed(locator, pages_only, said):
    from edition.content.citations import locator_problem

    assert said in (locator_problem(locator.strip() if pages_only else locator, pages_only) or "")


# -- Source lines and shared footnotes -----------------------------------------------------


def page_of(app) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def own_blocks(section) -> list:
    """The blocks of a section that are not its subsections."""
    return [c for c in section.find_all(recursive=False) if c.name != "section"]


def source_line(section) -> str | None:
    lines = [b for b in own_blocks(section) if "kaynak-satiri" in (b.get("class") or [])]
    assert len(lines) <= 1
    return " ".join(lines[0].get_text().split()) if lines else None


def marks(section) -> list[str]:
    """The footnote numbers marked in a section's own blocks, in order."""
    return [
        a.get_text().strip("[]")
        for block in own_blocks(section)
        for a in block.select("a.footnote-reference")
    ]


@pytest.mark.sphinx("html", testroot="citation-lines", copy_test_root=True, freshenv=True)
def test_a_section_citing_one_place_shows_one_source_line(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = page_of(app)
    top = page.select_one("section#atiflar")
    assert source_line(top) == "Kaynak: Turan ve Almış, “Son yazılar”, “Giriş” bölümü."
    assert marks(top) == []
    # The line links its title to the bibliography, as a footnote does.
    entries = {"#" + c["id"] for c in page.select(".bibliography div.citation")}
    assert top.select_one(".kaynak-satiri a.reference.internal")["href"] in entries

    # Its quotation keeps its page and its editorial note its own source, in footnotes.
    same = page.select_one("section#ayni-yer")
    assert source_line(same) == "Kaynak: Turan ve Almış, “Son yazılar”, “Sonuç” bölümü."
    notes = dict(footnotes(app))
    assert [notes[n] for n in marks(same)] == [
        "Lenin, Son Kavga, s. 88–89.",
        "Lenin, Son Kavga, s. 12.",
    ]
    # The line follows the last paragraph that cited, before the editorial note.
    blocks = own_blocks(same)
    line = next(i for i, b in enumerate(blocks) if "kaynak-satiri" in b.get("class", []))
    assert "Üçüncü cümle." in blocks[line - 1].get_text()
    assert "editor-notu" in blocks[line + 1].get("class", [])


@pytest.mark.sphinx("html", testroot="citation-lines", copy_test_root=True, freshenv=True)
def test_a_section_of_mixed_sources_keeps_its_footnotes_and_shares_repeated_ones(app):
    app.build()
    page = page_of(app)
    notes = dict(footnotes(app))
    mixed = page.select_one("section#karisik")
    assert source_line(mixed) is None
    assert [notes[n] for n in marks(mixed)] == [
        "Turan ve Almış, “Son yazılar”, “Giriş” bölümü.",
        "Turan ve Almış, “Son yazılar”, “Giriş” bölümü.",
        "Lenin, Son Kavga, s. 12.",
        "Turan ve Almış, “Son yazılar”, “Giriş” bölümü.",
    ]
    first, second, _, fourth = marks(mixed)
    assert first == second == fourth  # one footnote, marked three times
    # Pages stay with their sentences: one page cited three times is one footnote too.
    pages = page.select_one("section#sayfalar")
    assert source_line(pages) is None
    assert len(marks(pages)) == 3
    assert len(set(marks(pages))) == 1
    # Each footnote links back to every mark of it.
    shared = [
        n
        for n in page.select("aside.footnote")
        if n.select_one(".label").get_text().strip("[] \n") == first
    ]
    assert len(shared) == 1
    assert len(shared[0].select("span.backrefs a")) == 3


@pytest.mark.sphinx("html", testroot="citation-lines", copy_test_root=True, freshenv=True)
def test_no_footnote_text_is_repeated_on_a_page(app):
    app.build()
    texts = [text for _, text in footnotes(app)]
    assert texts
    assert len(texts) == len(set(texts))
    # Numbers run in the order of their first mark.
    assert [label for label, _ in footnotes(app)] == [str(n) for n in range(1, len(texts) + 1)]
