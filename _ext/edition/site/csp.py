"""A Content Security Policy on every page, and a check that the pages keep to it.

Readers of political history should not be followed by third parties, and a page that
slipped past review should not be able to run code. Each page therefore carries a CSP
``<meta>`` tag: everything comes from the site itself (``'self'``), and the only inline
code allowed is furo's, by hash. After the build, every written page is checked: an
inline ``<script>`` or ``<style>`` whose hash is not allowed, an ``on…=`` attribute, or a
``javascript:`` address fails the build, with what to do. The message names the page's
source (``docs/x.md``) and, when the page's text produced it (raw HTML, a link), its line
there; otherwise it says that the theme, a template or an extension wrote it, and where in
the written file. A furo upgrade that changes its inline script therefore fails loudly
instead of breaking the theme switch silently. Under ``nox -s docs-live``
(``edition_live_reload=host:port``) the policy also allows sphinx-autobuild's reload
script, by its hash, and its websocket.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line

from edition.core.messages import Problem, warn
from edition.site.files import is_site
from edition.site.translations import MARK

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

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


@dataclass(frozen=True, order=True)
class Finding:
    """One thing in a written page that the policy would block or let run."""

    line: int  #: in the written file
    thing: str  #: what it is: "an event-handler attribute (onclick=)"
    kind: str  #: "script", "style", "event" or "address"
    evidence: str  #: the inline code, the attribute's name, or the address

    @property
    def what(self) -> str:
        """What it is, and what to do when the theme, a template or an extension wrote it."""
        if self.kind in INLINE:
            return (
                f"{self.thing} that the Content Security Policy blocks; if the theme was "
                "upgraded, check that code and put its hash in ALLOWED_INLINE of "
                "_ext/edition/site/csp.py, otherwise remove it"
            )
        return self.thing


def findings(html: str) -> list[Finding]:
    """Each thing in a written page the policy would block or let run, in page order."""
    found = []

    def line(offset: int) -> int:
        return html.count("\n", 0, offset) + 1

    for kind, pattern in INLINE.items():
        for match in pattern.finditer(html):
            if (hashed := digest(match.group(1))) not in ALLOWED_INLINE[kind]:
                thing = f"an inline <{kind}> ({hashed})"
                found.append(Finding(line(match.start()), thing, kind, match.group(1)))
    for match in EVENT_ATTRIBUTE.finditer(html):
        name = match.group(1)
        thing = f"an event-handler attribute ({name}=)"
        found.append(Finding(line(match.start(1)), thing, "event", name))
    for match in SCRIPT_URL.finditer(html):
        found.append(Finding(line(match.start()), "a javascript: address", "address", match[0]))
    return sorted(found)


def page_problems(html: str) -> list[tuple[int, str]]:
    """(line, what) for each thing in a written page the policy would block or let run."""
    return [(finding.line, finding.what) for finding in findings(html)]


SCRIPT_SCHEME = re.compile(r"\s*(?:javascript|vbscript):", re.I)


def offset_in(node: nodes.Node, finding: Finding) -> int | None:
    """Where in this node of a page's doctree it writes ``finding`` (None: it does not).

    A raw HTML node gives the offset of the finding in its text; a link or an image whose
    address runs code gives 0.
    """
    if isinstance(node, nodes.raw):
        if "html" not in node.get("format", "").split():
            return None
        text = node.astext()
        if finding.kind in INLINE:
            pattern = rf"<{finding.kind}\b[^>]*>{re.escape(finding.evidence)}</{finding.kind}"
        elif finding.kind == "event":
            pattern = rf"<[a-zA-Z][^>]*\s{finding.evidence}\s*="
        else:
            pattern = r"(?:href|src|action)\s*=\s*[\"']?\s*(?:javascript|vbscript):"
        match = re.search(pattern, text, re.I)
        return None if match is None else match.start()
    if finding.kind == "address" and isinstance(node, nodes.Element):
        addresses = (node.get("refuri"), node.get("uri"))
        if any(SCRIPT_SCHEME.match(a) for a in addresses if isinstance(a, str)):
            return 0
    return None


Place = tuple[str, int | None]


def source_places(app: Sphinx, docname: str, found: list[Finding]) -> list[Place | None]:
    """For each finding, the source file and line of the page's node that wrote it.

    None where no node of the page's text wrote it: the theme, a template or an extension
    did. The line is None where the node has none. Findings of one kind are matched to
    the page's nodes in order.
    """
    page_source = str(app.env.doc2path(docname))
    try:
        doctree = app.env.get_doctree(docname)
    except (OSError, EOFError, pickle.UnpicklingError):
        return [None for _ in found]
    elements = list(doctree.findall(nodes.Element))
    taken: set[tuple[str, int]] = set()
    places: list[Place | None] = []
    for finding in found:
        place = None
        for position, node in enumerate(elements):
            if (finding.kind, position) in taken:
                continue
            if (offset := offset_in(node, finding)) is not None:
                taken.add((finding.kind, position))
                source, line = get_source_line(node)
                if line is not None and isinstance(node, nodes.raw):
                    line += node.astext().count("\n", 0, offset)
                place = (source or page_source, line)
                break
        places.append(place)
    return places


def check_translations(outdir: Path) -> None:
    """The site's ``translations.js`` must be the edition's catalogue without eval
    (``edition.site.translations``): Sphinx's own would stop every page's scripts."""
    path = outdir / "_static" / "translations.js"
    if path.is_file() and not path.read_text(encoding="utf-8").startswith(MARK):
        warn(
            Problem.CSP,
            "%s is Sphinx's own catalogue, whose plural rule needs eval, which the Content "
            "Security Policy blocks; run 'python tools/translations.py' and commit the "
            "locale/<language>/LC_MESSAGES/sphinx.js it writes",
            path,
        )


def check_output(app: Sphinx, exception: Exception | None) -> None:
    """Check every written page; report each finding where it can be mended.

    At the page's source and line when the page's text wrote it; at the page's source,
    saying where in the written file, when the theme, a template or an extension did.
    """
    if exception is not None or not is_site(app):
        return
    outdir = Path(app.outdir)
    check_translations(outdir)
    pages = {Path(app.builder.get_outfilename(d)): d for d in app.env.all_docs}
    for page in sorted(outdir.rglob("*.html")):
        found = findings(page.read_text(encoding="utf-8"))
        if not found:
            continue
        written = page.relative_to(outdir).as_posix()
        docname = pages.get(page)
        places = source_places(app, docname, found) if docname else [None] * len(found)
        for finding, place in zip(found, places, strict=True):
            if place is not None:
                source, line = place
                warn(
                    Problem.CSP,
                    "%s, which the Content Security Policy blocks: the site runs no code "
                    "from its pages; remove it from the page, or write it without HTML "
                    "(it is line %d of the written %s)",
                    finding.thing,
                    finding.line,
                    written,
                    location=(docname, None) if line is None else f"{source}:{line}",
                )
                continue
            origin = (
                f"which no line of {app.env.doc2path(docname, base=False)} wrote"
                if docname
                else "a page Sphinx generates, with no source in docs/"
            )
            warn(
                Problem.CSP,
                "the written page %s has at its line %d %s (%s: the theme, a template or "
                "an extension wrote it)",
                written,
                finding.line,
                finding.what,
                origin,
                location=(docname, None) if docname else f"{page}:{finding.line}",
            )


def check_live_reload(app: Sphinx) -> None:
    live = app.config.edition_live_reload
    if live and is_site(app) and live_reload_script(live) is None:
        warn(
            Problem.CSP,
            "edition_live_reload is set (%s) but sphinx-autobuild is not installed here, so "
            "its reload script cannot be allowed; run the live preview with "
            "'python3 noxw.py -s docs-live', or leave the setting out",
            live,
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    # host:port of sphinx-autobuild (nox -s docs-live): its inline reload script is allowed.
    app.connect("builder-inited", check_live_reload)
    app.connect("html-page-context", add_meta)
    app.connect("build-finished", check_output)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
