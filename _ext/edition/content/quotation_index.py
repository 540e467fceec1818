"""The index of quotations, generated from the quotations themselves: ``{alinti-dizini}``.

Every ``{alinti}`` of the edition is listed once, grouped by the document quoted, the
documents in date order: the quotation's opening words (a link to it), its citation
(edition and page, from ``references.bib``) and the section where it is quoted. The list
is made when pages are written, from the domain, so it cannot drift from the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import ReferencesResolver, SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from edition.core import words
from edition.core.domain import Quotation, edition_domain
from edition.core.turkish import incipit, page_date, page_locator, sort_key_of_turkish
from edition.core.xref import reference

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: The group of quotations with no document (a key no document id can be).
NO_DOCUMENT = " no-document"


class quotation_index(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Replaced by the index of quotations."""


class AlintiDiziniDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = quotation_index()
        self.set_source_info(node)
        edition_domain(self.env).note_gathering_list(self.env.docname, "alinti-dizini")
        return [node]


def quotation_ref(ident: str, text: str) -> addnodes.pending_xref:
    return reference(ident, text, domain="edition", reftype="alinti", explicit=True)


def citation(quotation: Quotation) -> addnodes.pending_xref:
    """The short citation, as sphinxcontrib-bibtex formats it: Lenin, *Başlık*, s. 180."""
    target = f"{quotation.key}{{{page_locator(quotation.locator)}}}"
    return reference(target, domain="cite", reftype="alp")


def where_quoted(env: BuildEnvironment, quotation: Quotation) -> nodes.Node:
    """A link to the innermost labelled section holding the quotation (or to its page)."""
    labels = env.domains.standard_domain.labels
    by_id = {
        labelid: label for label, (doc, labelid, _) in labels.items() if doc == quotation.docname
    }
    label = next((by_id[i] for i in quotation.sections if i in by_id), None)
    if label is None:
        target, reftype = "/" + quotation.docname, "doc"
    else:
        target, reftype = label, "ref"
    return reference(target, reftype=reftype, refdoc=env.current_document.docname)


def by_document(
    quotations: dict[str, Quotation],
) -> list[tuple[str, str, list[tuple[str, Quotation]]]]:
    """(document, date of its first quotation, [(id, quotation)]) in date order."""
    groups: dict[str, list[tuple[str, Quotation]]] = {}
    for ident, quotation in quotations.items():
        groups.setdefault(quotation.document or NO_DOCUMENT, []).append((ident, quotation))
    ordered = []
    for document, members in groups.items():
        members.sort(key=lambda m: (sort_key_of_turkish(m[1].date), m[1].locator))
        ordered.append((document, members[0][1].date, members))
    ordered.sort(key=lambda group: (sort_key_of_turkish(group[1]), group[0]))
    return ordered


class FillQuotationIndex(SphinxPostTransform):
    default_priority = ReferencesResolver.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(quotation_index)):
            groups = nodes.definition_list(classes=["alinti-dizini"])
            domain = edition_domain(self.env)
            for document, _first, members in by_document(domain.quotations):
                item = nodes.definition_list_item()
                dates = sorted({q.date for _, q in members if q.date}, key=sort_key_of_turkish)
                term = nodes.term()
                if document == NO_DOCUMENT:
                    term += nodes.Text(words.NO_DOCUMENT)
                elif document not in domain.data["documents"]:
                    term += nodes.Text(document)  # an unknown id is reported at its line
                else:  # the register's title, linked to the document's entry
                    term += nodes.Text("“")
                    term += reference(document, domain="edition", reftype="belge")
                    term += nodes.Text("”")
                if dates:
                    term += nodes.Text(f" — {'; '.join(page_date(d) for d in dates)}")
                item += term
                entries = nodes.bullet_list()
                for ident, quotation in members:
                    para = nodes.paragraph()
                    para += quotation_ref(ident, incipit(quotation.text))
                    if quotation.key and quotation.locator:
                        para += nodes.Text(" — ")
                        para += citation(quotation)
                    # else: the quotation itself has already been reported, at its line
                    para += nodes.Text(words.QUOTED_AT)
                    para += where_quoted(self.env, quotation)
                    para += nodes.Text(".")
                    entries += nodes.list_item("", para)
                item += nodes.definition("", entries)
                groups += item
            node.replace_self(groups)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.content.quotations")
    app.add_directive("alinti-dizini", AlintiDiziniDirective)
    app.add_post_transform(FillQuotationIndex)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
