extensions = ["myst_parser", "edition.checks.guard", "edition.content.notes"]
myst_enable_extensions = ["colon_fence"]
