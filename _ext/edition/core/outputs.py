"""Which output a build writes, told to the pages as tags for Sphinx's ``only`` directive.

The edition is a web site and a book (the PDF and the EPUB) made from the same pages. A
passage that is true of one output only (the site's "Atıf" control, the PDF's page
numbers) is marked on the page with ``only``::

    ```{only} site
    Her sayfanın başlığının altındaki **Atıf** düğmesi …
    ```

    ```{only} kitap
    Kitaba atıf yaparken …
    ```

The tags: ``site`` (the HTML site; also the builders that read it, such as linkcheck),
``kitap`` (every book: the PDF and the EPUB), and, inside ``kitap``, ``pdf`` and ``epub``
for what one book alone has (the PDF's pages and named destinations). They are set when
the builder starts; Sphinx keeps ``only`` blocks in the doctrees and drops the ones whose
tag is not set when it writes each output, so one reading of the pages serves all three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITE, BOOK = "site", "kitap"
#: Builder name → the tags of the book it writes. Any other builder writes for the site.
BOOKS = {"typstpdf": (BOOK, "pdf"), "epub": (BOOK, "epub")}
#: Every tag a page may name in ``only``.
TAGS = (SITE, BOOK, "pdf", "epub")


def output_tags(builder_name: str) -> tuple[str, ...]:
    """The edition's tags for a build with the builder ``builder_name``."""
    return BOOKS.get(builder_name, (SITE,))


def tag_the_output(app: Sphinx) -> None:
    for tag in output_tags(app.builder.name):
        app.tags.add(tag)
