"""The chronology of 1922–1924, generated from ``data/kronoloji.yaml``.

``{kronoloji}`` renders the whole file on one page, grouped by year: a timeline in
HTML (and EPUB), a table in other formats (the PDF). Each entry is anchored at its id
and links to the sections of the edition that discuss it. ``{kronoloji-kayitlari}``, at
the end of a page, lists the entries that name a section of that page, with links back.
Both note the data file as a dependency, so editing it rebuilds exactly these pages.

Every problem in the file is reported at its line, with the entry's id and what to fix.
``edition.core.data`` reads it safely and checks it against ``data/schema/kronoloji.schema.json``
first (invalid YAML, anchors and aliases, wrong types, over-long texts, values not
allowed: at the field's line; such an entry is left out); this module then reports a
missing, malformed or repeated id, a missing or impossible date, an end before the start,
an unknown field, no sections, and (once all pages are read) a section label that no
page defines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from edition.core import catalogue, words
from edition.core.data import Entry, check_ids, parse_iso, read_entries
from edition.core.domain import edition_domain
from edition.core.language import generated
from edition.core.messages import Problem, warn
from edition.core.turkish import turkish_date
from edition.core.xref import reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

KINDS = words.EVENT_KINDS
WRITING = words.WRITING  #: ``yazim`` → the sentence shown (only where it is known)
DATE_NOTES = words.DATE_NOTES
FIELDS = {
    "id",
    "tarih",
    "bitis",
    "tarih_notu",
    "baslik",
    "tur",
    "yazim",
    "yayim",
    "bolumler",
    "belge",
}


@dataclass(frozen=True)
class Event:
    ident: str
    location: str  #: data file and line, for messages
    start: tuple[int, int, int]
    end: tuple[int, int, int] | None
    date_note: str
    title: str
    kind: str
    writing: str
    published: str
    sections: tuple[str, ...]
    document: str = ""  #: id of the document in data/belgeler.yaml, if it is one

    @property
    def date_text(self) -> str:
        text = turkish_date(self.start, self.end)
        return words.DATE_NOTES[self.date_note].format(date=text) if self.date_note else text

    @property
    def details(self) -> str:
        """How it was produced (where known) and where it appeared."""
        parts = []
        if self.writing:
            parts.append(f"{words.WRITING[self.writing]}.")
        if self.published:
            parts.append(words.PUBLISHED.format(where=self.published.rstrip(".")))
        return " ".join(parts)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        # An entry dated only to a month comes after the dated entries of that month.
        year, month, day = self.start
        return (year, month, day or 32, self.ident)


def validate(entry: Entry, ident: str) -> Event | None:
    """An entry of the file as an Event, or None after reporting what is wrong with it."""
    fields = entry.fields
    where = f"{entry.location}"
    ok = True

    def bad(message: str, *args: Any) -> None:
        nonlocal ok
        warn(Problem.DATA, f"chronology entry {ident!r}: {message}", *args, location=where)
        ok = False

    for name in sorted(set(fields) - FIELDS):
        bad("unknown field %r; the fields are %s", name, ", ".join(sorted(FIELDS)))
    start = parse_iso(fields.get("tarih"))
    if "tarih" not in fields:
        bad("no date; add 'tarih: 1922-12-13' (or 1922-12 when only the month is known)")
    elif start is None:
        bad(
            "date %r cannot be read; write it as 1922-12-13, or 1922-12 for a month",
            fields["tarih"],
        )
    end = parse_iso(fields["bitis"]) if "bitis" in fields else None
    if "bitis" in fields and (end is None or (start and end <= start)):
        bad(
            "'bitis: %s' must be a later day than 'tarih', written like 1922-12-31", fields["bitis"]
        )
    note = str(fields.get("tarih_notu", ""))
    if note and note not in DATE_NOTES:
        bad("'tarih_notu: %s' is not one of %s", note, ", ".join(DATE_NOTES))
    title = " ".join(str(fields.get("baslik", "")).split())
    if not title:
        bad("no 'baslik'; give the document's title or say what happened")
    kind = fields.get("tur")
    if not isinstance(kind, str) or kind not in KINDS:
        bad("'tur: %s' is not one of %s", kind, ", ".join(KINDS))
    writing = fields.get("yazim", "")
    if writing and (not isinstance(writing, str) or writing not in WRITING):
        bad(
            "'yazim: %s' is not one of %s (leave it out when it is not known)",
            writing,
            ", ".join(WRITING),
        )
    sections = fields.get("bolumler")
    if (
        not isinstance(sections, list)
        or not sections
        or not all(isinstance(s, str) for s in sections)
    ):
        bad(
            "'bolumler' must list the labels of the sections that discuss it, e.g. [giris-hastalik]"
        )
        sections = []
    if not ok or start is None:
        return None
    return Event(
        ident,
        entry.location,
        start,
        end,
        note,
        title,
        kind,
        writing,
        str(fields.get("yayim", "")),
        tuple(sections),
        str(fields.get("belge", "")),
    )


def load(app: Sphinx, env: BuildEnvironment | None = None, docnames: Any = None) -> None:
    """Read and check the chronology at the start of every build; keep it on the environment.

    Every build, not once per process: an edited file must be read again when the same
    application builds twice (as in tests), and its pages re-read (``note_dependency``).
    """
    path, entries = read_entries(app, "edition_chronology")
    events = [
        validate(entry, ident) for ident, entry in check_ids(entries, "chronology entry").items()
    ]
    app.env.edition_chronology_file = path
    app.env.edition_chronology = sorted((e for e in events if e), key=lambda e: e.sort_key)


def events(env: BuildEnvironment) -> list[Event]:
    return getattr(env, "edition_chronology", [])


def check_sections(app: Sphinx, env: BuildEnvironment) -> None:
    labels = env.domains.standard_domain.labels
    documents = edition_domain(env).data["documents"]
    for event in events(env):
        if event.document and event.document not in documents:
            warn(
                Problem.DATA,
                "chronology entry %r names the document %r, which %s does not list; use the "
                "id of a document there",
                event.ident,
                event.document,
                app.config.edition_documents,
                location=event.location,
            )
        for label in event.sections:
            if label not in labels:
                warn(
                    Problem.DATA,
                    "chronology entry %r names section %r, which no page defines; use the "
                    "label of a section that discusses it",
                    event.ident,
                    label,
                    location=event.location,
                )


class chronology_links(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by links to the sections in ``labels``."""


