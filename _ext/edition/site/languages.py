"""The two editions linked page to page: the language switcher and ``hreflang`` alternates.

The Turkish edition is the site's root, the English one ``en/`` beneath it, with the same
page names and anchors (tools/publish.py). When both are published (``edition_editions``,
which publish.py sets to the languages it builds), every page of each:

* opens its body with a link to the same page in the other language (``lang`` and
  ``hreflang`` on the link; ``static/edition-language.js`` adds the reader's ``#fragment``
  when it is followed, so the reader stays at the same passage; without the script the
  link leads to the page);
* names both pages in its head: ``<link rel="alternate" hreflang="tr|en|x-default">``
  (absolute when ``html_baseurl`` is set; ``x-default`` is the Turkish, the source).

A build of one language alone (a plain ``sphinx-build``, the tests' projects) links to
nothing that is not built.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from edition.core import words
from edition.core.language import FOLDERS, current, site_root
from edition.site.files import is_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

SCRIPT = "edition-language.js"
#: The switcher's class (the script and the stylesheet find it by it).
SWITCH = "dil-baglantisi"


def editions(app: Sphinx) -> list[str]:
    return [part.strip() for part in app.config.edition_editions.split(",") if part.strip()]


def page_address(app: Sphinx, pagename: str, language: str) -> str:
    """``pagename`` in ``language``'s edition: absolute when the site's address is set,
    else relative to the current page."""
    mine = current(app.config)
    filename = f"{pagename}{app.builder.out_suffix}"
    root = site_root(app.config)
    if root:
        return f"{root}{FOLDERS[language]}{filename}"
    up = "../" * pagename.count("/")
    if mine != "tr":
        up += "../"  # out of en/ to the site's root
    return f"{up}{FOLDERS[language]}{filename}"


def link_editions(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not is_site(app) or doctree is None:
        return
    built = editions(app)
    mine = current(app.config)
    if mine not in built or len(built) < 2:
        return
    esc = html.escape
    alternates = [
        f'<link rel="alternate" hreflang="{language}" '
        f'href="{esc(page_address(app, pagename, language), quote=True)}" />'
        for language in built
    ]
    alternates.append(
        f'<link rel="alternate" hreflang="x-default" '
        f'href="{esc(page_address(app, pagename, built[0]), quote=True)}" />'
    )
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(alternates)
    other = next(language for language in built if language != mine)
    link = (
        f'<p class="dil-secimi"><a class="{SWITCH}" '
        f'href="{esc(page_address(app, pagename, other), quote=True)}" '
        f'hreflang="{other}" lang="{other}" '
        f'title="{esc(words.OTHER_LANGUAGE_LABEL, quote=True)}">'
        f"{esc(words.OTHER_LANGUAGE)}</a></p>\n"
    )
    context["body"] = link + context.get("body", "")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.site.files")  # the static folder the script is in
    app.add_js_file(SCRIPT, loading_method="defer")
    app.connect("html-page-context", link_editions)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
