extensions = ["myst_parser", "edition.guard"]
myst_enable_extensions = ["colon_fence"]
