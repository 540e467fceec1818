"""The edition's stylesheet, icon and link previews (``static/``) on every HTML page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

STATIC = Path(__file__).resolve().parent / "static"


def is_site(app: Sphinx) -> bool:
    """Whether the builder writes the web site (not the EPUB, whose pages are XHTML files in
    a book: no meta tags for the web, no scripts, no cite controls)."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


def add_static_path(app: Sphinx, config: Config) -> None:
    # Relative to conf.py's folder, as Sphinx reads it: an absolute path would change the
    # HTML configuration's hash (.buildinfo) with the folder the edition is built in.
    static = os.path.relpath(STATIC, app.confdir)
    config.html_static_path = [*config.html_static_path, Path(static).as_posix()]
    if not config.html_favicon:  # else browsers ask for /favicon.ico, which is not there
        config.html_favicon = (Path(static) / "favicon.svg").as_posix()


def add_page_script(app: Sphinx, filename: str, **attributes: str) -> None:
    """Give one page a script of ``_static`` (from ``html-page-context``), that page only.

    ``app.add_js_file`` there gives it to the page being written, but also keeps it in
    the application's registry, and Sphinx gives the registry's files to every page of
    every later build of the same application: the live preview's (tools/preview.py),
    which builds again on every save, and the tests'. The builder's own ``add_js_file``
    gives it to this page alone (the builder restores its list after each page).
    """
    app.builder.add_js_file(filename, priority=500, **attributes)


def web_fonts_on_the_site_only(app: Sphinx) -> None:
    """The web's text face (``static/edition-fonts.css`` and ``static/fonts/``) is given to
    the site's pages and left out of the EPUB: an e-reader sets a book in its reader's own
    fonts."""
    if is_site(app):
        app.add_css_file("edition-fonts.css", priority=400)  # before edition.css (500)
    elif app.builder.name.startswith("epub"):
        fonts = sorted(f"_static/fonts/{path.name}" for path in (STATIC / "fonts").iterdir())
        app.config.epub_exclude_files = [
            *app.config.epub_exclude_files,
            "_static/edition-fonts.css",
            *fonts,
        ]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", web_fonts_on_the_site_only)
    app.add_css_file("edition.css")
    app.add_js_file("edition-preview.js", loading_method="defer")  # link previews
    app.add_js_file("edition-panels.js", loading_method="defer")  # side panels by keyboard
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
