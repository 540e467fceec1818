extensions = ["myst_parser", "edition.site.citing"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
