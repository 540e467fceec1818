extensions = ["myst_parser", "edition.registers.persons"]
edition_persons = "data/kisiler.yaml"
exclude_patterns = ["data"]
