"""The bare-Sphinx floor the benchmark compares the edition with (tools/bench.py).

The same pages, read by myst-parser and written by Sphinx's default theme, with none of the
edition's work: no local extensions, no furo, no sphinx-design, no sphinxcontrib-bibtex.
So that the floor still parses every word, each directive and role the pages use that plain
Sphinx does not know becomes a neutral container (directive) or plain text (role).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles

project = "floor"
language = "tr"
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence"]
source_suffix = {".md": "markdown"}
html_theme = "alabaster"
suppress_warnings = ["ref", "myst", "toc"]  # the floor's references to edition-made targets

DIRECTIVE = re.compile(r"^[`:]{3,}\{([a-z][\w-]*)\}", re.MULTILINE)
ROLE = re.compile(r"\{([a-z][\w:-]*)\}`")


class AnyOption(dict):
    """An option spec that takes every option as text."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str):
        return directives.unchanged

    def get(self, key, default=None):
        return directives.unchanged


class Container(Directive):
    """Any edition directive: its content parsed into a plain container."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()

    def run(self) -> list[nodes.Node]:
        node = nodes.container("\n".join(self.content))
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def text_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    return [nodes.inline(rawtext, text)], []


def setup(app):
    known = set(directives._directives) | set(directives._directive_registry)
    known |= set(app.registry.domains["std"].directives)
    known |= {"toctree", "list-table", "code-block", "note", "warning", "admonition"}
    pages = [path.read_text(encoding="utf-8") for path in Path(app.srcdir).rglob("*.md")]
    for name in sorted({m for page in pages for m in DIRECTIVE.findall(page)} - known):
        app.add_directive(name, Container)
    for name in sorted({m for page in pages for m in ROLE.findall(page)}):
        if ":" not in name and name not in {"ref", "doc", "term", "numref", "download"}:
            roles.register_local_role(name, text_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
