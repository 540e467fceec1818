extensions = ["myst_parser", "edition.registers.chronology"]
edition_chronology = "data/kronoloji.yaml"
exclude_patterns = ["data"]
