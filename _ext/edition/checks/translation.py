"""The English edition's untranslated passages: a notice on the page, a list in the build,
a refusal in a release.

The English pages are the Turkish sources read with ``language = "en"``: Sphinx's
``Locale`` transform puts each message's translation from
``locale/en/LC_MESSAGES/<page>.po`` in place of the Turkish text and marks every
translatable node ``translated`` (True or False; a page with no catalogue at all is not
marked, and counts as wholly untranslated here). After it, :class:`TranslationStatus`
counts the page's messages: a page with an untranslated one gets a visible notice under its
title (``words.UNTRANSLATED``), and the build says which messages (an info line per page,
not a warning: a development build may be partly translated). A release's build
(``edition_frozen``) or ``-D edition_require_translation=1`` reports each untranslated
message at its file and line as ``edition.translation``, which fails the strict build:
a published release never mixes the languages silently. The Turkish build is not touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from edition.core import words
from edition.core.language import UNTRANSLATED_DATA, is_english
from edition.core.messages import Problem, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The notice's class (the stylesheet and the tests find it by it).
NOTICE = "edition-untranslated"
#: The longest piece of a message a report shows.
SHOWN = 70


def untranslated_messages(document: nodes.document) -> tuple[int, list[tuple[int | None, str]]]:
    """(how many messages, [(line, message)] of those not translated) of a page."""
    total = 0
    missing: list[tuple[int | None, str]] = []
    seen: set[int] = set()
    for node, message in extract_messages(document):
        if id(node) in seen:
            continue
        seen.add(id(node))
        total += 1
        if node.get("translated") is not True:
            missing.append((node.line, message))
    return total, missing


def notice() -> nodes.container:
    box = nodes.container(classes=[NOTICE])
    box += nodes.paragraph("", words.UNTRANSLATED)
    return box


def short(message: str) -> str:
    text = " ".join(message.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


class TranslationStatus(SphinxTransform):
    """After Sphinx's Locale (20) and its progress count (25): the page's status."""

    default_priority = 26

    def apply(self, **kwargs: Any) -> None:
        from sphinx.builders.gettext import MessageCatalogBuilder

        if not is_english(self.config) or issubclass(self.env._builder_cls, MessageCatalogBuilder):
            return
        docname = self.env.current_document.docname
        total, missing = untranslated_messages(self.document)
        self.document["edition_translation"] = (total, len(missing))
        data = any(node.get(UNTRANSLATED_DATA) for node in self.document.findall(nodes.Element))
        if not missing and not data:
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is not None and section.children and isinstance(section[0], nodes.title):
            section.insert(1, notice())
        else:
            self.document.insert(0, notice())
        if not missing:
            return  # data texts: reported where they are read (core/data.py)
        if self.config.edition_require_translation or self.config.edition_frozen:
            path = self.env.doc2path(docname)
            for line, message in missing:
                warn(
                    Problem.TRANSLATION,
                    "untranslated message %r; translate it in locale/en/LC_MESSAGES/%s.po "
                    "(python3 noxw.py -s messages makes the catalogue)",
                    short(message),
                    docname,
                    location=(docname, line) if line else str(path),
                )
        else:
            logger.info(
                "%s: %d of %d messages untranslated (the page shows the notice); first: %r",
                docname,
                len(missing),
                total,
                short(missing[0][1]),
            )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_transform(TranslationStatus)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
