"""edition.quotation_index and the quotations behind each conclusion."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def page(app, docname: str) -> BeautifulSoup:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.sphinx("html", testroot="quotation-index", copy_test_root=True, freshenv=True)
def test_index_groups_by_document_in_date_order(app):
    app.build()
    assert app.warning.getvalue() == ""
    index = page(app, "dizin").select_one("dl.alinti-dizini")
    assert [" ".join(dt.get_text().split()) for dt in index.select("dt")] == [
        "“Birinci Makale” — 4–6 Ocak 1923",
        "“İkinci Makale” — 2 Mart 1923",
        "Belgesi kaynakta belirtilmeyen alıntılar",
    ]
    # a document's title links to its entry in the register
    assert index.select_one("dt a")["href"] == "belgeler.html#belge-birinci-makale"
    first = index.select("dd li")[0]
    links = [a["href"] for a in first.select("a")]
    assert links[0] == "tema.html#alinti-once"  # the quotation itself
    assert "kaynakca.html#" in links[1]  # its edition in the bibliography
    assert links[2] == "tema.html#tema-ikinci"  # where it is quoted
    assert ", s. 10–11" in words(first)


@pytest.mark.sphinx("html", testroot="quotation-index", copy_test_root=True, freshenv=True)
def test_each_quotation_is_listed_once(app):
    app.build()
    hrefs = [li.select_one("a")["href"] for li in page(app, "dizin").select("dl.alinti-dizini li")]
    assert sorted(hrefs) == [
        "tema.html#alinti-belgesiz",
        "tema.html#alinti-once",
        "tema.html#alinti-sonra",
    ]


@pytest.mark.sphinx("html", testroot="quotation-index", copy_test_root=True, freshenv=True)
def test_conclusion_shows_the_quotations_of_its_sections(app):
    app.build()
    line = page(app, "sonuclar").select_one(".sonuc-alintilar")
    assert [a["href"] for a in line.select("a")] == [
        "tema.html#alinti-once",
        "tema.html#alinti-belgesiz",
    ]
    assert "(Birinci Makale, 4–6 Ocak 1923)" in words(line)
