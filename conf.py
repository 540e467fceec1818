"""Sphinx configuration of the edition of Lenin's last writings and letters (1922–1923).

The pages live under ``docs/``; this file sits at the top of the repository, so every
build reads it with ``-c .``: ``sphinx-build -c . docs build/html -d build/doctrees/html``.
The nox sessions (see README.md) add ``-W -n`` so that any warning fails the build.
Behaviour belongs in the local extensions under ``_ext/edition/``; this file only
configures.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))

# -- Project -------------------------------------------------------------------

project = "Lenin’in Son Yazıları ve Mektupları (1922–1923)"
author = "Edisyon ekibi"
copyright = "2026, Edisyon ekibi · metin CC BY-SA 4.0, kod MIT"
language = "tr"
# The edition's release number, set here only: year.count (data/surum-notlari.yaml says
# why); `python3 noxw.py -s release` makes the release (README "Sürümler"). EPUB 3 needs it.
version = release = "2026.1"

# -- General -------------------------------------------------------------------

extensions = [
    # Third-party
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinx_design",
    # Local: the edition, one extension in layers (``_ext/edition/``, see its __init__.py)
    "edition",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
nitpicky = True
nitpick_ignore: list[tuple[str, str]] = []  # empty on purpose: every reference must resolve

# furo ships no Turkish catalogue; locale/tr/LC_MESSAGES/sphinx.po translates its
# interface strings (Sphinx compiles it to .mo at start-up).
locale_dirs = [str(ROOT / "locale")]

# -- MyST ----------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",  # ::: fences for directives that hold Markdown (notes, cards)
]
# Raw HTML is not disabled here on purpose: disabling would escape it silently.
# edition.guard refuses it with a located error instead.

# -- Bibliography (sphinxcontrib-bibtex) ---------------------------------------

bibtex_bibfiles = ["references.bib"]  # resolved against this file's folder
bibtex_encoding = "utf-8"
bibtex_default_style = "tr"  # edition.bibstyle: Turkish entries (çev., yay. haz., ve)
bibtex_reference_style = "tr"  # edition.bibstyle: (Yazar, Başlık, s. N)
bibtex_cite_id = "kaynak-{key}"  # readable, stable anchors for the entries
bibtex_bibliography_id = "kaynak-listesi-{bibliography_count}"

# -- Data (data/*.yaml, read by edition.chronology and edition.persons) -------------

edition_chronology = "data/kronoloji.yaml"
edition_persons = "data/kisiler.yaml"
edition_documents = "data/belgeler.yaml"  # Lenin's documents and the standard editions
edition_document_hosts = "data/belge-adresleri.txt"  # where full texts may be linked
edition_anchors = "data/anchors.txt"  # the published anchors (python3 noxw.py -s anchors)
edition_anchors_removed = "data/anchors-removed.txt"  # old-page#id new-page#id, redirected

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
# The site's address: the one setting for canonical links, sitemap.xml and the absolute
# URLs of citations and meta tags. Set it where the site is published (the deploy passes
# -D html_baseurl=…); left empty, the build says what it leaves out.
html_baseurl = ""
# The repository (https://github.com/…): the one setting for each page's "edit" and
# "view source" links; the CI passes it with -D. Left empty, they are left out.
edition_repository = ""
html_title = project
html_copy_source = False  # the sources are in the repository, not on the site
html_show_sourcelink = False

# -- EPUB --------------------------------------------------------------------------

epub_basename = "lenin-son-yazilar"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_description = "Lenin’in 1922–1923 yazıları ve mektupları üzerine tematik Türkçe edisyon"
# One value for both: Sphinx writes epub_uid into toc.ncx and epub_identifier into the
# OPF, and epubcheck requires them to match (NCX-001).
epub_identifier = epub_uid = "lenin-son-yazilar-1"
epub_show_urls = "footnote"  # an e-reader cannot hover: external addresses as footnotes
# No search without JavaScript; .buildinfo.bak is Sphinx's own note of an earlier build's
# settings, written when they changed (not a file of the book).
epub_exclude_files = ["search.html", ".buildinfo.bak"]

# -- PDF (Typst) -----------------------------------------------------------------

typst_documents = [
    {
        "startdocname": "index",
        "targetname": "lenin-son-yazilar",
        "title": project,
        "template": "edition",  # _ext/edition/pdf/typst/edition.typ
        "metadata": {
            "cover": ["Lenin’in Son Yazıları", "ve Mektupları", "1922–1923"],
            "subtitle": "Turan ve Almış’ın incelemesine dayanan tematik edisyon",
        },
    },
]

# -- The English edition (-D language=en; README "English edition") -------------------
# The same pages read in English (locale/en/LC_MESSAGES/*.po, the translators' work),
# published under en/ beside the Turkish site. These settings replace the Turkish ones in
# that build only (edition.core.language); the words the edition generates are in
# _ext/edition/core/words.py.

edition_english_config = {
    "project": "Lenin’s Last Writings and Letters (1922–1923)",
    "html_title": "Lenin’s Last Writings and Letters (1922–1923)",
    "author": "Edition team",
    "epub_basename": "lenin-last-writings",
    "epub_title": "Lenin’s Last Writings and Letters (1922–1923)",
    "epub_author": "Edition team",
    "epub_publisher": "Edition team",
    "epub_description": "A thematic edition of Lenin’s writings and letters of 1922–1923",
    "epub_identifier": "lenin-last-writings-1",
    "epub_uid": "lenin-last-writings-1",
    "typst_documents": [
        {
            "startdocname": "index",
            "targetname": "lenin-last-writings",
            "title": "Lenin’s Last Writings and Letters (1922–1923)",
            "template": "edition",
            "metadata": {
                "cover": ["Lenin’s Last Writings", "and Letters", "1922–1923"],
                "subtitle": "A thematic edition after the study by Turan and Almış",
            },
        },
    ],
}
