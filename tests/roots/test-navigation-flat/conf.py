extensions = ["myst_parser", "edition.site.navigation"]
source_suffix = {".md": "markdown"}
html_theme = "furo"

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
