"""edition.bibstyle: Turkish entries, Turkish alphabetical order."""

from __future__ import annotations

import re

import pybtex.plugin
import pytest
from conftest import ROOT
from edition.content import bibstyle
from edition.core import turkish
from pybtex.database import BibliographyData, Entry, Person, parse_file


@pytest.fixture(scope="module")
def style():
    pybtex.plugin.register_plugin("pybtex.style.sorting", "edition-tr", bibstyle.TurkishSorting)
    return bibstyle.TurkishStyle()


def formatted(style, entries) -> list[str]:
    return [e.text.render_as("text") for e in style.format_entries(entries)]


def test_the_edition_sources(style):
    """The study and the three Turkish editions it quotes read as a Turkish reader expects,
    in Turkish alphabetical order among whatever else the bibliography holds."""
    entries = parse_file(ROOT / "references.bib").entries.values()
    study_and_editions = [
        "Lenin, Ekim Devrimi Dosyası, çev. Kenan Somer, Sol Yayınları, 1999.",
        "Lenin, Lenin’in Son Kavgası, çev. Meral Delikara Topçu, Öteki Yayınevi, 1999.",
        "Turan, Mehmet İnanç ve Sait Almış, “Lenin’in son yazıları ve mektupları”, "
        "Lenin’e Dönüş içinde, yay. haz. Sait Almış ve Mehmet İnanç Turan, t.y.",
        "V. İlyiç Lenin, Biyografi, çev. Gönül Özen Sezer, Sorun Yayınları, 2000.",
    ]
    shown = formatted(style, entries)
    assert [text for text in shown if text in study_and_editions] == study_and_editions


def test_a_volume_of_a_multivolume_book(style):
    entry = book(
        "x",
        ["Lenin, V. İ."],
        "Collected Works",
        volume="36",
        publisher="Progress Publishers",
        address="Moskova",
        year="1971",
    )
    assert formatted(style, [entry]) == [
        "Lenin, V. İ., Collected Works, c. 36, Moskova: Progress Publishers, 1971."
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
    assert turkish.turkish_lower("IŞIK İZMİR") == "ışık izmir"


def entry(kind: str, authors: list[str], **fields: str) -> Entry:
    made = Entry(kind, fields=fields)
    if authors:
        made.persons["author"] = [Person(a) for a in authors]
    return made


def test_article_and_chapter_read_in_turkish(style):
    article = entry(
        "article",
        ["Kaya, Ayşe"],
        title="Bir makale",
        journal="Tarih Dergisi",
        volume="12",
        number="3",
        year="2010",
        pages="45–67",
    )
    chapter = entry(
        "incollection",
        ["Demir, Ali", "Eren, Ece"],
        title="Bir bölüm",
        booktitle="Derleme",
        translator="Çevirmen Adı",
        address="Ankara",
        publisher="Yayınevi",
        year="2005",
        pages="10–20",
    )
    chapter.persons["editor"] = [Person("Yılmaz, Can")]
    assert formatted(style, [article]) == [
        "Kaya, Ayşe, “Bir makale”, Tarih Dergisi, 12, sy. 3, 2010, s. 45–67."
    ]
    assert formatted(style, [chapter]) == [
        "Demir, Ali ve Ece Eren, “Bir bölüm”, Derleme içinde, yay. haz. Can Yılmaz, "
        "çev. Çevirmen Adı, Ankara: Yayınevi, 2005, s. 10–20."
    ]


ENGLISH = re.compile(
    r"\b(and|edition|ed\.|eds\.|In|pages|pp\.|vol\.|n\.d\.|et al|editor|translated)\b"
)


def test_no_english_word_in_any_entry_type(style):
    kinds = ["book", "incollection", "inbook", "article", "misc"]
    fields = {
        "title": "Başlık",
        "booktitle": "Kitap",
        "journal": "Dergi",
        "publisher": "Yayınevi",
        "address": "İstanbul",
        "translator": "Çevirmen",
        "volume": "2",
        "number": "1",
        "pages": "1–9",
        "note": "not",
        "howpublished": "çevrimiçi",
    }
    for kind in kinds:
        made = entry(kind, ["Bir, Yazar", "İki, Yazar", "Üç, Yazar"], **fields)
        made.persons["editor"] = [Person("Editör, Kişi")]
        text = formatted(style, [made])[0]
        assert not ENGLISH.search(text), (kind, text)
        assert " ve " in text
