extensions = ["myst_parser", "edition.bibcheck", "edition.bibstyle", "edition.citations"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
