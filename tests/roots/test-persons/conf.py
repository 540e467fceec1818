extensions = ["myst_parser", "edition.registers.persons"]
edition_persons = "data/kisiler.yaml"
exclude_patterns = ["data"]

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
