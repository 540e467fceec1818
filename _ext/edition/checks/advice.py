"""Say what to do in the messages Sphinx and MyST give for a contributor's usual mistakes.

Sphinx reports a duplicate label, an undefined label or a page outside every table of
contents at the right file and line, but in words written for Sphinx users ("undefined
label: 'x'"). This extension adds, to those messages only, what to change in the edition:
the nearest existing labels, where labels are written, how a page joins the site. It
changes no message's level (a page-wide problem gets line 1 as its location), so a
strict build fails exactly as before.
"""

from __future__ import annotations

import difflib
import logging
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line

from edition.core.lines import source_lines
from edition.upstream.sphinx import registered_markup, warning_handlers

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

LABEL_FORM = "a label is written '(label)=' on the line above a heading"


def nearest_labels(app: Sphinx, wrong: str) -> str:
    """ "did you mean …?" from the labels the edition has, or nothing."""
    env = getattr(app, "env", None)
    if env is None:
        return ""
    labels = [name for name in env.domains.standard_domain.labels if not name.startswith("kisi")]
    close = difflib.get_close_matches(wrong, labels, n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""


#: Sphinx reports it at the heading; the label itself is written a line or two above.
DUPLICATE_LABEL = re.compile(r"^duplicate label (?P<label>[^,]+), other instance in (?P<other>.+)$")
#: A problem of a whole page, which Sphinx reports without a line.
WHOLE_PAGE = re.compile(r"^document isn't included in any toctree")
#: (message pattern, advice made from the match) for the messages that need it.
ADVICE: list[tuple[re.Pattern[str], Callable[[Sphinx, re.Match[str]], str]]] = [
    (
        DUPLICATE_LABEL,
        lambda app, m: (
            f"labels are anchors that readers cite, so each is used once: keep "
            f"'{m['label']}' on the section that had it first (data/anchors.txt lists the "
            f"published ones) and give the other a new label (lower-case ASCII, hyphens)"
        ),
    ),
    (
        re.compile(r"^undefined label: '(?P<label>[^']+)'"),
        lambda app, m: (
            f"{nearest_labels(app, m['label'])}no section has this label; use one that a "
            f"page defines ({LABEL_FORM}; data/anchors.txt lists the published ones)"
        ),
    ),
    (
        re.compile(r"^'myst' cross-reference target not found: '(?P<target>[^']+)'"),
        lambda app, m: (
            f"{nearest_labels(app, m['target'].lstrip('#'))}link a section as "
            f"[text](#label) or {{ref}}`label`, a page as [text](page.md); {LABEL_FORM}"
        ),
    ),
    (
        WHOLE_PAGE,
        lambda app, m: (
            "add the page's name to the toctree of docs/index.md, or, for a page reached "
            "only through links, write 'orphan: true' in its front matter"
        ),
    ),
    (
        re.compile(r"^toctree contains reference to nonexisting document '(?P<doc>[^']+)'"),
        lambda app, m: "write the name of a page in docs/ (without .md), or add the page",
    ),
    (
        re.compile(r"^Unknown directive type: '(?P<name>[^']+)'"),
        lambda app, m: unknown_name(m["name"], registered_markup()[0], "directives"),
    ),
    (
        re.compile(r"^Unknown interpreted text role [\"'](?P<name>[^\"']+)[\"']"),
        lambda app, m: unknown_name(m["name"], registered_markup()[1], "roles"),
    ),
]

#: The layers whose directives and roles are the ones page authors write (the guard's
#: refusing replacements of ``raw``, ``include`` and the like live in ``checks``).
AUTHORS_MARKUP = ("edition.content.", "edition.registers.")


def unknown_name(name: str, known: dict[str, Any], kind: str) -> str:
    """ "did you mean …?", then the edition's own names of this kind, from the registry."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    guess = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    own = sorted(
        each
        for each, made in known.items()
        if getattr(made, "__module__", "").startswith(AUTHORS_MARKUP)
    )
    return (
        f"{guess}the edition's {kind} are {', '.join(own)}, besides Sphinx's, MyST's and "
        f"sphinx-design's; check the spelling"
    )


def label_line(location: Any, label: str) -> str | None:
    """``file:line`` of the ``(label)=`` line just above where Sphinx reports the label."""
    source, line = get_source_line(location) if isinstance(location, nodes.Node) else (None, None)
    if source is None or line is None:
        return None
    lines = source_lines(source)
    for number in range(min(line, len(lines)), max(line - 6, 0), -1):
        if lines[number - 1].strip() == f"({label})=":
            return f"{source}:{number}"
    return None


class AdviceFilter(logging.Filter):
    """Appends the advice for a matching message (once; the level and location stay)."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "edition_advice", False):
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        for pattern, advice in ADVICE:
            if match := pattern.search(message):
                record.msg = f"{message.rstrip('.')}; {advice(self.app, match)}"
                record.args = ()
                record.edition_advice = True
                location = getattr(record, "location", None)
                if pattern is WHOLE_PAGE and isinstance(location, str) and ":" not in location:
                    record.location = (location, 1)  # a page's problem: give it a line too
                elif pattern is DUPLICATE_LABEL:
                    record.location = label_line(location, match["label"]) or location
                break
        return True


def install(app: Sphinx, *args: Any) -> None:
    """Put the filter first on Sphinx's warning output (it is set up before extensions)."""
    for handler in warning_handlers():
        if not any(isinstance(f, AdviceFilter) for f in handler.filters):
            handler.filters.insert(0, AdviceFilter(app))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    install(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
