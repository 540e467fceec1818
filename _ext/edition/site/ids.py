"""Every id once on a page, and every ¶ link to an anchor the edition publishes.

* furo wraps each table (and display formula) in a container that takes all the table's
  attributes, its ids too (``edition.upstream.furo.wrappers``): the page held each of them
  twice, the label's ``<span id>`` as well. :class:`OneElementPerId` leaves them on the
  table, where its caption's ¶ link points.
* A ¶ link is what a reader copies to cite a place; it must not be an id a rebuild can
  change. :func:`permalink_id` gives the anchor it may point to: the first of the
  element's ids that the edition publishes (``edition.checks.anchors``: the author's
  labels, the quotations', conclusions', chronology's and persons' ids, the
  bibliography's), or none. A table with a caption but no label therefore gets no ¶ link:
  its generated ``idN`` stays in the page (Sphinx numbers captioned elements by it) but is
  not offered to readers. Requiring a label instead would make every captioned table a
  published anchor that must be kept forever; a table is cited by its section's label.
  (The label itself is the element's first and only id: ``edition.checks.labels``.)
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from edition.checks.anchors import current_anchors
from edition.upstream.furo import WRAP_PRIORITY, wrappers

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


class OneElementPerId(SphinxPostTransform):
    """The ids furo's wrapper copied from the table it wraps: left on the table only."""

    formats = ("html",)
    default_priority = WRAP_PRIORITY + 1  # right after furo's wrapping

    def run(self, **kwargs: Any) -> None:
        for wrapper in wrappers(self.document):
            inner = {ident for child in wrapper.children for ident in child.get("ids", [])}
            wrapper["ids"] = [ident for ident in wrapper["ids"] if ident not in inner]


#: environment → page → the ids the edition publishes on it; made once per build.
_published: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def published_ids(env: BuildEnvironment, docname: str) -> set[str]:
    """The fragments of ``docname`` that the edition publishes (data/anchors.txt)."""
    pages = _published.get(env)
    if pages is None:
        pages = defaultdict(set)
        for page, ident in current_anchors(env).values():
            if ident:
                pages[page].add(ident)
        _published[env] = pages
    return pages.get(docname, set())


def permalink_id(env: BuildEnvironment, docname: str, ids: Iterable[str]) -> str | None:
    """The id a ¶ link on an element with ``ids`` points to, or None for no ¶ link."""
    published = published_ids(env, docname)
    return next((ident for ident in ids if ident in published), None)


def forget(app: Sphinx, env: BuildEnvironment) -> None:
    """A new reading of the pages: the published ids are made again when first asked."""
    _published.pop(env, None)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_post_transform(OneElementPerId)
    app.connect("env-updated", forget)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
