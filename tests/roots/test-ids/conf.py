extensions = ["myst_parser", "edition.checks.labels", "edition.site.theme"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
