project = "Listeler"
author = "Deneme"
extensions = ["myst_parser", "edition.checks.guard", "edition.pdf.builder"]
typst_documents = [
    {"startdocname": "index", "targetname": "listeler", "title": project, "template": "edition"},
]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
