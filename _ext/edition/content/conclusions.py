"""Conclusions and the theme sections they rest on, linked both ways from one declaration.

On the conclusions page, each conclusion is a ``{sonuc}`` that names the sections of
theme pages it rests on::

    ::::{sonuc} sonuc-dis-ticaret-tekeli
    :baslik: Devlet tekelinin savunulması
    :dayanak: dis-ticaret-tekeli-13-aralik dis-ticaret-tekeli-18-aralik

    Turan ve Almış'a göre …
    ::::

It becomes a numbered section ("5. Devlet tekelinin savunulması") with its id as anchor,
opened by links to those sections. A theme page ends with ``{dayanan-sonuclar}``, which
marks it as a theme page and is replaced, when the pages are written, by the list of
conclusions resting on its sections, made from the same declarations. Both lists are
built as cross-references, so they are links in HTML and in the PDF alike. A conclusion
without title, basis or text is refused where it stands; a basis that names no section,
or a section that is not on a theme page, is reported by the domain's consistency check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from edition.core import words
from edition.core.domain import Conclusion, edition_domain, read_now
from edition.core.messages import Problem, warn
from edition.core.xref import reference

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


class conclusion_basis(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the links to the sections a conclusion rests on (attribute ``conclusion``)."""


class conclusion_backlinks(nodes.General, nodes.Element):  # noqa: N801
    """Replaced by the conclusions resting on the page ``docname``."""


def section_ref(label: str) -> addnodes.pending_xref:
    """A reference to a labelled section, shown with the section's title."""
    return reference(label)


def conclusion_ref(ident: str) -> addnodes.pending_xref:
    """A reference to a conclusion, shown as "Sonuç N: title"."""
    return reference(ident, domain="edition", reftype="sonuc")


class SonucDirective(SphinxDirective):
    """One conclusion: a numbered section that declares the theme sections it rests on."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "baslik": directives.unchanged,
        "dayanak": directives.unchanged,
    }

    def problem(self, message: str, *args: Any) -> None:
        warn(Problem.CONCLUSION, message, *args, location=self.get_location())

    def run(self) -> list[nodes.Node]:
        ident = self.arguments[0]
        title = " ".join(self.options.get("baslik", "").split())
        basis = tuple(self.options.get("dayanak", "").replace(",", " ").split())
        if ident != nodes.make_id(ident):
            self.problem(
                "conclusion id %r is not a plain ASCII id; use lower-case letters, digits "
                "and hyphens (e.g. %r)",
                ident,
                nodes.make_id(ident),
            )
        if not title:
            self.problem("conclusion %r has no :baslik:; give it a short title", ident)
            title = ident
        if not basis:
            self.problem(
                "conclusion %r names no theme section in :dayanak:; list the labels of the "
                "theme sections it rests on",
                ident,
            )
        if not "\n".join(self.content).strip():
            self.problem("conclusion %r has no text", ident)

        domain = edition_domain(self.env)
        number = 1 + sum(1 for c in domain.conclusions.values() if c.docname == self.env.docname)
        section = nodes.section(ids=[ident], names=[ident], classes=["sonuc"])
        self.set_source_info(section)
        section += nodes.title("", f"{number}. {title}")
        self.state.document.note_explicit_target(section, section)
        section.extend(self.parse_content_to_nodes())
        if basis:  # the conclusion first, then what it rests on
            section += conclusion_basis(conclusion=ident)
        domain.note_conclusion(
            ident, Conclusion(self.env.docname, self.lineno, number, title, basis)
        )
        return [section]


class DayananSonuclarDirective(SphinxDirective):
    """Marks its page as a theme page and shows the conclusions that rest on it."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        edition_domain(self.env).note_theme_page(self.env.docname, self.lineno)
        box = nodes.container(classes=["dayanan-sonuclar"])
        self.set_source_info(box)
        box += nodes.rubric("", words.CONCLUSIONS_RESTING_HERE)
        box += conclusion_backlinks(docname=self.env.docname)
        return [box]


