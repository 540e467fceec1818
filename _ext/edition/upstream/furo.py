"""furo internals and markup the edition relies on (checked against furo==2025.12.19).

Tests: ``tests/test_upstream.py`` (``test_furo_*``).
"""

from __future__ import annotations

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


def navigation_tree(toctree_html: str) -> str:
    """furo's navigation made from the toctree's HTML.

    Assumes: ``furo.navigation.get_navigation_tree(toctree_html: str) -> str`` (an
    undocumented module; furo 2025.12.19), which is what furo stores under
    :data:`NAVIGATION_KEY` for the HTML of the :data:`NAVIGATION_CALL` call.
    """
    from furo.navigation import get_navigation_tree

    return get_navigation_tree(toctree_html)
