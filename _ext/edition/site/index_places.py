"""The general index in Turkish order, its locators named: "Section (Page)", not [1] [2] ….

Sphinx sorts the index by code point, which puts "Romagnolo" before "Rıkov" and "Çiçerin"
after "Zinovyev"; the letters and the entries under each are put in the Turkish
alphabet's order here (``core.turkish.collation_key``).

The index page's template (``templates/genindex.html``) looks each link up in
``edition_index_places``, made here from the pages as read: the title of the section that
holds the link's anchor, and the title of its page (only the page's title when the anchor
is in the page's opening section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from edition.core.turkish import collation_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def place_names(app: Sphinx, entries: Any) -> dict[str, str]:
    """``uri`` → its place, for every link of the index's entries."""
    wanted: dict[str, set[str]] = {}
    for _key, group in entries:
        for _name, (links, subitems, _main) in group:
            every = [*links, *(link for _sub, sublinks in subitems for link in sublinks)]
            for _ismain, uri in every:
                page, _, anchor = uri.partition("#")
                wanted.setdefault(page, set()).add(anchor)
    names: dict[str, str] = {}
    for docname in sorted(app.env.found_docs):
        page = app.builder.get_target_uri(docname)
        if page not in wanted:
            continue
        title = app.env.titles[docname].astext()
        doctree = app.env.get_doctree(docname)
        for anchor in wanted[page]:
            names[f"{page}#{anchor}" if anchor else page] = name_of(doctree, anchor, title)
    return names


def name_of(doctree: nodes.document, anchor: str, page_title: str) -> str:
    target = doctree.ids.get(anchor) if anchor else None
    section = target
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is None or isinstance(section.parent, nodes.document):
        return page_title  # the page's opening section
    heading = section.next_node(nodes.title)
    return f"{heading.astext()} ({page_title})" if heading is not None else page_title


def add_place_names(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "genindex" and "genindexentries" in context:  # the site's and the EPUB's
        entries = [
            (letter, sorted(group, key=lambda entry: collation_key(entry[0])))
            for letter, group in context["genindexentries"]
        ]
        entries.sort(key=lambda item: collation_key(item[0]))
        context["genindexentries"] = entries
        context["edition_index_places"] = place_names(app, entries)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("html-page-context", add_place_names)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
