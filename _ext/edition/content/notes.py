"""Visible editorial notes: the ``{editor-notu}`` directive.

Whatever the edition says on its own account, beside the source study, goes in a note the
reader sees, never silently: a corrected date or name, a choice of spelling, a fact the
edition adds from the standard editions or general knowledge, a reading that historians
dispute, the meaning of a translation. Every note says which of these it is::

    :::{editor-notu} Ekin tarihi
    :name: not-ekin-tarihi
    :tur: duzeltme

    Kaynak inceleme eki bir yerde “4 Ocak 1922” diye tarihler; …
    :::

renders a box titled "Editör notu (düzeltme): Ekin tarihi" (``:name:`` gives it a stable
anchor; the kind is also a class, ``editor-notu-duzeltme``). The kinds are :data:`KINDS`.
A note with no text or without a known ``:tur:`` is refused with the file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from edition.core import words
from edition.core.messages import Problem, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

KINDS = words.NOTE_KINDS  #: ``:tur:`` of a note → the word its title shows


class EditorNotuDirective(SphinxDirective):
    """An editorial note, titled "Editör notu" and the optional argument."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "name": directives.unchanged,
        "tur": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        kind = self.options.get("tur", "").strip()
        if kind not in KINDS:
            given = f"':tur: {kind}' is not a kind" if kind else "no ':tur:'"
            warn(
                Problem.NOTE,
                "editorial note with %s; say which kind it is, one of: %s",
                given,
                ", ".join(KINDS),
                location=self.get_location(),
            )
            return []
        if not "\n".join(self.content).strip():
            warn(
                Problem.NOTE,
                "editorial note without text; say what the source has, what the edition "
                "writes and why",
                location=self.get_location(),
            )
            return []
        note = nodes.admonition(classes=["editor-notu", f"editor-notu-{kind}"])
        self.set_source_info(note)
        heading = f"{words.NOTE} ({words.NOTE_KINDS[kind]})"
        title = nodes.title("", f"{heading}: " if self.arguments else heading)
        if self.arguments:
            inline, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            title.extend(inline + messages)
        note += title
        self.add_name(note)
        note.extend(self.parse_content_to_nodes())
        return [note]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("editor-notu", EditorNotuDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