class LinkConclusions(SphinxPostTransform):
    """Fill both lists from the domain, as references that Sphinx then resolves."""

    default_priority = ReferencesResolver.default_priority - 1

    def supporting_quotations(self, basis: list[str], labels: dict[str, Any]) -> list[nodes.Node]:
        """A line naming the quotations that stand in those sections, if there are any."""
        from edition.core.turkish import incipit

        domain = edition_domain(self.env)
        quotations = supporting(domain, basis, labels)
        if not quotations:
            return []
        para = nodes.paragraph(classes=["sonuc-alintilar"])
        para += nodes.strong("", f"{words.QUOTATIONS_IN_BASIS}: ")
        for index, (ident, quotation) in enumerate(quotations):
            if index:
                para += nodes.Text("; ")
            para += reference(
                ident, incipit(quotation.text, 5), domain="edition", reftype="alinti", explicit=True
            )
            document = domain.data["documents"].get(quotation.document)
            title = document.title if document else ""
            when = ", ".join(part for part in (title, quotation.date) if part)
            if when:
                para += nodes.Text(f" ({when})")
        para += nodes.Text(".")
        return [para]

    def run(self, **kwargs: Any) -> None:
        domain = edition_domain(self.env)
        labels = self.env.domains.standard_domain.labels
        for node in list(self.document.findall(conclusion_basis)):
            conclusion = domain.conclusions.get(node["conclusion"])
            known = [label for label in (conclusion.basis if conclusion else ()) if label in labels]
            para = nodes.paragraph(classes=["sonuc-dayanak"])
            para += nodes.strong("", f"{words.BASIS}: ")
            for index, label in enumerate(known):
                if index:
                    para += nodes.Text("; ")
                para += section_ref(label)
                page = self.env.titles.get(labels[label][0])
                if page is not None:
                    para += nodes.Text(f" ({page.astext()})")
            para += nodes.Text(".")
            evidence = nodes.container(classes=["sonuc-kanit"])
            evidence += [para, *self.supporting_quotations(known, labels)]
            node.replace_self(evidence)
        for node in list(self.document.findall(conclusion_backlinks)):
            items = nodes.bullet_list()
            for ident, _conclusion, here in domain.conclusions_resting_on(node["docname"]):
                item = nodes.paragraph()
                item += conclusion_ref(ident)
                item += nodes.Text(words.SECTIONS_RESTED_ON[len(here) > 1])
                for index, label in enumerate(here):
                    if index:
                        item += nodes.Text("; ")
                    item += section_ref(label)
                item += nodes.Text(".")
                items += nodes.list_item("", item)
            node.replace_self(items if len(items) else [])


def rewrite_linked_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Write again the pages that show what was just read, though their sources did not change.

    A conclusions page shows the titles, sections and quotations of the theme pages it
    rests on, so it is written again when one of them was read. A theme page shows only
    the conclusions resting on it (their titles, its own sections), so it is written
    again only when a conclusions page was read.
    """
    domain = edition_domain(env)
    read = read_now(env)
    conclusion_pages = {c.docname for c in domain.conclusions.values()}
    if read & conclusion_pages:
        return sorted(set(domain.theme_pages) | conclusion_pages)
    if read & set(domain.theme_pages):
        return sorted(conclusion_pages)
    return []


def supporting(domain: Any, basis: list[str], labels: dict[str, Any]) -> list[tuple[str, Any]]:
    """The quotations standing in the sections a conclusion rests on, in date order."""
    from edition.core.turkish import sort_key_of_turkish

    wanted = {(labels[label][0], labels[label][1]) for label in basis}
    found = [
        (ident, quotation)
        for ident, quotation in domain.quotations.items()
        if any((quotation.docname, section) in wanted for section in quotation.sections)
    ]
    return sorted(found, key=lambda item: (sort_key_of_turkish(item[1].date), item[0]))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("env-get-updated", rewrite_linked_pages)
    app.add_directive("sonuc", SonucDirective)
    app.add_directive("dayanan-sonuclar", DayananSonuclarDirective)
    app.add_post_transform(LinkConclusions)
    return {
        "version": "1",
        "env_version": 2,  # 2: what the pages' doctrees hold changed (issue 17)
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
