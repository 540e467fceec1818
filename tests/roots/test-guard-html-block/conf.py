extensions = ["myst_parser", "edition.checks.guard"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
