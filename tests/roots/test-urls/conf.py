project = "Adresler"
author = "Deneme"
language = "tr"
extensions = [
    "myst_parser",
    "sphinx_design",
    "edition.guard",
    "edition.bibcheck",
    "edition.bibstyle",
    "edition.citations",
    "edition.pdf",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
typst_documents = [
    {"startdocname": "index", "targetname": "adresler", "title": project, "template": "edition"},
]
