project = "Adresler"
author = "Deneme"
language = "tr"
extensions = [
    "myst_parser",
    "sphinx_design",
    "edition.checks.guard",
    "edition.checks.bibcheck",
    "edition.content.bibstyle",
    "edition.content.citations",
    "edition.pdf.builder",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
typst_documents = [
    {"startdocname": "index", "targetname": "adresler", "title": project, "template": "edition"},
]
