"""The site's redirects for the anchors that moved (``data/anchors-removed.txt``).

For each move recorded there (read by ``edition.checks.anchors``): a page that keeps
existing redirects the removed fragment (``edition-redirects.js``), and a page that is gone
is replaced by a small page that sends the reader, fragment and all, to the new place (with
a plain ``<meta refresh>`` for readers without JavaScript).

The output folder is kept from build to build (incremental builds), so a page that is no
longer built, a removed page or a redirect no longer recorded, would stay in it and be
published; after each HTML build every such page is removed.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition.checks.anchors import removed
from edition.core import words
from edition.core.domain import remember
from edition.core.language import is_english
from edition.site.files import add_page_script, is_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

REDIRECT_SCRIPT = "edition-redirects.js"


def page_redirects(app: Sphinx) -> dict[str, dict[str, str]]:
    """For each old page: fragment ("" for the page itself) → new "page#id"."""
    by_page: dict[str, dict[str, str]] = {}
    for old, (_, new) in removed(app).items():
        page, _, fragment = old.partition("#")
        by_page.setdefault(page, {})[fragment] = new
    return by_page


def relative_target(app: Sphinx, from_page: str, new: str) -> str:
    page, _, fragment = new.partition("#")
    uri = app.builder.get_relative_uri(from_page, page)
    return f"{uri}#{fragment}" if fragment else uri


def add_redirect_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A page that kept existing but lost fragments redirects those fragments."""
    moves = page_redirects(app).get(pagename)
    if not moves:
        return
    mapping = {frag: relative_target(app, pagename, new) for frag, new in moves.items() if frag}
    if mapping:
        add_page_script(
            app, REDIRECT_SCRIPT, **{"data-redirects": json.dumps(mapping, sort_keys=True)}
        )


def write_redirecting_pages_again(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose redirected fragments changed since the last build: their redirect
    script is added when they are written, and they did not change themselves."""
    now = page_redirects(app)
    before = remember(env, "page-redirects", now) or {}
    changed = {page for page in {*now, *before} if now.get(page) != before.get(page)}
    return sorted(changed & env.found_docs)


def stub_pages(app: Sphinx) -> dict[str, dict[str, str]]:
    """The pages that are gone, with their moves: each gets a page that redirects."""
    return {p: m for p, m in page_redirects(app).items() if p not in app.env.found_docs}


def note_generated(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Remember the pages written this build that are not the edition's own (the index,
    the search page): the pages that stay in the output besides the edition's and stubs."""
    if doctree is None:
        app.builder.__dict__.setdefault("edition_generated", set()).add(pagename)


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """Remove from the output folder the pages this build does not make: a page removed
    from docs/, a redirect no longer recorded. A clean build would not have them."""
    if exception is not None or not is_site(app):
        return
    outdir = Path(app.outdir)
    made = {
        *app.env.all_docs,
        *app.builder.__dict__.get("edition_generated", ()),
        *stub_pages(app),
    }
    wanted = {outdir / f"{page}{app.builder.out_suffix}" for page in made}
    for path in sorted(outdir.rglob(f"*{app.builder.out_suffix}")):
        if path not in wanted and not path.relative_to(outdir).parts[0].startswith("_"):
            path.unlink()


def write_stub_pages(app: Sphinx, exception: Exception | None) -> None:
    """Pages that are gone get a small page sending the reader to their new place."""
    if exception is not None or not is_site(app):
        return
    for page, moves in stub_pages(app).items():
        default = moves.get("") or next(iter(moves.values()))
        target = relative_target(app, page, default)
        mapping = {frag: relative_target(app, page, new) for frag, new in moves.items() if frag}
        outfile = Path(app.outdir) / f"{page}{app.builder.out_suffix}"
        outfile.parent.mkdir(parents=True, exist_ok=True)
        static = "../" * page.count("/")
        outfile.write_text(
            STUB.format(
                target=html.escape(target, quote=True),
                redirects=html.escape(json.dumps(mapping, sort_keys=True), quote=True),
                script=f"{static}_static/{REDIRECT_SCRIPT}",
                lang="en" if is_english(app.config) else "tr",
                moved_title=words.MOVED_TITLE,
                moved_text=words.MOVED_TEXT.format(
                    link=f'<a href="{html.escape(target, quote=True)}">{words.MOVED_LINK}</a>'
                ),
            ),
            encoding="utf-8",
        )


STUB = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{moved_title}</title>
<meta name="robots" content="noindex">
<script src="{script}" data-redirects="{redirects}" data-default="{target}"></script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{moved_text}</p>
</body>
</html>
"""


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.checks.anchors")  # the recorded moves
    app.setup_extension("edition.site.files")  # serves static/edition-redirects.js
    app.connect("env-updated", write_redirecting_pages_again)
    app.connect("html-page-context", add_redirect_script)
    app.connect("html-page-context", note_generated)
    app.connect("build-finished", remove_stale_pages)
    app.connect("build-finished", write_stub_pages)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
