"""Citing the edition: "Atıf" controls, meta tags, sitemap, PDF destinations, intersphinx, CFF."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BASE_URL, ROOT, strict_build
from edition.core.git import edition_date
from edition.core.releases import read, status
from edition.core.turkish import MONTHS
from pypdf import PdfReader


def soup(build, docname: str) -> BeautifulSoup:
    html = (build.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"name": key}) or page.find("meta", attrs={"property": key})
    return tag["content"] if tag else None


def test_one_atif_control_per_page_and_a_citation_button_per_labelled_section(site):
    env = site.html.env
    labels = env.domaindata["std"]["labels"]
    for docname in env.found_docs:
        page = soup(site.html, docname)
        assert [d["data-href"] for d in page.select("details.atif")] == [f"{docname}.html"]
        assert page.select_one("article h1 + .sayfa-araclari > details.atif"), docname
        sections = {
            f"{docname}.html#{labelid}" for doc, labelid, *_ in labels.values() if doc == docname
        }
        buttons = [b["data-href"] for b in page.select("button.atif-bolum-dugme")]
        wanted = {f"{docname}.html#{s['id']}" for s in page.select("article section section[id]")}
        assert wanted <= set(buttons), docname
        assert set(buttons) <= sections
        assert len(buttons) == len(set(buttons))


def which_text() -> str:
    """What the tests' checkout is: a release's tagged commit, or development text dated by
    its last commit (edition.core.releases)."""
    number = re.search(r'^version = release = "([^"]+)"$', (ROOT / "conf.py").read_text(), re.M)[1]
    state = status(ROOT, number, read(ROOT / "data" / "surum-notlari.yaml"), frozen=False)
    if state.released:
        return f"sürüm {number}, {state.entry.day.year}"
    day = edition_date(ROOT)
    return f"geliştirme metni, {day.day} {MONTHS[day.month - 1]} {day.year}"


def test_atif_gives_a_turkish_citation_and_bibtex(site):
    box = soup(site.html, "ulusal-sorun").select_one('details.atif[data-href="ulusal-sorun.html"]')
    citation = " ".join(box.select_one(".atif-metin").get_text().split())
    assert citation == (
        "Edisyon ekibi, “SSCB’nin kuruluşu ve ulusal sorun”, Lenin’in Son Yazıları ve "
        f"Mektupları (1922–1923) içinde, çevrimiçi edisyon, {which_text()}, "
        "ulusal-sorun.html (erişim: gün.ay.yıl)."
    )
    bibtex = box.select_one(".atif-bibtex").get_text()
    assert bibtex.startswith("@incollection{lenin-son-yazilar-ulusal-sorun,")
    assert "  url       = {ulusal-sorun.html}," in bibtex
    assert "  title     = {SSCB’nin kuruluşu ve ulusal sorun}," in bibtex


def test_every_page_offers_the_books_beside_it(site):
    for docname in site.html.env.found_docs:
        links = soup(site.html, docname).select(".sayfa-araclari .indirme a")
        assert [(a.get_text(), a["href"]) for a in links] == [
            ("PDF", "lenin-son-yazilar.pdf"),
            ("EPUB", "lenin-son-yazilar.epub"),
        ], docname


def test_a_section_is_cited_from_its_button_in_a_browser(site, browser, serve):
    """The section's button shows only on hover or keyboard focus; it opens the page's
    citation made for the section (title, anchor, BibTeX key), which fills in the URL and
    the date and copies."""
    url = serve(site.html.outdir)
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.goto(url + "ulusal-sorun.html")
    button = page.locator(
        'button.atif-bolum-dugme[data-href="ulusal-sorun.html#gurcistan-meselesi"]'
    )
    assert button.evaluate("b => getComputedStyle(b).opacity") == "0"
    page.locator("#gurcistan-meselesi > h2").hover()
    assert button.evaluate("b => getComputedStyle(b).opacity") == "1"
    page.mouse.move(0, 0)
    button.focus()
    assert button.evaluate("b => getComputedStyle(b).opacity") == "1"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    box = page.locator("#atif-gurcistan-meselesi")
    citation = box.locator(".atif-metin")
    today = datetime.date.today().strftime("%d.%m.%Y")
    text = " ".join(citation.inner_text().split())
    assert "“Gürcistan meselesi”" in text
    assert text.endswith(f"{url}ulusal-sorun.html#gurcistan-meselesi (erişim: {today}).")
    box.locator("button[data-kopyala='atif-bibtex']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@incollection{lenin-son-yazilar-gurcistan-meselesi,")
    assert "title     = {Gürcistan meselesi}," in copied
    assert f"url       = {{{url}ulusal-sorun.html#gurcistan-meselesi}}" in copied
    button.click()  # closes again
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator("#atif-gurcistan-meselesi").count() == 0
    context.close()


def test_atif_in_a_browser_fills_url_and_date_and_copies(site, browser, serve):
    url = serve(site.html.outdir)
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    page.goto(url + "ulusal-sorun.html")
    box = page.locator('details.atif[data-href="ulusal-sorun.html"]')
    box.locator("summary").click()
    citation = box.locator(".atif-metin")
    today = datetime.date.today().strftime("%d.%m.%Y")
    assert citation.inner_text().endswith(f"{url}ulusal-sorun.html (erişim: {today}).")
    box.locator("button[data-kopyala='atif-metin']").click()
    assert page.evaluate("navigator.clipboard.readText()") == citation.inner_text().strip()
    box.locator("button[data-kopyala='atif-bibtex']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"url       = {{{url}ulusal-sorun.html}}" in copied
    assert f"urldate   = {{{datetime.date.today().isoformat()}}}" in copied
    context.close()


def test_meta_tags_for_reference_managers(published):
    env = published.env
    for docname in env.found_docs:
        page = soup(published, docname)
        assert meta(page, "citation_title") == env.titles[docname].astext()
        assert meta(page, "citation_author") == "Edisyon ekibi"
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta(page, "citation_publication_date"))
        assert meta(page, "citation_language") == "tr"
        assert meta(page, "citation_pdf_url") == BASE_URL + "lenin-son-yazilar.pdf"
        assert meta(page, "citation_fulltext_html_url") == f"{BASE_URL}{docname}.html"
        assert meta(page, "og:url") == f"{BASE_URL}{docname}.html"
        assert meta(page, "og:locale") == "tr_TR"
        assert meta(page, "og:title") == env.titles[docname].astext()
        assert page.find("link", rel="canonical")["href"] == f"{BASE_URL}{docname}.html"


def test_sitemap_lists_every_page(published, site):
    sitemap = (published.outdir / "sitemap.xml").read_text(encoding="utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert locations == {f"{BASE_URL}{d}.html" for d in published.env.found_docs}
    assert not (site.html.outdir / "sitemap.xml").exists()  # no address, no sitemap


@pytest.mark.sphinx("html", testroot="citing", copy_test_root=True, freshenv=True)
def test_without_an_address_the_build_says_what_it_leaves_out(app):
    app.build()
    status = " ".join(app.status.getvalue().split())
    assert "html_baseurl is not set: the site is built without canonical links" in status
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "sitemap.xml").exists()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [d["data-href"] for d in page.select("details.atif")] == ["index.html"]
    assert [b["data-href"] for b in page.select("button.atif-bolum-dugme")] == ["index.html#bolum"]
    assert not page.select(".indirme")  # no book is published beside this site


@pytest.mark.pdf
def test_every_published_anchor_is_a_named_destination_of_the_pdf(site):
    reader = PdfReader(site.pdf_file)
    destinations = reader.named_destinations
    for docname, ident in _published(site):
        name = ident or docname
        assert name in destinations, name
    outline = {h.title: h.page for h in _outline(site)}
    gurcistan = reader.get_destination_page_number(destinations["gurcistan-meselesi"])
    ulusal = outline["SSCB’nin kuruluşu ve ulusal sorun"]
    assert ulusal <= gurcistan <= ulusal + 6
    assert reader.get_destination_page_number(destinations["giris"]) == outline["Giriş"]


def _published(site):
    from edition.checks.anchors import current_anchors

    return current_anchors(site.html.env).values()


def _outline(site):
    import pdfcheck

    found = []

    def walk(headings):
        for heading in headings:
            found.append(heading)
            walk(heading.children)

    walk(pdfcheck.outline(site.pdf_file))
    return found


CLIENT_PAGE = """# İstemci