class chronology_backlinks(nodes.General, nodes.Element):  # noqa: N801
    """Replaced by the entries naming a section of the page ``docname``."""


def section_links(labels: tuple[str, ...]) -> chronology_links:
    return chronology_links(labels=list(labels))


class KronolojiDirective(SphinxDirective):
    """The whole chronology, one section per year."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(self.env.edition_chronology_file))
        catalogue.note(self.env)  # the English text of the data (data.po)
        edition_domain(self.env).note_anchored(
            "chronology",
            self.env.docname,
            ((event.ident, f"{event.date_text}: {event.title}") for event in events(self.env)),
        )
        result: list[nodes.Node] = []
        for year in sorted({event.start[0] for event in events(self.env)}):
            these = [event for event in events(self.env) if event.start[0] == year]
            section = nodes.section(ids=[f"kronoloji-{year}"], names=[f"kronoloji-{year}"])
            section += nodes.title("", str(year))
            self.state.document.note_explicit_target(section, section)
            section += addnodes.only("", self.timeline(these), expr="html")
            section += addnodes.only("", self.table(these), expr="not html")
            result.append(section)
        return generated(result)

    def timeline(self, these: list[Event]) -> nodes.bullet_list:
        timeline = nodes.bullet_list(classes=["kronoloji"])
        for event in these:
            item = nodes.list_item(
                ids=[event.ident], classes=["kronoloji-kayit", f"tur-{event.kind}"]
            )
            head = nodes.paragraph(classes=["kronoloji-tarih"])
            head += nodes.strong("", event.date_text)
            head += nodes.Text(" · ")
            head += nodes.inline("", words.EVENT_KINDS[event.kind], classes=["kronoloji-tur"])
            item += head
            item += nodes.paragraph("", "", title_of(event), classes=["kronoloji-baslik"])
            details = nodes.paragraph(classes=["kronoloji-ayrinti"])
            if event.details:
                details += nodes.Text(event.details + " ")
            details += nodes.Text(words.DISCUSSED_AT)
            details += section_links(event.sections)
            details += nodes.Text(".")
            item += details
            timeline += item
        return timeline

    def table(self, these: list[Event]) -> nodes.table:
        table = nodes.table(classes=["kronoloji-tablo"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (18, 50, 10, 22):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += self.row(list(words.CHRONOLOGY_COLUMNS))
        body = nodes.tbody()
        group += body
        for event in these:
            when = nodes.inline("", event.date_text, ids=[event.ident])
            what = [title_of(event)]
            if event.details:
                what.append(nodes.Text(f" ({event.details})"))
            body += self.row(
                [when, what, words.EVENT_KINDS[event.kind], section_links(event.sections)]
            )
        return table

    @staticmethod
    def row(cells: list[Any]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            paragraph = nodes.paragraph()
            if isinstance(cell, str):
                paragraph += nodes.Text(cell)
            elif isinstance(cell, list):
                paragraph.extend(cell)
            else:
                paragraph += cell
            row += nodes.entry("", paragraph)
        return row


class KronolojiKayitlariDirective(SphinxDirective):
    """The chronology entries that name a section of this page."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(self.env.edition_chronology_file))
        catalogue.note(self.env)  # the English text of the data (data.po)
        box = nodes.container(classes=["kronoloji-kayitlari"])
        self.set_source_info(box)
        box += nodes.rubric("", words.CHRONOLOGY_ENTRIES_HERE)
        box += chronology_backlinks(docname=self.env.docname)
        return generated([box])


