extensions = ["myst_parser", "edition.site.csp"]
language = "tr"
html_theme = "furo"
