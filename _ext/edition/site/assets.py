"""Fewer and lighter requests: one stylesheet and one script per page, and no unused files.

A stock page of this stack asks for five stylesheets and nine scripts. Here each page of
the site loads one stylesheet bundle and one script bundle (``_static/edition-*.css`` and
``.js``, made from the very files Sphinx copied, in the same order; the edition's own files
without their comments), and leaves out the
code colours (``pygments.css``) and sphinx-design's files on pages that hold no code and
no cards. Scripts that read their own ``<script>`` tag (data attributes), page-specific
scripts (the search page's) and remote files stay as they were.

Scripts Sphinx would load with ``defer`` keep that timing inside the bundle: they run
once the page is parsed.

Each page names its bundles with a checksum of their contents (``?v=…``); when a file of
``html_static_path`` changed since the last build, every page is written again, so that
none names an older bundle.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition.core.domain import remember
from edition.core.messages import Problem, warn
from edition.site.files import is_site
from edition.upstream.sphinx import (
    forget_page_assets,
    global_assets,
    script_asset,
    stylesheet_asset,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Files a page loads only when its body needs them.
ONLY_IF = {
    "_static/pygments.css": re.compile(r'class="highlight'),
    "_static/sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
    "_static/design-tabs.js": re.compile(r'class="[^"]*\bsd-tab-set'),
}
PLAIN_STYLESHEET = {"rel": "stylesheet", "type": "text/css"}
#: Wraps a deferred script so that it still runs once the page is parsed.
WHEN_PARSED = (
    "(function (run) {{\n"
    '  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);\n'
    "  else run();\n"
    "}})(function () {{\n{code}\n}});\n"
)


@dataclass(frozen=True)
class Member:
    filename: str
    deferred: bool = False


def bundleable_css(asset: Any) -> bool:
    name = os.fspath(asset.filename)
    return bool(name) and "://" not in name and asset.attributes == PLAIN_STYLESHEET


def bundleable_js(asset: Any) -> bool:
    name = os.fspath(asset.filename)
    return (
        bool(name)
        and "://" not in name
        and set(asset.attributes) <= {"defer"}
        and name not in ONLY_IF  # design-tabs.js reads its own tag's data attribute
    )


def bundle_name(members: list[Member], suffix: str) -> str:
    key = "\n".join(f"{m.filename} {m.deferred}" for m in members)
    return f"_static/edition-{hashlib.sha256(key.encode()).hexdigest()[:10]}{suffix}"


def in_order(assets: list[Any]) -> list[Any]:
    """In the order Sphinx writes them into the page (by priority, stable)."""
    return sorted(assets, key=lambda asset: getattr(asset, "priority", 500))


def global_members(app: Sphinx) -> tuple[list[Member], list[Member]]:
    """The bundleable files every page gets (before pruning), in the page's order."""
    # Sphinx's own lists of the assets every page gets, before any page adds its own.
    every_css, every_js = global_assets(app.builder)
    css = [Member(os.fspath(a.filename)) for a in in_order(every_css) if bundleable_css(a)]
    js = [
        Member(os.fspath(a.filename), deferred="defer" in a.attributes)
        for a in in_order(every_js)
        if bundleable_js(a)
    ]
    return css, js


#: The edition's own static files, whose comments (for contributors: the sources keep
#: them) the bundles leave out; other files (furo's, Sphinx's, with their licence
#: notices) go in as written.
OWN = re.compile(r"_static/edition(-[^/]*)?\.(css|js)$")


def without_comments(filename: str, code: str) -> str:
    """``code`` of one of the edition's own files, comments and blank lines removed: in CSS
    every ``/* … */`` outside a string, in JavaScript every line that is only a ``//``
    comment (a ``//`` inside a line, as in an address, stays)."""
    if not OWN.search(filename):
        return code
    if filename.endswith(".js"):
        lines = code.splitlines()
        return "\n".join(
            line for line in lines if line.strip() and not line.lstrip().startswith("//")
        )
    kept, i, quote = [], 0, ""
    while i < len(code):
        char = code[i]
        if quote:
            kept.append(char)
            if char == "\\" and i + 1 < len(code):
                kept.append(code[i + 1])
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
            kept.append(char)
        elif code.startswith("/*", i):
            end = code.find("*/", i + 2)
            i = len(code) if end == -1 else end + 2
            continue
        else:
            kept.append(char)
        i += 1
    return "\n".join(line.rstrip() for line in "".join(kept).splitlines() if line.strip())


