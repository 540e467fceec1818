"""Turkish text as the edition writes it: case, alphabetical order, dates.

One place for what every part needs of Turkish: ``str.lower`` gets the dotted and dotless
i wrong (İ → "i̇", I → "i"), Python's sort puts ç, ğ, ı, ö, ş, ü after z, and the pages write
dates with Turkish month names.
"""

from __future__ import annotations

import re

from edition.core import words

# -- Case and alphabetical order ------------------------------------------------------

ALPHABET = "aâbcçdefgğhıiîjklmnoöpqrsştuûüvwxyz"
RANK = {letter: index for index, letter in enumerate(ALPHABET)}


def turkish_lower(text: str) -> str:
    """Lower-case the Turkish way: I → ı and İ → i (``str.lower`` gives i and i̇)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


#: Turkish letters → the ASCII letters a keyboard without them types instead (lower case).
ASCII_FOLDS = str.maketrans("ışğçöüâîû", "isgcouaiu")


def ascii_fold(text: str) -> str:
    """Lower-case the Turkish way, then write the Turkish letters as ASCII ones: "İŞÇİ",
    "işçi", "ISCI" → "isci" (the search index's and the search page's folding)."""
    return turkish_lower(text).translate(ASCII_FOLDS)


def collation_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key for Turkish alphabetical order; letters outside the alphabet sort after it."""
    return tuple(
        (RANK[char], char) if char in RANK else (len(RANK), char)
        for char in turkish_lower(text)
        if char.isalnum() or char == " "
    )


# -- Dates ----------------------------------------------------------------------------

#: The months as the pages and the data files write them (Turkish, whatever the build's
#: language: ``words.MONTHS`` is the reader's).
MONTHS: tuple[str, ...] = tuple(words.TURKISH_WORDS["MONTHS"])
#: A date as the pages write it: ``13 Aralık 1922``, ``4–6 Ocak 1923``, ``Mart 1923``.
TURKISH = re.compile(
    rf"^(?:(?P<day>\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})?\s+)?(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})"
)


def turkish_date(start: tuple[int, int, int], end: tuple[int, int, int] | None = None) -> str:
    """(1922, 12, 23) → "23 Aralık 1922"; a range shares what it can: "16–17 Ocak 1923".
    In the build's language (``words.MONTHS``): the English edition writes "23 December
    1922", day, month and year in the same order."""

    def one(d: tuple[int, int, int], with_year: bool = True, with_month: bool = True) -> str:
        year, month, day = d
        parts = [str(day)] if day else []
        if with_month:
            parts.append(words.MONTHS[month - 1])
        if with_year:
            parts.append(str(year))
        return " ".join(parts)

    if end is None or end == start:
        return one(start)
    if start[0] == end[0] and start[1] == end[1] and start[2] and end[2]:
        return f"{start[2]}–{one(end)}"
    if start[0] == end[0]:
        return f"{one(start, with_year=False)} – {one(end)}"
    return f"{one(start)} – {one(end)}"


def day_text(when: object) -> str:
    """A day (``datetime.date``) in the build's language: "30 Kasım 2026", "30 November 2026"."""
    return f"{when.day} {words.MONTHS[when.month - 1]} {when.year}"


def page_date(text: str) -> str:
    """A date as the pages write it ("13 Aralık 1922", "4–6 Ocak 1923") in the build's
    language: the Turkish month's name becomes ``words.MONTHS``'s."""
    match = TURKISH.match(text)
    if not match:
        return text
    month = words.MONTHS[MONTHS.index(match["month"])]
    return text[: match.start("month")] + month + text[match.end("month") :]


def sort_key_of_turkish(text: str) -> tuple[int, int, int]:
    """Sort key of a date as pages write it; an unreadable date sorts last."""
    match = TURKISH.match(text.strip())
    if not match:
        return (9999, 99, 99)
    return int(match["year"]), MONTHS.index(match["month"]) + 1, int(match["day"] or 0)


# -- Page locators ----------------------------------------------------------------------

#: A page range as "88-89" becomes "88–89" (an en dash, as Turkish typesetting has it).
RANGE = re.compile(r"(\d[a-c]?)\s*-\s*(\d)")


def page_locator(pages: str) -> str:
    """``"88-89"`` → ``"s. 88–89"``; a locator that already says what it is stays as it is."""
    pages = page_range(pages)
    return f"{words.PAGE}{pages}" if pages[:1].isdigit() else pages


def incipit(text: str, count: int = 7) -> str:
    """The first words of a quotation, for lists: “Buharin’in gümrük sistemine …”."""
    parts = text.split()
    shown = " ".join(parts[:count]).rstrip(",;:")
    return f"“{shown}{' …' if len(parts) > count else ''}”"


def page_range(pages: str) -> str:
    """``"211-213"`` → ``"211–213"`` (an en dash, as Turkish typesetting has it)."""
    return RANGE.sub(r"\1–\2", pages.strip())
