"""The persons register (``data/kisiler.yaml``): one spelling per person, linked from the pages.

* ``{kisiler}`` renders the register as a glossary: each person is a term anchored at
  ``kisi-<id>`` (so ``{term}``, ``{edition:kisi}`` and Sphinx's index know them) with
  full name, life dates, role, other spellings and the pages that name them.
* Every page is scanned once read. The first mention of a person on a page becomes a
  link to the register and an index entry. A *variant* spelling in the page's own prose
  (say "Dzerzhinsky" for Dzerjinski) is refused at its line, with the spelling to use.
  Quotations keep their source's spelling, and so does a variant between “ ” (an
  editorial note quoting the source's form).
* ``{kisi}`` links a person explicitly (``{kisi}`Troçki``, ``{kisi}`Lev Troçki <trocki>```);
  a name the register does not know is refused: add the person to the data file.

The file is read safely and checked against ``data/schema/kisiler.schema.json`` by
``edition.core.data`` (anchors and aliases, wrong types, over-long texts are refused at their
line, and the entry left out); this module then reports ids, missing and unknown fields,
and a spelling that names two persons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from edition.core import catalogue, words
from edition.core.data import Entry, check_ids, read_entries
from edition.core.domain import edition_domain
from edition.core.language import generated, is_english
from edition.core.lines import exact_line
from edition.core.messages import Problem, warn
from edition.core.xref import reference

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

FIELDS = {"id", "ad", "ad_en", "tam_ad", "yasam", "varyantlar", "kaynakta", "rol"}
#: Text between typographic double quotes: quoted words keep their spelling.
QUOTED = re.compile(r"“[^”]*”")
#: Where spellings are not checked: code, generated bibliography entries, index data.
NO_LINT = (
    nodes.literal,
    nodes.literal_block,
    nodes.raw,
    nodes.citation,
    nodes.comment,
    addnodes.index,
    nodes.target,
    addnodes.glossary,
)
#: Text for one output only (``{only} site``, ``{only} kitap``): a name there is neither
#: linked, indexed nor counted as the page's, since the other outputs do not have it.
ONE_OUTPUT = (addnodes.only,)
#: Where names are not linked either: links already, titles, footnotes, terms.
NO_LINK = (
    *NO_LINT,
    nodes.reference,
    addnodes.pending_xref,
    nodes.footnote,
    nodes.title,
    nodes.term,
    nodes.rubric,
    *ONE_OUTPUT,
)


@dataclass(frozen=True)
class Person:
    ident: str
    location: str
    name: str
    full_name: str
    life: str
    variants: tuple[str, ...]
    source_spelling: str
    role: str
    #: Other spellings that are the edition's too: in the English edition, the Turkish
    #: ``ad`` (a page not yet translated writes it), beside ``ad_en``.
    also: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"kisi-{self.ident}"


def validate(entry: Entry, ident: str, english: bool = False) -> Person | None:
    """The person of an entry; in the English edition (``english``) named by ``ad_en``
    where it has one (the Turkish ``ad`` stays a spelling of the edition)."""
    fields = entry.fields
    ok = True

    def bad(message: str, *args: Any) -> None:
        nonlocal ok
        warn(Problem.DATA, f"person {ident!r}: {message}", *args, location=entry.location)
        ok = False

    for name in sorted(set(fields) - FIELDS):
        bad("unknown field %r; the fields are %s", name, ", ".join(sorted(FIELDS)))
    name = " ".join(str(fields.get("ad", "")).split())
    if not name:
        bad("no 'ad'; give the spelling the edition uses")
    if not str(fields.get("rol", "")).strip():
        bad("no 'rol'; say in a sentence who the person was in 1922–1923")
    variants = fields.get("varyantlar", [])
    if not isinstance(variants, list) or not all(
        isinstance(v, str) and v.strip() for v in variants
    ):
        bad("'varyantlar' must be a list of spellings, e.g. [Trotsky, Trotski]")
        variants = []
    source = str(fields.get("kaynakta", "")).strip()
    if not ok:
        return None
    also: tuple[str, ...] = ()
    english_name = " ".join(str(fields.get("ad_en", "")).split())
    if english and english_name and english_name != name:
        name, also = english_name, (name,)
    return Person(
        ident,
        entry.location,
        name,
        " ".join(str(fields.get("tam_ad", "")).split()),
        str(fields.get("yasam", "")).strip(),
        tuple(v.strip() for v in variants if v.strip() not in (name, *also)),
        source if source not in also else "",
        " ".join(str(fields["rol"]).split()),
        also,
    )


@dataclass
class Register:
    persons: list[Person]
    by_name: dict[str, Person]  #: canonical spelling -> person
    by_variant: dict[str, Person]  #: any other spelling -> person
    pattern: re.Pattern[str] | None  #: every spelling, longest first, as whole words


def load(app: Sphinx, env: BuildEnvironment | None = None, docnames: Any = None) -> None:
    path, entries = read_entries(app, "edition_persons")
    persons = [
        person
        for ident, entry in check_ids(entries, "person").items()
        if (person := validate(entry, ident, is_english(app.config))) is not None
    ]
    by_name: dict[str, Person] = {}
    by_variant: dict[str, Person] = {}
    for person in persons:
        for spelling, registry in [(n, by_name) for n in (person.name, *person.also)] + [
            (v, by_variant)
            for v in (*person.variants, person.source_spelling)
            if v and v != person.name
        ]:
            other = by_name.get(spelling) or by_variant.get(spelling)
            if other is not None and other is not person:
                warn(
                    Problem.DATA,
                    "person %r: the spelling %r already names %r; a spelling can name one person",
                    person.ident,
                    spelling,
                    other.ident,
                    location=person.location,
                )
                continue
            registry[spelling] = person
    spellings = sorted([*by_name, *by_variant], key=len, reverse=True)
    pattern = (
        re.compile(r"\b(" + "|".join(map(re.escape, spellings)) + r")\b") if spellings else None
    )
    app.env.edition_persons_file = path
    app.env.edition_register = Register(persons, by_name, by_variant, pattern)


def register(env: BuildEnvironment) -> Register:
    return getattr(env, "edition_register", Register([], {}, {}, None))


def person_ref(person: Person, text: str) -> addnodes.pending_xref:
    return reference(person.anchor, text, domain="edition", reftype="kisi", explicit=True)


def inside(node: nodes.Node, kinds: tuple[type, ...]) -> bool:
    """Whether ``node`` lies within one of ``kinds`` or within a quotation of Lenin."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        if isinstance(parent, nodes.block_quote) and "alinti" in parent["classes"]:
            return True
        parent = parent.parent
    return False


