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
