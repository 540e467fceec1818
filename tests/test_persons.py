"""edition.persons: the register, links to it, one spelling per person."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def page(app, docname: str) -> BeautifulSoup:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def person_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    article = soup.select_one("div.body")
    return [
        (" ".join(a.get_text().split()), a["href"])
        for a in article.select("a")
        if "kisiler.html#kisi-" in a.get("href", "")
    ]


@pytest.mark.sphinx("html", testroot="persons", copy_test_root=True, freshenv=True)
def test_first_mention_on_each_page_links_to_the_register(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert person_links(page(app, "index")) == [
        ("Troçki", "kisiler.html#kisi-trocki"),
        ("Orjonikidze", "kisiler.html#kisi-orjonikidze"),
    ]
    # titles are not linked; multi-word names are; the explicit role works
    assert person_links(page(app, "sayfa")) == [
        ("Gönül Özen Sezer", "kisiler.html#kisi-ozen-sezer"),
        ("Lev Troçki", "kisiler.html#kisi-trocki"),
    ]


@pytest.mark.sphinx("html", testroot="persons", copy_test_root=True, freshenv=True)
def test_register_lists_people_in_surname_order_with_spellings_and_pages(app):
    app.build()
    register = page(app, "kisiler")
    terms = [
        (dt["id"], " ".join(dt.get_text().replace("¶", "").split()))
        for dt in register.select("dl.kisiler > dt")
    ]
    assert terms == [
        ("kisi-orjonikidze", "Orjonikidze"),
        ("kisi-ozen-sezer", "Sezer, Gönül Özen"),  # filed by surname, shown so
        ("kisi-trocki", "Troçki"),
    ]
    troçki = " ".join(register.select_one("dt#kisi-trocki").find_next("dd").get_text(" ").split())
    assert "Lev Davidoviç Troçki, 1879–1940." in troçki
    assert "Başka yazımlar: Trotsky." in troçki
    assert "Geçtiği bölümler: Deneme , Sayfa ." in troçki
    orjonikidze = register.select_one("dt#kisi-orjonikidze").find_next("dd").get_text(" ")
    assert "Ordzhanikidze (kaynak incelemede)" in " ".join(orjonikidze.split())


@pytest.mark.sphinx("html", testroot="persons", copy_test_root=True, freshenv=True)
def test_persons_are_in_the_general_index(app):
    app.build()
    index = " ".join(page(app, "genindex").get_text(" ").split())
    for name in ("Troçki", "Orjonikidze", "Sezer, Gönül Özen"):  # filed by surname
        assert name in index


ERRORS = [
    ("data/kisiler.yaml:6", "person 'baska': the spelling 'Trotsky' already names 'trocki'"),
    ("data/kisiler.yaml:10", "person 'rolsuz': no 'rol'"),
    ("data/kisiler.yaml:13", "person 'alanli': unknown field 'dogum'"),
    ("index.md:3", "'Trotsky' is not the edition's spelling of Troçki; write 'Troçki'"),
    ("index.md:5", "'Kimse Bilmez' is not in the persons register; add an entry"),
    # Inside a paragraph, the line of the word itself, not of the paragraph's start:
    ("index.md:8", "'Trotsky' is not the edition's spelling of Troçki"),
    ("index.md:9", "'Trotsky' is not the edition's spelling of Troçki"),
    ("index.md:10", "'Bir Başkası' is not in the persons register"),
]


@pytest.mark.sphinx(
    "html", testroot="persons-errors", copy_test_root=True, freshenv=True, warningiserror=True
)
@pytest.mark.parametrize(("where", "message"), ERRORS, ids=[w for w, _ in ERRORS])
def test_bad_persons_fail_at_their_line(app, where, message):
    app.build()
    assert f"{where}: WARNING: {message}" in app.warning.getvalue()
    assert app.statuscode == 1
