extensions = ["myst_parser", "edition.guard"]
