extensions = ["myst_parser", "edition.registers.chronology"]
edition_chronology = "data/kronoloji.yaml"
exclude_patterns = ["data"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
