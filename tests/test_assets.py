"""One stylesheet and one script per page, and nothing a page does not use (edition.assets).

How much the pages weigh is measured by ``nox -s bench``; these tests hold what the
bundles must be: the same files, in Sphinx's order, and a page that works in chromium.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import theme_pages
from edition.site.assets import without_comments

THEME_PAGES = theme_pages()


def head_assets(site, page: str) -> tuple[list[str], list[str]]:
    soup = BeautifulSoup((site.html.outdir / f"{page}.html").read_text("utf-8"), "html.parser")
    css = [link["href"].split("?")[0] for link in soup.select('link[rel="stylesheet"]')]
    js = [script["src"].split("?")[0] for script in soup.select("script[src]")]
    return css, js


def members(site, bundle: str) -> list[str]:
    text = (site.html.outdir / bundle).read_text(encoding="utf-8")
    return re.findall(r"^/\* (_static/\S+) \*/$", text, re.MULTILINE)


@pytest.mark.parametrize("page", [*THEME_PAGES, "index", "kisiler", "genindex"])
def test_each_page_loads_one_stylesheet_and_one_script(site, page):
    css, js = head_assets(site, page)
    assert len(css) == 1
    assert re.fullmatch(r"_static/edition-[0-9a-f]{10}\.css", css[0])
    assert len(js) == 1
    assert re.fullmatch(r"_static/edition-[0-9a-f]{10}\.js", js[0])


def test_a_theme_page_bundle_holds_the_theme_and_the_edition_in_order(site):
    css, js = head_assets(site, "ulusal-sorun")
    assert members(site, css[0]) == [
        "_static/styles/furo.css",
        "_static/edition-fonts.css",
        "_static/edition.css",
        "_static/styles/furo-extensions.css",
    ]  # no code on the page: no pygments.css; no cards: no sphinx-design
    scripts = members(site, js[0])
    assert scripts[:4] == [
        "_static/documentation_options.js",
        "_static/doctools.js",
        "_static/sphinx_highlight.js",
        "_static/scripts/furo.js",
    ]
    assert {"_static/edition-preview.js", "_static/edition-panels.js"} <= set(scripts)
    assert {"_static/edition-cite.js", "_static/translations.js"} <= set(scripts)
    assert "_static/design-tabs.js" not in scripts


def test_the_bundles_hold_the_files_as_written(site):
    """Byte for byte the files Sphinx copied (translations.js already without eval)."""
    out = site.html.outdir
    css, js = head_assets(site, "ulusal-sorun")
    bundle = (out / css[0]).read_text(encoding="utf-8")
    for name in members(site, css[0]):
        written = without_comments(name, (out / name).read_text(encoding="utf-8"))
        assert written.rstrip() in bundle
    scripts = (out / js[0]).read_text(encoding="utf-8")
    assert (out / "_static/translations.js").read_text("utf-8").startswith("// edition.csp")
    for name in members(site, js[0]):
        written = without_comments(name, (out / name).read_text(encoding="utf-8"))
        assert written.rstrip() in scripts
    # the scripts Sphinx would defer wait for the parsed page inside the bundle
    preview = scripts.index("/* _static/edition-preview.js */")
    assert 'document.addEventListener("DOMContentLoaded", run)' in scripts[preview : preview + 300]


def test_the_edition_s_own_files_go_in_without_comments_and_others_as_written():
    css = 'a { content: "/* kept */"; } /* gone */\n\n/* gone\n too */ b { color: red; }'
    assert without_comments("_static/edition.css", css) == (
        'a { content: "/* kept */"; }\n b { color: red; }'
    )
    js = '// gone\nconst url = "https://example.org"; // stays with its line\n\n  // gone\nf();'
    assert without_comments("_static/edition-cite.js", js) == (
        'const url = "https://example.org"; // stays with its line\nf();'
    )
    licensed = "/* :copyright: Sphinx team */\nvar x;"
    assert without_comments("_static/doctools.js", licensed) == licensed
    assert without_comments("_static/styles/furo.css", css) == css


def test_the_cards_page_gets_sphinx_design(site):
    css, _ = head_assets(site, "index")
    assert "_static/sphinx-design.min.css" in members(site, css[0])


def test_the_search_page_keeps_its_own_scripts_after_the_bundle(site):
    _, js = head_assets(site, "search")
    assert re.fullmatch(r"_static/edition-[0-9a-f]{10}\.js", js[0])
    assert js[1:] == [
        "_static/edition-search.js",
        "_static/searchtools.js",
        "_static/language_data.js",
        "searchindex.js",
    ]


def test_a_theme_page_in_chromium_makes_four_requests_and_its_fonts_and_works(site, browser, serve):
    base = serve(site.html.outdir)
    page = browser.new_page()
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url.removeprefix(base)))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    paths = sorted(url.split("?")[0] for url in requested)
    css, js = head_assets(site, "ulusal-sorun")
    fonts = [path for path in paths if path.startswith("_static/fonts/")]
    assert [path for path in paths if path not in fonts] == sorted(
        ["ulusal-sorun.html", css[0], js[0], "_static/favicon.svg"]
    )
    # the text face: its regular cut at least, each cut once, all from the site itself
    assert "_static/fonts/edisyon-libertine-regular.woff2" in fonts
    assert len(fonts) == len(set(fonts)) <= 3
    assert len(paths) <= 10
    assert errors == []
    # what the bundled scripts do: furo's theme switch, the deferred panels, the catalogue
    assert page.evaluate("typeof Documentation.gettext") == "function"
    assert page.evaluate("Documentation.LOCALE") == "tr"
    assert page.locator(".edition-panel-switch").count() >= 1
    page.close()


@pytest.mark.sphinx("html", testroot="assets-missing", freshenv=True)
def test_a_listed_file_that_is_not_in_the_output_is_named(app, warning):
    app.build()
    assert (
        "_static/yok.css is given to every page but cannot be read in the output"
        in warning.getvalue()
    )
    css = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    links = [link["href"] for link in css.select('link[rel="stylesheet"]')]
    assert len(links) == 1
    assert links[0].startswith("_static/edition-")


@pytest.mark.sphinx("html", testroot="assets", copy_test_root=True, freshenv=True)
def test_a_second_build_of_the_same_application_refreshes_the_bundle(app):
    """sphinx-autobuild and the tests build one application more than once."""
    app.build()
    (app.srcdir / "_static" / "ozel.css").write_text("p { color: teal; }\n", encoding="utf-8")
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    bundle = page.select_one('link[rel="stylesheet"]')["href"].split("?")[0]
    assert "color: teal" in (app.outdir / bundle).read_text(encoding="utf-8")
