"""The edition's messages: one subtype for each kind of problem, one function that reports it.

Every warning and error the edition gives has the type ``edition`` and one subtype of
:class:`Problem`, so Sphinx shows it as ``… [edition.citation]``, and a project can
silence one kind with ``suppress_warnings = ["edition.citation"]`` (or all of them with
``"edition"``). The message says what is wrong and what to do; the subtype says which
kind of problem it is.

A new kind of problem gets a member here, with its meaning, and a row in the table of
CONTRIBUTING.md ("Hata iletileri ve ne yapmalı"); ``tests/test_messages.py`` fails when
a call names a subtype that is not a member, a member is no longer used, or the table and
the members disagree.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The warning type of every message of the edition (``suppress_warnings``' first part).
TYPE = "edition"


class Problem(Enum):
    """A kind of problem the edition reports: its subtype and what it means."""

    meaning: str

    def __new__(cls, subtype: str, meaning: str) -> Problem:
        member = object.__new__(cls)
        member._value_ = subtype
        member.meaning = meaning
        return member

    @property
    def qualified(self) -> str:
        """``edition.<subtype>``: as Sphinx shows it and as ``suppress_warnings`` names it."""
        return f"{TYPE}.{self.value}"

    # What a page's author writes (content/)
    CITATION = (
        "citation",
        "a {kaynak} footnote cannot be made: an unknown key, no or a malformed locator, "
        "too many sources, or text that is not 'key, locator'",
    )
    QUOTATION = (
        "quotation",
        "an {alinti} block lacks or misstates its id, text, :kaynak: or :sayfa:",
    )
    CONCLUSION = (
        "conclusion",
        "a {sonuc} lacks its id, title, basis or text, rests on a label that is not a "
        "section of a theme page, or a theme page supports no conclusion",
    )
    NOTE = "note", "an {editor-notu} has no known :tur: or no text"
    DUPLICATE = "duplicate", "one quotation id is used on two pages"
    # The registers (registers/) and their data files
    PERSON = "person", "a {kisi} role names no one in the persons register"
    SPELLING = "spelling", "the prose writes a person's variant spelling, not the register's"
    DATA = (
        "data",
        "a data file (data/*.yaml) or one of its entries is wrong: unreadable, not UTF-8, "
        "not YAML, against its schema, a bad or repeated id, an unknown field, a date, a "
        "section label no page defines",
    )
    # What the checks refuse or advise (checks/)
    ACCIDENTAL_LIST = (
        "accidental-list",
        "a sentence opening with a number and a dot is read as a numbered list of one item",
    )
    REFUSED = (
        "refused",
        "something the edition does not publish: raw HTML, raw, math, a file outside docs/, "
        "a network image, a front matter key, a link scheme other than https, http, mailto",
    )
    ENCODING = "encoding", "a page is not UTF-8 (named at its first bad line)"
    BIBTEX = (
        "bibtex",
        "references.bib has a problem pybtex would stumble on: a repeated or non-ASCII "
        "key, an undefined @string, a syntax error, a file too large",
    )
    ANCHOR = (
        "anchor",
        "a published anchor is gone without a recorded move, a recorded move points "
        "nowhere, or a line of an anchor list is malformed or not UTF-8",
    )
    # The web site and the book (site/, pdf/)
    CONFIG = "config", "edition_repository is not the web address of a repository"
    THEME = "theme", "furo's page markup changed: the theme filter misses what it replaces"
    ASSETS = "assets", "a stylesheet or script every page loads cannot be read for the bundles"
    CSP = (
        "csp",
        "a written page holds what the Content Security Policy blocks, the site got Sphinx's "
        "own script catalogue (needs eval), or live reload lacks sphinx-autobuild",
    )
    PDF = "pdf", "Typst warns about the book, or the PDF cannot be compiled or written"
    # The English edition (language = "en")
    TRANSLATION = (
        "translation",
        "a release (or -D edition_require_translation=1) has an English page with an "
        "untranslated message",
    )
    CW = (
        "cw",
        "an {alinti}'s :cw: (its place in the English Collected Works) is malformed or names "
        "a volume references.bib lacks, or a translated quotation has none",
    )


def warn(
    problem: Problem,
    message: str,
    *args: Any,
    location: Any = None,
    error: bool = False,
) -> None:
    """Report ``message % args`` at ``location`` as ``[edition.<subtype>]``.

    ``location`` is what Sphinx's logger takes: ``(docname, line)``, ``"file:line"``, a
    node, or None. ``error=True`` makes it an ERROR (a refusal) rather than a WARNING;
    under ``-W`` either fails the build.
    """
    if not isinstance(problem, Problem):
        raise TypeError(f"warn() takes a Problem, not {problem!r}")
    report = logger.error if error else logger.warning
    report(message, *args, location=location, type=TYPE, subtype=problem.value)
