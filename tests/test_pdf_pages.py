"""Page references in the PDF: every link to another page says which printed page it leads
to, the registers give pages, and a general index closes the book (issue 18)."""

from __future__ import annotations

import re

import pdfcheck
import pytest
from edition.core import words
from edition.core.turkish import collation_key
from pypdf import PdfReader

pytestmark = pytest.mark.pdf

#: A cross-reference's page as the PDF prints it after the reference: "(s. 11)".
PAGE_REFERENCE = re.compile(r"\(s\.\u00a0 ?(\w+)\)")  # (pdfium may see a gap after it)
#: An index locator: a page, or a range of pages ("12–14").
LOCATOR = re.compile(r"(\d+)(?:–(\d+))?")


def flat(text: str) -> str:
    """The text on one line: a soft hyphen or a line break inside a link joins up."""
    text = re.sub(r"[\u00ad\u0002][ \r\n]*|(?<=–)[ \r\n]+", "", text)
    return re.sub(r"[ \t\r\n]+", " ", text).strip()  # the no-break space after "s." stays


@pytest.fixture(scope="module")
def book(site):
    """(printed number of each page, text of each page, internal links) of the site's PDF."""
    path = site.pdf_file
    numbers = pdfcheck.printed_page_numbers(path)
    texts = [page.extract_text() or "" for page in PdfReader(path).pages]
    return numbers, texts, pdfcheck.internal_links(path)


def test_page_labels_are_the_numbers_printed_on_the_pages(book):
    numbers, texts, _ = book
    assert numbers.count("1") == 1  # the main matter is numbered from 1, once
    numbered = [(n, t) for n, t in zip(numbers, texts, strict=True) if n]
    assert len(numbered) > len(numbers) / 2
    for number, text in numbered:  # the page's own number stands on a line of its own
        assert number in [line.strip() for line in text.splitlines()], number


def test_every_link_to_another_page_carries_that_page(book):
    """ "… (s. N)" under the link, N as printed on the page it leads to; an index locator
    is the page itself, and a contents entry ends with it."""
    numbers, texts, links = book
    wrong = []
    referenced = 0
    for link in links:
        assert link.target is not None, link
        if link.target == link.page:
            continue  # a footnote's mark and its note, a reference to the same page
        printed = numbers[link.target]
        text = flat(link.text)
        shown = PAGE_REFERENCE.findall(text)
        locator = LOCATOR.fullmatch(text.strip(" ,."))
        if printed not in shown and not locator:
            # a link broken at the page's foot: its page stands in its part on the next page
            after = next(
                (o for o in links if o.page == link.page + 1 and o.target == link.target), None
            )
            if after is not None:
                shown = [*shown, *PAGE_REFERENCE.findall(flat(after.text))]
        # a bare number before the index: a note's mark, leading to the note printed once
        # for the chapter on an earlier page (its line starts with that number)
        if (
            locator
            and link.page < len(texts) - 4
            and re.search(rf"(?m)^{locator[1]}[.\s]", texts[link.target])
        ):
            continue
        if shown:
            referenced += 1
            # the text is read by the link's rectangle, which may take in a neighbour's
            # "(s. N)" on a tight line: the link's own page must be among those shown
            ok = printed in shown
        elif locator:
            ok = locator[1] == printed
        else:  # the contents: the title, dot leaders and the page
            # (a long title leaves room for one leader dot only)
            ok = re.search(r"(?:\. )+(\w+)$", text) is not None and text.endswith(" " + printed)
        if not ok:
            wrong.append((link.page + 1, numbers[link.page], printed, text))
    assert referenced >= 20, "the pages' cross-references carry no page"
    assert not wrong, wrong[:10]


def joined(texts: list[str]) -> str:
    """Pages' text as one line of words, with words broken at line ends joined again."""
    return flat("\n".join(texts))


