"""What refuses or advises: the guard against unsafe markup, the URL policy, advice on
Sphinx's and MyST's messages, labels across rebuilds, the ``.bib`` check, the anchors.

A new check goes here, and reports through ``edition.core.messages`` at the source file
and line. It uses ``edition.core`` only.
"""
