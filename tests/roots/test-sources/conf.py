from docutils import nodes
from sphinx.util.docutils import SphinxDirective

extensions = ["myst_parser", "edition.site.sources"]
html_theme = "furo"
language = "tr"


class Parca(SphinxDirective):
    """The text of a file beside the pages, which the page then depends on."""

    required_arguments = 1

    def run(self):
        self.env.note_dependency(self.arguments[0])
        text = (self.env.srcdir / self.arguments[0]).read_text(encoding="utf-8")
        return [nodes.paragraph(text=text.strip())]


def setup(app):
    app.add_directive("parca", Parca)
