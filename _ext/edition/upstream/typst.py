"""sphinxcontrib-typstbuilder internals the edition relies on (checked against
sphinxcontrib-typstbuilder==0.1.1).

The library exports no API beyond its ``setup()``; its builder and translator live in the
private modules ``_builder`` and ``_writer``. The edition's translator
(``edition.pdf.builder.EditionTypstTranslator``) subclasses the library's and calls the helpers
listed in :data:`TRANSLATOR_HELPERS`.

Tests: ``tests/test_upstream.py`` (``test_typst_*``).
"""

from __future__ import annotations

from sphinxcontrib_typstbuilder._builder import TypstBuilder
from sphinxcontrib_typstbuilder._writer import TypstTranslator, escape_str, to_str_list

__all__ = [
    "TRANSLATOR_ATTRIBUTES",
    "TRANSLATOR_HELPERS",
    "TypstBuilder",
    "TypstTranslator",
    "escape_str",
    "to_str_list",
]

#: Methods of ``TypstTranslator`` the edition's translator calls or overrides and chains
#: to (sphinxcontrib-typstbuilder 0.1.1): the element stack (``curr_element``,
#: ``pop_el``, ``absorb_fun_in_body``), Typst function calls (``append_inline_fun``,
#: ``append_block_fun``, ``append_block_code_fun``, ``append_markup_arg``), labels
#: (``label_ref``, ``add_pending_labels``), and the visitors it chains to. The page
#: references (edition.pdf.builder) also assume that the library writes an internal
#: reference as ``internal-link(label)[text]``, a label as ``label_ref`` gives it, and a
#: text node as ``#"…"`` (``"#" + escape_str(text)``) appended to ``curr_element().body``.
TRANSLATOR_HELPERS = (
    "curr_element",
    "pop_el",
    "absorb_fun_in_body",
    "append_inline_fun",
    "append_block_fun",
    "append_block_code_fun",
    "append_markup_arg",
    "label_ref",
    "add_pending_labels",
    "visit_start_of_file",
    "depart_start_of_file",
    "depart_document",
    "visit_transition",
    "visit_container",
    "visit_reference",
    "depart_reference",
    "visit_section",
    "visit_block_quote",
    "visit_Text",
    "visit_paragraph",
    "depart_paragraph",
    "depart_document",
)
#: Attributes of a ``TypstTranslator`` the edition's translator reads and sets: the
#: current section level (an int, 0 at a page's start).
TRANSLATOR_ATTRIBUTES = ("sectionlevel",)