def write_bundles(app: Sphinx) -> None:
    """Write every bundle a page can ask for (each optional file with or without)."""
    if getattr(app.builder, "edition_bundles_written", False):
        return
    app.builder.edition_bundles_written = True
    outdir = Path(app.outdir)
    texts: dict[str, str] = {}

    def text_of(member: Member) -> str:
        if member.filename not in texts:
            try:
                texts[member.filename] = without_comments(
                    member.filename, (outdir / member.filename).read_text(encoding="utf-8")
                )
            except OSError as error:
                warn(
                    Problem.ASSETS,
                    "%s is given to every page but cannot be read in the output (%s), so "
                    "the pages' bundles lack it; check the theme or the extension that adds it",
                    member.filename,
                    error.strerror or error,
                )
                texts[member.filename] = ""
        return texts[member.filename]

    for members, suffix in zip(global_members(app), (".css", ".js"), strict=True):
        optional = [m for m in members if m.filename in ONLY_IF]
        for n in range(len(optional) + 1):
            for left_out in combinations(optional, n):
                chosen = [m for m in members if m not in left_out]
                parts = []
                for member in chosen:
                    code = text_of(member)
                    if member.deferred:
                        code = WHEN_PARSED.format(code=code)
                    parts.append(f"/* {member.filename} */\n{code.rstrip()}\n")
                target = outdir / bundle_name(chosen, suffix)
                text = "".join(parts) if suffix == ".css" else ";\n".join(parts)
                if not target.is_file() or target.read_text(encoding="utf-8") != text:
                    target.write_text(text, encoding="utf-8")


def new_build(app: Sphinx, env: Any, docnames: list[str]) -> None:
    # Sphinx copies the static files again on every build (also a second build of the same
    # application, as in sphinx-autobuild's or the tests' runs): the bundles follow them.
    app.builder.edition_bundles_written = False


def end_of_build(app: Sphinx, exception: Exception | None) -> None:
    # The last page's own assets (the search page's script) stay in the builder's lists
    # after the build; a second build of the same application (the live preview's) would
    # otherwise give them to every page.
    if is_site(app):
        forget_page_assets(app.builder)


def on_doctree_resolved(app: Sphinx, doctree: Any, docname: str) -> None:
    # The first page being written: the static files are in place, no page is rendered yet
    # (and, with -j, no writer process has been started).
    if is_site(app):
        write_bundles(app)


def use_bundles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not is_site(app):
        return
    write_bundles(app)  # pages written without any document (genindex, search)
    body = context.get("body", "")

    def needed(asset: Any) -> bool:
        rule = ONLY_IF.get(os.fspath(getattr(asset, "filename", asset)))
        return rule is None or bool(rule.search(body))

    global_css, global_js = global_members(app)
    for key, members, bundleable, kind in (
        ("css_files", global_css, bundleable_css, stylesheet_asset),
        ("script_files", global_js, bundleable_js, script_asset),
    ):
        globals_ = {m.filename for m in members}
        kept, chosen, at, priority = [], [], None, 500
        for asset in in_order(context.get(key, [])):
            if not needed(asset):
                continue
            name = os.fspath(getattr(asset, "filename", asset))
            if name in globals_ and not isinstance(asset, str) and bundleable(asset):
                chosen.append(next(m for m in members if m.filename == name))
                if at is None:
                    at, priority = len(kept), asset.priority
            else:
                kept.append(asset)
        if chosen:
            suffix = ".css" if key == "css_files" else ".js"
            # in the first member's place: Sphinx sorts the list by priority once more
            kept.insert(at, kind(bundle_name(chosen, suffix), priority=priority))
        context[key] = kept  # a new list: Sphinx's own is restored for the next page


def write_all_when_static_changes(app: Sphinx, env: Any) -> list[str]:
    """Every page, when a file of ``html_static_path`` changed since the last build."""
    if not is_site(app):
        return []
    digest = hashlib.sha256()
    for folder in app.config.html_static_path:
        base = Path(app.confdir, folder)
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for path in (p for p in files if p.is_file()):
            digest.update(os.fspath(path.relative_to(base.parent)).encode())
            digest.update(path.read_bytes())
    now = digest.hexdigest()
    return [] if remember(env, "static", now) == now else sorted(env.all_docs)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("env-before-read-docs", new_build)
    app.connect("env-updated", write_all_when_static_changes)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("html-page-context", use_bundles, priority=900)  # after the others add files
    app.connect("build-finished", end_of_build)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
