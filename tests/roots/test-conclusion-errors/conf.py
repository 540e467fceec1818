extensions = ["myst_parser", "edition.conclusions"]
myst_enable_extensions = ["colon_fence"]
