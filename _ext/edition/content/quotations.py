"""Lenin quoted verbatim with his edition and page: the ``{alinti}`` directive.

::

    :::{alinti} alinti-dis-ticaret-korunma
    :kaynak: lenin-son-kavgasi
    :sayfa: 180
    :belge: Dış Ticaret Tekeli Üzerine
    :tarih: 13 Aralık 1922

    Buharin’in gümrük sistemine ilişkin tüm savları …
    :::

renders a block quotation whose last paragraph ends with a citation footnote (the
edition from ``references.bib``, ``s. 180``) and whose attribution names the speaker,
the document and its date. The argument is the quotation's stable id: its anchor, its
``{edition:alinti}`` target and its entry in ``objects.inv``. A quotation with no text,
no ``:kaynak:``, a key that is not in ``references.bib``, no ``:sayfa:`` or a ``:sayfa:``
that is not the edition's pages (``180``, ``88-89``, ``209, 213``, ``180 vd.``; a page is
1 to 9999, a range runs forwards, at most 100 characters: ``edition.content.citations``), a
``:tarih:`` not written as the pages write dates (``13 Aralık 1922``, ``4–6 Ocak 1923``,
``Mart 1923``) or a ``:belge:`` over 200 characters is refused with the file and line.

The English edition (``language = "en"``) quotes Lenin from the English *Collected Works*:
``:cw: 36:594`` (volume, then page or range, as ``:sayfa:``; language-neutral, so it is
written once in the Turkish source) gives the place, and the English build's footnote
cites it first (``Lenin, *Collected Works*, vol. 36, p. 594``, the volume's own entry
``lenin-cw-36`` of references.bib), then the Turkish translation's book and page: the
reader sees where both editions have the passage, and the bibliography keeps its entries. The
translator puts the CW's words in the page's catalogue. An optional ``:cw-not:`` (Turkish,
translated in the catalogue like the text) says where the English text differs; only the
English edition shows it. In the English build, a quotation without ``:cw:`` is an error
at its line (``edition.cw``); a malformed ``:cw:`` is one in both builds.

Words the edition leaves out of a quotation are marked ``[…]`` (the single character …
in square brackets); the source's own marks (``…``, ``...``, ``(…)``) stay as printed.
A cut written ``[...]`` with three full stops is refused at its line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from edition.content.citations import bib_keys, citation_footnote, locator_problem, shown
from edition.core import words
from edition.core.domain import Quotation, edition_domain
from edition.core.language import is_english
from edition.core.lines import exact_line
from edition.core.messages import Problem, warn
from edition.core.turkish import TURKISH, page_date, page_locator
from edition.core.xref import reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: An editorial cut written with three full stops ("[...]", "[. . .]"): the edition writes
#: "[…]", one character (U+2026) in square brackets; the source's own "…", "..." and "(…)"
#: stay as printed.
DOTTED_CUT = re.compile(r"\[\s*\.\s*\.\s*\.\s*\]")
#: The longest :yazar: (characters): a speaker's name.
MAX_SPEAKER = 100
#: :belge: is the id of a document of the register (data/belgeler.yaml).
DOCUMENT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: A volume of the English Collected Works (45 volumes, and an index).
CW_VOLUME = re.compile(r"[1-9][0-9]?")
#: The references.bib entry of a Collected Works volume (its year and publisher).
CW_KEY = "lenin-cw-{volume}"


class AlintiDirective(SphinxDirective):
    """A verbatim quotation with attribution and a citation footnote."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "kaynak": directives.unchanged,  # BibTeX key
        "sayfa": directives.unchanged,  # page(s) in that edition
        "belge": directives.unchanged,  # the document quoted: its id in data/belgeler.yaml
        "tarih": directives.unchanged,  # its date
        "yazar": directives.unchanged,  # the speaker, when not Lenin
        "cw": directives.unchanged,  # the English Collected Works: "volume:page(s)"
        "cw-not": directives.unchanged,  # Turkish: how the English text differs (translated)
    }

    def problem(self, message: str, *args: Any) -> None:
        warn(Problem.QUOTATION, message, *args, location=self.get_location())

    def english_source(self, ident: str) -> tuple[str, str] | None:
        """(BibTeX key, pages) of the quotation's place in the English Collected Works; None
        when there is no ``:cw:`` or (reported at the directive's line) a wrong one."""
        value = self.options.get("cw", "").strip()
        if not value:
            return None
        found = cw_source(value)
        if isinstance(found, str):
            warn(
                Problem.CW,
                "quotation %r: :cw: %r %s",
                ident,
                shown(value),
                found,
                location=self.get_location(),
            )
            return None
        volume, pages = found
        key = CW_KEY.format(volume=volume)
        if key not in bib_keys(self.env):
            warn(
                Problem.CW,
                "quotation %r: :cw: names volume %s, which has no entry %r in references.bib; "
                "add it (author, title 'Collected Works', volume, Progress Publishers, year)",
                ident,
                volume,
                key,
                location=self.get_location(),
            )
            return None
        return key, pages

    def cw_note(self, text: str) -> nodes.container:
        """``:cw-not:``: "The English text differs: …" (the text a message of the page)."""
        box = nodes.container(classes=["alinti-cw-not"])
        box += nodes.paragraph("", "", nodes.strong("", words.CW_DIFFERS.strip()))
        note = nodes.paragraph(text, "")
        self.set_source_info(note)
        note.rawsource = text
        inline, messages = self.state.inline_text(text, self.lineno)
        note.extend(inline + messages)
        box += note
        return box

    def run(self) -> list[nodes.Node]:
        ident = self.arguments[0]
        if ident != nodes.make_id(ident):
            self.problem(
                "quotation id %r is not a plain ASCII id; use lower-case letters, digits "
                "and hyphens (e.g. %r)",
                ident,
                nodes.make_id(ident),
            )
        text = "\n".join(self.content).strip()
        key = self.options.get("kaynak", "").strip()
        pages = self.options.get("sayfa", "").strip()
        if not text:
            self.problem(
                "quotation %r has no text; put the quoted words inside the directive", ident
            )
            return []
        if not key:
            self.problem("quotation %r has no :kaynak:; give the BibTeX key of the edition", ident)
        elif key not in bib_keys(self.env):
            self.problem(
                "quotation %r cites %r, which is not in references.bib; use one of: %s",
                ident,
                key,
                ", ".join(sorted(bib_keys(self.env))),
            )
            key = ""
        if not pages:
            self.problem("quotation %r has no :sayfa:; give the page(s) of the edition", ident)
        elif wrong := locator_problem(pages, pages_only=True):
            self.problem("quotation %r: :sayfa: %r %s", ident, shown(pages), wrong)
            pages = ""

        path = self.env.doc2path(self.env.docname)
        for line in self.content:
            if cut := DOTTED_CUT.search(line):
                lineno = exact_line(path, self.lineno, line) or self.lineno
                warn(
                    Problem.QUOTATION,
                    "quotation %r marks a cut with %r; write the edition's cut as '[…]', the "
                    "single character … (U+2026) in square brackets (the source's own '…', "
                    "'...' and '(…)' stay as printed)",
                    ident,
                    cut.group(),
                    location=(self.env.docname, lineno),
                )

        quote = nodes.block_quote(classes=["alinti"])
        quote["ids"].append(ident)
        quote["names"].append(ident)
        self.set_source_info(quote)
        self.state.document.note_explicit_target(quote, quote)
        quote.extend(self.parse_content_to_nodes())

        english = is_english(self.config)
        cited = self.english_source(ident)
        sources = [(key, page_locator(pages))] if key and pages else []
        if english and cited is not None:
            # The English words' source first; then the Turkish translation's place, the
            # reading the Turkish edition gives (and its bibliography entry and anchor).
            sources = [(cited[0], page_locator(cited[1])), *sources]
        elif english and not self.options.get("cw", "").strip():
            # Still the Turkish text (untranslated: the page's notice says so) with its
            # Turkish source; once its text is translated, CwCheck requires :cw:.
            quote["cw-missing"] = True
        if sources:
            mark, messages = citation_footnote(
                self.env,
                self.state.inliner,
                self.lineno,
                sources,
                f"the quotation {ident!r}",
                check_locators=False,  # :sayfa: was checked above
                keep=True,  # Lenin's words keep their page in a numbered note
            )
            # Held apart until the page's messages are translated (PlaceCitationMark): a
            # translated paragraph gets the mark its source text never had.
            quote += citation_mark("", *mark, *messages)

        speaker = self.options.get("yazar", "Lenin").strip()
        document = self.options.get("belge", "").strip()
        date = self.options.get("tarih", "").strip()
        if len(speaker) > MAX_SPEAKER:
            self.problem(
                "quotation %r: :yazar: is %d characters long (at most %d); give the speaker's name",
                ident,
                len(speaker),
                MAX_SPEAKER,
            )
        if document and not DOCUMENT_ID.fullmatch(document):
            self.problem(
                "quotation %r: :belge: %r is not a document's id; give the id its entry has "
                "in data/belgeler.yaml (lower-case ASCII and hyphens, e.g. 'kooperasyon')",
                ident,
                shown(document),
            )
            document = ""
        if date and not ((match := TURKISH.match(date)) and match.end() == len(date)):
            self.problem(
                "quotation %r: :tarih: %r is not a date as the pages write it; write "
                "'13 Aralık 1922', '4–6 Ocak 1923' or 'Mart 1923' (or leave it out)",
                ident,
                shown(date),
            )
        attribution = nodes.attribution("", speaker)
        if document:  # the title is the register's (data/belgeler.yaml), linked to its entry
            attribution += nodes.Text(", “")
            attribution += reference(document, domain="edition", reftype="belge")
            attribution += nodes.Text("”")
        if date:
            attribution += nodes.Text(f", {page_date(date)}")
        # :cw-not: is shown in English only; the gettext builder (a Turkish build) extracts it.
        differs = self.options.get("cw-not", "").strip()
        if differs and (english or self.env.app.builder.name == "gettext"):
            quote += self.cw_note(differs)
        quote += attribution

        edition_domain(self.env).note_quotation(
            ident,
            Quotation(
                self.env.docname, self.lineno, key, pages, document, date, " ".join(text.split())
            ),
        )
        return [quote]


