extensions = ["myst_parser", "edition.checks.guard"]
exclude_patterns = ["parcalar"]  # fragments included by index.md, not pages of their own

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
