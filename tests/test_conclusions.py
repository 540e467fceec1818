"""edition.conclusions and the domain: one declaration, links both ways, errors located."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup(
        (app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
    )


def links(element) -> list[tuple[str, str]]:
    return [(" ".join(a.get_text().split()), a["href"]) for a in element.select("a.reference")]


@pytest.mark.sphinx("html", testroot="conclusions", copy_test_root=True, freshenv=True)
def test_conclusion_links_to_the_sections_it_rests_on(app):
    app.build()
    assert app.warning.getvalue() == ""
    first = page(app, "sonuclar").select_one("section#sonuc-ilk")
    assert " ".join(first.find("h2").get_text().split()).startswith("1. İlk sonuç")
    assert links(first.select_one(".sonuc-dayanak")) == [
        ("Birinci bölüm", "tema.html#tema-birinci"),
        ("İkinci bölüm", "tema.html#tema-ikinci"),
    ]


@pytest.mark.sphinx("html", testroot="conclusions", copy_test_root=True, freshenv=True)
def test_theme_page_lists_the_conclusions_resting_on_it(app):
    app.build()
    box = page(app, "tema").select_one(".dayanan-sonuclar")
    assert " ".join(box.select_one(".rubric").get_text().split()) == "Bu bölüme dayanan sonuçlar"
    items = [links(item) for item in box.select("li")]
    assert items == [
        [
            ("Sonuç 1: İlk sonuç", "sonuclar.html#sonuc-ilk"),
            ("Birinci bölüm", "#tema-birinci"),
            ("İkinci bölüm", "#tema-ikinci"),
        ],
        [("Sonuç 2: İkinci sonuç", "sonuclar.html#sonuc-ikinci"), ("İkinci bölüm", "#tema-ikinci")],
    ]


@pytest.mark.sphinx("html", testroot="conclusions", copy_test_root=True, freshenv=True)
def test_conclusion_role_and_inventory(app):
    app.build()
    second = page(app, "sonuclar").select_one("section#sonuc-ikinci")
    assert ("Sonuç 1: İlk sonuç", "#sonuc-ilk") in links(second)
    objects = {name: typ for name, _, typ, *_ in app.env.get_domain("edition").get_objects()}
    assert objects == {"sonuc-ilk": "conclusion", "sonuc-ikinci": "conclusion"}


@pytest.mark.sphinx("html", testroot="conclusions", copy_test_root=True, freshenv=True)
def test_rereading_a_page_keeps_the_registry_right(app):
    app.build()
    (app.srcdir / "sonuclar.md").write_text(
        (app.srcdir / "sonuclar.md")
        .read_text(encoding="utf-8")
        .replace(":dayanak: tema-ikinci\n", ":dayanak: tema-birinci\n"),
        encoding="utf-8",
    )
    app.build()  # incremental: only sonuclar.md is read again
    conclusions = app.env.get_domain("edition").conclusions
    assert [c.number for c in conclusions.values()] == [1, 2]
    assert conclusions["sonuc-ikinci"].basis == ("tema-birinci",)
    # the theme page was not edited, but its list is written again from the new declaration
    items = [links(item) for item in page(app, "tema").select(".dayanan-sonuclar li")]
    assert items[1] == [
        ("Sonuç 2: İkinci sonuç", "sonuclar.html#sonuc-ikinci"),
        ("Birinci bölüm", "#tema-birinci"),
    ]


ERRORS = [
    ("sonuclar.md:3", "conclusion 'sonuc-dayanaksiz' names no theme section in :dayanak:"),
    (
        "sonuclar.md:9",
        "conclusion 'sonuc-olmayan-bolum' rests on 'boyle-bir-etiket-yok', but no section has",
    ),
    (
        "sonuclar.md:16",
        "conclusion 'sonuc-tema-disi' rests on 'giris-bolumu', which is on index, not on a theme",
    ),
    ("sonuclar.md:23", "conclusion 'sonuc-basliksiz' has no :baslik:"),
    ("sonuclar.md:29", "conclusion 'sonuc-metinsiz' has no text"),
    ("sessiz-tema.md:8", "no conclusion rests on this theme page"),
]


@pytest.mark.sphinx(
    "html", testroot="conclusion-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
@pytest.mark.parametrize(("where", "message"), ERRORS, ids=[w for w, _ in ERRORS])
def test_bad_conclusions_fail_at_their_line(app, where, message):
    app.build()
    assert f"{where}: WARNING: {message}" in app.warning.getvalue()
    assert app.statuscode == 1
