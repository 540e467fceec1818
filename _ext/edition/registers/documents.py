"""The documents register (``data/belgeler.yaml``): Lenin's writings the edition quotes or
discusses, with their places in the standard editions and the addresses of their full texts.

``{belgeler}`` renders the register on one page, in date order: one section per document,
anchored at its id, with its Russian title, date, addressee, how it was produced (where
known), first publication, a concordance (the Turkish editions' pages where the edition
quotes it; PSS volume and pages; Collected Works volume and pages), each value with what it
rests on, the links to the full texts, and the quotations and chronology entries that
name it. A value nobody has verified is left out of the file, and the page says so
("bilinmiyor / doğrulanmadı").

Every ``{alinti}`` names its document by the register's id (``:belge: kooperasyon``), and so
may a chronology entry (``belge:``); both become links to the document's section. Once all
pages are read, a quotation or entry naming an id the register lacks fails the build at
its line. A full text's address must be ``https`` on a host listed in
``data/belge-adresleri.txt`` (one per line), else the entry's line is reported; it says
where the text is (``yer``): the archive itself, a mirror of it, another site's
transcription of the Collected Works, or a copy of an archive page, and the page names
it so. English and Russian texts without a verified address are said to be unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from edition.core import catalogue, words
from edition.core.data import Entry, check_ids, parse_iso, read_entries
from edition.core.domain import ANCHOR_PREFIX as PREFIXES
from edition.core.domain import edition_domain
from edition.core.language import generated
from edition.core.lines import read_utf8
from edition.core.messages import Problem, warn
from edition.core.turkish import incipit, page_locator, page_range, turkish_date
from edition.core.xref import reference
from edition.registers.chronology import chronology_ref, events

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


ANCHOR_PREFIX = PREFIXES["belge"]
MIA_HOST = "www.marxists.org"  #: the Marxists Internet Archive (``yer: mia``)


@dataclass(frozen=True)
class Place:
    """A document's place in a standard edition, and what that rests on."""

    edition: str  #: "pss" or "cw" (words.STANDARD_EDITIONS)
    volume: int
    pages: str
    basis: str  #: where it was read: a "Source:" line, a volume's contents


@dataclass(frozen=True)
class Part:
    """A part of a document written over several days, with its PSS pages."""

    name: str
    start: tuple[int, int, int]
    end: tuple[int, int, int] | None
    pages: str
    basis: str


@dataclass(frozen=True)
class Address:
    language: str  #: "en", "ru" or "tr"
    url: str
    basis: str
    place: str = "mia"  #: words.FULL_TEXT_PLACES: the archive itself, a mirror, a copy


@dataclass(frozen=True)
class Document:
    ident: str
    location: str  #: data file and line, for messages
    title: str
    russian: str
    start: tuple[int, int, int]
    end: tuple[int, int, int] | None
    addressee: str
    writing: str
    first_published: str
    places: tuple[Place, ...]
    parts: tuple[Part, ...]
    addresses: tuple[Address, ...]
    note: str

    @property
    def date_text(self) -> str:
        return turkish_date(self.start, self.end)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        year, month, day = self.start
        return (year, month, day or 32, self.ident)


def allowed_hosts(app: Sphinx) -> set[str]:
    """The hosts a full text may be linked on (``edition_document_hosts``)."""
    path = Path(app.confdir) / app.config.edition_document_hosts
    try:
        text, _ = read_utf8(path)
    except OSError:
        warn(
            Problem.DATA,
            "cannot read the list of hosts for full texts; create %s (one host per line)",
            app.config.edition_document_hosts,
            location=f"{app.config.edition_document_hosts}:1",
        )
        return set()
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


FIELDS = {
    "id",
    "baslik",
    "rusca",
    "tarih",
    "bitis",
    "kime",
    "yazim",
    "ilk_yayim",
    "baskilar",
    "parcalar",
    "adresler",
    "not",
}


