"""The book: the ``typstpdf`` builder, its node handlers and the Typst template (``typst/``).

A change to the PDF goes here. It may use ``core``, ``content``, ``registers`` and
``checks``, never ``site``.
"""
