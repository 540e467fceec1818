"""edition.chronology: data/kronoloji.yaml rendered, linked both ways, checked entry by entry."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from edition.core.turkish import turkish_date


def page(app, docname: str) -> BeautifulSoup:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.sphinx("html", testroot="chronology", copy_test_root=True, freshenv=True)
def test_timeline_in_date_order_with_turkish_dates(app):
    app.build()
    assert app.warning.getvalue() == ""
    entries = page(app, "kronoloji").select("ul.kronoloji > li")
    assert [li["id"] for li in entries] == ["k-gun", "k-ay", "k-mektup", "k-makale"]
    dates = [text(li.select_one(".kronoloji-tarih strong")) for li in entries]
    assert dates == [
        "20 Mayıs 1922",
        "Mayıs 1922 sonu",
        "23 Aralık 1922 – 4 Ocak 1923",
        "16–17 Ocak 1923",
    ]
    assert "Dikte ettirildi." in text(entries[2])
    assert "Yayım: Pravda." in text(entries[3])


@pytest.mark.sphinx("html", testroot="chronology", copy_test_root=True, freshenv=True)
def test_entries_link_to_sections_and_pages_link_back(app):
    app.build()
    makale = page(app, "kronoloji").select_one("li#k-makale .kronoloji-ayrinti")
    assert [a["href"] for a in makale.select("a")] == [
        "tema.html#tema-ikinci",
        "tema.html#tema-birinci",
    ]
    back = page(app, "tema").select_one(".kronoloji-kayitlari")
    hrefs = [a["href"] for a in back.select("a")]
    assert hrefs == [
        "kronoloji.html#k-gun",
        "kronoloji.html#k-ay",
        "kronoloji.html#k-mektup",
        "kronoloji.html#k-makale",
    ]
    objects = {name for name, *_ in app.env.get_domain("edition").get_objects()}
    assert {"k-gun", "k-ay", "k-mektup", "k-makale"} <= objects


@pytest.mark.sphinx("html", testroot="chronology", copy_test_root=True, freshenv=True)
def test_editing_the_data_file_rebuilds_the_pages_using_it(app):
    app.build()
    data = app.srcdir / "data" / "kronoloji.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("Uzun bir mektup", "Düzeltilmiş başlık"),
        encoding="utf-8",
    )
    app.build()
    assert "Düzeltilmiş başlık" in text(page(app, "kronoloji"))
    assert "Düzeltilmiş başlık" in text(page(app, "tema"))


@pytest.mark.sphinx("pseudoxml", testroot="chronology", copy_test_root=True, freshenv=True)
def test_other_formats_get_a_table(app):
    app.build()
    tree = (app.outdir / "kronoloji.pseudoxml").read_text(encoding="utf-8")
    assert "<table" in tree
    assert 'classes="kronoloji"' not in tree  # the HTML timeline is left out


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ((1922, 12, 13), None, "13 Aralık 1922"),
        ((1922, 5, 0), None, "Mayıs 1922"),
        ((1923, 1, 16), (1923, 1, 17), "16–17 Ocak 1923"),
        ((1922, 10, 5), (1922, 11, 2), "5 Ekim – 2 Kasım 1922"),
        ((1922, 12, 23), (1923, 1, 4), "23 Aralık 1922 – 4 Ocak 1923"),
    ],
)
def test_turkish_dates(start, end, shown):
    assert turkish_date(start, end) == shown


ERRORS = [
    (1, "chronology entry 'k-tarihsiz': no date; add 'tarih: 1922-12-13'"),
    # What the schema (data/schema/) says is reported at the field's line, in its words.
    (7, "entry 'k-bozuk-tarih': tarih: '13 Aralık 1922' does not match '^[0-9]{4}-"),
    (15, "entry 'k-tur': tur: 'roman' is not one of ['makale', 'mektup'"),
    (18, "chronology entry 'k-alan': unknown field 'tarihi'"),
    (25, "chronology entry 'k-bolumsuz': 'bolumler' must list the labels"),
    (30, "chronology entry 'k-olmayan-bolum' names section 'boyle-bir-bolum-yok', which no page"),
    (36, "chronology entry id 'k-tarihsiz' is used twice (first at line 1)"),
    (42, "entry 'K-Büyük': id: 'K-Büyük' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"),
    (48, "chronology entry 'k-bitis': 'bitis: 1922-12-10' must be a later day than 'tarih'"),
]


@pytest.mark.sphinx(
    "html", testroot="chronology-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
@pytest.mark.parametrize(("line", "message"), ERRORS, ids=[m.split(":")[0] for _, m in ERRORS])
def test_bad_entries_fail_at_their_line(app, line, message):
    app.build()
    assert f"data/kronoloji.yaml:{line}: WARNING: {message}" in app.warning.getvalue()
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html", testroot="chronology-yaml", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_invalid_yaml_fails_at_its_line(app):
    app.build()
    # where the unclosed "[" opens, not line 7 where YAML notices it
    assert "data/kronoloji.yaml:5: WARNING: not valid YAML: while parsing a flow sequence" in (
        app.warning.getvalue()
    )
    assert "fix the file's syntax there" in app.warning.getvalue()
    assert app.statuscode == 1
