"""What a reader meets, in chromium: Turkish search, accessibility (axe, keyboard), link
previews, print, and a phone's width (edition.search, edition.theme, edition-preview.js,
edition.css)."""

from __future__ import annotations

import importlib.resources
import io
import re

import pytest
from edition.core.turkish import turkish_lower
from edition.site.search import TurkishSearch

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SEARCH_DONE = """() => {
  const status = document.querySelector("#search-results .search-summary");
  return status && /bulundu|eşleşmedi|did not match|found/.test(status.textContent);
}"""


def pages(site) -> list[str]:
    return sorted(
        p.relative_to(site.html.outdir).as_posix() for p in site.html.outdir.glob("*.html")
    )


@pytest.fixture(scope="module")
def base(site, serve) -> str:
    return serve(site.html.outdir)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


# -- Turkish search -------------------------------------------------------------------


def test_turkish_case_folding():
    assert turkish_lower("İŞÇİ ve KÖYLÜ DENETİMİ") == "işçi ve köylü denetimi"
    assert turkish_lower("IRAK Işık") == "ırak ışık"
    stem = TurkishSearch({}).stem
    assert stem("İşçi") == stem("işçi") == stem("İŞÇİ")
    assert "\u0307" not in stem("İşçi")  # str.lower() would leave a combining dot


def test_the_index_holds_no_combining_dot(site):
    index = (site.html.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "\u0307" not in index.encode().decode("unicode_escape")


def search(context, base: str, query: str) -> list[str]:
    """Type ``query`` into the sidebar's search box; the pages the results list."""
    page = context.new_page()
    page.goto(base + "index.html")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"search\.html"))
    page.wait_for_function(SEARCH_DONE, timeout=15000)
    page.wait_for_timeout(300)  # the list is filled item by item
    links = page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))"
    )
    status = page.inner_text("#search-results .search-summary")
    page.close()
    assert "Arama tamamlandı" in status, status  # the status line speaks Turkish
    return sorted({href.split("#")[0].split("?")[0] for href in links})


@pytest.fixture(scope="module")
def results(site, browser, base):
    context = browser.new_context(viewport=DESKTOP)
    queries = ["İşçi", "işçi", "İŞÇİ", "kooperatiflerin", "Kooperatif", "Trotsky", "Troçki"]
    found = {query: search(context, base, query) for query in queries}
    context.close()
    for query, names in found.items():  # shown with -s, for the record
        print(f"search {query!r}: {len(names)} page(s): {', '.join(names)}")
    return found


def test_case_does_not_change_what_is_found(results):
    assert results["İşçi"] == results["işçi"] == results["İŞÇİ"]
    assert "devlet-aygiti.html" in results["işçi"]  # İşçi ve Köylü Denetimi


def test_an_inflected_form_finds_the_word(results):
    assert "sosyalizm-ve-dunya-devrimi.html" in results["kooperatiflerin"]
    assert set(results["kooperatiflerin"]) & set(results["Kooperatif"])


def test_a_name_variant_finds_the_person(results):
    assert {"ulusal-sorun.html", "dis-ticaret-tekeli.html", "kisiler.html"} <= set(
        results["Trotsky"]
    )
    assert set(results["Trotsky"]) <= set(results["Troçki"])


# -- Accessibility ----------------------------------------------------------------------

AXE = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text("utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(site, browser, base, scheme):
    # axe is injected from the test (the pages' policy would refuse it, rightly)
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme, bypass_csp=True)
    totals = {}
    for name in pages(site):
        page = context.new_page()
        page.goto(base + name, wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "tr", name
        page.evaluate(AXE)
        result = page.evaluate("async () => await axe.run(document)")
        totals[name] = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
        ]
        assert result["passes"], name  # axe did run its rules
        page.close()
    context.close()
    print(f"axe ({scheme}):", {name: len(v) for name, v in totals.items()})
    assert {name: v for name, v in totals.items() if v} == {}


