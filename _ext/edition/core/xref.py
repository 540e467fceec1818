"""The one way the edition makes a cross-reference that Sphinx resolves later.

The conclusions, the quotation index and the registers link to sections, pages,
quotations, conclusions, persons, chronology entries and citations. Each link is a
``pending_xref`` holding an ``inline`` with the text shown until it is resolved; Sphinx's
resolver turns it into a link (or, with ``refwarn``, warns when the target is missing).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes


def reference(
    target: str,
    text: str | None = None,
    *,
    domain: str = "std",
    reftype: str = "ref",
    explicit: bool = False,
    refdoc: str | None = None,
) -> addnodes.pending_xref:
    """A reference to ``target`` of ``domain``'s role ``reftype``, warning when it is missing.

    ``text`` is shown (``target`` when not given). With ``explicit=False`` the resolver
    replaces it by the target's own title (a section's, a page's, a conclusion's); with
    ``explicit=True`` it is kept. ``refdoc`` is the page the reference stands on, which a
    ``doc`` reference resolves from.
    """
    node = addnodes.pending_xref(
        "",
        nodes.inline("", target if text is None else text),
        refdomain=domain,
        reftype=reftype,
        reftarget=target,
        refexplicit=explicit,
        refwarn=True,
    )
    if refdoc is not None:
        node["refdoc"] = refdoc
    return node
