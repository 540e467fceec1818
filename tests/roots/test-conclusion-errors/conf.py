extensions = ["myst_parser", "edition.content.conclusions"]
myst_enable_extensions = ["colon_fence"]
