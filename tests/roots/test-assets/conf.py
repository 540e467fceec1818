extensions = ["myst_parser", "edition.site.assets"]
source_suffix = {".md": "markdown"}
html_static_path = ["_static"]
html_css_files = ["ozel.css"]
