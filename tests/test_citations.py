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
