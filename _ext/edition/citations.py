"""Footnote citations with their page, the text taken from ``references.bib``: ``{kaynak}``.

Turkish humanities readers expect a numbered footnote for each citation, with the page.
sphinxcontrib-bibtex's ``{footcite}`` makes footnotes but takes no page (locator), and
``{cite:p}`` takes a page but stays in the running text. So ``{kaynak}`` writes a
footnote whose content *is* a sphinxcontrib-bibtex citation, with its locator::

    … olarak değerlendirir.{kaynak}`turan-almis-son-yazilar, “Sonuç” bölümü`
    {kaynak}`lenin-son-kavgasi, s. 180; lenin-biyografi, s. 489`

gives footnote N reading ``Lenin, *Lenin’in Son Kavgası*, s. 180.`` whose title links to
the entry in the bibliography. A key missing from the .bib, or a citation without a
locator, is refused with the file and line.

The footnotes are made by a transform that runs before docutils numbers footnotes, and
it keeps every page's footnotes (these and MyST's own ``[^x]``) numbered in the order
their references appear.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.transforms import Transform
from docutils.transforms.references import Footnotes
from sphinx.util import logging
from sphinxcontrib.bibtex.roles import CiteRole

from edition.lines import exact_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: One source in a ``{kaynak}`` role: a key, a comma, a locator.
SOURCE = re.compile(r"^\s*(?P<key>[^,{}\s]+)\s*(?:,\s*(?P<locator>[^{}]*?))?\s*$")


class source_footnote(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """Where a citation footnote's number goes; its children become the footnote's text.

    Lives only between parsing and the footnote transform of the same page.
    """


def bib_keys(env: BuildEnvironment) -> set[str]:
    """Keys of the parsed bibliography (sphinxcontrib-bibtex parses it before reading)."""
    return set(env.domaindata["cite"]["bibdata"].data.entries)


def parse_sources(text: str) -> list[tuple[str, str]]:
    """``"a, s. 1; b, s. 2"`` → ``[("a", "s. 1"), ("b", "s. 2")]``; a missing locator is ``""``."""
    sources = []
    for part in text.split(";"):
        match = SOURCE.match(part)
        if not match:
            raise ValueError(part.strip())
        sources.append((match["key"], (match["locator"] or "").strip()))
    return sources


def citation_footnote(
    env: BuildEnvironment,
    inliner: Inliner,
    lineno: int,
    sources: list[tuple[str, str]],
    rawtext: str,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """A footnote mark whose footnote cites ``sources`` (key, locator) through sphinxcontrib-bibtex.

    Problems are reported at ``lineno`` and nothing is made for them.
    """
    location = (env.current_document.docname, lineno)
    known = bib_keys(env)
    good = True
    for key, locator in sources:
        if key not in known:
            logger.warning(
                "unknown bibliography key %r in %s; use a key of references.bib (%s)",
                key,
                rawtext,
                ", ".join(sorted(known)),
                location=location,
                type="edition",
                subtype="citation",
            )
            good = False
        elif not locator:
            logger.warning(
                "citation of %r without a locator in %s; give the page after a comma "
                "(“%s, s. 180”) or, for the article, its section (“%s, “Sonuç” bölümü”)",
                key,
                rawtext,
                key,
                key,
                location=location,
                type="edition",
                subtype="citation",
            )
            good = False
    if not good:
        return [], []
    target = ",".join(f"{key}{{{locator}}}" for key, locator in sources)
    cited, messages = CiteRole()("cite:alp", f":cite:alp:`{target}`", target, lineno, inliner)
    mark = source_footnote("", *cited, nodes.Text("."))
    mark.line = lineno
    return [mark], messages


def kaynak_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{kaynak}`key, locator[; key, locator …]```: a footnote citing those sources."""
    env = inliner.document.settings.env
    lineno = exact_line(env.doc2path(env.current_document.docname), lineno, text) or lineno
    try:
        sources = parse_sources(text)
    except ValueError as error:
        logger.warning(
            "cannot read %r in {kaynak}`%s`; write “key, locator” (several joined with “;”)",
            str(error),
            text,
            location=(env.current_document.docname, lineno),
            type="edition",
            subtype="citation",
        )
        return [], []
    # Shown as the page writes it (MyST hands the role over as :kaynak:`…`).
    return citation_footnote(env, inliner, lineno, sources, f"{{kaynak}}`{text}`")


class CitationFootnotes(Transform):
    """Turn each ``source_footnote`` into a footnote, then order all of the page's footnotes.

    Runs just before docutils' ``Footnotes`` transform, which numbers auto-numbered
    footnotes in the order of ``document.autofootnotes``. MyST sorts that list just
    before (``SortFootnotes``) by the order references were *parsed*, and these
    references are made after parsing, so the list is sorted again here by each
    footnote's first reference in the page, and the footnotes are moved to the end of
    the page in that order.
    """

    default_priority = Footnotes.default_priority - 1

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        marks = list(document.findall(source_footnote))
        if not marks:
            return
        for number, mark in enumerate(marks, start=1):
            name = f"kaynak-dipnotu-{number}"
            reference = nodes.footnote_reference(f"[^{name}]", auto=1, refname=name)
            document.note_autofootnote_ref(reference)
            document.note_footnote_ref(reference)
            footnote = nodes.footnote("", nodes.paragraph("", "", *mark.children), auto=1)
            footnote["names"].append(name)
            footnote.source, footnote.line = mark.source or document["source"], mark.line
            document.note_autofootnote(footnote)
            document.note_explicit_target(footnote, footnote)
            mark.replace_self(reference)
            document += footnote

        first_use: dict[str, int] = {}
        for position, reference in enumerate(document.findall(nodes.footnote_reference)):
            first_use.setdefault(reference.get("refname", ""), position)
        document.autofootnotes.sort(
            key=lambda note: min(
                (first_use.get(n, len(first_use)) for n in note["names"]), default=0
            )
        )
        for footnote in document.autofootnotes:
            footnote.parent.remove(footnote)
        document.extend(document.autofootnotes)  # MyST then adds its rule above them


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_role("kaynak", kaynak_role)
    app.add_transform(CitationFootnotes)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
