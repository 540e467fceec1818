"""The site and the books read each as itself: ``{only}`` tags, print-native wording, the
PDF's imprint page (edition.core.outputs, edition.pdf.builder.imprint)."""

from __future__ import annotations

import re

import pdfcheck
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from edition.core.git import edition_date
from edition.core.outputs import TAGS, output_tags
from edition.core.turkish import MONTHS, turkish_lower
from pypdf import PdfReader

#: Wording meant for the web (or for contributors) that the PDF must not print: the site's
#: controls, its addresses, the files and tools behind the edition, "page" for a web page.
#: Compared in lower case, on the PDF's text with line breaks joined. Add to it freely.
WEB_ONLY = (
    "Bu site",
    "Bu sayfa,",  # a web page; in the book a page is a chapter ("Bu bölüm")
    "bu sayfada",
    "bu sayfaya",
    "bu sayfadaki",
    "tema sayfa",
    "Atıf düğmesi",
    "Bu bölüme atıf düğmesi",
    "düğmesi",
    "tıklay",
    "tıkla",
    "üzerine gelindiğinde",
    "klavyeyle",
    "Kitap olarak",
    "indirilebilir",
    "çevrimiçi edisyon",
    "sayfa adresi",
    "erişim:",
    ".html",
    "bağlantıdır",
    "bağlantılarından",
    "kendiliğinden güncellenir",  # how the pages are made: for contributors
    "çekme isteği",
    "data/",
    ".yaml",
    "references.bib",
    "noxw",
    "nox -s",
    "python3",
)


def joined(text: str) -> str:
    return turkish_lower(" ".join(text.split()))


# -- The tags ----------------------------------------------------------------------------


def test_each_builder_gets_one_output_tag():
    assert output_tags("html") == ("site",)
    assert output_tags("linkcheck") == ("site",)  # the site's links are checked
    assert output_tags("typstpdf") == ("kitap", "pdf")
    assert output_tags("epub") == ("kitap", "epub")
    assert {tag for name in ("html", "typstpdf", "epub") for tag in output_tags(name)} == set(TAGS)


ONLY = {
    "site": "Yalnızca sitede duran paragraf.",
    "kitap": "Yalnızca kitaplarda duran paragraf.",
    "pdf": "Yalnızca PDF’te duran paragraf.",
    "epub": "Yalnızca EPUB’da duran paragraf.",
}
EVERYWHERE = "Her çıktıda duran paragraf."


def shows(text: str, *tags: str) -> None:
    text = " ".join(text.split())
    assert EVERYWHERE in text
    for tag, sentence in ONLY.items():
        assert (sentence in text) == (tag in tags), (tag, text)


@pytest.mark.sphinx("html", testroot="outputs", copy_test_root=True, freshenv=True)
def test_the_site_shows_its_own_text(app):
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    shows(BeautifulSoup(html, "html.parser").get_text(" "), "site")


@pytest.mark.sphinx("epub", testroot="outputs", copy_test_root=True, freshenv=True)
def test_the_epub_shows_the_books_text(app):
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    xhtml = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    shows(BeautifulSoup(xhtml, "html.parser").get_text(" "), "kitap", "epub")


def imprint_page(pdf) -> str:
    """The text of the page after the title page (a real hyphen reads back as a soft one once
    the book has hyphenated a line: see pdfcheck.text)."""
    text = (PdfReader(pdf).pages[1].extract_text() or "").replace("\u00ad", "-")
    return " ".join(text.split())


def shown_date(when) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


@pytest.mark.sphinx("typstpdf", testroot="outputs", copy_test_root=True, freshenv=True)
def test_the_pdf_shows_the_books_text_and_an_imprint_without_address(app):
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    pdf = app.outdir / "deneme.pdf"
    shows(pdfcheck.text(pdf), "kitap", "pdf")
    imprint = imprint_page(pdf)
    assert "Yayına hazırlayan: Deneme ekibi" in imprint
    assert f"Sürüm: {shown_date(app.config.typst_date)}" in imprint
    assert "web adresi" not in imprint
    assert f"PDF sürümü, {shown_date(app.config.typst_date)}." in imprint


@pytest.mark.sphinx(
    "typstpdf",
    testroot="outputs",
    copy_test_root=True,
    freshenv=True,
    confoverrides={"html_baseurl": "https://example.org/kitap/"},
)
def test_the_imprint_gives_the_address_when_it_is_set(app):
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    imprint = imprint_page(app.outdir / "deneme.pdf")
    assert "Edisyonun web adresi: https://example.org/kitap/" in imprint
    when = shown_date(app.config.typst_date)
    assert f"PDF sürümü, {when}, https://example.org/kitap/." in imprint  # in the citation


# -- The edition's PDF, site and EPUB -----------------------------------------------------


@pytest.mark.pdf
def test_the_pdf_prints_no_web_wording(site):
    text = joined(pdfcheck.text(site.pdf_file))
    found = [phrase for phrase in WEB_ONLY if turkish_lower(phrase) in text]
    assert not found, f"web wording in the PDF: {found}"


@pytest.mark.pdf
def test_the_pdf_imprint(site):
    """The page after the title page: who, from what, version, licence, rights, citation."""
    imprint = re.sub(r"/\s+", "/", imprint_page(site.pdf_file))  # an address broken after "/"
    when = shown_date(edition_date(ROOT))
    for part in (
        "Lenin’in Son Yazıları ve Mektupları (1922–1923)",
        "Yayına hazırlayan: Edisyon ekibi",
        "Mehmet İnanç Turan ile Sait Almış",
        f"Sürüm: {when}",
        "(CC BY-SA 4.0)",
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode.tr",
        "çevirmenlerine ve yayınevlerine aittir",
        "Önerilen atıf",
        f"Edisyon ekibi, Lenin’in Son Yazıları ve Mektupları (1922–1923), PDF sürümü, {when}.",
    ):
        assert part in imprint, part
    assert "web adresi" not in imprint  # the site fixture sets no html_baseurl


def test_the_site_keeps_its_web_wording(site):
    page = BeautifulSoup(
        (site.html.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = " ".join(page.find("article").get_text(" ").split())
    assert "Atıf düğmesi" in text
    assert "“Kitap olarak” bağlantılarından" in text
    assert "çevrimiçi edisyon" in text
    assert len(page.select(".sd-card")) >= 5  # the cards of the edition's parts
    assert "PDF sürümü" not in text
    assert "EPUB sürümü" not in text


@pytest.mark.pdf
def test_words_left_out_of_the_pdf_are_the_sites_own(site):
    """What the site has and the PDF lacks is the {only} site text (the controls, the cards);
    test_pdf's word-for-word comparison leaves these out."""
    left_out = pdfcheck.words_left_out(site.html.env, "typstpdf")
    assert {"düğmesi", "klavyeyle"} <= left_out
