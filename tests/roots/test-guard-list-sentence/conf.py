extensions = ["myst_parser", "edition.checks.guard"]
myst_enable_extensions = ["colon_fence"]