Gürcistan için: {ref}`edition:gurcistan-meselesi`.

Bir sonuç: {ref}`edition:sonuc-ulusal-sorun`.

Bir alıntı: {ref}`Lenin'in notu <edition:alinti-politik-sorumluluk>`.
"""


def test_another_project_resolves_the_edition_through_intersphinx(site, tmp_path):
    source = tmp_path / "client"
    source.mkdir()
    (source / "index.md").write_text(CLIENT_PAGE, encoding="utf-8")
    (source / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinx.ext.intersphinx']\n"
        "intersphinx_mapping = {'edition': ('https://example.org/lenin/', "
        f"{str(site.html.outdir / 'objects.inv')!r})}}\n",
        encoding="utf-8",
    )
    build = strict_build("html", tmp_path / "out", srcdir=source, confdir=source)
    assert build.status == 0, build.warnings
    assert build.warnings == ""
    links = [a["href"] for a in soup(build, "index").select("a.reference.external")]
    assert links == [
        "https://example.org/lenin/ulusal-sorun.html#gurcistan-meselesi",
        "https://example.org/lenin/sonuclar.html#sonuc-ulusal-sorun",
        "https://example.org/lenin/ulusal-sorun.html#alinti-politik-sorumluluk",
    ]


def test_citation_cff_is_valid():
    cffconvert = Path(sys.executable).parent / "cffconvert"
    result = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Citation metadata are valid" in result.stdout
