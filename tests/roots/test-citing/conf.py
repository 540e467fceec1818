extensions = ["myst_parser", "edition.citing"]
