extensions = ["myst_parser", "edition.checks.labels"]
source_suffix = {".md": "markdown"}

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
