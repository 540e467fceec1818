extensions = ["myst_parser", "edition.site.assets"]
source_suffix = {".md": "markdown"}


def setup(app):
    app.add_css_file("yok.css")  # listed for every page, but no such file

language = "tr"  # the edition's source language (Sphinx's default, "en", builds the English words)
