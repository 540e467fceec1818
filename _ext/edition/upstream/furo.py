"""furo internals and markup the edition relies on (checked against furo==2025.12.19).

Tests: ``tests/test_upstream.py`` (``test_furo_*``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes

#: How furo asks the page's ``toctree()`` for the navigation (keywords of the call in
#: ``furo._compute_navigation_tree``; furo 2025.12.19).
NAVIGATION_CALL = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}
#: The page-context key furo writes the navigation's HTML to (furo 2025.12.19).
NAVIGATION_KEY = "furo_navigation_tree"
#: The priority of furo's ``html-page-context`` handler (the default, 500; furo 2025.12.19).
PAGE_CONTEXT_PRIORITY = 500
#: A top-level entry of furo's navigation, not the current page (furo 2025.12.19 over
#: sphinx 9.0.4's toctree markup).
PLAIN_ENTRY = '<li class="toctree-l1"><a class="reference internal" href="{uri}">'
#: The same entry when it is the current page.
CURRENT_ENTRY = (
    '<li class="toctree-l1 current current-page"><a class="current reference internal" href="#">'
)

#: Fixed markup furo writes in every page (furo 2025.12.19; its templates, not documented)
#: → what the edition writes instead (the ``edition_theme`` filter, edition/theme.py).
#: Every key must be found on every furo page, but those of :data:`PAGE_MARKUP_ONE_OF`,
#: of which a page holds one.
PAGE_MARKUP = {
    # named landmarks, with ids for the panel switches (static/edition-panels.js)
    '<aside class="sidebar-drawer">': (
        '<aside class="sidebar-drawer" id="site-paneli" aria-label="Site içeriği">'
    ),
    '<aside class="toc-drawer">': (
        '<aside class="toc-drawer" id="sayfa-paneli" aria-label="Bu sayfada">'
    ),
    '<aside class="toc-drawer no-toc">': (
        '<aside class="toc-drawer no-toc" id="sayfa-paneli" aria-label="Bu sayfada">'
    ),
    'aria-label="Toggle site navigation sidebar"': 'aria-label="Site içeriği panelini aç/kapat"',
    'aria-label="Toggle table of contents sidebar"': 'aria-label="Sayfa içeriği panelini aç/kapat"',
    'aria-label="Toggle Light / Dark / Auto color theme"': (
        'aria-label="Renk teması: açık, koyu ya da otomatik"'
    ),
    "<title>Contents</title>": "<title>İçindekiler</title>",
    "<title>Light mode</title>": "<title>Açık tema</title>",
    "<title>Dark mode</title>": "<title>Koyu tema</title>",
    "<title>Auto light/dark, in light mode</title>": "<title>Otomatik tema (şu an açık)</title>",
    "<title>Auto light/dark, in dark mode</title>": "<title>Otomatik tema (şu an koyu)</title>",
    '<a class="muted-link" href="https://pradyunsg.me">@pradyunsg</a>\'s': "",
}
#: Pages without a table of contents give furo's right panel another class: one of these
#: (furo 2025.12.19).
PAGE_MARKUP_ONE_OF = {'<aside class="toc-drawer">', '<aside class="toc-drawer no-toc">'}

#: The priority of furo's post-transform that wraps each table and display formula in a
#: container (``furo.WrapTableAndMathInAContainerTransform``, HTML only; furo 2025.12.19).
WRAP_PRIORITY = 500
#: The classes of those containers (furo 2025.12.19).
WRAPPER_CLASSES = ("table-wrapper", "math-wrapper")


def wrappers(document: nodes.document) -> Iterator[nodes.container]:
    """furo's containers around tables and display formulas, once its post-transform ran.

    Assumes (furo 2025.12.19): each is a ``container`` of one of :data:`WRAPPER_CLASSES`
    holding the wrapped node, and it took every attribute of that node
    (``update_all_atts``), ids included, so the page would hold each of them twice.
    """
    from docutils import nodes

    for node in document.findall(nodes.container):
        if any(name in node["classes"] for name in WRAPPER_CLASSES):
            yield node


def navigation_tree(toctree_html: str) -> str:
    """furo's navigation made from the toctree's HTML.

    Assumes: ``furo.navigation.get_navigation_tree(toctree_html: str) -> str`` (an
    undocumented module; furo 2025.12.19), which is what furo stores under
    :data:`NAVIGATION_KEY` for the HTML of the :data:`NAVIGATION_CALL` call.
    """
    from furo.navigation import get_navigation_tree

    return get_navigation_tree(toctree_html)
