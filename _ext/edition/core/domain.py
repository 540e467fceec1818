"""The ``edition`` domain: the registry of the edition's quotations, conclusions and theme pages.

Every object has a stable id chosen by the page's author. The domain lists them in
``objects.inv`` and the search index (``get_objects``), resolves ``{edition:alinti}`` and
``{edition:sonuc}`` references, keeps its data correct across incremental and parallel
builds (``clear_doc``/``merge_domaindata``), and checks, once every page is read, that each
conclusion rests on sections that exist on theme pages and that each theme page supports
at least one conclusion. The directives that fill it live in ``quotations.py`` and
``conclusions.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from edition.core import words
from edition.core.messages import Problem, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class Quotation(NamedTuple):
    docname: str
    line: int
    key: str  #: BibTeX key of the edition quoted
    locator: str  #: page(s) in that edition, as the source gives them
    document: str  #: the document quoted ("" when the source does not name it)
    date: str  #: its date as written ("" when not given)
    text: str  #: the quotation's text, for indexes and previews
    sections: tuple[str, ...] = ()  #: ids of the sections it stands in, innermost first


class Anchored(NamedTuple):
    """An object that lives at an anchor of a generated page (chronology entry, person)."""

    docname: str
    title: str


class Conclusion(NamedTuple):
    docname: str
    line: int
    number: int
    title: str
    basis: tuple[str, ...]  #: labels of the theme sections it rests on


def conclusion_title(conclusion: Conclusion) -> str:
    """ "Sonuç 5: Devlet tekelinin savunulması", as links and lists show a conclusion."""
    return words.CONCLUSION.format(number=conclusion.number, title=conclusion.title)


#: The anchor of an object of this role is its id after this prefix (a document's id may be
#: a word a page label also uses: ``kongreye-mektup``).
ANCHOR_PREFIX = {"belge": "belge-"}


class EditionDomain(Domain):
    """Quotations, conclusions and theme pages of the edition."""

    name = "edition"
    label = "Edisyon"
    object_types: ClassVar[dict[str, ObjType]] = {
        "quotation": ObjType(words.OBJECT_KINDS["quotation"], "alinti"),
        "conclusion": ObjType(words.OBJECT_KINDS["conclusion"], "sonuc"),
        "chronology": ObjType(words.OBJECT_KINDS["chronology"], "kronoloji"),
        "document": ObjType(words.OBJECT_KINDS["document"], "belge"),
        "person": ObjType(words.OBJECT_KINDS["person"], "kisi"),
    }
    roles: ClassVar[dict[str, XRefRole]] = {
        "alinti": XRefRole(innernodeclass=nodes.inline),
        "sonuc": XRefRole(innernodeclass=nodes.inline),
        "kronoloji": XRefRole(innernodeclass=nodes.inline),
        "belge": XRefRole(innernodeclass=nodes.inline),
        "kisi": XRefRole(innernodeclass=nodes.inline),
    }
    initial_data: ClassVar[dict[str, dict[str, Any]]] = {
        "quotations": {},  # id -> Quotation
        "conclusions": {},  # id -> Conclusion
        "theme_pages": {},  # docname -> line of its {dayanan-sonuclar}
        "chronology": {},  # id -> Anchored, on the page holding {kronoloji}
        "persons": {},  # id -> Anchored, on the page holding {kisiler}
        "documents": {},  # id -> Anchored, on the page holding {belgeler}
        "mentions": {},  # docname -> ids of the persons the page names
        "discussions": {},  # docname -> (document id, section label) of its {edition:belge}
        "gathering": {},  # docname -> the lists on it that gather from every page
        "kept": {},  # what a build remembers for the next one (remember())
    }
    data_version = 6

    @property
    def quotations(self) -> dict[str, Quotation]:
        return self.data["quotations"]

    @property
    def conclusions(self) -> dict[str, Conclusion]:
        return self.data["conclusions"]

    @property
    def theme_pages(self) -> dict[str, int]:
        return self.data["theme_pages"]

    # -- Filling ------------------------------------------------------------------

    def note_quotation(self, ident: str, quotation: Quotation) -> None:
        if ident in self.quotations and self.quotations[ident].docname != quotation.docname:
            other = self.quotations[ident]
            warn(
                Problem.DUPLICATE,
                "quotation id %r is already used in %s (line %d); give this quotation its own id",
                ident,
                self.env.doc2path(other.docname),
                other.line,
                location=(quotation.docname, quotation.line),
            )
        self.quotations[ident] = quotation

    def note_conclusion(self, ident: str, conclusion: Conclusion) -> None:
        self.conclusions[ident] = conclusion

    def note_theme_page(self, docname: str, line: int) -> None:
        self.theme_pages[docname] = line

    def note_anchored(self, kind: str, docname: str, objects: Iterable[tuple[str, str]]) -> None:
        """Objects (id, title) of a generated page: ``kind`` is "chronology", "persons" or
        "documents"."""
        for ident, title in objects:
            self.data[kind][ident] = Anchored(docname, title)

    def note_mentions(self, docname: str, person_ids: list[str]) -> None:
        self.data["mentions"][docname] = person_ids

    def note_discussions(self, docname: str, pairs: list[tuple[str, str]]) -> None:
        """The page's prose links to these documents from these sections (by label)."""
        self.data["discussions"][docname] = pairs

    def note_gathering_list(self, docname: str, name: str) -> None:
        """``docname`` holds a list made from every page (the quotation index, the persons
        register with the pages naming each person): it is written again after any read."""
        self.data["gathering"].setdefault(docname, set()).add(name)

    def note_quotation_sections(self, ident: str, sections: tuple[str, ...]) -> None:
        if ident in self.quotations:
            self.quotations[ident] = self.quotations[ident]._replace(sections=sections)

    # -- Incremental and parallel builds -------------------------------------------

    def clear_doc(self, docname: str) -> None:
        for registry in (
            self.quotations,
            self.conclusions,
            self.data["chronology"],
            self.data["persons"],
            self.data["documents"],
        ):
            for ident, obj in list(registry.items()):
                if obj.docname == docname:
                    del registry[ident]
        self.theme_pages.pop(docname, None)
        self.data["mentions"].pop(docname, None)
        self.data["discussions"].pop(docname, None)
        self.data["gathering"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind in ("quotations", "conclusions", "chronology", "persons", "documents"):
            for ident, obj in otherdata[kind].items():
                if obj.docname in docnames:
                    self.data[kind][ident] = obj
        for docname, line in otherdata["theme_pages"].items():
            if docname in docnames:
                self.theme_pages[docname] = line
        for docname, ids in otherdata["mentions"].items():
            if docname in docnames:
                self.data["mentions"][docname] = ids
        for docname, pairs in otherdata["discussions"].items():
            if docname in docnames:
                self.data["discussions"][docname] = pairs
        for docname, names in otherdata["gathering"].items():
            if docname in docnames:
                self.data["gathering"][docname] = names

    # -- Queries --------------------------------------------------------------------

    def conclusions_resting_on(self, docname: str) -> list[tuple[str, Conclusion, list[str]]]:
        """Conclusions with a basis on ``docname``: (id, conclusion, labels of that page)."""
        labels = self.env.domains.standard_domain.labels
        found = []
        for ident, conclusion in self.conclusions.items():
            here = [label for label in conclusion.basis if labels.get(label, ("",))[0] == docname]
            if here:
                found.append((ident, conclusion, here))
        return sorted(found, key=lambda item: item[1].number)

    def check_consistency(self) -> None:
        labels = self.env.domains.standard_domain.labels
        for ident, conclusion in sorted(self.conclusions.items()):
            for label in conclusion.basis:
                if label not in labels:
                    warn(
                        Problem.CONCLUSION,
                        "conclusion %r rests on %r, but no section has that label; "
                        "use the label of a section on a theme page",
                        ident,
                        label,
                        location=(conclusion.docname, conclusion.line),
                    )
                elif labels[label][0] not in self.theme_pages:
                    warn(
                        Problem.CONCLUSION,
                        "conclusion %r rests on %r, which is on %s, not on a theme page "
                        "(a page with {dayanan-sonuclar}); name a section of a theme page",
                        ident,
                        label,
                        labels[label][0],
                        location=(conclusion.docname, conclusion.line),
                    )
        for docname, line in sorted(self.theme_pages.items()):
            if not self.conclusions_resting_on(docname):
                warn(
                    Problem.CONCLUSION,
                    "no conclusion rests on this theme page; add one of its section labels "
                    "to the :dayanak: of the conclusions it supports",
                    location=(docname, line),
                )

    # -- References and inventories ---------------------------------------------------

    def _target(self, typ: str, target: str) -> tuple[str, str] | None:
        if typ == "alinti" and target in self.quotations:
            return self.quotations[target].docname, words.QUOTATION.format(ident=target)
        if typ == "sonuc" and target in self.conclusions:
            conclusion = self.conclusions[target]
            return conclusion.docname, conclusion_title(conclusion)
        if typ == "kronoloji" and target in self.data["chronology"]:
            return self.data["chronology"][target]
        if typ == "kisi" and target in self.data["persons"]:
            return self.data["persons"][target]
        if typ == "belge" and target in self.data["documents"]:
            return self.data["documents"][target]
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        found = self._target(typ, target)
        if found is None:
            return None
        docname, title = found
        if not node.get("refexplicit") and typ in ("sonuc", "kronoloji", "kisi", "belge"):
            contnode = contnode.__class__("", title)
        anchor = ANCHOR_PREFIX.get(typ, "") + target
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        results = []
        for typ in ("alinti", "sonuc", "kronoloji", "kisi", "belge"):
            found = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if found is not None:
                results.append((f"edition:{typ}", found))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for ident, quotation in self.quotations.items():
            yield (
                ident,
                words.QUOTATION.format(ident=ident),
                "quotation",
                quotation.docname,
                ident,
                1,
            )
        for ident, conclusion in self.conclusions.items():
            title = conclusion_title(conclusion)
            yield ident, title, "conclusion", conclusion.docname, ident, 1
        for kind, typ in (
            ("chronology", "chronology"),
            ("persons", "person"),
            ("documents", "document"),
        ):
            anchor = "belge-" if typ == "document" else ""
            for ident, obj in self.data[kind].items():
                yield ident, obj.title, typ, obj.docname, anchor + ident, 1

    def get_full_qualified_name(self, node: Element) -> str | None:
        return None


def edition_domain(env: BuildEnvironment) -> EditionDomain:
    return env.get_domain("edition")  # type: ignore[return-value]


def remember_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.edition_read_now = set(docnames)


def write_gathering_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages holding a list made from every page: written again whenever a page was
    read, though their own source did not change (``note_gathering_list``)."""
    if not read_now(env):
        return []
    return sorted(edition_domain(env).data["gathering"])


def remember(env: BuildEnvironment, key: str, now: Any) -> Any:
    """Keep ``now`` as this build's ``key`` (saved with the environment) and return the
    last build's (None at first). Parts use it to write again the pages a change outside
    their sources affects: the .bib, the catalogues, the static files, the edition's date."""
    kept = edition_domain(env).data["kept"]
    before = kept.get(key)
    kept[key] = now
    return before


def remembered(env: BuildEnvironment, key: str) -> Any:
    """What this build (or, before it decided, the last) kept as ``key``; None if nothing."""
    return edition_domain(env).data["kept"].get(key)


def read_now(env: BuildEnvironment) -> set[str]:
    """The pages read (again) in this build; generated lists that gather from every page
    must then be written again even where their own page did not change."""
    return getattr(env, "edition_read_now", set())


def register(app: Sphinx) -> None:
    """Add the domain (called by ``edition.core``'s setup)."""
    app.add_domain(EditionDomain)
    app.connect("env-before-read-docs", remember_read)
    app.connect("env-get-updated", write_gathering_pages)
