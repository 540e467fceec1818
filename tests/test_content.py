"""The edition's core on the real site: themes, conclusions, quotations, citations, notes."""

from __future__ import annotations

import re

import pdfcheck
import pybtex.database
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

THEMES = [
    "dis-ticaret-tekeli",
    "ulusal-sorun",
    "devlet-aygiti",
    "sosyalizm-ve-dunya-devrimi",
    "kongreye-mektup",
]
SOURCE = ROOT.parent / "shared" / "source" / "lenin-son-yazilar-turan-almis.txt"


def soup(site, docname: str) -> BeautifulSoup:
    html = (site.html.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def test_theme_pages_exist_and_are_in_the_toctree(site):
    env = site.html.env
    assert [d for d in env.toctree_includes["index"] if d in THEMES] == THEMES
    assert set(env.domaindata["edition"]["theme_pages"]) == set(THEMES)


def test_nine_conclusions_rest_on_theme_sections(site):
    env = site.html.env
    conclusions = env.domaindata["edition"]["conclusions"]
    labels = env.domaindata["std"]["labels"]
    assert sorted(c.number for c in conclusions.values()) == list(range(1, 10))
    for ident, conclusion in conclusions.items():
        assert conclusion.basis, ident
        assert all(labels[label][0] in THEMES for label in conclusion.basis), ident
    for section in soup(site, "sonuclar").select("section.sonuc"):
        targets = [a["href"].split("#")[0] for a in section.select(".sonuc-dayanak a")]
        assert targets, section["id"]
        assert {t.removesuffix(".html") for t in targets} <= set(THEMES)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_page_lists_its_conclusions(site, theme):
    box = soup(site, theme).select_one(".dayanan-sonuclar")
    assert box is not None
    first_links = [item.select_one("a")["href"] for item in box.select("li")]
    assert first_links
    assert all(re.fullmatch(r"sonuclar\.html#sonuc-[a-z0-9-]+", href) for href in first_links)


def quotations(site):
    return site.html.env.domaindata["edition"]["quotations"]


def test_nineteen_quotations_each_with_edition_and_page(site):
    found = quotations(site)
    assert len(found) == 19
    keys = set(pybtex.database.parse_file(ROOT / "references.bib").entries)
    for ident, quotation in found.items():
        assert quotation.key in keys, ident
        assert re.fullmatch(r"\d+(-\d+)?", quotation.locator), ident


def test_each_quotation_shows_its_page_in_a_footnote(site):
    seen = 0
    for docname in site.html.env.found_docs:
        page = soup(site, docname)
        for quote in page.select("blockquote.alinti"):
            quotation = quotations(site)[quote["id"]]
            mark = quote.select("a.footnote-reference")[-1]
            note = words(page.select_one(mark["href"]).find("p").get_text())
            assert note.endswith(f", s. {quotation.locator.replace('-', '–')}."), note
            assert (
                words(quote.select_one(".attribution").get_text()).lstrip("—").startswith("Lenin")
            )
            seen += 1
    assert seen == 19


@pytest.mark.skipif(not SOURCE.exists(), reason="the source article is not in ../shared here")
def test_quotations_are_verbatim(site):
    """Each quotation's text is in the source, once its line-end hyphenation is mended."""
    text = SOURCE.read_text(encoding="utf-8")
    text = re.sub(r"^\s*\d+\s+Lenin,.*$", "", text, flags=re.M)  # footnote lines at page ends
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)
    source = words(text)
    for ident, quotation in quotations(site).items():
        assert quotation.text in source, ident


def test_every_citation_has_a_locator(site):
    refs = site.html.env.domaindata["cite"]["citation_refs"]
    assert len(refs) > 50
    bare = [(r.docname, r.line, t.key) for r in refs for t in r.targets if not t.post.strip()]
    assert bare == []


def prose(site, docname: str) -> str:
    """The page's own text: without quotations, editorial notes and footnotes."""
    article = soup(site, docname).find("article")
    for element in article.select(
        "blockquote.alinti, .editor-notu, aside.footnote, .footnote-list"
    ):
        element.decompose()
    return words(article.get_text())


ERRORS = [
    # (page, what the source has, what the edition writes)
    ("giris", "16–17 Kasım 1923", "16–17 Ocak 1923"),
    ("sosyalizm-ve-dunya-devrimi", "16–17 Kasım 1923", "16–17 Ocak 1923"),
    ("kongreye-mektup", "4 Ocak 1922", "4 Ocak 1923"),
    ("ulusal-sorun", "Kamanev", "Kamenev"),
    ("dis-ticaret-tekeli", "Pyatokov", "Pyatakov"),
    ("ulusal-sorun", "Ordzhanikidze", "Orjonikidze"),
    ("ulusal-sorun", "Yukarı Kafkasya", "Kafkasötesi"),
    ("ulusal-sorun", "Dzerzhinsky", "Dzerjinski"),
    ("sonuclar", "Merkez Komitesi Denetim Komisyonu", "Merkez Kontrol Komisyonu"),
]


@pytest.mark.parametrize(("docname", "wrong", "right"), ERRORS, ids=[e[1] for e in ERRORS])
def test_source_errors_are_corrected_in_a_visible_note(site, docname, wrong, right):
    notes = [words(n.get_text()) for n in soup(site, docname).select(".admonition.editor-notu")]
    assert any(wrong in note and right in note for note in notes), notes
    own = prose(site, docname)
    assert right in own
    assert wrong not in own


VARIANTS = {
    "Kamanev": "Kamenev",
    "Pyatokov": "Pyatakov",
    "Ordzhanikidze": "Orjonikidze",
    "Ordzhonikidze": "Orjonikidze",
    "Dzerzhinsky": "Dzerjinski",
    "Kuybişev": "Kuybışev",
    "Rikov": "Rıkov",
    "Fotieva": "Fotiyeva",
    "Kabakhidze": "Kabahidze",
    "Sukhanov": "Suhanov",
    "Trotsky": "Troçki",
}


@pytest.mark.parametrize("docname", sorted(set(THEMES) | {"giris", "sonuclar", "index"}))
def test_names_are_spelled_one_way_in_the_edition_s_prose(site, docname):
    own = prose(site, docname)
    found = {v: right for v, right in VARIANTS.items() if re.search(rf"\b{v}", own)}
    assert found == {}


def test_pdf_links_conclusions_and_themes_both_ways(site):
    outline = pdfcheck.outline(site.pdf_file)
    starts = [(h.title, h.page) for h in outline]
    titles = {site.html.env.titles[d].astext(): d for d in [*THEMES, "sonuclar"]}

    def chapter(docname: str) -> range:
        index = next(i for i, (title, _) in enumerate(starts) if titles.get(title) == docname)
        end = starts[index + 1][1] if index + 1 < len(starts) else starts[index][1] + 1
        return range(starts[index][1], max(end, starts[index][1] + 1))

    links = pdfcheck.internal_link_pages(site.pdf_file)
    conclusions = chapter("sonuclar")
    for theme in THEMES:
        pages = chapter(theme)
        assert any(s in conclusions and t in pages for s, t in links), f"sonuçlar → {theme}"
        assert any(s in pages and t in conclusions for s, t in links), f"{theme} → sonuçlar"
