extensions = ["myst_parser", "edition.checks.anchors", "edition.site.redirects"]
edition_anchors = "anchors.txt"
edition_anchors_removed = "anchors-removed.txt"

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