def cw_source(value: str) -> tuple[str, str] | str:
    """``"36:594"`` → ("36", "594"); a problem's description when it is not that form."""
    volume, colon, pages = value.partition(":")
    volume, pages = volume.strip(), pages.strip()
    if not colon or not CW_VOLUME.fullmatch(volume):
        return "is not 'volume:page' (e.g. '36:594' or '36:594-596'; volumes 1 to 45)"
    if wrong := locator_problem(pages, pages_only=True):
        return f"has a page part that {wrong}"
    return volume, pages


class citation_mark(nodes.Element):  # noqa: N801 (docutils node naming)
    """A quotation's citation footnote mark before it joins the last paragraph: no message
    of the page (Sphinx translates text elements only)."""


class PlaceCitationMark(SphinxTransform):
    """After Sphinx's Locale (20): the mark joins the quotation's last paragraph, in the
    translated text as in the Turkish (where Locale changes nothing)."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        for holder in list(self.document.findall(citation_mark)):
            quote = holder.parent
            paragraphs = [p for p in quote.findall(nodes.paragraph) if p.parent is quote]
            target = paragraphs[-1] if paragraphs else quote
            target.extend(holder.children)
            quote.remove(holder)


class CwCheck(SphinxTransform):
    """In the English build, after Sphinx's Locale (20): a quotation whose text is
    translated must say where the English Collected Works has it (``:cw:``); the words and
    their citation must agree. Reported at the directive's line (``edition.cw``)."""

    default_priority = 27

    def apply(self, **kwargs: Any) -> None:
        if not is_english(self.config):
            return
        for quote in self.document.findall(nodes.block_quote):
            if not quote.get("cw-missing"):
                continue
            if any(p.get("translated") for p in quote.findall(nodes.paragraph)):
                warn(
                    Problem.CW,
                    "quotation %r is translated but has no :cw:; the English edition quotes "
                    "the Collected Works: add ':cw: <volume>:<page>' (e.g. ':cw: 36:594') "
                    "under its :sayfa:",
                    quote["ids"][0] if quote["ids"] else "?",
                    location=quote,
                )


def note_sections(app: Sphinx, doctree: nodes.document) -> None:
    """Record, for each quotation, the ids of the sections it stands in (innermost first)."""
    domain = edition_domain(app.env)
    for quote in doctree.findall(nodes.block_quote):
        if "alinti" not in quote["classes"] or not quote["ids"]:
            continue
        ids: list[str] = []
        parent = quote.parent
        while parent is not None:
            if isinstance(parent, nodes.section):
                ids.extend(parent["ids"])
            parent = parent.parent
        domain.note_quotation_sections(quote["ids"][0], tuple(ids))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.content.citations")
    app.add_directive("alinti", AlintiDirective)
    app.add_transform(PlaceCitationMark)
    app.add_transform(CwCheck)
    app.connect("doctree-read", note_sections)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
