extensions = ["myst_parser", "edition.site.navigation"]
source_suffix = {".md": "markdown"}
html_theme = "furo"