class ScanPage(SphinxTransform):
    """Refuse variant spellings in the page's prose; link each person's first mention.

    Runs before Sphinx's domains collect the page (850), so that the index entries made
    here reach the general index.
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        scan_page(self.env, self.document)


def scan_page(env: BuildEnvironment, doctree: nodes.document) -> None:
    reg = register(env)
    if reg.pattern is None:
        return
    docname = env.current_document.docname
    linked: set[str] = set()  # persons whose first mention got its link
    mentioned = {  # persons named on the page at all, explicit {kisi} links included
        ref["reftarget"].removeprefix("kisi-")
        for ref in doctree.findall(addnodes.pending_xref)
        if ref.get("refdomain") == "edition" and ref.get("reftype") == "kisi"
    }
    reported: dict[tuple[str, int, str], int] = {}  # variants met so far, per paragraph
    page_source = str(env.doc2path(docname))
    for text in list(doctree.findall(nodes.Text)):
        if inside(text, NO_LINT):
            continue
        may_link = not inside(text, NO_LINK)
        content = str(text)
        unquoted = QUOTED.sub(lambda m: " " * len(m.group()), content)
        pieces: list[nodes.Node] = []
        last = 0
        for match in reg.pattern.finditer(unquoted):
            spelling = match.group()
            if spelling in reg.by_variant:
                person = reg.by_variant[spelling]
                warn(
                    Problem.SPELLING,
                    "%r is not the edition's spelling of %s; write %r (a quotation, or the "
                    "source's form between “ ”, may keep it); see %s",
                    spelling,
                    person.name,
                    person.name,
                    env.config.edition_persons,
                    location=spelling_location(text, spelling, reported, page_source),
                )
                continue
            person = reg.by_name[spelling]
            if inside(text, ONE_OUTPUT):
                continue
            mentioned.add(person.ident)
            if person.ident in linked or not may_link:
                continue
            linked.add(person.ident)
            target = f"kisi-anma-{person.ident}"
            pieces.append(nodes.Text(content[last : match.start()]))
            pieces.append(
                addnodes.index(
                    entries=[("single", headword(person.name), target, "", None)], inline=True
                )
            )
            # The anchor holds the name: an empty one would give the search page nothing
            # to quote, and Sphinx's searchtools.js then fails on it.
            pieces.append(nodes.inline("", "", person_ref(person, spelling), ids=[target]))
            last = match.end()
        if pieces:
            pieces.append(nodes.Text(content[last:]))
            text.parent.replace(text, pieces)
    if mentioned:
        edition_domain(env).note_mentions(docname, sorted(mentioned))


def spelling_location(
    text: nodes.Text,
    spelling: str,
    reported: dict[tuple[str, int, str], int],
    page_source: str,
) -> str | nodes.Node:
    """``file:line`` of this use of a variant (its paragraph may start lines above)."""
    source, start = get_source_line(text.parent)
    if start is None:
        return text.parent
    source = source or page_source
    key = (source, start, spelling)
    occurrence = reported.get(key, 0)
    reported[key] = occurrence + 1
    word = re.compile(rf"(?<!\w){re.escape(spelling)}(?!\w)")
    return f"{source}:{exact_line(source, start, word, occurrence)}"


def kisi_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{kisi}`name``` or ``{kisi}`shown text <id>```: an explicit link to the register."""
    env = inliner.document.settings.env
    lineno = exact_line(env.doc2path(env.current_document.docname), lineno, text) or lineno
    reg = register(env)
    match = re.fullmatch(r"(?P<text>.*?)\s*<(?P<id>[^<>]+)>", text.strip())
    shown, key = (match["text"], match["id"]) if match else (text.strip(), text.strip())
    person = reg.by_name.get(key) or reg.by_variant.get(key)
    person = person or next((p for p in reg.persons if p.ident == key), None)
    if person is None:
        warn(
            Problem.PERSON,
            "%r is not in the persons register; add an entry for this person to %s "
            "(id, ad, rol) or use a name the register gives",
            key,
            env.config.edition_persons,
            location=(env.current_document.docname, lineno),
        )
        return [nodes.inline("", shown)], []
    return [person_ref(person, shown)], []


