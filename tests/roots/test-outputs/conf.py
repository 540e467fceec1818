project = "Deneme Kitabı"
author = "Deneme ekibi"
language = "tr"
extensions = ["myst_parser", "edition.pdf.builder"]
typst_documents = [
    {"startdocname": "index", "targetname": "deneme", "title": project, "template": "edition"},
]
