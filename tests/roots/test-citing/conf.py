extensions = ["myst_parser", "edition.site.citing"]
