extensions = ["myst_parser", "edition.site.csp"]
source_suffix = {".md": "markdown"}

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
