"""Build the edition's PDF with Typst: the ``typstpdf`` builder, node handlers, offline compilation.

sphinxcontrib-typstbuilder writes a Typst source; this module adds what the edition
needs on top of it:

* the project's own template (``typst/edition.typ``), because the library's templates
  import ``@preview`` packages that Typst would download at compile time;
* handlers the library's translator lacks or gets wrong for us: footnotes whose ids
  collide once the pages are joined into one book, MyST's footnote separator, the
  bibliography list, sphinx-design cards and grids, the first number of an ordered list;
* page references: every internal link carries the page its target is printed on, and
  the book ends with a general index of persons and documents whose page numbers Typst
  computes after layout (see "Page references and the general index" below);
* compilation with the ``typst`` wheel, with the compiler's embedded fonts only (the
  output does not depend on the fonts of the machine) and the date of the last
  commit, so that the same sources give the same PDF.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from edition.checks.anchors import current_anchors, recorded_moves
from edition.core import words
from edition.core.domain import ANCHOR_PREFIX, edition_domain
from edition.core.git import source_epoch
from edition.core.messages import Problem, warn
from edition.core.turkish import collation_key, day_text
from edition.registers.persons import NO_LINT, headword, register, surname_first
from edition.upstream.bibtex import bibliography_anchors
from edition.upstream.typst import TypstBuilder, TypstTranslator, escape_str, to_str_list

if TYPE_CHECKING:
    from collections.abc import Set

    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

    from edition.core.releases import Status

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "typst"
#: Closing quotation marks that end a quoted title a link holds (see depart_reference).
CLOSING_MARKS = "”»"
#: Where a person's name is not marked for the index: where the register does not look for
#: names (code, its own entries), except the bibliography's entries, and titles.
UNMARKED = (*(kind for kind in NO_LINT if kind is not nodes.citation), nodes.title)


class EditionTypstTranslator(TypstTranslator):
    """The library's Typst translator, with the handlers the edition's pages need.

    Calls the library's internal helpers listed in ``edition.upstream.typst``.
    """

    def __init__(self, document: nodes.document, builder: TypstBuilder) -> None:
        super().__init__(document, builder)
        self.outer_levels: list[int] = []
        self.trimmed = set()
        self.printed_footnotes: dict[str, str] = {}  # footnote -> label of the mark printing it

    # Pages joined into one book. Each page starts on a new page of the book, and its
    # title is a chapter (level 1) wherever its toctree sits: the library would nest a
    # page under the section that holds the toctree.

    runs = 0  # runs of pages begun so far (the template begins run 0)

    def visit_start_of_file(self, node: Element) -> None:
        # A new run of pages: its text ends before the break, its page length can be fitted
        # (edition.typ, "Page fill"; TypstPDFBuilder.compile_pdf).
        self.runs += 1
        self.curr_element().body.append(
            f"#run-end()#pagebreak(weak: true)\n#set page(..run-page({self.runs}))\n"
            f"#run-start({self.runs})\n"
        )
        self.outer_levels.append(self.sectionlevel)
        self.sectionlevel = 0
        super().visit_start_of_file(node)

    def depart_start_of_file(self, node: Element) -> None:
        super().depart_start_of_file(node)
        self.sectionlevel = self.outer_levels.pop()

    # Footnotes. Docutils numbers footnote ids per page ("id1", "n1"), and the library
    # keys footnote text by that bare id, so the second page's note 1 would show the
    # first page's text. Keying by the page-qualified label keeps them apart.
    #
    # A footnote the page marks several times (edition.content.citations gives sentences
    # citing the same place one footnote) is printed once in the chapter, at its first
    # mark, as the site shows it once at the page's end; every later mark carries the same
    # number (Typst's footnote(<label>)), so that the same text never stands twice at the
    # foot of a page, nor on two pages of a chapter.

    def visit_footnote_reference(self, node: Element) -> None:
        key = self.label_ref(node["refid"])
        printed = self.printed_footnotes
        if key in printed:
            body = f"label({escape_str(printed[key])})"
        else:
            body = f"footnote-content({escape_str(key)})"
        self.append_inline_fun(node, name="footnote", positional_params=[body])
        self.absorb_fun_in_body()
        if key not in printed:
            name = f"{key}@{node['ids'][0]}"  # unique in the book: a mark's own id
            self.curr_element().body.append(f"#label({escape_str(name)})")
            printed[key] = name
        raise nodes.SkipNode

    def visit_footnote(self, node: Element) -> None:
        key = escape_str(self.label_ref(node["ids"][0]))
        self.append_block_fun(node, name="register_footnote", positional_params=[key])

    def visit_transition(self, node: Element) -> None:
        if "footnotes" in node["classes"]:
            raise nodes.SkipNode  # MyST's rule above a page's notes; Typst sets its own
        super().visit_transition(node)

    # Non-breaking spaces. The text Typst gets ties an abbreviation that announces a number
    # ("s. 12", "c. 45", "pp. 605") and a number and its unit ("12 cm", "%" excepted: Turkish
    # writes "%12") together, so that no line ends with "s." or a bare number (the sources
    # in docs/ stay as they are). Literal text (code) is left alone.

    # (done in visit_Text below, with the index marks)

    # Definition lists (the registers: persons, the quotation index). A headword is kept
    # with its description, never left alone at the foot of a page (edition.typ, headword).

    def visit_definition_list(self, node: Element) -> None:
        self.append_block_fun(node, name="definitions", named_params={"tight": "false"})

    def visit_definition_list_item(self, node: Element) -> None:
        self.append_block_code_fun(node, name="headword")

    # Ordered lists. The library writes every one as ``enum(...)``, numbered from 1; a list
    # that starts elsewhere (a list carried on after a block of code, "3." after "2.")
    # keeps its first number, as on the site.

    def visit_enumerated_list(self, node: Element) -> None:
        start = node.get("start", 1)
        params = {"start": str(int(start))} if start != 1 else {}
        self.append_block_fun(node, name="enum", named_params=params)

    # sphinx-design. Grids become a plain sequence; a card becomes a framed block with
    # its title on a line of its own, linked where the card links.

    def visit_container(self, node: Element) -> None:
        component = node.get("design_component")
        if component == "card":
            params = {}
            link = node.next_node(
                lambda n: isinstance(n, nodes.reference) and "sd-stretched-link" in n["classes"]
            )
            if link is not None and "refuri" in link:
                if link.get("internal"):
                    params["target"] = escape_str(self.label_ref(link["refuri"]))
                else:
                    params["url"] = escape_str(link["refuri"])
            self.append_block_fun(node, name="card", named_params=params)
        elif component == "card-title":
            self.append_markup_arg(node)
        elif component:
            self.add_pending_labels(node["ids"])
        elif "literal-block-wrapper" in node["classes"]:
            super().visit_container(node)
        else:  # the template styles it by class (e.g. the conclusions list of a theme page)
            self.append_block_fun(
                node, name="container", named_params={"classes": to_str_list(node["classes"])}
            )

    def depart_container(self, node: Element) -> None:
        component = node.get("design_component")
        if component == "card":
            self.absorb_fun_in_body()
        elif component == "card-title":
            title = self.pop_el()
            self.curr_element().named_params["title"] = title
        elif not component:
            self.absorb_fun_in_body()

    # -- Page references and the general index (issue 18) ---------------------------
    #
    # The library writes every internal reference as ``internal-link(label)[text]``; the
    # template's ``internal-link`` prints the page its target lands on after it,
    # "(s. 11)", as the reader sees that page numbered (edition.typ, "Page references").
    # Here, the references that must not carry a page are told apart, and the places the
    # general index points to are marked with ``index-mark(key)``: every mention of a
    # person of the register ("kisi:<id>"), and every quotation of, reference to and
    # register entry of one of Lenin's documents ("belge:<id>"). The index itself is
    # written at the end of the book from the registers, in Turkish order; its page
    # numbers are Typst's, computed from the marks after layout.

    def visit_reference(self, node: Element) -> None:
        target = self.reference_target(node)
        if target is not None and target in self.citation_labels():
            # A short citation (in a note or the quotation index): a book refers to its
            # bibliography by author and title; a page number of the book next to the
            # cited work's "s. 180" would be misread as the work's own page.
            self.append_inline_fun(node, name="inline")
            self.in_citation += 1
            return
        if target is not None and target in self.person_labels():
            # A person's name, linked on the site to the register at its first mention on
            # each page: in print it stays a name ("Lenin (s. 47)’in" would break the
            # sentence), and the general index leads from it to every page.
            self.append_inline_fun(node, name="inline")
            return
        super().visit_reference(node)
        if target is not None and target in self.document_labels():
            self.mark_index("belge:" + self.document_labels()[target])

    def depart_reference(self, node: Element) -> None:
        target = self.reference_target(node)
        if target is not None and target in self.citation_labels():
            self.in_citation -= 1
        elif target is not None and target not in self.person_labels():
            # A title in quotation marks ("“Kooperatifçilik Üzerine”") links its words
            # only; its closing mark joins the link so that the page follows the title
            # rather than standing inside its quotation marks.
            after = node.next_node(descend=False, siblings=True)
            if isinstance(after, nodes.Text) and after.astext()[:1] in CLOSING_MARKS:
                self.curr_element().body.append("#" + escape_str(after.astext()[0]))
                self.trimmed.add(id(after))
        super().depart_reference(node)  # closes the link, or the text standing for it

    in_citation = 0  # inside a short citation: its author is not a mention for the index

    def reference_target(self, node: Element) -> str | None:
        """The label an internal reference leads to, as the library writes it."""
        if not (node.get("internal", False) or "refid" in node):
            return None
        return self.label_ref(node.get("refuri") or node["refid"])

    def citation_labels(self) -> set[str]:
        if self._citations is None:
            env = self.builder.env
            self._citations = {f"%{doc}#{ident}" for doc, ident in bibliography_anchors(env)}
        return self._citations

    def document_labels(self) -> dict[str, str]:
        """Label of each document's register entry -> the document's id."""
        if self._documents is None:
            anchored = edition_domain(self.builder.env).data["documents"]
            prefix = ANCHOR_PREFIX["belge"]
            self._documents = {
                f"%{place.docname}#{prefix}{ident}": ident for ident, place in anchored.items()
            }
        return self._documents

    def person_labels(self) -> set[str]:
        if self._persons is None:
            anchored = edition_domain(self.builder.env).data["persons"]
            self._persons = {f"%{place.docname}#{anchor}" for anchor, place in anchored.items()}
        return self._persons

    _citations: set[str] | None = None
    _persons: set[str] | None = None
    trimmed: set[int]  # Text nodes whose first character a link took (depart_reference)
    _documents: dict[str, str] | None = None

    def mark_index(self, key: str) -> None:
        self.curr_element().body.append(f"#index-mark({escape_str(key)})")

    def visit_section(self, node: Element) -> None:
        super().visit_section(node)
        for ident in node["ids"]:  # a document's entry in the register
            document = self.document_labels().get(self.label_ref(ident))
            if document is not None:
                self.mark_index("belge:" + document)

    def visit_block_quote(self, node: Element) -> None:
        super().visit_block_quote(node)
        if "alinti" in node["classes"] and node["ids"]:
            quotation = edition_domain(self.builder.env).quotations.get(node["ids"][0])
            if quotation is not None and quotation.document:
                self.mark_index("belge:" + quotation.document)

    def visit_Text(self, node: nodes.Text) -> None:  # noqa: N802 (docutils' name)
        """The text, with an index mark after each person's name it holds.

        Every spelling the register knows counts, in prose, notes, tables and quotations
        alike, and in the bibliography's entries; not in titles (Typst repeats them in the
        contents and running heads, marks and all), code, the register's own entries, nor
        the authors of short citations (a note's "Turan ve Almış, …" on every page).
        """
        text = node.astext()
        if id(node) in self.trimmed:  # its first character went into the link before it
            self.trimmed.discard(id(node))
            text = text[1:]
        if not isinstance(node.parent, nodes.literal | nodes.literal_block):
            text = tie(text)  # the non-breaking spaces (above)
        body = self.curr_element().body
        reg = register(self.builder.env)
        last = 0
        if reg.pattern is not None and not self.in_citation and not self.unmarked(node):
            for match in reg.pattern.finditer(text):
                person = reg.by_name.get(match.group()) or reg.by_variant[match.group()]
                body.append("#" + escape_str(text[last : match.end()]))
                body.append(f"#index-mark({escape_str('kisi:' + person.ident)})")
                last = match.end()
        if last < len(text) or not text:
            body.append("#" + escape_str(text[last:]))

    @staticmethod
    def unmarked(node: nodes.Node) -> bool:
        parent = node.parent
        while parent is not None:
            if isinstance(parent, UNMARKED):
                return True
            parent = parent.parent
        return False

    def visit_paragraph(self, node: Element) -> None:
        """The persons register's "Geçtiği sayfalar": in print, the pages of the book."""
        person = node.get("person_pages")
        if person is None:
            super().visit_paragraph(node)
            return
        super().visit_paragraph(node)
        lead = escape_str(words.PAGES_NAMING_IN_PRINT)
        self.curr_element().body.append(
            f'#index-pages({escape_str("kisi:" + person)}, lead: {lead}, end: ".")'
        )
        self.depart_paragraph(node)
        raise nodes.SkipNode

    def depart_document(self, node: Element) -> None:
        self.curr_element().body.append("#run-end()\n")  # the end of the last run (page fill)
        entries = general_index(self.builder.env)
        if entries:
            self.curr_element().body.append(f"\n#general-index({entries})\n")
        super().depart_document(node)

    def visit_PassthroughTextElement(self, node: Element) -> None:  # noqa: N802 (node name)
        link = node.next_node(nodes.reference)
        if link is not None and "sd-stretched-link" in link["classes"]:
            raise nodes.SkipNode  # the card's whole-surface link: the title carries it

    def depart_PassthroughTextElement(self, node: Element) -> None:  # noqa: N802
        pass


def general_index(env: BuildEnvironment) -> str:
    """The general index as a Typst dictionary: its words and, per part, the headwords in
    Turkish order with their index keys and initial letters; empty when there is none.

    Persons are filed by surname ("Sezer, Gönül Özen"), documents by their title. The
    pages are not here: Typst finds them from the marks (``index-mark``) after layout.
    """

    def part(title: str, items: list[tuple[str, str]]) -> str:
        rows = ",".join(
            f"(head: {escape_str(head)}, key: {escape_str(key)}, "
            f"letter: {escape_str(initial(head))})"
            for head, key in items
        )
        return f"(title: {escape_str(title)}, entries: ({rows},))"

    persons = sorted(register(env).persons, key=lambda p: collation_key(surname_first(p.name)))
    documents = edition_domain(env).data["documents"]
    titled = sorted(documents.items(), key=lambda item: collation_key(item[1].title))
    parts = []
    if persons:
        parts.append(
            part(words.INDEX_PERSONS, [(headword(p.name), "kisi:" + p.ident) for p in persons])
        )
    if titled:
        parts.append(
            part(words.INDEX_DOCUMENTS, [(place.title, "belge:" + i) for i, place in titled])
        )
    if not parts:
        return ""
    return (
        f"(title: {escape_str(words.INDEX_TITLE)}, note: {escape_str(words.INDEX_NOTE)}, "
        f"parts: ({','.join(parts)},))"
    )


def initial(head: str) -> str:
    """The letter a headword is filed under, in capitals the Turkish way (i → İ)."""
    first = next((c for c in head if c.isalnum()), "")
    return first.replace("i", "İ").upper()


#: Abbreviations that stand before a number: page(s), volume, number.
NUMBERED = r"(?:s|ss|c|pp|p|vol|Vol|no|No|Nr|sy|sf)\."
#: Units that stand after a number.
UNITS = r"(?:mm|cm|km|kg|ml|pt|KB|kB|MB|GB|TB|px)"
TIES = re.compile(rf"(?<!\w)({NUMBERED})\s+(?=\d)|(?<=\d)\s+(?={UNITS}(?!\w))")


def tie(text: str) -> str:
    """The text with a non-breaking space after "s." (and its like) and before a unit."""
    return TIES.sub(lambda m: (m[1] or "") + "\u00a0", text)


#: The template's words and its text language, as edition.typ writes them (Turkish).
TEMPLATE_WORDS = re.compile(r"^#let words = \(\n(?:  .*\n)*?\)$", re.M)
TEMPLATE_LANGUAGE = re.compile(r'^(\s*)lang: "tr",\n(\s*)region: "TR",$', re.M)


def book_language(template: Path) -> None:
    """The copied template in the build's language: its words (``words.BOOK_WORDS``) and
    Typst's ``lang`` and ``region`` (hyphenation and quotation marks); the Turkish book's
    template is written as it is."""
    if words.TURKISH_WORDS["BOOK_WORDS"] == words.BOOK_WORDS or not template.is_file():
        return
    text = template.read_text(encoding="utf-8")
    table = "".join(f"  {key}: {escape_str(value)},\n" for key, value in words.BOOK_WORDS.items())
    lang, region = words.BOOK_LANGUAGE
    text, found = TEMPLATE_WORDS.subn(lambda m: f"#let words = (\n{table})", text, count=1)
    text, set_lang = TEMPLATE_LANGUAGE.subn(
        lambda m: f'{m[1]}lang: "{lang}",\n{m[2]}region: "{region}",', text, count=1
    )
    if not (found and set_lang):
        warn(
            Problem.PDF,
            "the template's words or text language are not where book_language() looks; "
            "update it with pdf/typst/edition.typ",
            location=str(template),
        )
    template.write_text(text, encoding="utf-8")


class TypstPDFBuilder(TypstBuilder):
    """Writes the Typst source of each book in ``typst_documents``, then compiles it to PDF."""

    name = "typstpdf"
    format = "typst"
    epilog = "The PDF is in %(outdir)s."
    default_translator_class = EditionTypstTranslator

    def write_documents(self, docnames: Set[str]) -> None:
        super().write_documents(docnames)
        for document in self.config.typst_documents:
            self.compile_pdf(document["targetname"])

    def compile_pdf(self, targetname: str) -> Path | None:
        """Compile the book; a failure is one located error (no traceback), and no PDF."""
        import typst

        folder = Path(self.outdir) / targetname
        source = folder / f"{targetname}.typ"
        output = Path(self.outdir) / f"{targetname}.pdf"
        book_language(folder / "templates" / "edition.typ")
        try:
            compiler = typst.Compiler(
                str(source),
                root=str(folder),
                font_paths=[],
                ignore_system_fonts=True,  # embedded fonts only: the same PDF on every machine
            )
            warnings = fit_runs(compiler, output, source_epoch(Path(self.confdir)))
            spots = json.loads(compiler.query("<edition-anchors>", field="value", one=True))
        except typst.TypstError as error:
            hints = "".join(f" (hint: {hint})" for hint in error.hints)
            self.fail(f"{source}:1", f"Typst cannot compile the book: {error.message}{hints}")
            return None
        except OSError as error:  # the machine's fault, not the pages'
            self.fail(f"{output}:1", f"cannot write the PDF ({error}); make the path writable")
            return None
        for warning in warnings:
            warn(
                Problem.PDF,
                "Typst: %s %s",
                warning.message,
                warning.diagnostic,
                location=str(source),
            )
        try:
            add_named_destinations(output, spots, self.destination_names())
            separate_hyphens(output)
        except OSError as error:
            self.fail(f"{output}:1", f"cannot rewrite the PDF ({error}); make it writable")
            return None
        logger.info("PDF written: %s", output)
        return output

    failed = False

    def fail(self, location: str, message: str) -> None:
        warn(Problem.PDF, message, location=location, error=True)
        self.failed = True

    def destination_names(self) -> list[tuple[str, str]]:
        """(Typst label, PDF name) for each published anchor.

        A page is named by its docname and a fragment by its id, so ``<pdf>#nameddest=<id>``
        opens the passage ``<page>.html#<id>`` shows. An anchor recorded as moved in
        anchors-removed.txt keeps its name, at the place of its replacement.
        """

        def label(anchor: str) -> str:
            return "%" + anchor

        pairs = [
            (label(f"{docname}#{ident}" if ident else docname), ident or docname)
            for docname, ident in current_anchors(self.env).values()
        ]
        moves = recorded_moves(Path(self.confdir), self.config.edition_anchors_removed)
        pairs += [(label(new), old.partition("#")[2] or old) for old, (_, new) in moves.items()]
        return pairs


# -- Page fill ---------------------------------------------------------------------------

#: Lines a run's pages are made longer (+) or shorter (-), tried in this order while the
#: run's last page holds too few lines (edition.typ, "Page fill").
FIT_STEPS = (1, -1, 2, -2)
#: The fewest lines of text a page at the end of a run may hold.
FEWEST_LINES = 3


def short_runs(runs: dict) -> dict[int, float]:
    """The runs whose last page holds text but fewer than FEWEST_LINES lines of it."""
    short = {}
    for start, end in zip(runs["starts"], runs["ends"], strict=True):
        lines = (end["y"] - runs["top"]) / runs["baseline"]
        if end["page"] > start["page"] and lines < FEWEST_LINES - 0.5:
            short[start["run"]] = lines
    return short


def fit_runs(compiler, output: Path, timestamp: int | None) -> list:
    """Compile the book, fitting the page length of each run that ends on a near-empty page.

    A run is fitted on its own (it starts on a new page, so no other run moves with it):
    each short one tries FIT_STEPS in turn until its last page is full enough, or keeps
    the last step tried. Returns the warnings of the final compilation.
    """
    fit: dict[str, int] = {}
    tried: dict[str, int] = {}
    while True:
        _, warnings = compiler.compile_with_warnings(
            output=str(output),
            timestamp=timestamp,
            sys_inputs={"edition-fit": json.dumps(fit, sort_keys=True)},
            # PDF/UA-1: Typst checks the tags it writes against the standard's
            # machine-checkable rules and fails the build where they are broken
            pdf_standards=["ua-1"],
        )
        runs = json.loads(compiler.query("<edition-runs>", field="value", one=True))
        changed = False
        for run in short_runs(runs):
            key = str(run)
            step = tried.get(key, 0)
            if step < len(FIT_STEPS):
                fit[key] = FIT_STEPS[step]
                tried[key] = step + 1
                changed = True
        if not changed:
            return warnings


def add_named_destinations(pdf: Path, spots: list[dict], pairs: list[tuple[str, str]]) -> None:
    """Give the PDF a named destination (/XYZ, at the passage) for each (label, name) pair."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    first: dict[str, dict] = {}
    for spot in spots:
        first.setdefault(spot["label"], spot)
    reader = PdfReader(pdf)
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # Typst's PDF 1.7 (PDF/UA-1), not pypdf's 1.3
    named: set[str] = set()
    for label, name in sorted(pairs, key=lambda pair: pair[1]):
        spot = first.get(label)
        if spot is None or name in named:
            continue
        named.add(name)
        page = spot["page"] - 1
        height = float(writer.pages[page].mediabox.height)
        writer.add_named_destination(name, page, Fit.xyz(left=spot["x"], top=height - spot["y"]))
    with pdf.open("wb") as out:
        writer.write(out)


# -- Copy-out of hyphens -----------------------------------------------------------------
#
# Typst draws the hyphen of a line-end break with the font's hyphen glyph, the glyph of a
# real hyphen too, and a glyph has one text in a font's ToUnicode map: the first use in
# the book decides it (a soft hyphen U+00AD if a line-end break came first), and every use
# that differs carries its own text as an /ActualText span. Readers that follow ActualText
# (poppler, Acrobat) copy the words right; readers that go by ToUnicode alone (pypdf, many
# search indexers) gave "self\u00adassurance" for "self-assurance". Each such span is
# therefore set in a twin of its font (the same font program, another ToUnicode) whose map
# gives the span's text, so that the map alone tells a line-end hyphen (U+00AD, which the
# PDF standard reserves for it) from a real one ("-").

HYPHENS = ("-", "\u00ad")


def separate_hyphens(pdf: Path) -> None:
    """Rewrite the PDF so that every hyphen reads back, by ToUnicode, as what it is."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, NameObject

    reader = PdfReader(pdf)
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    twins: dict[tuple[int, bytes, str], tuple[NameObject, object]] = {}  # see twin_font()
    maps: dict[int, dict[bytes, str]] = {}  # ToUnicode maps read so far, by font
    for page in writer.pages:
        fonts = page["/Resources"].get("/Font")
        if not fonts:
            continue
        fonts = fonts.get_object()
        raw = page.get_contents()
        if raw is None or b"/ActualText" not in raw.get_data():
            continue  # (parsing a page's content is the slow part)
        content = ContentStream(raw, writer)
        operations = []
        font, size, spans, restore, changed = None, None, [], False, False
        for operands, operator in content.operations:
            operations.append((operands, operator))
            if operator == b"Tf":
                font, size = operands
            elif operator in (b"BDC", b"BMC"):
                properties = operands[1] if len(operands) > 1 else None
                actual = properties.get("/ActualText") if hasattr(properties, "get") else None
                spans.append(str(actual) if actual is not None else None)
            elif operator == b"EMC" and spans:
                spans.pop()
                if restore:
                    operations.append(([font, size], b"Tf"))
                    restore = False
            elif operator == b"Tj" and spans and spans[-1] in HYPHENS and font in fonts:
                code = glyph_code(operands[0])
                mapped = tounicode(fonts.raw_get(font), maps).get(code)
                if mapped not in HYPHENS or mapped == spans[-1]:
                    continue
                twin = twin_font(writer, fonts, font, code, spans[-1], twins)
                operations[-1:] = [([twin, size], b"Tf"), (operands, operator)]
                restore = changed = True
        if changed:
            content.operations = operations
            page.replace_contents(content)
    with pdf.open("wb") as out:
        writer.write(out)


def glyph_code(string) -> bytes:
    """The bytes a text-showing operator shows (pypdf decodes some strings as text)."""
    return bytes(getattr(string, "original_bytes", None) or string)


def tounicode(font, maps: dict[int, dict[bytes, str]]) -> dict[bytes, str]:
    """A font's ToUnicode map (its single mappings), code -> text; read once into maps."""
    key = font.idnum
    cmap = font.get_object().get("/ToUnicode")
    if cmap is None:
        return {}
    if key not in maps:
        text = cmap.get_object().get_data().decode("latin-1")
        maps[key] = {
            bytes.fromhex(code): bytes.fromhex(value).decode("utf-16-be")
            for code, value in re.findall(r"^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*$", text, re.M)
        }
    return maps[key]


def twin_font(writer, fonts, name, code: bytes, text: str, twins: dict):
    """The name, in this page's resources, of a twin of font ``name`` mapping ``code`` to
    ``text``: made once for the book, added to each page that uses it. twins: (font,
    code, text) -> (name, reference) of the twins made so far."""
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    from edition.upstream.pypdf import add_object

    original = fonts.raw_get(name)  # the reference (indexing would resolve it)
    key = (original.idnum, code, text)
    if key not in twins:
        font = original.get_object()
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        value = text.encode("utf-16-be").hex().upper()
        cmap = re.sub(
            rf"^<{code.hex()}>\s*<[0-9A-Fa-f]+>\s*$",
            f"<{code.hex().upper()}> <{value}>",
            cmap,
            flags=re.M | re.I,
        )
        stream = DecodedStreamObject()
        stream.set_data(cmap.encode("latin-1"))
        twin = DictionaryObject(font)
        twin[NameObject("/ToUnicode")] = add_object(writer, stream.flate_encode())
        twins[key] = (
            NameObject(f"{name}-{'soft' if text == HYPHENS[1] else 'hard'}"),
            add_object(writer, twin),
        )
    twin_name, reference = twins[key]
    fonts[twin_name] = reference
    return twin_name


def configure(app: Sphinx, config: Config) -> None:
    """Point the Typst builder at the edition's template and date the book reproducibly
    (the imprint comes once the builder is known: :func:`add_imprint`)."""
    config.typst_templates_path = [str(TEMPLATES), *config.typst_templates_path]
    epoch = source_epoch(Path(app.confdir))
    if epoch is not None:
        config.typst_date = datetime.fromtimestamp(epoch, tz=UTC).date()
    elif not isinstance(config.typst_date, date):
        config.typst_date = date.today()


def add_imprint(app: Sphinx) -> None:
    """The imprint of the book (the PDF's only): the release it is the text of needs the
    change record and git, which a build of the site or the EPUB does not ask for."""
    if app.builder.name != TypstPDFBuilder.name:
        return
    from edition.core.releases import read, status

    config = app.config
    confdir = Path(app.confdir)
    record = read(confdir / config.edition_changes)
    state = status(confdir, config.release, record, frozen=config.edition_frozen)
    for document in config.typst_documents:
        metadata = document.setdefault("metadata", {})
        metadata["imprint"] = imprint(config, config.typst_date, state)


# -- The imprint page (words: edition.core.words IMPRINT_*) ------------------------------
# The page after the title page says who made the book and from what, its version (the
# date of the last commit), its licence and the rights in the quotations, the site's
# address when html_baseurl is set, and how to cite it. It is made here from the settings,
# not written into the template; the template (typst/edition.typ, "imprint") only sets it.


def runs(text: str) -> list[tuple[str, bool]]:
    """``text`` as (words, italic) runs: ``*…*`` marks italics."""
    return [(part, bool(at % 2)) for at, part in enumerate(text.split("*")) if part]


def imprint(config: Config, when: date, state: Status | None = None) -> dict[str, object]:
    """The imprint's paragraphs, each a list of (text, italic) runs, and its citation; the
    version is the release's number when the book is a release's text (core/releases.py),
    else its date as development text."""
    author, project = config.author, config.project
    shown = day_text(when)
    if state is not None and state.released and state.entry is not None:
        day = state.entry.day
        shown = f"{state.number}, {day_text(day)}"
    address = config.html_baseurl
    paragraphs = [
        words.IMPRINT_RESPONSIBILITY.format(author=author),
        words.IMPRINT_BASIS,
        words.IMPRINT_VERSION.format(date=shown),
        words.IMPRINT_LICENCE.format(url=words.LICENCE_URL),
        words.IMPRINT_RIGHTS,
    ]
    if address:
        paragraphs.append(words.IMPRINT_ADDRESS.format(url=address))
    citation = words.CITE_PDF.format(
        author=author, project=project, date=shown, at=f", {address}" if address else ""
    )
    return {
        "paragraphs": [runs(paragraph) for paragraph in paragraphs],
        "cite": words.IMPRINT_CITE,
        "citation": runs(citation),
    }


def fail_without_pdf(app: Sphinx, exception: Exception | None) -> None:
    """A build that wrote no PDF fails, with or without -W."""
    if exception is None and getattr(app.builder, "failed", False):
        app.statuscode = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("sphinxcontrib_typstbuilder")
    app.setup_extension("edition.checks.anchors")  # the anchors that become named destinations
    app.add_builder(TypstPDFBuilder)
    app.connect("config-inited", configure)
    app.connect("builder-inited", add_imprint)
    app.connect("build-finished", fail_without_pdf)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
