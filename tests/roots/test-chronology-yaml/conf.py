extensions = ["myst_parser", "edition.chronology"]
edition_chronology = "data/kronoloji.yaml"
exclude_patterns = ["data"]
