"""edition.bibstyle: Turkish entries, Turkish alphabetical order."""

from __future__ import annotations

import pybtex.plugin
import pytest
from conftest import ROOT
from edition import bibstyle
from pybtex.database import BibliographyData, Entry, Person, parse_file


@pytest.fixture(scope="module")
def style():
    pybtex.plugin.register_plugin("pybtex.style.sorting", "edition-tr", bibstyle.TurkishSorting)
    return bibstyle.TurkishStyle()


def formatted(style, entries) -> list[str]:
    return [e.text.render_as("text") for e in style.format_entries(entries)]


def test_the_edition_sources(style):
    entries = parse_file(ROOT / "references.bib").entries.values()
    assert formatted(style, entries) == [
        "Lenin, Ekim Devrimi Dosyası, çev. Kenan Somer, Sol Yayınları, 1999.",
        "Lenin, Lenin’in Son Kavgası, çev. Meral Delikara Topçu, Öteki Yayınevi, 1999.",
        "Turan, Mehmet İnanç ve Sait Almış, “Lenin’in son yazıları ve mektupları”, "
        "Lenin’e Dönüş içinde, yay. haz. Sait Almış ve Mehmet İnanç Turan, t.y.",
        "V. İlyiç Lenin, Biyografi, çev. Gönül Özen Sezer, Sorun Yayınları, 2000.",
    ]


def book(key: str, authors: list[str], title: str, **fields: str) -> Entry:
    entry = Entry("book", fields={"title": title, **fields})
    entry.persons["author"] = [Person(a) for a in authors]
    return entry


def test_place_publisher_and_three_authors(style):
    entry = book(
        "x",
        ["Aydın, Ali", "Batur, Berna", "Cengiz, Can"],
        "Başlık",
        address="İstanbul",
        publisher="Yayınevi",
        year="2001",
    )
    assert formatted(style, [entry]) == [
        "Aydın, Ali, Berna Batur ve Can Cengiz, Başlık, İstanbul: Yayınevi, 2001."
    ]


def test_turkish_alphabetical_order(style):
    surnames = [
        "Üstün",
        "Uz",
        "Şen",
        "Sarı",
        "Öz",
        "Oz",
        "İnan",
        "Işık",
        "Ğ",
        "Gül",
        "Çelik",
        "Cem",
    ]
    data = BibliographyData({s: book(s, [f"{s}, A."], "T", year="2000") for s in surnames})
    order = [e.key for e in style.format_entries(data.entries.values())]
    assert order == [
        "Cem",
        "Çelik",
        "Gül",
        "Ğ",
        "Işık",
        "İnan",
        "Oz",
        "Öz",
        "Sarı",
        "Şen",
        "Uz",
        "Üstün",
    ]


def test_turkish_lower():
    assert bibstyle.turkish_lower("IŞIK İZMİR") == "ışık izmir"
