extensions = [
    "myst_parser",
    "edition.bibstyle",
    "edition.quotations",
    "edition.quotation_index",
    "edition.notes",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
