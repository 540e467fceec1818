"""The check of the written pages (edition.csp): each finding is reported where it can be
mended, at the page's source and line, not at the written file in the staging folder."""

from __future__ import annotations

import re

import pytest

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def messages(warning) -> list[str]:
    return [
        line for line in ANSI.sub("", warning.getvalue()).splitlines() if "[edition.csp]" in line
    ]


@pytest.mark.sphinx("html", testroot="csp-source", freshenv=True)
def test_code_in_a_page_s_text_is_reported_at_its_source_line(app, warning):
    app.build()
    source = app.srcdir / "index.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    script = lines.index("<script>alert(1)</script>") + 1
    handler = next(i for i, line in enumerate(lines, 1) if "onclick=" in line)
    found = messages(warning)
    at_script = [m for m in found if m.startswith(f"{source}:{script}: WARNING: ")]
    assert len(at_script) == 1, found
    assert "an inline <script> (sha256-" in at_script[0]
    assert "remove it from the page, or write it without HTML" in at_script[0]
    assert re.search(r"it is line \d+ of the written index\.html\)", at_script[0])
    at_handler = [m for m in found if m.startswith(f"{source}:{handler}: WARNING: ")]
    assert len(at_handler) == 1, found
    assert "an event-handler attribute (onclick=)" in at_handler[0]
    assert not [m for m in found if str(app.outdir) in m.split(" WARNING: ")[0]], found


@pytest.mark.sphinx("html", testroot="csp-source", freshenv=True)
def test_code_no_line_of_the_page_wrote_is_reported_at_the_page(app, warning):
    """An extension (or a template) wrote it: the message names the page's source and
    the line of the written file, and says who could have written it."""
    app.build()
    found = [m for m in messages(warning) if "tema" in m]
    assert len(found) == 1, messages(warning)
    assert found[0].startswith(f"{app.srcdir / 'tema.md'}: WARNING: the written page tema.html")
    assert "no line of tema.md wrote" in found[0]
    assert "the theme, a template or an extension wrote it" in found[0]
    assert "put its hash in ALLOWED_INLINE of _ext/edition/site/csp.py" in found[0]


# -- The scripts' catalogue (edition.site.translations) ---------------------------------


def test_the_shipped_catalogue_is_sphinx_s_without_eval():
    """After a Sphinx upgrade that changes its catalogue: run python tools/translations.py."""
    from conftest import ROOT
    from edition.site.translations import MARK, project_catalogue, sphinx_catalogue, without_eval

    shipped = project_catalogue(ROOT, "tr").read_text(encoding="utf-8")
    made = without_eval(sphinx_catalogue("tr").read_text(encoding="utf-8"))
    assert made is not None, "Sphinx's catalogue changed its form: adapt without_eval"
    assert shipped == made, (
        "locale/tr/LC_MESSAGES/sphinx.js is out of date: run tools/translations.py"
    )
    assert shipped.startswith(MARK)
    assert "new Function" not in shipped
    assert "eval(" not in shipped


@pytest.mark.sphinx("html", testroot="csp-translations", freshenv=True)
def test_sphinx_s_own_catalogue_on_the_site_fails_the_build(app, warning):
    app.build()
    found = messages(warning)
    assert len(found) == 1, found
    assert "is Sphinx's own catalogue, whose plural rule needs eval" in found[0]
    assert "run 'python tools/translations.py'" in found[0]


@pytest.mark.sphinx(
    "html",
    testroot="csp-translations",
    freshenv=True,
    confoverrides={"locale_dirs": [str(__import__("conftest").ROOT / "locale")]},
)
def test_the_edition_s_catalogue_is_what_the_site_gets(app, warning):
    from conftest import ROOT

    app.build()
    assert messages(warning) == []
    written = (app.outdir / "_static" / "translations.js").read_bytes()
    assert written == (ROOT / "locale/tr/LC_MESSAGES/sphinx.js").read_bytes()