FOCUSED = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const shown = getComputedStyle(e).visibility === "visible" && box.width > 0 && box.height > 0
    && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  const panel = e.matches(".edition-panel-switch")
    ? document.getElementById(e.getAttribute("aria-controls")) : null;
  let kind = "";
  if (e.matches("input[name=q]")) kind = "search";
  else if (e.closest(".sidebar-tree")) kind = "site-contents";
  else if (e.closest(".toc-tree")) kind = "page-contents";
  else if (e.matches("details.atif > summary")) kind = "cite:" + e.parentElement.dataset.href;
  else if (e.matches("button.atif-bolum-dugme")) kind = "cite:" + e.dataset.href;
  else if (panel) kind = "switch";
  const closed = panel ? e.getAttribute("aria-expanded") === "false" : false;
  const name = e.id || e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40);
  const focusable = e.tabIndex >= 0 && e !== document.body;
  return {kind, shown, closed, name, focusable};
}"""


@pytest.mark.parametrize(
    "viewport", [PHONE, DESKTOP, {"width": 1400, "height": 900}], ids=["390", "1280", "1400"]
)
def test_the_keyboard_reaches_search_contents_and_every_cite_control(browser, base, viewport):
    """Tab through a theme page, opening a side panel with Space when its switch has the
    focus (as a keyboard user would): the search box, the site's and the page's contents
    and every "Atıf" control are reached, and the focus never lands on something hidden.
    The switches say whether their panel is open (aria-expanded)."""
    # Positions are read right after each Tab: animations (furo's smooth scrolling, its
    # sliding skip link) are switched off for the test, which needs an inline style.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    page.goto(base + "ulusal-sorun.html")
    page.add_style_tag(content="*{transition:none!important;scroll-behavior:auto!important}")
    cites = page.locator("details.atif > summary, button.atif-bolum-dugme").count()
    assert cites >= 5  # the page's control and its sections' buttons
    reached, hidden = set(), []
    wanted = {"search", "site-contents", "page-contents"}
    for _ in range(2500):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        reached.add(focus["kind"])
        if focus["focusable"] and not focus["shown"]:
            hidden.append(focus["name"])
        if focus["kind"] == "switch" and focus["closed"]:
            page.keyboard.press("Space")  # opens the panel
            assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
        cited = len([r for r in reached if r.startswith("cite:")])
        if wanted <= reached and cited == cites:
            break
    assert hidden == []
    assert wanted <= reached
    assert len([r for r in reached if r.startswith("cite:")]) == cites
    page.locator("details.atif > summary").first.focus()
    page.keyboard.press("Enter")  # a cite control opens from the keyboard
    assert page.evaluate("document.activeElement.parentElement.open")
    context.close()


@pytest.mark.pdf
def test_the_pdf_declares_its_language_and_is_tagged(site):
    from pypdf import PdfReader

    root = PdfReader(site.pdf.outdir / "lenin-son-yazilar.pdf").trailer["/Root"]
    assert str(root["/Lang"]).startswith("tr")
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root


# -- Link previews ------------------------------------------------------------------------


def preview_after(page, action) -> str:
    action()
    box = page.locator("#onizleme")
    box.wait_for(state="visible", timeout=5000)
    return " ".join(box.inner_text().split())


def test_previews_of_footnotes_people_sources_and_sections(context, base):
    page = context.new_page()
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")

    footnote = page.locator("article a.footnote-reference").first
    text = preview_after(page, footnote.hover)
    assert text.startswith("Lenin, Collected Works")  # the first note: an editorial note's
    assert footnote.get_attribute("aria-describedby") == "onizleme"

    page.mouse.move(0, 0)
    person = page.locator("article p a.reference.internal[href*='kisiler.html#kisi-stalin']").first
    assert "Parti Genel Sekreteri" in preview_after(page, person.hover)

    page.mouse.move(0, 0)
    source = page.locator(".kaynak-satiri a.reference.internal[href*='kaynakca.html']").first
    assert "Lenin’e Dönüş içinde" in preview_after(page, source.hover)  # a source line's

    page.mouse.move(0, 0)
    source = page.locator("aside.footnote a.reference.internal[href*='kaynakca.html']").first
    assert "Progress Publishers" in preview_after(page, source.hover)  # a footnote's

    page.goto(base + "giris.html", wait_until="networkidle")
    section = page.locator("article a.reference.internal[href^='devlet-aygiti.html']").first
    text = preview_after(page, section.focus)  # the keyboard opens it too
    assert text.startswith("Bozuk devlet aygıtı ve onarımı")
    page.keyboard.press("Escape")
    assert page.locator("#onizleme").is_hidden()


# -- Print ----------------------------------------------------------------------------------


def test_print_keeps_the_text_and_drops_the_furniture(context, base):
    from pypdf import PdfReader

    page = context.new_page()
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    page.evaluate(
        """() => {  // an external link, as a contributor may add one
      const link = document.createElement("a");
      link.className = "reference external";
      link.href = "https://example.org/belge";
      link.textContent = "bir belge";
      document.querySelector("article section > p").appendChild(link);
    }"""
    )
    page.emulate_media(media="print")
    style = page.evaluate(
        """() => ({
      sidebar: getComputedStyle(document.querySelector(".sidebar-drawer")).display,
      toc: getComputedStyle(document.querySelector(".toc-drawer")).display,
      cite: getComputedStyle(document.querySelector(".sayfa-araclari")).display,
      section_cite: getComputedStyle(document.querySelector(".atif-bolum")).display,
      quotation: getComputedStyle(document.querySelector("blockquote.alinti")).breakInside,
      footnote: getComputedStyle(document.querySelector("aside.footnote")).breakInside,
      url: getComputedStyle(document.querySelector("a.reference.external"), "::after").content,
    })"""
    )
    assert style == {
        "sidebar": "none",
        "toc": "none",
        "cite": "none",
        "section_cite": "none",
        "quotation": "avoid",
        "footnote": "avoid",
        "url": '" (https://example.org/belge)"',
    }
    printed = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    text = " ".join(p.extract_text() for p in printed)
    assert "SSCB’nin kuruluşu ve ulusal sorun" in " ".join(text.split())
    assert "(https://example.org/belge)" in text.replace("\n", "")
    for furniture in ("Atfı kopyala", "Site içeriği", "Kronoloji\nKişiler"):
        assert furniture not in text


# -- A phone's width -------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_no_page_scrolls_sideways(site, browser, base, viewport, tmp_path_factory):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    wide = {}
    for name in pages(site):
        page.goto(base + name, wait_until="networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[name] = overflow
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    shot = tmp_path_factory.mktemp("screens") / f"ulusal-sorun-{viewport['width']}.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"screenshot: {shot}")
    context.close()
    assert wide == {}
