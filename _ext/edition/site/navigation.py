"""furo's site navigation made once per build instead of once per page.

For every page furo asks Sphinx for the whole site's table of contents and reworks it with
BeautifulSoup. Sphinx copies every page's full table of contents to make it, so the work
per page grows with the size of the site and the build grows with its square (at 357
pages it was most of the build). On a flat site — every page at the top, one toctree page
— the navigation differs from page to page only in which entry is the current one. It is
made here once, through Sphinx and furo as usual but for no page in particular, and each
page gets a copy with its own entry marked as Sphinx and furo mark it. Anything else (a
nested site, an entry that is not where expected) takes furo's own way, and a test
compares every page with furo's own output byte for byte (``edition_fast_navigation``
turns this off).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edition.core import words
from edition.site.files import is_site
from edition.upstream.furo import (
    CURRENT_ENTRY,
    NAVIGATION_CALL,
    NAVIGATION_KEY,
    PAGE_CONTEXT_PRIORITY,
    PLAIN_ENTRY,
    navigation_tree,
)
from edition.upstream.sphinx import local_toctree

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: How furo asks for the navigation (edition/upstream/furo.py).
FURO_CALL = NAVIGATION_CALL


def flat(env: BuildEnvironment) -> bool:
    """Every page at the top, and only the root page holding toctrees, each entry once."""
    root = env.config.root_doc
    if any("/" in doc for doc in env.found_docs) or set(env.toctree_includes) - {root}:
        return False
    entries = env.toctree_includes.get(root, [])
    return len(entries) == len(set(entries))


def shortcut(app: Sphinx) -> str | None:
    """The navigation made once, for no page in particular, or None where furo's own way
    must be taken. Decided at the first page written in each build."""
    builder = app.builder
    if not hasattr(builder, "edition_neutral_toctree"):
        builder.edition_neutral_toctree = None
        if (
            app.config.edition_fast_navigation
            and is_site(app)
            and app.config.html_theme == "furo"
            and flat(app.env)
        ):
            # as Sphinx renders it for the root page, which is no entry of it
            builder.edition_neutral_toctree = local_toctree(
                builder, app.config.root_doc, **FURO_CALL
            )
    return builder.edition_neutral_toctree


def new_build(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    # A second build of the same application (the tests do it) may change the pages.
    if hasattr(app.builder, "edition_neutral_toctree"):
        del app.builder.edition_neutral_toctree


def before_furo(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "toctree" not in context or (neutral := shortcut(app)) is None:
        return
    original = context["toctree"]

    def toctree(**kwargs: Any) -> str:
        return neutral if kwargs == FURO_CALL else original(**kwargs)

    context["toctree"] = toctree
    context["edition_page_toctree"] = original


def after_furo(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    original = context.pop("edition_page_toctree", None)
    if original is None:
        return
    context["toctree"] = original
    tree = context.get(NAVIGATION_KEY, "")
    listed = pagename in app.env.toctree_includes.get(app.config.root_doc, [])
    uri = app.builder.get_relative_uri(app.config.root_doc, pagename)
    entry = PLAIN_ENTRY.format(uri=uri)
    if not listed and entry not in tree:
        return  # not in the navigation (the root page, the index, search): nothing marked
    if listed and tree.count(entry) == 1:
        at = tree.index(entry)
        ul = tree.rfind("<ul>", 0, at)
        if ul != -1 and tree.rfind("</ul>", ul, at) == -1:
            context[NAVIGATION_KEY] = (
                tree[:ul]
                + '<ul class="current">'
                + tree[ul + len("<ul>") : at]
                + CURRENT_ENTRY
                + tree[at + len(entry) :]
            )
            return
    context[NAVIGATION_KEY] = navigation_tree(original(**FURO_CALL))


def add_the_index(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The general index ("Dizin") as the last entry of the navigation: a toctree cannot
    name it (the PDF's builder has no such page), so it is added to furo's tree here, on
    every page and on both of the ways above."""
    tree = context.get(NAVIGATION_KEY, "")
    if not is_site(app) or not app.config.html_use_index or not tree.rstrip().endswith("</ul>"):
        return
    if pagename == "genindex":
        entry = CURRENT_ENTRY + f"{words.GENERAL_INDEX}</a></li>\n"
    else:
        uri = app.builder.get_relative_uri(pagename, "genindex")
        entry = PLAIN_ENTRY.format(uri=uri) + f"{words.GENERAL_INDEX}</a></li>\n"
    end = tree.rstrip().rfind("</ul>")
    context[NAVIGATION_KEY] = tree[:end] + entry + tree[end:]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("env-before-read-docs", new_build)
    app.connect("html-page-context", before_furo, priority=PAGE_CONTEXT_PRIORITY - 1)
    app.connect("html-page-context", after_furo, priority=PAGE_CONTEXT_PRIORITY + 1)
    app.connect("html-page-context", add_the_index, priority=PAGE_CONTEXT_PRIORITY + 2)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
