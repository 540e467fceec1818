"""The edition's core on the real site: themes, conclusions, quotations, citations, notes."""

from __future__ import annotations

import re

import pdfcheck
import pybtex.database
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, theme_pages, toctree_order

THEMES = theme_pages()
SOURCE = ROOT.parent / "shared" / "source" / "lenin-son-yazilar-turan-almis.txt"


def soup(site, docname: str) -> BeautifulSoup:
    html = (site.html.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def data_entries(name: str) -> list[str]:
    """The ids of the entries of ``data/<name>``, read plainly (the build reads it carefully)."""
    return [entry["id"] for entry in yaml.safe_load((ROOT / "data" / name).read_text("utf-8"))]


def test_theme_pages_exist_and_are_in_the_toctree(site):
    """The pages that end with {dayanan-sonuclar} are the domain's theme pages, all in the
    index's toctree, in the order the list of every test (conftest.theme_pages) gives."""
    env = site.html.env
    assert THEMES
    assert [d for d in env.toctree_includes["index"] if d in THEMES] == THEMES
    assert env.toctree_includes["index"] == toctree_order()
    assert set(env.domaindata["edition"]["theme_pages"]) == set(THEMES)


def test_every_conclusion_rests_on_theme_sections(site):
    env = site.html.env
    conclusions = env.domaindata["edition"]["conclusions"]
    labels = env.domaindata["std"]["labels"]
    assert conclusions
    # numbered 1, 2, … in the order of the page, with no gap
    assert sorted(c.number for c in conclusions.values()) == list(range(1, len(conclusions) + 1))
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


def test_every_quotation_is_registered_with_edition_and_page(site):
    found = quotations(site)
    written = sum(
        len(re.findall(r"^[:`]{3,}\{alinti\}", page.read_text(encoding="utf-8"), re.M))
        for page in (ROOT / "docs").glob("*.md")
    )
    assert written > 0
    assert len(found) == written
    keys = set(pybtex.database.parse_file(ROOT / "references.bib").entries)
    for ident, quotation in found.items():
        assert quotation.key in keys, ident
        assert re.fullmatch(r"\d+(-\d+)?(, \d+(-\d+)?)*( vd\.)?", quotation.locator), ident


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
    assert seen == len(quotations(site))


@pytest.mark.skipif(not SOURCE.exists(), reason="the source article is not in ../shared here")
def test_quotations_are_verbatim(site):
    """Each quotation's text is in the source, once its line-end hyphenation is mended, but
    for the edition's cuts ("[…]"), which leave out words of the same quotation."""
    text = SOURCE.read_text(encoding="utf-8")
    text = re.sub(r"^\s*\d+\s+Lenin,.*$", "", text, flags=re.M)  # footnote lines at page ends
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)
    source = words(text)
    for ident, quotation in quotations(site).items():
        # The edition's own cuts, "[…]", stand where the study's quotation has words;
        # everything else, the source's "…" and "(…)" too, is as printed.
        pieces = [piece.strip() for piece in quotation.text.split("[…]")]
        pieces = [piece for piece in pieces if piece]
        at = source.find(pieces[0])
        assert at >= 0, ident
        end = at + len(pieces[0])
        for piece in pieces[1:]:
            at = source.find(piece, end)
            assert at >= 0, (ident, piece)
            left_out = source[end:at]
            assert left_out.strip(" …."), (ident, "a […] that cuts nothing", piece)
            assert "”" not in left_out, (ident, "beyond the quotation")
            assert len(left_out) < 2000, (ident, "beyond the quotation")
            end = at + len(piece)


def test_every_citation_has_a_locator(site):
    """Every {kaynak} of the pages and every quotation's footnote is a citation with a place."""
    refs = site.html.env.domaindata["cite"]["citation_refs"]
    written = sum(
        len(re.findall(r"\{kaynak\}`", page.read_text(encoding="utf-8")))
        for page in (ROOT / "docs").glob("*.md")
    )
    assert written > 0
    assert len(refs) == written + len(quotations(site))
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


#: Note kinds that state what the source does not say: each must show its ground.
GROUNDED = ("ek-bilgi", "tartisma", "ceviri")


def test_what_the_edition_adds_shows_its_ground(site):
    """A note that adds a fact, marks a disputed reading or corrects a translation cites a
    work with a page (a footnote) or says plainly that it is general historical knowledge."""
    ungrounded = []
    for docname in site.html.env.found_docs:
        for kind in GROUNDED:
            for note in soup(site, docname).select(f".admonition.editor-notu-{kind}"):
                cited = note.select("a.footnote-reference")
                if not cited and "genel tarih bilgisi" not in words(note.get_text()):
                    ungrounded.append((docname, note.get("id")))
    assert ungrounded == []


def test_every_note_says_its_kind_in_its_title(site):
    kinds = {"düzeltme", "biçim", "edisyonun eklediği bilgi", "tartışmalı okuma", "çeviri"}
    for docname in site.html.env.found_docs:
        for note in soup(site, docname).select(".admonition.editor-notu"):
            title = words(note.select_one(".admonition-title").get_text())
            kind = re.fullmatch(r"Editör notu \(([^)]+)\)(: .+)?", title)
            assert kind, (docname, title)
            assert kind.group(1) in kinds, (docname, title)


