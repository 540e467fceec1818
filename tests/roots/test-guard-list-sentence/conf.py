extensions = ["myst_parser", "edition.checks.guard"]
myst_enable_extensions = ["colon_fence"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
