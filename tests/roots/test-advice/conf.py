extensions = [
    "myst_parser",
    "edition.checks.advice",
    "edition.checks.guard",
    "edition.content.citations",
    "edition.content.notes",
]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