class KisilerDirective(SphinxDirective):
    """The register: a glossary of persons."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(self.env.edition_persons_file))
        catalogue.note(self.env)  # the English text of the data (data.po)
        reg = register(self.env)
        domain = edition_domain(self.env)
        domain.note_anchored("persons", self.env.docname, ((p.anchor, p.name) for p in reg.persons))
        domain.note_gathering_list(self.env.docname, "kisiler")  # the pages naming each person
        glossary = addnodes.glossary(sorted=False)  # already in Turkish order
        entries = nodes.definition_list(classes=["glossary", "kisiler"])
        glossary += entries
        source, line = self.get_source_info()
        for person in sorted(reg.persons, key=lambda p: collation(surname_first(p.name))):
            item = nodes.definition_list_item()
            term = make_glossary_term(
                self.env,
                [nodes.Text(headword(person.name))],
                None,
                source,
                line,
                person.anchor,
                self.state.document,
            )
            item += term
            definition = nodes.definition()
            if person.full_name or person.life:
                ident = ", ".join(part for part in (person.full_name, person.life) if part)
                definition += nodes.paragraph("", ident + ".", classes=["kisi-kimlik"])
            definition += nodes.paragraph("", person.role)
            others = (
                [words.SOURCE_SPELLING.format(spelling=person.source_spelling)]
                if person.source_spelling
                else []
            )
            others += person.variants
            if others:
                definition += nodes.paragraph(
                    "", words.OTHER_SPELLINGS + ", ".join(others) + ".", classes=["kisi-yazimlar"]
                )
            definition += person_mentions(ident=person.ident)
            item += definition
            entries += item
        return generated([glossary])


def headword(name: str) -> str:
    """ "Gönül Özen Sezer" is filed as "Sezer, Gönül Özen": the surname the reader looks
    for comes first, as in a printed register; a single name stays as it is."""
    *given, surname = name.split()
    return f"{surname}, {' '.join(given)}" if given else surname


def surname_first(name: str) -> str:
    """ "Gönül Özen Sezer" sorts as "Sezer Gönül Özen": the register is ordered by surname."""
    *given, surname = name.split()
    return " ".join([surname, *given])


def collation(text: str) -> Any:
    from edition.core.turkish import collation_key

    return collation_key(text)


class person_mentions(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by links to the pages that name the person ``ident``."""


class LinkMentions(SphinxPostTransform):
    """List, under each person of the register, the pages that name them."""

    default_priority = ReferencesResolver.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        mentions = edition_domain(self.env).data["mentions"]
        for node in list(self.document.findall(person_mentions)):
            pages = sorted(d for d, ids in mentions.items() if node["ident"] in ids)
            if not pages:
                node.replace_self([])
                continue
            # The PDF prints the book's pages instead (edition.pdf.builder reads
            # "person_pages"; the HTML writers ignore an attribute they do not know).
            para = nodes.paragraph(classes=["kisi-sayfalar"], person_pages=node["ident"])
            para += nodes.Text(words.PAGES_NAMING)
            for index, docname in enumerate(pages):
                if index:
                    para += nodes.Text(", ")
                para += reference(
                    "/" + docname,
                    docname,
                    reftype="doc",
                    refdoc=self.env.current_document.docname,
                )
            para += nodes.Text(".")
            node.replace_self(para)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("kisiler", KisilerDirective)
    app.add_role("kisi", kisi_role)
    app.add_post_transform(LinkMentions)
    app.connect("env-before-read-docs", load)
    app.add_transform(ScanPage)
    return {
        "version": "1",
        "env_version": 3,  # 2: index entries filed by surname; 3: none in {only} text
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