def title_of(event: Event) -> nodes.Node:
    """The entry's title; a link to its document's entry in the register, if it names one."""
    if not event.document:
        return nodes.Text(event.title)
    return reference(event.document, event.title, domain="edition", reftype="belge", explicit=True)


def chronology_ref(event: Event) -> addnodes.pending_xref:
    return reference(
        event.ident,
        f"{event.date_text}: {event.title}",
        domain="edition",
        reftype="kronoloji",
        explicit=True,
    )


class LinkChronology(SphinxPostTransform):
    """Turn the placeholders into references that Sphinx's resolver then resolves."""

    default_priority = ReferencesResolver.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        labels = self.env.domains.standard_domain.labels
        for node in list(self.document.findall(chronology_links)):
            refs: list[nodes.Node] = []
            for label in node["labels"]:
                if label not in labels:
                    continue  # reported once, at the data file's line (check_sections)
                if refs:
                    refs.append(nodes.Text("; "))
                refs.append(reference(label))
            node.replace_self(refs or [nodes.Text("—")])
        for node in list(self.document.findall(chronology_backlinks)):
            here = [
                event
                for event in events(self.env)
                if any(labels.get(label, ("",))[0] == node["docname"] for label in event.sections)
            ]
            items = nodes.bullet_list(classes=["kronoloji-kisa"])
            for event in here:  # the date quiet, the entry's title the link
                para = nodes.paragraph()
                para += nodes.inline("", event.date_text, classes=["kronoloji-kisa-tarih"])
                para += nodes.Text(" ")
                para += reference(
                    event.ident, event.title.rstrip("."), domain="edition", reftype="kronoloji",
                    explicit=True,
                )  # fmt: skip
                items += nodes.list_item("", para)
            node.replace_self(items if here else nodes.paragraph("", "—"))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("kronoloji", KronolojiDirective)
    app.add_directive("kronoloji-kayitlari", KronolojiKayitlariDirective)
    app.add_post_transform(LinkChronology)
    app.connect("env-before-read-docs", load)
    app.connect("env-check-consistency", check_sections)
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
