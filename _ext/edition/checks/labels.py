"""Keep section labels right across incremental builds (``docs-live``, repeated ``nox``).

When a page defines a label another page already has, Sphinx reports the duplicate and
then keeps only the newer page's claim. Once the contributor removes the duplicate, the
first page still has the label in its text, but Sphinx no longer knows it: every link
to it is reported as undefined until a clean build. This extension remembers which
labels each page defines and, when a page changes, reads again every page that shares
a label with it, so the first page's claim is restored.

Titles: every page shows the titles of all pages (the navigation), and a link to a
section shows the section's title, on whichever page the link is, often one made when
the page is written (the chronology's, the conclusions'). So when a page's title, a
label's title or place, or the set of pages changed since the last build, every page is
written again, as a clean build writes it; an edit that changes no title writes only
what it did before.

Ids: a table, figure or code block with a caption gets an id from Sphinx before the
author's label reaches it (``sphinx.transforms.AutoNumbering`` runs before docutils moves
a label onto the element it stands above), so its first id, the one its ¶ link and every
output use, is a generated ``idN``, not the label. Sphinx puts a section's label first
itself (``SortIds``); :class:`LabelIsTheId` does it for the others and drops the generated
id, which nothing names: the label the author gave is the element's only id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from edition.core.domain import remember

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


def defined(env: BuildEnvironment) -> dict[str, set[str]]:
    """Page → the explicit labels it defines (kept in the pickled environment)."""
    if not hasattr(env, "edition_labels"):
        env.edition_labels = {}
    return env.edition_labels


def is_label(doctree: nodes.document, name: str) -> bool:
    """Whether an explicit name is a label other pages can link to (as Sphinx's standard
    domain decides): not a footnote's or citation's name, which each page has its own of."""
    node = doctree.ids.get(doctree.nameids.get(name) or "")
    if node is not None and node.tagname == "target" and "refid" in node:
        node = doctree.ids.get(node["refid"])
    return (
        node is not None and node.tagname not in {"footnote", "citation"} and "refuri" not in node
    )


def note_labels(app: Sphinx, doctree: nodes.document) -> None:
    names = {
        name for name, explicit in doctree.nametypes.items() if explicit and is_label(doctree, name)
    }
    defined(app.env)[app.env.current_document.docname] = names


def sharing_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The unchanged pages that define a label a changed or removed page defines."""
    labels = defined(env)
    touched = set().union(*(labels.get(doc, set()) for doc in changed | removed))
    env.edition_reread_last = sorted(
        doc
        for doc, names in labels.items()
        if doc not in changed | removed and names & touched and doc in env.found_docs
    )
    return env.edition_reread_last


def read_them_last(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Read those pages after the changed ones (a serial build forgets a page's labels
    only just before reading it again; the parallel one forgets all first)."""
    last = set(getattr(env, "edition_reread_last", ()))
    docnames.sort(key=lambda doc: doc in last)
    env.edition_reread_last = []


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    defined(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in defined(other):
            defined(env)[docname] = defined(other)[docname]


def titles(env: BuildEnvironment) -> dict[str, Any]:
    """What other pages show of each page: its title, its labels' places and titles."""
    std = env.domains.standard_domain
    return {
        "pages": {
            doc: env.titles[doc].astext() if doc in env.titles else "" for doc in env.all_docs
        },
        "labels": dict(std.labels),
        "anonlabels": dict(std.anonlabels),
    }


def write_all_when_titles_change(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when a title another page shows changed since the last build."""
    now = titles(env)
    return [] if remember(env, "titles", now) == now else sorted(env.all_docs)


class LabelIsTheId(SphinxTransform):
    """A captioned table's, figure's or code block's ids: its explicit labels only, when it
    has one; Sphinx's generated id (``AutoNumbering``) otherwise, as before."""

    #: After docutils has moved labels onto their elements (``PropagateTargets``, 260) and
    #: Sphinx has sorted the sections' ids (``SortIds``, 261).
    default_priority = 262

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        explicit = {
            document.nameids[name]
            for name, is_explicit in document.nametypes.items()
            if is_explicit and document.nameids.get(name)
        }
        named = set(document.nameids.values())
        std = self.env.domains.standard_domain
        for node in document.findall(nodes.Element):
            ids = node.get("ids", [])
            if len(ids) < 2 or not std.is_enumerable_node(node):
                continue
            labels = [ident for ident in ids if ident in explicit]
            if not labels:
                continue
            generated = [ident for ident in ids if ident not in named]
            for ident in generated:
                if document.ids.get(ident) is node:
                    del document.ids[ident]
            node["ids"] = labels + [i for i in ids if i not in labels and i not in generated]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_transform(LabelIsTheId)
    app.connect("doctree-read", note_labels)
    app.connect("env-updated", write_all_when_titles_change)
    app.connect("env-get-outdated", sharing_pages)
    app.connect("env-before-read-docs", read_them_last)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {
        "version": "1",
        # 2: footnote names are no longer counted as labels; 3: a label is the only id of
        # its table, figure or code block (LabelIsTheId)
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