def validate(entry: Entry, ident: str, hosts: frozenset[str] = frozenset()) -> Document | None:
    """An entry of the file as a Document, or None after reporting what is wrong with it.

    The schema (``data/schema/belgeler.schema.json``) has checked the fields' types and
    forms; this checks what a schema cannot: that the dates exist and are in order, and that
    every address is https on an allowed host.
    """
    fields = entry.fields
    ok = True

    def bad(message: str, *args: Any) -> None:
        nonlocal ok
        warn(Problem.DATA, f"document {ident!r}: {message}", *args, location=entry.location)
        ok = False

    for name in sorted(set(fields) - FIELDS):
        bad("unknown field %r; the fields are %s", name, ", ".join(sorted(FIELDS)))
    for name, what in (("baslik", "the Turkish title"), ("rusca", "the Russian title")):
        if not str(fields.get(name, "")).strip():
            bad("no %r; give %s (a value nobody verified is never guessed)", name, what)
    start = parse_iso(fields.get("tarih"))
    if start is None:
        bad("date %r cannot be read; write it as 1922-12-13", fields.get("tarih"))
    end = parse_iso(fields["bitis"]) if "bitis" in fields else None
    if "bitis" in fields and (end is None or (start and end <= start)):
        bad("'bitis: %s' must be a later day than 'tarih'", fields["bitis"])
    addresses = []
    for item in fields.get("adresler", []):
        url = str(item.get("url", ""))
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in hosts:
            bad(
                "the address %r is not https on a host of %s; link the full text on one of "
                "them (or add the host there, in review)",
                url,
                "data/belge-adresleri.txt",
            )
            continue
        place = str(item.get("yer", "mia"))
        if place not in words.FULL_TEXT_PLACES:
            bad("'yer: %s' is not one of %s", place, ", ".join(words.FULL_TEXT_PLACES))
            continue
        if (place == "mia") != (parts.hostname == MIA_HOST):
            bad(
                "%r: 'yer: mia' is for the archive's own pages (%s) and only for them; a "
                "mirror is 'mia-yansisi', a transcription 'aktarim', a copy 'kopya'",
                url,
                MIA_HOST,
            )
            continue
        addresses.append(Address(str(item["dil"]), url, str(item.get("dayanak", "")), place))
    writing = fields.get("yazim", "")
    if writing and writing not in words.WRITING:
        bad(
            "'yazim: %s' is not one of %s (leave it out when it is not known)",
            writing,
            ", ".join(words.WRITING),
        )
    places = tuple(
        Place(str(p["baski"]), int(p["cilt"]), str(p["sayfa"]), str(p["dayanak"]))
        for p in fields.get("baskilar", [])
    )
    parts = []
    for item in fields.get("parcalar", []):
        first, last = parse_iso(item.get("tarih")), parse_iso(item.get("bitis"))
        if first is None or ("bitis" in item and (last is None or last <= first)):
            bad("the part %r has a date that cannot be read or ends before it starts", item["ad"])
            continue
        parts.append(Part(str(item["ad"]), first, last, str(item["sayfa"]), str(item["dayanak"])))
    if not ok or start is None:
        return None
    return Document(
        ident,
        entry.location,
        " ".join(str(fields.get("baslik", "")).split()),
        " ".join(str(fields.get("rusca", "")).split()),
        start,
        end,
        str(fields.get("kime", "")),
        str(fields.get("yazim", "")),
        str(fields.get("ilk_yayim", "")),
        places,
        tuple(parts),
        tuple(addresses),
        " ".join(str(fields.get("not", "")).split()),
    )


def load(app: Sphinx, env: BuildEnvironment | None = None, docnames: Any = None) -> None:
    """Read and check the register at the start of every build (as the chronology)."""
    path, entries = read_entries(app, "edition_documents")
    hosts = frozenset(allowed_hosts(app))
    found = [validate(e, i, hosts) for i, e in check_ids(entries, "document").items()]
    app.env.edition_documents_file = path
    app.env.edition_documents = sorted((d for d in found if d), key=lambda d: d.sort_key)


def documents(env: BuildEnvironment) -> list[Document]:
    return getattr(env, "edition_documents", [])


