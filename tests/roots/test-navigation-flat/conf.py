extensions = ["myst_parser", "edition.navigation"]
source_suffix = {".md": "markdown"}
html_theme = "furo"
