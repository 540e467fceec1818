"""A Content Security Policy on every page, and a check that the pages keep to it.

Readers of political history should not be followed by third parties, and a page that
slipped past review should not be able to run code. Each page therefore carries a CSP
``<meta>`` tag: everything comes from the site itself (``'self'``), and the only inline
code allowed is furo's, by hash. After the build, every written page is checked: an
inline ``<script>`` or ``<style>`` whose hash is not allowed, an ``on…=`` attribute, or a
``javascript:`` address fails the build at that file, with what to do. A furo upgrade
that changes its inline script therefore fails loudly instead of breaking the theme
switch silently. Under ``nox -s docs-live`` (``edition_live_reload=host:port``) the
policy also allows sphinx-autobuild's reload script, by its hash, and its websocket.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from edition.html import is_site
from edition.search import TURKISH_MESSAGES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The inline code furo 2025.12.19 writes in every page (checked after each build).
ALLOWED_INLINE = {
    # document.body.dataset.theme = localStorage.getItem("theme") || "auto";
    "script": ("sha256-ySvT2PEZeueHGC1y2crNuNTfphBynFPP7i+U21fEgX0=",),
    # the code colours of the Pygments styles (pygments_style, pygments_dark_style)
    "style": ("sha256-XWNpikcIxBYLwa+33Jaxv/CNbA81IPMijMNljM4Yapo=",),
}


@functools.cache
def live_reload_script(address: str) -> str | None:
    """The inline script sphinx-autobuild adds to every page it serves (None without it)."""
    try:
        from sphinx_autobuild.middleware import web_socket_script
    except ImportError:
        return None
    match = INLINE["script"].search(web_socket_script(address))
    return match.group(1) if match else None


def policy(live: str = "") -> str:
    """The page's policy; ``live`` (host:port) also lets sphinx-autobuild's reload run."""
    scripts = " ".join(f"'{h}'" for h in ALLOWED_INLINE["script"])
    styles = " ".join(f"'{h}'" for h in ALLOWED_INLINE["style"])
    connect = "'self'"
    if live and (reload := live_reload_script(live)) is not None:
        scripts += f" '{digest(reload)}'"
        connect += f" ws://{live}"
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' {scripts}",
            f"style-src 'self' {styles}",
            "style-src-attr 'unsafe-inline'",  # docutils' column widths, furo's icons
            "img-src 'self' data:",  # furo's icons are data: URLs in its stylesheet
            "font-src 'self'",
            f"connect-src {connect}",  # the search page and previews fetch pages
            "base-uri 'none'",
            "form-action 'self'",  # the search box
            "object-src 'none'",
        )
    )


def add_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Put the policy first among the page's meta tags, before any script or style."""
    if not is_site(app):
        return
    live = app.config.edition_live_reload
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(live)}">\n'
    context["metatags"] = meta + context.get("metatags", "")


INLINE = {
    "script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL),
    "style": re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL),
}
EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\s(on[a-z]+)\s*=", re.DOTALL)
SCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript):""", re.I)


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def page_problems(html: str) -> list[tuple[int, str]]:
    """(line, what) for each thing in a written page the policy would block or let run."""
    found = []

    def line(offset: int) -> int:
        return html.count("\n", 0, offset) + 1

    for kind, pattern in INLINE.items():
        for match in pattern.finditer(html):
            if (hashed := digest(match.group(1))) not in ALLOWED_INLINE[kind]:
                found.append(
                    (
                        line(match.start()),
                        f"an inline <{kind}> ({hashed}) that the Content Security Policy "
                        "blocks; if the theme was upgraded, check that code and put its hash "
                        "in ALLOWED_INLINE of _ext/edition/csp.py, otherwise remove it",
                    )
                )
    for match in EVENT_ATTRIBUTE.finditer(html):
        found.append((line(match.start(1)), f"an event-handler attribute ({match.group(1)}=)"))
    for match in SCRIPT_URL.finditer(html):
        found.append((line(match.start()), "a javascript: address"))
    return sorted(found)


#: What Sphinx writes into _static/translations.js, and the plural rules it may hold.
TRANSLATIONS = re.compile(r"\ADocumentation\.addTranslations\((?P<catalog>\{.*\})\);?\s*\Z", re.S)
PLURAL_RULE = re.compile(r"[n0-9\s()!=<>&|?:%+*/-]*")


def translations_without_eval(outdir: Path) -> None:
    """Rewrite Sphinx's translations.js so that it needs no ``eval`` (and works).

    Sphinx's doctools.js turns the catalogue's plural rule into a function with
    ``new Function(…)``, which the policy forbids ('unsafe-eval' is not given): the
    script would stop half-way on every page. The rule is written out as code instead.
    """
    path = outdir / "_static" / "translations.js"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    if text.startswith("// edition.csp"):
        return
    match = TRANSLATIONS.match(text)
    catalog = json.loads(match["catalog"]) if match else None
    rule = (catalog or {}).get("plural_expr", "")
    if catalog is None or not PLURAL_RULE.fullmatch(rule):
        logger.warning(
            "cannot rewrite %s without eval (Sphinx changed its form?); the pages would break "
            "under the Content Security Policy: adapt translations_without_eval in "
            "_ext/edition/csp.py",
            path,
            type="edition",
            subtype="csp",
        )
        return
    # Two faults of the catalogue, mended on the way: an untranslated message ("" in every
    # form) would show as blank text instead of falling back to English, and a plural rule
    # that yields true/false ("(n > 1)") picks no form at all (forms[true] is undefined).
    catalog["messages"] = {
        key: value
        for key, value in catalog.get("messages", {}).items()
        if any(value if isinstance(value, list) else [value])
    }
    if catalog.get("locale") == "tr":  # what Sphinx's Turkish catalogue leaves untranslated
        catalog["messages"] = {**TURKISH_MESSAGES, **catalog["messages"]}
    path.write_text(
        "// edition.csp: Sphinx's translations, with the plural rule written as code (no eval)\n"
        "(() => {\n"
        f"  const catalog = {json.dumps(catalog, indent=2, ensure_ascii=True)};\n"
        "  Object.assign(Documentation.TRANSLATIONS, catalog.messages);\n"
        f"  Documentation.PLURAL_EXPR = (n) => Number({rule});\n"
        "  Documentation.LOCALE = catalog.locale;\n"
        "})();\n",
        encoding="utf-8",
    )


def check_output(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_site(app):
        return
    translations_without_eval(Path(app.outdir))
    for page in sorted(Path(app.outdir).rglob("*.html")):
        for line, problem in page_problems(page.read_text(encoding="utf-8")):
            logger.warning(
                "the written page has %s",
                problem,
                location=f"{page}:{line}",
                type="edition",
                subtype="csp",
            )


def check_live_reload(app: Sphinx) -> None:
    live = app.config.edition_live_reload
    if live and is_site(app) and live_reload_script(live) is None:
        logger.warning(
            "edition_live_reload is set (%s) but sphinx-autobuild is not installed here, so "
            "its reload script cannot be allowed; run the live preview with "
            "'python3 noxw.py -s docs-live', or leave the setting out",
            live,
            type="edition",
            subtype="csp",
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    # host:port of sphinx-autobuild (nox -s docs-live): its inline reload script is allowed.
    app.add_config_value("edition_live_reload", "", "html", str)
    app.connect("builder-inited", check_live_reload)
    app.connect("html-page-context", add_meta)
    app.connect("build-finished", check_output)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
