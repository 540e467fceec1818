extensions = ["myst_parser", "edition.labels"]
source_suffix = {".md": "markdown"}
