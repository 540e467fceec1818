extensions = ["myst_parser", "edition.csp"]
source_suffix = {".md": "markdown"}
