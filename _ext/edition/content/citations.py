"""Footnote citations with their page, the text taken from ``references.bib``: ``{kaynak}``.

Turkish humanities readers expect a numbered footnote for each citation, with the page.
sphinxcontrib-bibtex's ``{footcite}`` makes footnotes but takes no page (locator), and
``{cite:p}`` takes a page but stays in the running text. So ``{kaynak}`` writes a
footnote whose content *is* a sphinxcontrib-bibtex citation, with its locator::

    … olarak değerlendirir.{kaynak}`turan-almis-son-yazilar, “Sonuç” bölümü`
    {kaynak}`lenin-son-kavgasi, s. 180; lenin-biyografi, s. 489`

gives footnote N reading ``Lenin, *Lenin’in Son Kavgası*, s. 180.`` whose title links to
the entry in the bibliography. A key missing from the .bib, a citation without a
locator, a locator that is not one of the edition's forms (pages ``s. 180``, ``s. 88–89``,
``s. 209, 213``, ``s. 180 vd.``, a note there ``s. 713, not 655``, or the study's
section ``“Sonuç” bölümü, 2. madde``; at most 100 characters, see ``LOCATOR``) and a
footnote of more than ten sources are refused with the file and line, the locator
forms given as examples.

The footnotes are made by a transform that runs before docutils numbers footnotes, and
it keeps every page's footnotes (these and MyST's own ``[^x]``) numbered in the order
their references appear. Authors cite after each sentence; the reader sees less:

* a section whose own sentences (not its subsections', editorial notes' or quotations')
  all cite the same part of the same work gets, instead of their footnotes, one line
  after its text: "Kaynak: Turan ve Almış, “…”, “SSCB ve ulusal sorun” bölümü." A page
  locator (``s. 180``) stays a footnote by its sentence; so do a quotation's page and
  every citation of a section of mixed sources;
* citations of the same text on one page share one footnote, its number marked again.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.transforms import Transform
from docutils.transforms.references import Footnotes
from sphinx.transforms import SphinxTransform
from sphinxcontrib.bibtex.roles import CiteRole

from edition.core import language, words
from edition.core.domain import remember
from edition.core.lines import exact_line
from edition.core.messages import Problem, warn
from edition.upstream.bibtex import bib_entry_keys, bib_files, citing_docnames
from edition.upstream.sphinx import inconsistent_references, warning_handlers

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: One source in a ``{kaynak}`` role: a key, a comma, a locator.
SOURCE = re.compile(r"^\s*(?P<key>[^,{}\s]+)\s*(?:,\s*(?P<locator>[^{}]*?))?\s*$")

# -- Locators -------------------------------------------------------------------------------
#
# The forms the edition's pages use, and no others:
#
# * pages: ``s. 180``, ``s. 88–89`` (or ``88-89``), ``s. 209, 213``, ``s. 180 vd.``; a page
#   is a number from 1 to 9999 and a range runs forwards;
# * a note about the place after them: ``s. 713, not 655`` (note 655),
#   ``s. 606’daki mektuba düşülen not`` (a few words after a suffix);
# * for the study, the memoirs and web pages, which are cited without pages, the section:
#   ``“Sonuç” bölümü``, ``“Sonuç” bölümü, 2. madde``, ``39. bölüm``,
#   ``incelemenin giriş kısmı``, ``giriş sayfası``.
#
# An ``{alinti}``'s ``:sayfa:`` takes the pages alone (``180``, ``88-89``, ``209, 213``,
# ``180 vd.``; ``s. `` may be written). Anything else is refused with these examples.

PAGE = r"[1-9][0-9]{0,3}"
PAGES = rf"{PAGE}(?:\s*[-–]\s*{PAGE})?(?:,\s*{PAGE}(?:\s*[-–]\s*{PAGE})?)*(?:\s+vd\.)?"
#: A few plain words (letters, digits, a full stop after a number).
WORDS = r"[^\W_][\w.]*(?: [^\W_][\w.]*){0,8}"
LOCATOR = re.compile(
    rf"s\. (?P<pages>{PAGES})(?:, not {PAGE}|’\w+(?: {WORDS})?)?"
    rf"|“[^“”{{}}`\n]{{1,80}}” bölümü(?:, [1-9][0-9]?\. madde)?"
    rf"|[1-9][0-9]?\. bölüm"
    rf"|{WORDS} (?:bölümü|kısmı|sayfası)"
)
PAGES_ONLY = re.compile(rf"(?:s\. )?(?P<pages>{PAGES})")
#: The same forms in English, which the English edition's catalogues write (a page's
#: message left untranslated keeps the Turkish form, so the English build takes both):
#: ``p. 180``, ``pp. 88–89``, ``p. 180 ff.``, ``p. 713, note 655``, ``p. 606, note to the
#: letter``, ``section “Sonuç”``, ``section “Sonuç”, point 2``, ``chapter 39``,
#: ``opening part of the study``.
PAGES_EN = rf"{PAGE}(?:\s*[-–]\s*{PAGE})?(?:,\s*{PAGE}(?:\s*[-–]\s*{PAGE})?)*(?:\s+ff\.)?"
LOCATOR_EN = re.compile(
    rf"pp?\. (?P<pages>{PAGES_EN})(?:, note(?: {PAGE})?(?: to the letter)?)?"
    rf"|section “[^“”{{}}`\n]{{1,80}}”(?:, point [1-9][0-9]?)?"
    rf"|chapter [1-9][0-9]?"
    rf"|(?:the )?{WORDS} (?:section|part|page)(?: of the study)?"
)
LOCATOR_FORMS_EN = (
    "'p. 180', 'pp. 88–89', 'p. 180 ff.', 'p. 713, note 655', 'section “Sonuç”', "
    "'section “Sonuç”, point 2', 'chapter 39'"
)
#: The longest locator (characters); the edition's longest has 36.
MAX_LOCATOR = 100
#: The most sources one footnote cites.
MAX_SOURCES = 10
LOCATOR_FORMS = (
    "'s. 180', 's. 88–89', 's. 209, 213', 's. 180 vd.', 's. 713, not 655', "
    "'“Sonuç” bölümü', '“Sonuç” bölümü, 2. madde'"
)
PAGE_FORMS = "'180', '88-89', '209, 213', '180 vd.'"


def backwards(pages: str) -> str | None:
    """The first range of ``pages`` that runs backwards (``"89-88"``), if any."""
    for first, last in re.findall(rf"({PAGE})\s*[-–]\s*({PAGE})", pages):
        if int(last) <= int(first):
            return f"{first}–{last}"
    return None


def locator_problem(locator: str, pages_only: bool = False, english: bool = False) -> str | None:
    """What is wrong with a locator, said with the forms allowed; None if it is one of them.
    ``english``: the English edition's build, which also takes the English forms."""
    forms = PAGE_FORMS if pages_only else LOCATOR_FORMS
    if english and not pages_only:
        forms = f"{forms}, or in English {LOCATOR_FORMS_EN}"
    if len(locator) > MAX_LOCATOR:
        return f"is {len(locator)} characters long (at most {MAX_LOCATOR}); write one of {forms}"
    match = (PAGES_ONLY if pages_only else LOCATOR).fullmatch(locator)
    if match is None and english and not pages_only:
        match = LOCATOR_EN.fullmatch(locator)
    if not match:
        return f"is not a page or a place the edition cites; write one of {forms}"
    if match["pages"] and (wrong := backwards(match["pages"])):
        return f"has the range {wrong}, which runs backwards; write the lower page first"
    return None


