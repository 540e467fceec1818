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
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edition.core.domain import remember

if TYPE_CHECKING:
    from docutils import nodes
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


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("doctree-read", note_labels)
    app.connect("env-updated", write_all_when_titles_change)
    app.connect("env-get-outdated", sharing_pages)
    app.connect("env-before-read-docs", read_them_last)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {
        "version": "1",
        "env_version": 2,  # 2: footnote names are no longer counted as labels
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
