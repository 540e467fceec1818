extensions = ["myst_parser", "edition.checks.guard"]
