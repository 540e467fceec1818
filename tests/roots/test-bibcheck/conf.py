extensions = ["myst_parser", "edition.checks.bibcheck", "edition.content.bibstyle", "edition.content.citations"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