def is_pages(locator: str) -> bool:
    """Whether ``locator`` points at pages (``s. 180``), not at a part of a work (a section)."""
    match = LOCATOR.fullmatch(locator) or LOCATOR_EN.fullmatch(locator)
    return match is None or match["pages"] is not None


def shown(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class source_footnote(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """Where a citation footnote's number goes; its children become the footnote's text.

    Lives only between parsing and the footnote transform of the same page.
    """


def bib_keys(env: BuildEnvironment) -> set[str]:
    """Keys of the parsed bibliography (sphinxcontrib-bibtex parses it before reading)."""
    return bib_entry_keys(env)


def parse_sources(text: str) -> list[tuple[str, str]]:
    """``"a, s. 1; b, s. 2"`` → ``[("a", "s. 1"), ("b", "s. 2")]``; a missing locator is ``""``."""
    sources = []
    for part in text.split(";"):
        match = SOURCE.match(part)
        if not match:
            raise ValueError(part.strip())
        sources.append((match["key"], (match["locator"] or "").strip()))
    return sources


def citation_footnote(
    env: BuildEnvironment,
    inliner: Inliner,
    lineno: int,
    sources: list[tuple[str, str]],
    rawtext: str,
    check_locators: bool = True,
    keep: bool = False,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """A footnote mark whose footnote cites ``sources`` (key, locator) through sphinxcontrib-bibtex.

    Problems are reported at ``lineno`` and nothing is made for them. Each locator must
    be one of the edition's forms (``locator_problem``) unless the caller has checked it.
    ``keep``: the mark stays a footnote even where its section has a source line (a
    quotation's page).
    """
    location = (env.current_document.docname, lineno)
    known = bib_keys(env)
    good = True
    if len(sources) > MAX_SOURCES:
        warn(
            Problem.CITATION,
            "%d sources in %s; one footnote cites at most %d: split it",
            len(sources),
            shown(rawtext),
            MAX_SOURCES,
            location=location,
        )
        return [], []
    for key, locator in sources:
        if key not in known:
            warn(
                Problem.CITATION,
                "unknown bibliography key %r in %s; use a key of references.bib (%s)",
                key,
                rawtext,
                ", ".join(sorted(known)),
                location=location,
            )
            good = False
        elif not locator:
            warn(
                Problem.CITATION,
                "citation of %r without a locator in %s; give the page after a comma "
                "(“%s, s. 180”) or, for the article, its section (“%s, “Sonuç” bölümü”)",
                key,
                rawtext,
                key,
                key,
                location=location,
            )
            good = False
        elif check_locators and (
            wrong := locator_problem(locator, english=language.is_english(env.config))
        ):
            warn(
                Problem.CITATION,
                "the locator %r of %r in %s %s",
                shown(locator),
                key,
                shown(rawtext),
                wrong,
                location=location,
            )
            good = False
    if not good:
        return [], []
    target = ",".join(f"{key}{{{locator}}}" for key, locator in sources)
    cited, messages = CiteRole()("cite:alp", f":cite:alp:`{target}`", target, lineno, inliner)
    mark = source_footnote("", *cited, nodes.Text("."))
    mark.line = lineno
    mark["target"] = target  # the same target, the same footnote text
    mark["part"] = len(sources) == 1 and not is_pages(sources[0][1])
    mark["keep"] = keep
    return [mark], messages


def kaynak_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{kaynak}`key, locator[; key, locator …]```: a footnote citing those sources."""
    env = inliner.document.settings.env
    lineno = exact_line(env.doc2path(env.current_document.docname), lineno, text) or lineno
    try:
        sources = parse_sources(text)
    except ValueError as error:
        warn(
            Problem.CITATION,
            "cannot read %r in {kaynak}`%s`; write “key, locator” (several joined with “;”)",
            shown(str(error)),
            shown(text),
            location=(env.current_document.docname, lineno),
        )
        return [], []
    # Shown as the page writes it (MyST hands the role over as :kaynak:`…`).
    return citation_footnote(env, inliner, lineno, sources, f"{{kaynak}}`{text}`")


def owner(mark: nodes.Element) -> nodes.Element | None:
    """The section (or page) whose own text holds ``mark``; None if the mark stands in an
    editorial note, a footnote or a quotation, whose citations are their own."""
    parent = mark.parent
    while parent is not None:
        if isinstance(parent, (nodes.footnote, nodes.block_quote)) or (
            isinstance(parent, nodes.admonition) and "editor-notu" in parent["classes"]
        ):
            return None
        if isinstance(parent, (nodes.section, nodes.document)):
            return parent
        parent = parent.parent
    return None


def source_lines(marks: list[source_footnote]) -> list[source_footnote]:
    """Give a section one source line where all of its own citations cite one part of one work.

    A section's own citations are the ``{kaynak}`` marks of its text, not of its
    subsections, editorial notes or quotations. Where they all cite the same key at the
    same part of the work (``“SSCB ve ulusal sorun” bölümü``, never pages: a page stays
    with its sentence), they are removed and one line, "Kaynak: <citation>.", follows the
    last block of the section that held one of them. The marks that remain (quotations'
    pages, editorial notes, sections of mixed sources) are returned, in page order.
    """
    by_section: dict[int, tuple[nodes.Element, list[source_footnote]]] = {}
    for mark in marks:
        section = owner(mark)
        if section is not None and not mark["keep"]:
            by_section.setdefault(id(section), (section, []))[1].append(mark)
    lined: set[int] = set()
    for section, own in by_section.values():
        if not all(m["part"] for m in own) or len({m["target"] for m in own}) != 1:
            continue
        last = own[-1]
        block = last
        while block.parent is not section:
            block = block.parent
        line = nodes.paragraph("", "", nodes.Text(words.SOURCE_LINE), *last.children)
        box = nodes.container("", line, classes=["kaynak-satiri"])
        box.source, box.line = last.source, last.line
        section.insert(section.index(block) + 1, box)
        for mark in own:
            mark.parent.remove(mark)
            lined.add(id(mark))
    return [mark for mark in marks if id(mark) not in lined]


class CitationFootnotes(Transform):
    """Turn each ``source_footnote`` into a footnote, then order all of the page's footnotes.

    First a section whose own citations all cite one part of one work gets one source
    line instead of them (``source_lines``). Marks of the same text then share one
    footnote: its number is repeated, and its text is given once on the page.

    Runs just before docutils' ``Footnotes`` transform, which numbers auto-numbered
    footnotes in the order of ``document.autofootnotes``. MyST sorts that list just
    before (``SortFootnotes``) by the order references were *parsed*, and these
    references are made after parsing, so the list is sorted again here by each
    footnote's first reference in the page, and the footnotes are moved to the end of
    the page in that order.
    """

    default_priority = Footnotes.default_priority - 1

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        marks = list(document.findall(source_footnote))
        if not marks:
            return
        marks = source_lines(marks)
        names: dict[str, str] = {}  # a footnote's text (its target) → its name
        for mark in marks:
            name = names.get(mark["target"])
            if name is None:  # the first mark of this text makes the footnote
                name = names[mark["target"]] = f"kaynak-dipnotu-{len(names) + 1}"
                footnote = nodes.footnote("", nodes.paragraph("", "", *mark.children), auto=1)
                footnote["names"].append(name)
                footnote.source, footnote.line = mark.source or document["source"], mark.line
                document.note_autofootnote(footnote)
                document.note_explicit_target(footnote, footnote)
                document += footnote
            reference = nodes.footnote_reference(f"[^{name}]", auto=1, refname=name)
            document.note_autofootnote_ref(reference)
            document.note_footnote_ref(reference)
            mark.replace_self(reference)

        first_use: dict[str, int] = {}
        for position, reference in enumerate(document.findall(nodes.footnote_reference)):
            first_use.setdefault(reference.get("refname", ""), position)
        document.autofootnotes.sort(
            key=lambda note: min(
                (first_use.get(n, len(first_use)) for n in note["names"]), default=0
            )
        )
        for footnote in document.autofootnotes:
            footnote.parent.remove(footnote)
        document.extend(document.autofootnotes)  # MyST then adds its rule above them


def write_citing_pages_again(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When a .bib file changed, every page that cites it is written again.

    The citations' text comes from the .bib when a page is written, and a page that did
    not change is not written again: without this, a mended title would show only on the
    pages read again, not as a clean build shows it.
    """
    import hashlib

    digest = hashlib.sha256()
    for path in bib_files(env):
        digest.update(str(path).encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    now = digest.hexdigest()
    if remember(env, "bib", now) == now:
        return []
    return sorted(citing_docnames(env))


#: An id docutils numbers itself (``id5``): nobody's anchor.
NUMBERED_ID = re.compile(r"^id[0-9]+$")


class NumberTranslatedIds(SphinxTransform):
    """After Sphinx's Locale (20): the ids docutils numbered inside translated messages made
    unique in the page.

    Sphinx parses each translated message as a document of its own, whose numbering starts
    again at ``id1``: a page with two translated citations held ``id="id1"`` twice (an HTML
    and EPUB error). Each numbered id met a second time is given the next free number; ids
    the pages name (labels, anchors) are never numbered, so no published anchor changes,
    and a Turkish page, which has no translated message, keeps its own.
    """

    default_priority = 22

    def apply(self, **kwargs: Any) -> None:
        taken = {ident for node in self.document.findall(nodes.Element) for ident in node["ids"]}
        numbers = [int(ident[2:]) for ident in taken if NUMBERED_ID.match(ident)]
        counter = max(numbers, default=0)
        seen: set[str] = set()
        for node in self.document.findall(nodes.Element):
            for position, ident in enumerate(node["ids"]):
                if ident not in seen:
                    seen.add(ident)
                    continue
                if not NUMBERED_ID.match(ident):
                    continue  # a named id twice is the labels check's to report
                counter += 1
                while f"id{counter}" in taken:
                    counter += 1
                new = f"id{counter}"
                node["ids"][position] = new
                self.document.ids[new] = node  # docutils numbers later ids past it
                taken.add(new)
                seen.add(new)


#: A citation as Sphinx lists it among a message's references: ``:cite:alp:`key{locator}```.
CITED = re.compile(r":cite:alp:`([^`{]+)\{[^`]*\}`")
#: Another role with the text it shows and its target: ``:ref:`metin <hedef>```.
SHOWN = re.compile(r"(:[\w:]+:)`[^`<]*<([^`>]+)>`")


class TranslatedLocators(logging.Filter):
    """Let a translation write a citation's locator in its own language.

    The locator is part of the citation's reference (``key{s. 180}``), so Sphinx reports a
    translated message whose locators are translated (``key{p. 180}``) as having other
    references than the original. Such a report is dropped when the two messages cite the
    same keys and hold the same other references: a translator may translate a locator
    (it is checked like the Turkish one), never change what is cited.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        lists = inconsistent_references(record)
        if lists is None:
            return True
        original, translated = ([target(ref) for ref in refs] for refs in lists)
        return sorted(original) != sorted(translated)


def target(reference: str) -> str:
    """What a reference points at, as Sphinx compares them: a citation's key (its locator
    left out), another role's target (its shown text left out)."""
    if cited := CITED.fullmatch(reference):
        return f"cite:{cited[1]}"
    if shown := SHOWN.fullmatch(reference):
        return f"{shown[1]}{shown[2]}"
    return reference


def install_filter(app: Sphinx) -> None:
    """First on Sphinx's warning output, before it counts a warning (set up before the
    extensions are)."""
    for handler in warning_handlers():
        if not any(isinstance(f, TranslatedLocators) for f in handler.filters):
            handler.filters.insert(0, TranslatedLocators())


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_role("kaynak", kaynak_role)
    install_filter(app)
    app.add_transform(CitationFootnotes)
    app.add_transform(NumberTranslatedIds)
    app.connect("env-updated", write_citing_pages_again)
    return {
        "version": "1",
        "env_version": 2,  # 2: what the pages' doctrees hold changed (issue 17)
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
