"""The edition of Lenin's last writings and letters as one Sphinx extension, in layers.

``conf.py`` loads ``edition``; :func:`setup` loads the parts below in order. The folders
show which part may use which (``tests/test_layers.py`` keeps the rule):

``core``
    the domain (every quotation, conclusion and theme page, and per-page state), the
    ``edition_*`` settings, messages and their subtypes, cross-references, source lines,
    Turkish text (case, dates, order), data files and their schemas, git.
``content``, ``registers``, ``checks``
    what a page's author writes (quotations, citations, notes, conclusions, the
    bibliography style), the registers generated from ``data/`` (chronology, persons), and
    what refuses or advises (guard, URLs, advice, labels, the ``.bib`` check, anchors).
    Each uses ``core`` only.
``site``, ``pdf``
    what only the web site needs (theme, navigation, assets, security policy, search,
    citing, sources) and the Typst book; they may use everything below them.
``upstream``
    the one adapter per other package whose private parts the edition relies on; any
    layer may use it, nothing else touches those parts.

Each part is an extension of its own too (a test project loads just the part it tests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The parts, in the order their handlers must run (later parts see what earlier wrote).
PARTS = (
    "edition.core",
    "edition.checks.guard",
    "edition.checks.urls",
    "edition.checks.advice",
    "edition.checks.labels",
    "edition.checks.translation",
    "edition.content.citations",
    "edition.content.quotations",
    "edition.content.conclusions",
    "edition.content.notes",
    "edition.registers.chronology",
    "edition.registers.persons",
    "edition.registers.documents",
    "edition.content.quotation_index",
    "edition.checks.anchors",
    "edition.site.redirects",
    "edition.site.releases",
    "edition.site.citing",
    "edition.site.languages",
    "edition.site.sources",
    "edition.checks.bibcheck",
    "edition.content.bibstyle",
    "edition.pdf.builder",
    "edition.site.files",
    "edition.site.csp",
    "edition.site.ids",
    "edition.site.theme",
    "edition.site.search",
    "edition.site.assets",
    "edition.site.navigation",
    "edition.site.index_places",
)


def setup(app: Sphinx) -> ExtensionMetadata:
    for part in PARTS:
        app.setup_extension(part)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
