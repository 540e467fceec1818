extensions = ["myst_parser", "edition.content.bibstyle", "edition.content.citations"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
