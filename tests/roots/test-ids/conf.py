extensions = ["myst_parser", "edition.checks.labels", "edition.site.theme"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
