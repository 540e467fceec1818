extensions = ["myst_parser", "edition.site.assets"]
source_suffix = {".md": "markdown"}
html_static_path = ["_static"]
html_css_files = ["ozel.css"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
