"""The edition's published anchors, kept as carefully as an API.

An anchor is a page (``giris``) or a fragment of one (``ulusal-sorun#gurcistan-meselesi``)
that readers cite. The published ones are listed, one per line, in ``data/anchors.txt``.
Once all pages are read, every listed anchor must still exist, unless
``data/anchors-removed.txt`` records where it went (``old-page#old-id new-page#new-id``);
a missing one fails the build at its line of the list, saying how to record it. For each
recorded move the HTML site redirects (``edition.site.redirects``).

``python3 noxw.py -s anchors`` rewrites ``data/anchors.txt`` from a build
(``-D edition_write_anchors=1``); adding anchors costs nothing, and the diff of the list
is what a reviewer reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from edition.core.lines import NOT_UTF8, read_utf8
from edition.core.messages import Problem, warn
from edition.upstream.bibtex import bibliography_anchors

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: Labels Sphinx defines itself for its generated pages: not the edition's anchors.
SPHINX_LABELS = {"genindex", "modindex", "py-modindex", "search"}


def current_anchors(env: BuildEnvironment) -> dict[str, tuple[str, str]]:
    """Every citable anchor of the built edition: ``"page#id"`` (or ``"page"``) → (page, id)."""
    # Read from the domains' data, so that a pickled environment (tests) answers too.
    anchors: dict[str, tuple[str, str]] = {docname: (docname, "") for docname in env.found_docs}
    std = env.domaindata["std"]
    for label, (docname, labelid, *_) in [*std["labels"].items(), *std["anonlabels"].items()]:
        if label not in SPHINX_LABELS and docname:
            anchors[f"{docname}#{labelid}"] = (docname, labelid)
    edition = env.domaindata.get("edition", {})
    for kind in ("quotations", "conclusions", "chronology", "persons"):
        for ident, obj in edition.get(kind, {}).items():
            anchors[f"{obj.docname}#{ident}"] = (obj.docname, ident)
    for docname, ident in bibliography_anchors(env):
        anchors[f"{docname}#{ident}"] = (docname, ident)
    return anchors


def read_lines(path: Path) -> list[tuple[int, str]]:
    """The non-blank, non-comment lines of a list file, with their numbers."""
    if not path.exists():
        return []
    lines = []
    text, not_utf8 = read_utf8(path)
    if not_utf8:
        warn(Problem.ANCHOR, NOT_UTF8, not_utf8[1], location=f"{path}:{not_utf8[0]}")
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0] if line.lstrip().startswith("#") else line
        if content.strip():
            lines.append((number, content.strip()))
    return lines


def baseline(app: Sphinx) -> list[tuple[int, str]]:
    return read_lines(Path(app.confdir) / app.config.edition_anchors)


def removed(app: Sphinx) -> dict[str, tuple[int, str]]:
    """Recorded moves: old anchor → (line, new anchor), as read at the start of the build."""
    return getattr(app.env, "edition_moves", {})


def load_moves(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Read anchors-removed.txt once per build, reporting lines that are not two anchors."""
    where = app.config.edition_anchors_removed
    env.edition_moves = recorded_moves(Path(app.confdir), where, report=True)


def recorded_moves(confdir: Path, where: str, report: bool = False) -> dict[str, tuple[int, str]]:
    moves: dict[str, tuple[int, str]] = {}
    for number, line in read_lines(confdir / where):
        parts = line.split()
        if len(parts) != 2:
            if report:
                warn(
                    Problem.ANCHOR,
                    "write a recorded move as two anchors, 'old-page#old-id new-page#new-id'",
                    location=f"{where}:{number}",
                )
            continue
        moves[parts[0]] = (number, parts[1])
    return moves


def replacement(anchor: str, moves: dict[str, tuple[int, str]]) -> str | None:
    """Where a removed anchor now lives: its own recorded move, or its page's (same fragment)."""
    if anchor in moves:
        return moves[anchor][1]
    page, _, fragment = anchor.partition("#")
    if fragment and page in moves:
        return f"{moves[page][1].partition('#')[0]}#{fragment}"
    return None


def check_anchors(app: Sphinx, env: BuildEnvironment) -> None:
    """Every published anchor still exists or has a recorded replacement that exists."""
    if app.config.edition_write_anchors:
        return
    anchors = current_anchors(env)
    moves = removed(app)
    listed = app.config.edition_anchors
    for number, anchor in baseline(app):
        if anchor in anchors or replacement(anchor, moves) in anchors:
            continue
        warn(
            Problem.ANCHOR,
            "published anchor %r no longer exists, and readers cite it. Restore its label, "
            "or record where it went as a line '%s <page>#<id>' in %s (the site will "
            "redirect it); then run 'python3 noxw.py -s anchors' and commit both lists",
            anchor,
            anchor,
            app.config.edition_anchors_removed,
            location=f"{listed}:{number}",
        )
    for old, (number, new) in moves.items():
        if new not in anchors:
            warn(
                Problem.ANCHOR,
                "the recorded replacement %r of %r does not exist; point it at an existing "
                "anchor (see %s)",
                new,
                old,
                listed,
                location=f"{app.config.edition_anchors_removed}:{number}",
            )


def write_anchors(app: Sphinx, exception: Exception | None) -> None:
    """With ``-D edition_write_anchors=1``: write the list of published anchors anew."""
    if exception is not None or not app.config.edition_write_anchors:
        return
    path = Path(app.confdir) / app.config.edition_anchors
    header = (
        "# The edition's published anchors: pages and the fragments readers cite.\n"
        "# Generated by `python3 noxw.py -s anchors`; review the diff, never edit by hand.\n"
        "# An anchor that disappears must be recorded in anchors-removed.txt.\n"
    )
    lines = sorted(current_anchors(app.env))
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    logger.info("wrote %d anchors to %s", len(lines), path)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("env-before-read-docs", load_moves)
    app.connect("env-check-consistency", check_anchors)
    app.connect("build-finished", write_anchors)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