def check_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Every quotation names a document the register has (at the quotation's line)."""
    known = {d.ident for d in documents(env)}
    for ident, quotation in sorted(edition_domain(env).quotations.items()):
        if quotation.document and quotation.document not in known:
            warn(
                Problem.QUOTATION,
                "quotation %r names the document %r, which %s does not list; use the id of "
                "a document there (or add the document, with its Russian title and date)",
                ident,
                quotation.document,
                app.config.edition_documents,
                location=(quotation.docname, quotation.line),
            )


class document_usage(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the quotations and chronology entries that name the document ``ident``."""


class document_turkish(nodes.General, nodes.Element):  # noqa: N801
    """Replaced by the Turkish editions' pages where the edition quotes ``ident``."""


class BelgelerDirective(SphinxDirective):
    """The whole register: one section per document, in date order."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(self.env.edition_documents_file))
        catalogue.note(self.env)  # the English text of the data (data.po)
        domain = edition_domain(self.env)
        domain.note_anchored(
            "documents", self.env.docname, ((d.ident, d.title) for d in documents(self.env))
        )
        domain.note_gathering_list(self.env.docname, "belgeler")  # quotations of every page
        result: list[nodes.Node] = []
        for document in documents(self.env):
            anchor = anchor_of(document.ident)
            section = nodes.section(ids=[anchor], names=[anchor])
            section += nodes.title("", document.title)
            self.state.document.note_explicit_target(section, section)
            section += self.facts(document)
            section += self.concordance(document)
            if document.parts:
                section += self.parts(document)
            section += self.full_texts(document)
            if document.note:
                section += nodes.paragraph(
                    "", words.DOCUMENT_NOTE + document.note, classes=["belge-not"]
                )
            section += document_usage(ident=document.ident)
            result.append(section)
        return generated(result)

    @staticmethod
    def facts(document: Document) -> nodes.paragraph:
        """Russian title, date, addressee, production, first publication: one paragraph."""
        para = nodes.paragraph(classes=["belge-bilgi"])

        def add(label: str, value: str) -> None:
            if len(para):
                para.append(nodes.Text(" "))
            para.append(nodes.strong("", label.rstrip()))
            para.append(nodes.Text(f" {value.rstrip('.')}."))

        add(words.RUSSIAN_TITLE, document.russian)
        add(words.DOCUMENT_DATE, document.date_text)
        if document.addressee:
            add(words.ADDRESSED_TO, document.addressee)
        if document.writing:
            add(words.DOCUMENT_WRITING, words.WRITING[document.writing])
        if document.first_published:
            add(words.FIRST_PUBLISHED, document.first_published)
        return para

    @staticmethod
    def concordance(document: Document) -> nodes.table:
        table = nodes.table(classes=["belge-karsiliklar"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (30, 25, 45):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += row([nodes.Text(c) for c in words.CONCORDANCE_COLUMNS])
        body = nodes.tbody()
        group += body
        body += row(
            [
                nodes.Text(words.TURKISH_EDITIONS),
                document_turkish(ident=document.ident),
                nodes.Text("—"),
            ]
        )
        for edition, name in words.STANDARD_EDITIONS.items():
            places = [p for p in document.places if p.edition == edition]
            if not places:
                body += row([nodes.Text(name), nodes.Text(words.NOT_VERIFIED), nodes.Text("—")])
            for place in places:
                where = words.VOLUME_PAGES.format(
                    volume=place.volume, pages=page_range(place.pages)
                )
                body += row([nodes.Text(name), nodes.Text(where), nodes.Text(place.basis)])
        return table

    @staticmethod
    def parts(document: Document) -> nodes.Node:
        """Its parts, each with its date, PSS pages and what they rest on."""
        items = nodes.bullet_list(classes=["belge-parcalar"])
        for part in document.parts:
            text = words.PART.format(
                name=part.name,
                date=turkish_date(part.start, part.end),
                pages=page_range(part.pages),
                basis=part.basis,
            )
            items += nodes.list_item("", nodes.paragraph("", text))
        box = nodes.container(classes=["belge-parcalar"])
        box += nodes.paragraph("", words.PARTS)
        box += items
        return box

    @staticmethod
    def full_texts(document: Document) -> nodes.container:
        """Each full text as a link naming its language and where it is (the archive, a mirror,
        a copy), followed by what the address rests on; a language a reader looks for
        (English, Russian) without a verified address is said to be unknown."""
        items = nodes.bullet_list()
        for address in document.addresses:
            where = words.FULL_TEXT_PLACES[address.place].format(
                host=urlsplit(address.url).hostname
            )
            label = f"{words.LANGUAGES[address.language]}, {where}"
            para = nodes.paragraph()
            para += nodes.reference("", label, refuri=address.url, internal=False)
            para += nodes.Text(f" — {address.basis.rstrip('.')}.")
            items += nodes.list_item("", para)
        given = {address.language for address in document.addresses}
        for language in words.FULL_TEXT_EXPECTED:
            if language not in given:
                text = f"{words.LANGUAGES[language]}: {words.NOT_VERIFIED}."
                items += nodes.list_item("", nodes.paragraph("", text))
        box = nodes.container(classes=["belge-metinler"])
        box += nodes.paragraph("", words.FULL_TEXT)
        box += items
        return box


def anchor_of(ident: str) -> str:
    """A document's anchor on its page: ``belge-<id>`` (page labels use the plain words)."""
    return f"{ANCHOR_PREFIX}{ident}"


def row(cells: list[nodes.Node]) -> nodes.row:
    made = nodes.row()
    for cell in cells:
        made += nodes.entry("", nodes.paragraph("", "", cell))
    return made


def labelled_list(label: str, links: list[nodes.Node], kind: str) -> nodes.paragraph:
    """ "Label: a; b; c." as one paragraph of class ``kind``."""
    para = nodes.paragraph(classes=[kind])
    para += nodes.Text(label)
    for index, link in enumerate(links):
        if index:
            para += nodes.Text("; ")
        para += link
    para += nodes.Text(".")
    return para


class FillDocuments(SphinxPostTransform):
    """Put in each document's section what the pages say of it (known once all are read)."""

    default_priority = ReferencesResolver.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        quotations = edition_domain(self.env).quotations
        for node in list(self.document.findall(document_turkish)):
            these = sorted(
                (q.key, q.locator)
                for q in quotations.values()
                if q.document == node["ident"] and q.key and q.locator  # else reported at its line
            )
            refs: list[nodes.Node] = []
            for key, locator in dict.fromkeys(these):
                if refs:
                    refs.append(nodes.Text("; "))
                refs.append(
                    reference(f"{key}{{{page_locator(locator)}}}", domain="cite", reftype="alp")
                )
            node.replace_self(refs or [nodes.Text("—")])
        for node in list(self.document.findall(document_usage)):
            ident = node["ident"]
            found: list[nodes.Node] = []
            quoted = sorted(i for i, q in quotations.items() if q.document == ident)
            if quoted:
                links = [
                    reference(
                        i, incipit(quotations[i].text, 5), domain="edition", reftype="alinti",
                        explicit=True,
                    )
                    for i in quoted
                ]  # fmt: skip
                found.append(labelled_list(words.QUOTED_FROM_IT, links, "belge-alintilar"))
            sections = discussing_sections(self.env, ident)
            if sections:
                links = [reference(label) for label in sections]
                found.append(labelled_list(words.DISCUSSED_IN, links, "belge-bolumler"))
            dated = [event for event in events(self.env) if event.document == ident]
            if dated:
                links = [chronology_ref(event) for event in dated]
                found.append(labelled_list(words.IN_CHRONOLOGY, links, "belge-kronoloji"))
            node.replace_self(found)


def discussing_sections(env: BuildEnvironment, ident: str) -> list[str]:
    """Labels of the sections that discuss document ``ident``, in reading order: those its
    quotations stand in, those whose prose links to it (``{edition:belge}``), and those its
    chronology entries name."""
    labels = env.domains.standard_domain.labels
    domain = edition_domain(env)
    found: set[str] = set()
    for quotation in domain.quotations.values():
        if quotation.document == ident:
            innermost = next((s for s in quotation.sections if s in labels), None)
            if innermost is not None:
                found.add(innermost)
    registers = {  # the generated lists (chronology, persons, this register) discuss nothing
        obj.docname
        for kind in ("chronology", "persons", "documents")
        for obj in domain.data[kind].values()
    }
    for docname, pairs in domain.data["discussions"].items():
        if docname not in registers:
            found.update(label for document, label in pairs if document == ident)
    for event in events(env):
        if event.document == ident:
            found.update(event.sections)
    pages = env.toctree_includes.get(env.config.root_doc, [])
    order = {docname: index for index, docname in enumerate(pages)}

    def place(label: str) -> tuple[int, str]:
        docname = labels[label][0]
        return (order.get(docname, len(order)), label)

    return sorted((label for label in found if label in labels), key=place)


def note_discussions(app: Sphinx, doctree: nodes.document) -> None:
    """Record, for the documents register, which sections' prose link to which document."""
    pairs: list[tuple[str, str]] = []
    for xref in doctree.findall(addnodes.pending_xref):
        if xref.get("refdomain") != "edition" or xref.get("reftype") != "belge":
            continue
        section = xref.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if section is None:
            continue
        label = next((n for n in section["names"] if doctree.nametypes.get(n)), None)
        if label is not None and (xref["reftarget"], label) not in pairs:
            pairs.append((xref["reftarget"], label))
    edition_domain(app.env).note_discussions(app.env.docname, pairs)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("belgeler", BelgelerDirective)
    app.add_post_transform(FillDocuments)
    app.connect("doctree-read", note_discussions)
    app.connect("env-before-read-docs", load)
    app.connect("env-check-consistency", check_references)
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
