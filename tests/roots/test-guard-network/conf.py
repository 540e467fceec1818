project = "Ağ"
language = "tr"
extensions = ["myst_parser", "sphinx_design", "edition.checks.guard", "edition.pdf.builder"]
myst_enable_extensions = ["colon_fence"]
typst_documents = [
    {"startdocname": "index", "targetname": "ag", "title": project, "template": "edition"},
]
