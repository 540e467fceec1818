project = "Listeler"
author = "Deneme"
extensions = ["myst_parser", "edition.guard", "edition.pdf"]
typst_documents = [
    {"startdocname": "index", "targetname": "listeler", "title": project, "template": "edition"},
]
