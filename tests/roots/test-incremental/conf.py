extensions = ["myst_parser", "edition.checks.labels"]
source_suffix = {".md": "markdown"}
