extensions = ["myst_parser", "edition.site.csp"]
html_theme = "furo"
source_suffix = {".md": "markdown"}


def theme_script(app, pagename, templatename, context, doctree):
    """What a template or an extension might write: code no page's text holds."""
    if pagename == "tema":
        context["metatags"] = context.get("metatags", "") + "<script>tema()</script>\n"


def setup(app):
    app.connect("html-page-context", theme_script)

# (Sphinx's default language, "en": this project checks the CSP of a page's own code, not
# the Turkish catalogue.)
