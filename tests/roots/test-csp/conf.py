extensions = ["myst_parser", "edition.site.csp"]
source_suffix = {".md": "markdown"}
