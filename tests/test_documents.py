"""edition.registers.documents: the documents register, the quotations and chronology entries
that name its documents, and the data file's invariants (data/belgeler.yaml)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DATA = ROOT / "data"


def register() -> list[dict]:
    return yaml.safe_load((DATA / "belgeler.yaml").read_text(encoding="utf-8"))


def hosts() -> set[str]:
    lines = (DATA / "belge-adresleri.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


# -- The edition's data ---------------------------------------------------------------------


def test_every_quotation_names_a_document_of_the_register():
    known = {entry["id"] for entry in register()}
    named = {
        (page.name, match[1])
        for page in (ROOT / "docs").glob("*.md")
        for match in re.finditer(r"(?m)^:belge: (.+)$", page.read_text(encoding="utf-8"))
    }
    assert named, "no quotation names its document"
    assert {(page, doc) for page, doc in named if doc not in known} == set()


def test_every_quotation_names_its_document():
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"(?ms)^:::\{alinti\}.*?^:::$", text):
            assert re.search(r"(?m)^:belge: ", block), f"{page.name}: {block.splitlines()[0]}"


def test_every_chronology_document_is_in_the_register():
    known = {entry["id"] for entry in register()}
    chronology = yaml.safe_load((DATA / "kronoloji.yaml").read_text(encoding="utf-8"))
    assert {e["belge"] for e in chronology if "belge" in e} <= known


def test_every_document_has_its_russian_title_and_date():
    for entry in register():
        assert re.search("[А-Яа-яЁё]", entry["rusca"]), entry["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry["tarih"])), entry["id"]


def test_every_value_says_what_it_rests_on_and_every_address_is_https_on_a_listed_host():
    allowed = hosts()
    for entry in register():
        for place in entry.get("baskilar", []):
            assert place["dayanak"].strip(), (entry["id"], place)
        for address in entry.get("adresler", []):
            parts = urlsplit(address["url"])
            assert parts.scheme == "https", (entry["id"], address["url"])
            assert parts.hostname in allowed, (entry["id"], address["url"])
            assert address["dayanak"].strip(), (entry["id"], address)


# -- A small project --------------------------------------------------------------------------


def warnings_of(app) -> list[str]:
    return [line for line in ANSI.sub("", app.warning.getvalue()).splitlines() if "WARNING" in line]


@pytest.mark.sphinx("html", testroot="documents", freshenv=True)
def test_problems_are_reported_at_their_line(app):
    app.build()
    found = warnings_of(app)
    source = (app.srcdir / "index.md").read_text(encoding="utf-8").splitlines()
    unknown = source.index(":::{alinti} alinti-bilinmeyen") + 1
    free_text = source.index(":::{alinti} alinti-serbest-metin") + 1
    data = (app.srcdir / "belgeler.yaml").read_text(encoding="utf-8").splitlines()
    bad_host = data.index("- id: kotu-adres") + 1
    mirror_as_archive = data.index("- id: yanlis-yer") + 1
    assert [w for w in found if f"index.md:{unknown}:" in w and "'yok-boyle-bir-belge'" in w]
    assert [w for w in found if f"index.md:{free_text}:" in w and "is not a document's id" in w]
    assert [w for w in found if f"belgeler.yaml:{bad_host}:" in w and "example.org" in w]
    assert [
        w
        for w in found
        if f"belgeler.yaml:{mirror_as_archive}:" in w and "'yer: mia' is for the archive" in w
    ]


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.sphinx("html", testroot="documents", freshenv=True)
def test_the_register_page_and_the_links_to_it(app):
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'id="belge-iyi"' in html
    assert 'id="belge-eksik"' in html
    assert 'id="belge-kotu-adres"' not in html  # refused at its line, not published
    good = section(html, "belge-iyi")
    assert "Хороший документ" in good
    assert "c. 45, s. 369–377" in good
    assert 'href="https://www.marxists.org/archive/lenin/works/1923/jan/06.htm"' in good
    assert 'href="#alinti-iyi"' in good  # the quotation taken from it
    assert "I: 4 Ocak 1923, s. 369–373 (içindekiler)" in good  # its parts
    assert "II: 6 Ocak 1923, s. 373–377" in good
    assert "İngilizce, Marxists Internet Archive</a> — okundu." in good
    assert "Rusça: bilinmiyor / doğrulanmadı" in good  # the archive's Russian text: not found
    missing = section(html, "belge-eksik")
    assert missing.count("bilinmiyor / doğrulanmadı") >= 2  # PSS and Collected Works
    assert "İngilizce: bilinmiyor / doğrulanmadı" in missing  # no full text is invented
    # the sections that discuss a document: where its quotation stands, where prose links it
    assert re.search(r'Ele alındığı bölümler: <a [^>]*href="#belgeler-sayfasi"', good)
    assert re.search(r'Ele alındığı bölümler: <a [^>]*href="baska.html#tartisma"', missing)
    mirrored = section(html, "belge-yansida")
    assert "İngilizce, MIA’nın bir yansısı (yansi.example.net)</a>" in mirrored
    assert 'id="belge-yanlis-yer"' not in html  # a mirror called the archive is refused
    assert "Ele alındığı bölümler" not in mirrored  # a section without a label has no anchor
    attribution = re.search(r'<p class="attribution">—Lenin, “(.*?)”, 6 Ocak 1923</p>', html)
    assert attribution, "the quotation's attribution names its document"
    assert 'href="#belge-iyi"' in attribution[1]
    assert "İyi Belge" in attribution[1]


# -- The edition's site ------------------------------------------------------------------------


def test_every_quotation_leads_to_its_document_and_on_to_the_standard_editions(site):
    """From each quotation on the site a reader reaches its document's entry, which gives the
    PSS and Collected Works places (or says they are not verified)."""
    from bs4 import BeautifulSoup

    out = site.html.outdir
    register_page = BeautifulSoup((out / "belgeler.html").read_text("utf-8"), "html.parser")
    quotations = 0
    for page in sorted(out.glob("*.html")):
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for quote in html.select("blockquote.alinti"):
            quotations += 1
            link = quote.select_one(".attribution a[href^='belgeler.html#belge-']")
            assert link is not None, f"{page.name}: {quote.get('id')} does not name its document"
            entry = register_page.find(id=link["href"].split("#", 1)[1])
            assert entry is not None, link["href"]
            table = entry.select_one("table.belge-karsiliklar").get_text(" ")
            assert "PSS" in table
            assert "Collected Works" in table
            texts = entry.select_one(".belge-metinler")
            english = texts.find("a", string=re.compile("^İngilizce, "))
            assert english or "İngilizce: bilinmiyor / doğrulanmadı" in texts.get_text(), (
                f"{page.name}: {link['href']} neither links an English full text nor says "
                "that none was verified"
            )
    assert quotations, "no quotation on the site"
