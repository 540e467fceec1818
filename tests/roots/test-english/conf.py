# The English edition of a small project: a page partly translated, one wholly translated,
# a quotation with its Collected Works place (tests/test_english.py builds it in both
# languages: confoverrides language=en).
extensions = [
    "myst_parser",
    "edition.content.bibstyle",
    "edition.content.quotations",
    "edition.checks.translation",
    "edition.site.languages",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
language = "tr"
locale_dirs = ["locale"]
bibtex_cite_id = "kaynak-{key}"  # as conf.py: stable anchors for the entries