def test_one_apostrophe_on_every_page(site):
    """Turkish suffixes after a proper noun take the typographic apostrophe (’) everywhere:
    prose, quotations, notes and the pages made from the data files."""
    for docname in site.html.env.found_docs:
        text = soup(site, docname).find("article").get_text()
        assert re.findall(r"\w'\w", text) == [], docname


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


@pytest.mark.pdf
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


# -- The apparatus (issue 4) -------------------------------------------------------------


def test_chronology_is_in_date_order_and_every_entry_links_somewhere(site):
    events = site.html.env.edition_chronology
    entries = soup(site, "kronoloji").select("li.kronoloji-kayit")
    assert [li["id"] for li in entries] == [event.ident for event in events]
    keys = [event.sort_key for event in events]
    assert keys == sorted(keys)
    assert sorted(li["id"] for li in entries) == sorted(data_entries("kronoloji.yaml"))
    for li in entries:
        links = li.select(".kronoloji-ayrinti a.reference")
        assert links, li["id"]
        assert all(".html#" in a["href"] or a["href"].startswith("#") for a in links)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_page_links_to_its_chronology_entries(site, theme):
    box = soup(site, theme).select_one(".kronoloji-kayitlari")
    hrefs = [a["href"] for a in box.select("a")]
    assert hrefs
    assert all(re.fullmatch(r"kronoloji\.html#k-[a-z0-9-]+", href) for href in hrefs)


#: Proper nouns with a suffix ("Gürcistan’a") that are not persons. A new one fails the
#: test below: add a person to data/kisiler.yaml, anything else here.
NON_PERSONS = {
    "Avrupa", "Birliği", "Denetimi", "Devrimi", "Enternasyonal", "Gürcistan", "Komintern",
    "Komisyon", "Komisyonu", "Komitesi", "Kongre", "Kongresi", "Mektup", "Politbüro",
    "Partisi", "Politika", "Pravda", "Rusya", "Sekreter", "Takvim", "Ukrayna", "Kafkasötesi",
    "Sovyet", "Eserler", "Eserleri", "Works",  # titles of editions (Tam Eserler, Collected Works)
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
    "Ekim", "Kasım", "Aralık",
}  # fmt: skip


def test_every_person_named_in_prose_is_in_the_register(site):
    """Every capitalised word with a suffix (how Turkish marks a proper noun) in the pages'
    own prose is a person of the register or a known non-person."""
    persons = site.html.env.edition_register
    names = {word for person in persons.persons for word in person.name.split()}
    unknown: dict[str, set[str]] = {}
    for docname in site.html.env.found_docs - {"kisiler", "kaynakca"}:
        article = soup(site, docname).find("article")
        for element in article.select("blockquote.alinti, aside.footnote, .editor-notu"):
            element.decompose()
        text = re.sub(r"“[^”]*”", " ", article.get_text(" "))
        for match in re.finditer(r"\b([A-ZÇĞİÖŞÜ][a-zçğıöşüâîû]+)[’'][a-zçğıöşü]+", text):
            word = match.group(1)
            if word not in names and word not in NON_PERSONS:
                unknown.setdefault(word, set()).add(docname)
    assert unknown == {}


def test_register_names_every_person_once(site):
    persons = site.html.env.edition_register.persons
    anchors = [dt["id"] for dt in soup(site, "kisiler").select("dl.kisiler > dt")]
    assert len(anchors) == len(set(anchors)) == len(persons)
    assert set(anchors) == {f"kisi-{p.ident}" for p in persons}
    assert sorted(p.ident for p in persons) == sorted(data_entries("kisiler.yaml"))


def test_quotation_index_lists_every_quotation_exactly_once(site):
    links = [
        li.select_one("a")["href"] for li in soup(site, "alintilar").select("dl.alinti-dizini li")
    ]
    expected = {f"{q.docname}.html#{ident}" for ident, q in quotations(site).items()}
    assert len(links) == len(set(links)) == len(expected)
    assert set(links) == expected


def test_each_conclusion_shows_the_quotations_of_its_sections(site):
    """A conclusion lists the quotations that stand in the sections it rests on: exactly
    those, each linked; a conclusion whose sections hold none lists nothing."""
    env = site.html.env
    labels = env.domaindata["std"]["labels"]
    expected = {}
    for ident, conclusion in env.domaindata["edition"]["conclusions"].items():
        sections = {labels[label][:2] for label in conclusion.basis}
        expected[ident] = {
            f"{q.docname}.html#{quoted}"
            for quoted, q in quotations(site).items()
            if any((q.docname, section) in sections for section in q.sections)
        }
    assert any(expected.values())
    shown = {}
    for section in soup(site, "sonuclar").select("section.sonuc"):
        line = section.select_one(".sonuc-alintilar")
        shown[section["id"]] = {a["href"] for a in line.select("a")} if line else set()
    assert shown == expected
