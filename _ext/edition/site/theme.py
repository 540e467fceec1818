"""Furo for Turkish readers and assistive technology.

Three kinds of repair, each checked, so that a theme or Sphinx upgrade that moves the
markup fails the build instead of quietly bringing a fault back:

* **Markup Sphinx and docutils write** (a translator): the captions of the tables of
  contents are headings without a level (``role="heading"`` needs ``aria-level``); the
  bibliography's entries carry the deprecated DPub role ``doc-biblioentry`` inside a
  ``role="list"`` that then has no list items; a ¶ link points only to an anchor the
  edition publishes (``edition.site.ids``).
* **Furo's fixed markup** (a filter over its page body, ``templates/page.html``): the
  two side panels are both unnamed ``<aside>`` landmarks, and on narrow windows their
  switches cannot be reached from the keyboard while their hidden links can
  (``static/edition-panels.js`` and ``static/edition.css`` complete this); the icons speak
  English ("Toggle site navigation sidebar", "Light mode"), and the footer says
  "@pradyunsg's Furo".
* **The search page** (``templates/search.html``) has no level-one heading.
* **The EPUB's pages** do not say their language (``lang``), only its package file does.

The interface words come from the catalogue in ``locale/``; every page shows them, and
Sphinx does not write a page again when only the catalogue changed. When it did (since
the last build), every page is written again, as a clean build writes it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

from edition.core.domain import remember
from edition.core.language import is_english
from edition.core.messages import Problem, warn
from edition.site.ids import permalink_id
from edition.upstream.furo import PAGE_MARKUP, PAGE_MARKUP_ONE_OF

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Furo's fixed markup → the edition's; each must be found on every furo page, and a
#: page holds one of OPTIONAL (edition/upstream/furo.py).
FURO_MARKUP = PAGE_MARKUP
OPTIONAL = PAGE_MARKUP_ONE_OF


#: The English edition's names of the landmarks the Turkish markup names.
ENGLISH_LANDMARKS = {
    'aria-label="Site içeriği"': 'aria-label="Site contents"',
    'aria-label="Bu sayfada"': 'aria-label="On this page"',
}


def english_markup() -> dict[str, str]:
    """FURO_MARKUP for the English edition: the same landmarks and ids, named in English;
    furo's own English labels and titles kept."""
    markup = {}
    for old, new in FURO_MARKUP.items():
        if old.startswith("<aside"):
            for turkish, english in ENGLISH_LANDMARKS.items():
                new = new.replace(turkish, english)
            markup[old] = new
        elif not new:  # removed in both
            markup[old] = new
        else:
            markup[old] = old
    return markup


def english_furo(body: str) -> Markup:
    """The ``edition_theme`` filter of the English edition."""
    return turkish_furo(body, english_markup())


def turkish_furo(body: str, markup: dict[str, str] | None = None) -> Markup:
    """The ``edition_theme`` filter: FURO_MARKUP applied to a rendered page body."""
    text = str(body)
    missing = []
    for old, new in (markup or FURO_MARKUP).items():
        if old not in text and old not in OPTIONAL:
            missing.append(old)
        text = text.replace(old, new)
    if not any(old in str(body) for old in OPTIONAL):
        missing.append(" or ".join(sorted(OPTIONAL)))
    if missing:
        warn(
            Problem.THEME,
            "the theme's page no longer contains %s; furo changed: update PAGE_MARKUP in "
            "_ext/edition/upstream/furo.py",
            ", ".join(repr(m) for m in missing),
        )
    return Markup(text)  # furo's own rendered markup, changed only as listed above


class EditionHTMLTranslator(HTML5Translator):
    """Sphinx's HTML, with heading levels on toctree captions, list roles in the
    bibliography and ¶ links to published anchors only."""

    def add_permalink_ref(self, node: nodes.Element, title: str) -> None:
        if not (self.config.html_permalinks and self.builder.add_permalinks):
            return
        ident = permalink_id(self.builder.env, self.builder.current_docname, node["ids"])
        if ident is not None:  # as Sphinx writes it, to the published id
            icon = self.config.html_permalinks_icon
            self.body.append(f'<a class="headerlink" href="#{ident}" title="{title}">{icon}</a>')

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            attributes = {"role": "heading", "aria-level": "2"}
            self.body.append(self.starttag(node, "p", "", CLASS="caption", **attributes))
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
            return
        super().visit_title(node)

    def visit_citation(self, node: nodes.citation) -> None:
        if not isinstance(node.previous_sibling(), nodes.citation):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def register(app: Sphinx, config: Config) -> None:
    templates = Path(os.path.relpath(TEMPLATES, app.confdir)).as_posix()
    config.templates_path = [templates, *config.templates_path]


def add_filter(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        theme = getattr(getattr(app.builder, "theme", None), "name", "")
        furo = english_furo if is_english(app.config) else turkish_furo
        templates.environment.filters["edition_theme"] = (
            furo if theme == "furo" else lambda body: body  # not in the EPUB's theme
        )


def book_language(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The EPUB's pages declare their language too (Sphinx writes it only in the OPF)."""
    tag = context.get("html_tag")
    if app.builder.name.startswith("epub") and tag and " lang=" not in tag:
        lang = app.config.language
        context["html_tag"] = tag.replace("<html ", f'<html lang="{lang}" xml:lang="{lang}" ', 1)


def write_all_when_words_change(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when the catalogues of ``locale_dirs`` changed since the last build."""
    import hashlib

    digest = hashlib.sha256()
    for folder in app.config.locale_dirs:
        base = Path(app.confdir, folder)
        for path in sorted(p for p in base.rglob("*") if p.suffix in {".po", ".mo"}):
            digest.update(path.relative_to(base).as_posix().encode())
            digest.update(path.read_bytes())
    now = digest.hexdigest()
    return [] if remember(env, "catalogues", now) == now else sorted(env.all_docs)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.site.ids")  # the ¶ links' anchors
    app.set_translator("html", EditionHTMLTranslator, override=True)
    app.connect("env-updated", write_all_when_words_change)
    app.connect("config-inited", register)
    app.connect("builder-inited", add_filter)
    app.connect("html-page-context", book_language)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
