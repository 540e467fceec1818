extensions = [
    "myst_parser",
    "edition.checks.advice",
    "edition.checks.guard",
    "edition.content.citations",
    "edition.content.notes",
]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