def mentions(page: str, spellings: set[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", page) for s in spellings)


@pytest.fixture(scope="module")
def general_index(site, book):
    """The general index as printed: {part: [(headword, [locator, ...])]}, in print order.

    The headwords are looked for in the order the registers give (every person the pages
    name, every document); the locators are what stands between one and the next.
    """
    from edition.registers.persons import headword

    numbers, texts, _ = book
    env = site.html.env
    start = max(i for i, t in enumerate(texts) if t.lstrip().startswith(words.INDEX_TITLE))
    assert start > len(texts) / 2, "the general index stands at the end of the book"
    body = [
        line.strip()
        for i, t in enumerate(texts[start:], start)
        for line in t.splitlines()
        if line.strip() not in (numbers[i], env.config.project, words.INDEX_TITLE)  # page
        and len(line.strip()) > 1  # a letter heading
    ]
    text = joined(body)
    data = env.domaindata["edition"]
    mentioned = {i for ids in data["mentions"].values() for i in ids}
    named = [p for p in env.edition_register.persons if p.ident in mentioned]
    documents = data["documents"]
    parts = {
        words.INDEX_PERSONS: {headword(p.name): p for p in env.edition_register.persons},
        words.INDEX_DOCUMENTS: {place.title: ident for ident, place in documents.items()},
    }
    found: dict[str, list] = {}
    for part, heads in parts.items():
        at = text.index(part + " ") + len(part)
        stop = min((text.index(p, at) for p in parts if p != part and p in text[at:]), default=None)
        region = text[at:stop]
        spots = sorted(  # where each headword stands, followed by its pages
            (hit.start(), head)
            for head in heads
            if (hit := re.search(rf"(?<!\w){re.escape(head)} \d", region))
        )
        filed = {head for _, head in spots}
        if part == words.INDEX_PERSONS:  # every person the pages name, at least
            assert {headword(p.name) for p in named} <= filed
        else:  # every document of the register
            assert filed == set(heads)
        found[part] = []
        for (spot, head), (after, _) in zip(spots, [*spots[1:], (len(region), "")], strict=True):
            locators = region[spot + len(head) : after].strip()
            assert re.fullmatch(r"\d+(–\d+)?(, \d+(–\d+)?)*", locators), (head, locators)
            found[part].append((head, heads[head], LOCATOR.findall(locators)))
    return found


def test_the_general_index_files_its_headwords_in_turkish_order(general_index):
    assert set(general_index) == {words.INDEX_PERSONS, words.INDEX_DOCUMENTS}
    for part, entries in general_index.items():
        heads = [head for head, _, _ in entries]
        assert len(heads) >= 2, part
        assert heads == sorted(heads, key=collation_key), part  # "Sezer, G…" by surname
    persons = [head for head, _, _ in general_index[words.INDEX_PERSONS]]
    assert any(", " in head for head in persons)  # a full name is filed by surname


def test_the_general_index_points_to_pages_that_name_the_headword(site, book, general_index):
    from edition.registers.chronology import events

    numbers, texts, _ = book
    index_of = {number: i for i, number in enumerate(numbers) if number}
    pages = [joined([t]) for t in texts]
    env = site.html.env
    quotations = env.domaindata["edition"]["quotations"].values()
    for head, person, locators in general_index[words.INDEX_PERSONS]:
        spellings = {person.name.split()[-1], *person.variants, person.source_spelling} - {""}
        for first, last in locators:
            for page in range(index_of[first], index_of[last or first] + 1):
                assert mentions(pages[page], spellings), (head, numbers[page])
    for head, ident, locators in general_index[words.INDEX_DOCUMENTS]:
        # its title, a chronology entry's title for it, or the opening of a quotation of it
        names = {head, *(e.title.rstrip(".") for e in events(env) if e.document == ident)}
        names |= {" ".join(q.text.split()[:4]) for q in quotations if q.document == ident}
        for first, last in locators:
            for page in range(index_of[first], index_of[last or first] + 1):
                assert mentions(pages[page], names), (head, numbers[page])


def test_the_persons_register_and_the_quotation_index_give_pages(site, book):
    """In print the register lists the pages naming each person (not the site's page
    titles), and every quotation of the quotation index carries its page."""
    _, texts, _ = book
    text = joined(texts)
    listed = re.findall(re.escape(words.PAGES_NAMING_IN_PRINT) + r"([^.]*)\.", text)
    assert listed
    assert all(re.fullmatch(r"\d+(–\d+)?(, \d+(–\d+)?)*", pages) for pages in listed), listed
    env = site.html.env
    data = env.domaindata["edition"]
    page = next(d for d, lists in data["gathering"].items() if "alinti-dizini" in lists)
    chapters = pdfcheck.outline(site.pdf_file)
    at = next(i for i, h in enumerate(chapters) if h.title == env.titles[page].astext())
    region = joined(texts[chapters[at].page : chapters[at + 1].page])
    quotations = data["quotations"]
    assert len(PAGE_REFERENCE.findall(region)) >= 2 * len(quotations)  # the quotation, its section


# -- The translator's part, on a tiny book ------------------------------------------------


@pytest.fixture
def tiny(make_app, rootdir, tmp_path_factory):
    import shutil

    srcdir = tmp_path_factory.mktemp("pdf-pages") / "src"
    shutil.copytree(rootdir / "test-pdf", srcdir)
    app = make_app("typstpdf", srcdir=srcdir)
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    return app.outdir / "deneme.pdf"


def test_a_reference_and_a_card_carry_the_page_of_their_target(tiny):
    """{ref}`bir` on the second page and the card leading to it both say "(s. N)", N the
    number printed on the page that opens "Birinci Sayfa"; a book without registers has
    no general index."""
    numbers = pdfcheck.printed_page_numbers(tiny)
    texts = [page.extract_text() or "" for page in PdfReader(tiny).pages]
    opening = next(i for i, t in enumerate(texts) if t.startswith("Birinci Sayfa"))
    printed = numbers[opening]
    assert printed.isdigit()  # the main matter's arabic numbers
    text = flat("\n".join(texts))
    assert f"Geri dön: Birinci Sayfa (s.\u00a0{printed})." in text
    assert text.count(f"Birinci Sayfa (s.\u00a0{printed})") == 2  # the card's title, the reference
    assert words.INDEX_TITLE not in [t.splitlines()[0] for t in texts if t]
