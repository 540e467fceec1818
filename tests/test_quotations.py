"""edition.quotations and edition.notes: verbatim quotations with edition and page; notes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from edition.core.turkish import page_locator


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_quotation_renders_text_attribution_and_cited_page(app):
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    quote = page.select_one("blockquote.alinti#alinti-deneme")
    assert quote is not None
    paragraphs = [" ".join(p.get_text().split()) for p in quote.find_all("p")]
    assert paragraphs[0] == "Birinci paragraf."
    assert paragraphs[1].startswith("İkinci paragraf, alıntının sonu.")
    mark = quote.find_all("p")[1].select_one("a.footnote-reference")
    assert mark is not None  # the citation's number ends the quotation
    note = page.select_one(mark["href"])
    assert " ".join(note.find("p").get_text().split()) == "Lenin, Son Kavga, s. 88–89."
    assert " ".join(quote.select_one(".attribution").get_text().split()).endswith(
        "Lenin, “Bir Mektup”, 26 Eylül 1922"
    )


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_quotation_is_registered_with_its_id(app):
    app.build()
    quotation = app.env.get_domain("edition").quotations["alinti-deneme"]
    assert (quotation.docname, quotation.key, quotation.locator) == ("index", "kitap", "88-89")
    assert quotation.text == "Birinci paragraf. İkinci paragraf, alıntının sonu."
    objects = {name: typ for name, _, typ, *_ in app.env.get_domain("edition").get_objects()}
    assert objects["alinti-deneme"] == "quotation"


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_editorial_note_is_titled_and_anchored(app):
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = page.select_one(".admonition.editor-notu#not-bir-tarih")
    assert note is not None
    assert " ".join(note.select_one(".admonition-title").get_text().split()) == (
        "Editör notu (düzeltme): Bir tarih"
    )
    assert "editor-notu-duzeltme" in note["class"]


@pytest.mark.parametrize(
    ("given", "shown"),
    [("180", "s. 180"), ("88-89", "s. 88–89"), ("119 - 120", "s. 119–120"), ("önsöz", "önsöz")],
)
def test_page_locator(given, shown):
    assert page_locator(given) == shown


ERRORS = [
    (3, "quotation 'alinti-bos' has no text"),
    (8, "quotation 'alinti-kaynaksiz' has no :kaynak:; give the BibTeX key"),
    (14, "quotation 'alinti-bilinmeyen' cites 'baska-kitap', which is not in references.bib"),
    (21, "quotation 'alinti-sayfasiz' has no :sayfa:; give the page(s)"),
    (27, "quotation id 'Alıntı-bir' is not a plain ASCII id"),
    (34, "editorial note without text"),
    (38, "editorial note with no ':tur:'; say which kind it is, one of: duzeltme, bicim,"),
    (42, "editorial note with ':tur: yorum' is not a kind; say which kind it is"),
    (
        53,
        "quotation 'alinti-uc-noktali-kesinti' marks a cut with '[...]'; write the edition's "
        "cut as '[…]', the single character … (U+2026) in square brackets",
    ),
    (54, "quotation 'alinti-uc-noktali-kesinti' marks a cut with '[. . .]'; write"),
]


@pytest.mark.sphinx(
    "html", testroot="quotation-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
@pytest.mark.parametrize(("line", "message"), ERRORS, ids=[m.split(";")[0] for _, m in ERRORS])
def test_bad_quotations_fail_at_their_line(app, line, message):
    app.build()
    assert f"index.md:{line}: WARNING: {message}" in app.warning.getvalue()
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html", testroot="quotation-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_the_editions_cut_and_the_sources_own_marks_are_allowed(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "alinti-dogru-kesinti" not in warnings  # "[…]"
    assert "index.md:52:" not in warnings  # the source's "…" and "(…)"
    assert warnings.count("alinti-uc-noktali-kesinti") == 2  # once a line, at the line
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    quote = page.select_one("blockquote.alinti#alinti-dogru-kesinti")
    assert "yer […] tek" in " ".join(quote.find("p").get_text().split())  # shown as written
