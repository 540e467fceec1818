"""Visible editorial notes: the ``{editor-notu}`` directive.

Where the source study gives a wrong date or name, the edition writes the correct one
and says so in a note the reader sees, never silently::

    :::{editor-notu} Ekin tarihi
    :name: not-ekin-tarihi

    Kaynak inceleme eki bir yerde “4 Ocak 1922” diye tarihler; …
    :::

renders a box titled "Editör notu: Ekin tarihi" (``:name:`` gives it a stable anchor).
A note with no text is refused with the file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

TITLE = "Editör notu"


class EditorNotuDirective(SphinxDirective):
    """An editorial note, titled "Editör notu" and the optional argument."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        if not "\n".join(self.content).strip():
            logger.warning(
                "editorial note without text; say what the source has, what the edition "
                "writes and why",
                location=self.get_location(),
                type="edition",
                subtype="note",
            )
            return []
        note = nodes.admonition(classes=["editor-notu"])
        self.set_source_info(note)
        title = nodes.title("", f"{TITLE}: " if self.arguments else TITLE)
        if self.arguments:
            inline, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            title.extend(inline + messages)
        note += title
        self.add_name(note)
        note.extend(self.parse_content_to_nodes())
        return [note]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("editor-notu", EditorNotuDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
