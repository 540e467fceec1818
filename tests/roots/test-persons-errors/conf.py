extensions = ["myst_parser", "edition.persons"]
edition_persons = "data/kisiler.yaml"
exclude_patterns = ["data"]
