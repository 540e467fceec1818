"""Adapters: the only places where the edition relies on another package's internals.

Each module wraps one upstream package (``sphinx``, ``furo``, ``myst``, ``bibtex`` for
sphinxcontrib-bibtex and pybtex, ``typst`` for sphinxcontrib-typstbuilder, ``pypdf``). Every
function or class states the assumption it relies on and the version pinned in
``requirements.txt`` that it was checked against; ``tests/test_upstream.py`` checks each
assumption directly against the installed packages, so that an upgrade that breaks one
fails there, naming the adapter to fix, before any build does.
"""
