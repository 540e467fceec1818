"""sphinxcontrib-bibtex and pybtex internals the edition relies on (checked against
sphinxcontrib-bibtex==2.7.0 and pybtex==0.26.1).

Tests: ``tests/test_upstream.py`` (``test_bibtex_*``, ``test_pybtex_*``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sphinx.environment import BuildEnvironment


def register_plaintext_backend() -> None:
    """Register pybtex's plain-text backend under its own name, as the same class, so that
    looking it up is a dictionary look-up instead of a scan of every entry point.

    Assumes: ``pybtex.plugin.register_plugin(group, name, klass, force=True)`` replaces a
    registration, and ``find_plugin("pybtex.backends", "plaintext")`` then gives that
    class (pybtex 0.26.1); the class is ``pybtex.backends.plaintext.Backend``.
    """
    import pybtex.plugin
    from pybtex.backends.plaintext import Backend

    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", Backend, force=True)


def bib_entry_keys(env: BuildEnvironment) -> set[str]:
    """Keys of the parsed bibliography (sphinxcontrib-bibtex parses it before reading).

    Assumes: ``env.domaindata["cite"]["bibdata"]`` holds a ``BibData`` whose ``.data`` is
    pybtex's ``BibliographyData`` with ``.entries`` (sphinxcontrib-bibtex 2.7.0).
    """
    return set(env.domaindata["cite"]["bibdata"].data.entries)


def bib_files(env: BuildEnvironment) -> list[Path]:
    """The .bib files sphinxcontrib-bibtex read, in a stable order.

    Assumes: the ``cite`` domain's ``bibdata.bibfiles``, a mapping keyed by ``Path``
    (sphinxcontrib-bibtex 2.7.0).
    """
    return sorted(env.get_domain("cite").bibdata.bibfiles)


def citing_docnames(env: BuildEnvironment) -> set[str]:
    """The pages that cite an entry of the bibliography.

    Assumes: the ``cite`` domain's ``citation_refs``, a list of objects with ``docname``
    (sphinxcontrib-bibtex 2.7.0).
    """
    return {ref.docname for ref in env.get_domain("cite").citation_refs}


def bibliography_anchors(env: BuildEnvironment) -> Iterator[tuple[str, str]]:
    """(page, id) of each entry of every ``{bibliography}``.

    Assumes: ``env.domaindata["cite"]["citations"]``, a list of ``Citation`` tuples with
    ``citation_id`` and ``bibliography_key.docname`` (sphinxcontrib-bibtex 2.7.0).
    """
    for citation in env.domaindata.get("cite", {}).get("citations", []):
        yield citation.bibliography_key.docname, citation.citation_id


def fresh_citation_nodes(env: BuildEnvironment) -> None:
    """Empty the citation nodes sphinxcontrib-bibtex keeps in its domain data.

    Assumes: each bibliography's ``citation_nodes`` (key → the ``citation`` node the
    directive made, without children) is kept in ``domain.bibliographies`` and
    ``BibliographyTransform`` fills the node itself (label, paragraph, ``backrefs``,
    ``docname``) instead of a copy, so a second build of one application (the live
    preview's, the tests') would give every entry twice (sphinxcontrib-bibtex 2.7.0).
    Run once the pages are read: the environment pickled for the next build keeps them
    empty too.
    """
    try:
        bibliographies = env.domains["cite"].bibliographies
    except (KeyError, AttributeError):
        return  # no sphinxcontrib-bibtex in this project
    for bibliography in bibliographies.values():
        for node in bibliography.citation_nodes.values():
            del node.children[:]
            node["backrefs"] = []
            node.attributes.pop("docname", None)
