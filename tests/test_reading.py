"""Reading the edition on screen, measured in chromium: the measure of the text, the titles
on a phone, one citation control per page, the books offered, the conclusions before their
evidence, the general index reachable and its places named (edition.css, edition.site)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import theme_pages

#: Characters in each full line of a page's body text (not its last lines, which end
#: where the paragraph ends): paragraphs of the text's own sections, not quotations, notes,
#: tables or controls; footnote markers do not count.
LINE_LENGTHS = """() => {
  const counts = [];
  const body = document.querySelectorAll("article[role=main] section > p");
  for (const p of body) {
    if (p.closest("blockquote, aside, .admonition, table, details, .sonuc-kanit")) continue;
    const lines = new Map();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest("sup, a.footnote-reference")) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        const line = Math.round((box.top + box.bottom) / 2 / 6);
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    const full = [...lines.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    counts.push(...full.slice(0, -1));
  }
  return counts.sort((a, b) => a - b);
}"""

#: How many lines each heading's visible text takes (its ¶ link and controls left out).
HEADING_LINES = """() => [...document.querySelectorAll("article h1, article h2, article h3")]
  .map((h) => {
    const tops = new Set();
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest("a.headerlink")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) if (box.width > 1) tops.add(Math.round(box.top));
    }
    return [h.tagName, tops.size, h.textContent.replace("¶", "").trim()];
  })"""

#: The citation controls a reader sees on a page that nobody has touched yet.
VISIBLE_CITE_CONTROLS = """() => [...document.querySelectorAll(
    "details.atif > summary, button.atif-bolum-dugme")].filter((e) => {
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return style.visibility === "visible" && style.display !== "none"
    && parseFloat(style.opacity) > 0 && box.width > 0 && box.height > 0;
}).length"""


@pytest.fixture(scope="module")
def base(site, serve) -> str:
    return serve(site.html.outdir)


def percentile(values: list[int], share: float) -> int:
    return values[round((len(values) - 1) * share)]


@pytest.mark.parametrize("width", [1000, 1400, 1920])
@pytest.mark.parametrize("docname", ["giris", *theme_pages(), "sonuclar"])
def test_the_measure_keeps_60_to_75_characters_a_line(browser, base, docname, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base + f"{docname}.html")
    page.evaluate("document.fonts.ready")
    lengths = page.evaluate(LINE_LENGTHS)
    page.close()
    assert len(lengths) >= 20, "too few full lines to measure"
    median, high = percentile(lengths, 0.5), percentile(lengths, 0.9)
    print(f"{docname}@{width}: median {median}, p10 {percentile(lengths, 0.1)}, p90 {high}")
    assert 60 <= median <= 75
    assert high <= 75  # no long run of over-wide lines


def test_on_a_phone_every_title_and_heading_takes_two_lines_at_most(browser, base, site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    too_long = []
    for path in sorted(site.html.outdir.glob("*.html")):
        page.goto(base + path.name)
        page.evaluate("document.fonts.ready")
        too_long += [(path.name, *h) for h in page.evaluate(HEADING_LINES) if h[1] > 2]
    page.close()
    assert too_long == []


@pytest.mark.parametrize("width", [390, 1400])
def test_a_page_shows_one_citation_control(browser, base, site, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    for docname in sorted(site.html.env.found_docs):
        page.goto(base + f"{docname}.html")
        page.mouse.move(0, 0)
        assert page.evaluate(VISIBLE_CITE_CONTROLS) == 1, docname
    page.close()


def test_a_conclusion_comes_before_its_evidence(site):
    page = BeautifulSoup(
        (site.html.outdir / "sonuclar.html").read_text(encoding="utf-8"), "html.parser"
    )
    conclusions = page.select("section.sonuc")
    assert conclusions
    for section in conclusions:
        blocks = [c for c in section.children if getattr(c, "name", None)]
        evidence = section.select_one(":scope > .sonuc-kanit")
        assert evidence is not None, section["id"]
        first_text = next(b for b in blocks if b.name == "p")
        assert blocks.index(first_text) < blocks.index(evidence), section["id"]
        assert evidence.select(".sonuc-dayanak a"), section["id"]


def test_the_general_index_is_in_the_navigation_and_names_its_places(site):
    out = site.html.outdir
    for path in sorted(out.glob("*.html")):
        nav = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            ".sidebar-tree"
        )
        assert nav is not None, path.name
        assert nav.find("a", string="Dizin"), path.name
    index = BeautifulSoup((out / "genindex.html").read_text(encoding="utf-8"), "html.parser")
    places = [a.get_text(" ", strip=True) for a in index.select("ul.dizin a")]
    assert places
    assert not [p for p in places if p.startswith("[") or ".html" in p]
    titles = {t.astext() for t in site.html.env.titles.values()}
    assert all(any(title in place for title in titles) for place in places)
    names = [s.get_text() for s in index.select("ul.dizin > li > .dizin-ad")]
    assert "Sezer, Gönül Özen" in names  # filed by surname
