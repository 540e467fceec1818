# A translated quotation without :cw:, and a malformed :cw: (tests/test_english.py).
extensions = ["myst_parser", "edition.content.bibstyle", "edition.content.quotations"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "tr"
bibtex_reference_style = "tr"
language = "tr"
locale_dirs = ["locale"]
