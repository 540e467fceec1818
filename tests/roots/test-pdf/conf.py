project = "Deneme Kitabı"
author = "Deneme"
language = "tr"
extensions = ["myst_parser", "sphinx_design", "edition.pdf.builder"]
myst_enable_extensions = ["colon_fence"]
typst_documents = [
    {"startdocname": "index", "targetname": "deneme", "title": project, "template": "edition"},
]
