extensions = [
    "myst_parser",
    "edition.content.bibstyle",
    "edition.content.quotations",
    "edition.registers.documents",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
edition_documents = "belgeler.yaml"
edition_document_hosts = "hosts.txt"

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
