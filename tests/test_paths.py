"""edition.guard, issue 14: nothing from the build machine or the network reaches a page.

Pages that are symbolic links out of docs/ are never read; images from other servers and
formulas (MathJax from a CDN) are refused; front matter holds only documented keys.
The whole-publish cases are in tests/faults_paths.py.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path

import pytest
from test_guard import assert_failed, assert_refused, errors

SECRET = "GIZLI-ICERIK-5c2e"
PAGE_ADVICE = "put the page's text into a file of its own in docs/"
REMOTE_ADVICE = "save the file inside docs/ and give its path relative to the page"
MATH_ADVICE = "the edition publishes no formulas"
FRONT_MATTER_ADVICE = "a page's front matter may hold only 'orphan'"
#: An address of another server in an attribute that makes the browser fetch it.
REMOTE_FETCH = re.compile(
    r"""<(?:script|img|link|iframe|video|audio|source)\b[^>]*?"""
    r"""(?:src|href)=["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def output_text(outdir: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in outdir.rglob("*") if p.is_file()
    )


# -- Pages that are symbolic links -------------------------------------------------------


@pytest.fixture
def pages_app(make_app, rootdir, sphinx_test_tempdir, tmp_path):
    """Three pages that are links: to a file outside (with a heading), to a file without
    one, and to a page inside docs/ (allowed)."""
    srcdir = sphinx_test_tempdir / f"guard-pages-{os.getpid()}-{tmp_path.name}"
    shutil.copytree(rootdir / "test-guard-pages", srcdir)
    outside = tmp_path / "disaridaki.md"
    outside.write_text(f"# Dışarıdaki sayfa\n\n{SECRET}\n", encoding="utf-8")
    bare = tmp_path / "hostname"
    bare.write_text(f"{SECRET}-makine\n", encoding="utf-8")
    (srcdir / "disarida.md").symlink_to(outside)
    (srcdir / "basliksiz.md").symlink_to(bare)
    (srcdir / "icerde.md").symlink_to(Path("ic") / "gercek.md")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_a_page_linked_outside_docs_is_refused_at_its_line_1_and_never_read(pages_app):
    what = "A page that is a link to a file outside docs/"
    assert_refused(pages_app, "disarida.md", 1, what, PAGE_ADVICE)
    assert_refused(pages_app, "basliksiz.md", 1, what, PAGE_ADVICE)
    assert_failed(pages_app)
    assert "disarida" not in pages_app.env.all_docs
    assert "basliksiz" not in pages_app.env.all_docs
    assert SECRET not in output_text(pages_app.outdir)
    assert not (pages_app.outdir / "disarida.html").exists()


def test_a_page_linked_inside_docs_is_an_ordinary_page(pages_app):
    refused = [e for e in errors(pages_app) if "icerde" in e or "gercek" in e]
    assert refused == []
    assert "ICERIDEKI-METIN" in (pages_app.outdir / "icerde.html").read_text(encoding="utf-8")


def test_the_refusal_holds_in_the_next_build_and_ends_with_the_link(pages_app):
    pages_app.build()  # incremental: the pages are refused again, the build fails again
    assert_failed(pages_app)
    for name in ("disarida.md", "basliksiz.md"):
        (pages_app.srcdir / name).unlink()
    index = pages_app.srcdir / "index.md"
    index.write_text("# Sayfalar\n\n```{toctree}\nicerde\n```\n", encoding="utf-8")
    pages_app.statuscode = 0
    pages_app.build()
    assert pages_app.statuscode == 0


# -- Nothing from the network -------------------------------------------------------------

#: (line, what is refused, advice)
NETWORK_CASES = [
    (3, "Showing the image 'https://example.org/lenin.png' from another server", REMOTE_ADVICE),
    (5, "Showing the image 'https://example.org/gorki.jpg' from another server", REMOTE_ADVICE),
    (9, "Showing the image 'http://example.org/a.png' from another server", REMOTE_ADVICE),
    (13, "Showing the image 'https://example.org/kart.png' from another server", REMOTE_ADVICE),
    (21, "A formula (:math:`a^2 + b^2`)", MATH_ADVICE),
    (23, "A formula ('E = mc^2')", MATH_ADVICE),
]


@pytest.mark.sphinx("html", testroot="guard-network", copy_test_root=True, freshenv=True)
def test_remote_images_and_formulas_are_refused_and_nothing_remote_is_published(app):
    app.build()
    for line, what, advice in NETWORK_CASES:
        assert_refused(app, "index.md", line, what, advice)
    # data: and //host/ addresses: refused too, by the guard or by the URL policy
    for address in ("data:image/png;base64,iVBORw0KGgo=", "//example.org/yol.png"):
        assert [e for e in errors(app) if re.search(r"index\.md:19: ERROR: ", e) and address in e]
    assert_failed(app)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Sayfanın geri kalanı yayımlanır." in html
    assert not re.search(r"<img[^>]*example\.org", html)  # as text, an address is harmless
    assert "mathjax" not in html.lower()
    for page in app.outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not REMOTE_FETCH.search(text), f"{page} asks for something from another server"


@pytest.mark.sphinx("typstpdf", testroot="guard-network", copy_test_root=True, freshenv=True)
def test_the_pdf_builder_fetches_nothing(app, monkeypatch):
    """Remote images are gone before any builder sees them: no connection is opened."""
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network during a build")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    app.build()
    assert attempts == []
    assert_failed(app)
    assert_refused(app, "index.md", 3, NETWORK_CASES[0][1], REMOTE_ADVICE)


# -- Front matter -------------------------------------------------------------------------

#: (page, line, key)
FRONT_MATTER_CASES = [
    ("myst.md", 3, "myst"),
    ("tema.md", 2, "hide-toc"),
    ("tema.md", 3, "html_theme.sidebar_hide_name"),
    ("meta.md", 2, "html_meta"),
]


@pytest.mark.sphinx("html", testroot="guard-front-matter", copy_test_root=True, freshenv=True)
def test_front_matter_keys_other_than_the_documented_ones_are_refused(app):
    app.build()
    for page, line, key in FRONT_MATTER_CASES:
        assert_refused(app, page, line, f"The front matter key '{key}'", FRONT_MATTER_ADVICE)
    assert_failed(app)
    # the refused settings never took effect: no html_image, no dollarmath, no <meta>
    myst = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert "resim.png" not in myst
    assert "mathjax" not in myst.lower()
    meta = (app.outdir / "meta.html").read_text(encoding="utf-8")
    assert "refresh" not in meta
    assert not [e for e in errors(app) if "izinli.md" in e]  # 'orphan' is allowed
    assert app.env.metadata["izinli"].get("orphan") is not None


def test_no_page_of_the_edition_asks_for_anything_from_another_server(site):
    """No script, image or style sheet of the real site comes from another server (MathJax
    from a CDN among them); links to other sites are not fetched and stay allowed."""
    pages = sorted(site.html.outdir.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not REMOTE_FETCH.search(text), f"{page} asks for something from another server"
        assert "mathjax" not in text.lower(), page


#: (page text, the keys MyST would see) — either of MyST's two readings of a front matter
FRONT_MATTERS = [
    ("---\nmyst: {}\n---\n# Başlık\n", {"myst"}),
    ("---\norphan: true\n...\n# Başlık\n", {"orphan"}),
    ("--- # yorum\nhide-toc: true\n---\n", {"hide-toc"}),
    ("---\n<<: {myst: {}}\n---\n", {"<<"}),  # a merge key: refused as itself
    ("---\n? html_meta\n: {}\n---\n", {"html_meta"}),
    ("---\nmyst: {}\n", {"myst"}),  # never closed: MyST's settings reading takes it all
    ("----\norphan: true\n---x\nmyst: {}\n----\n", {"orphan"}),  # second reading: not YAML
    ("# Başlık\n\n---\nmyst: {}\n---\n", set()),  # not at the top: a rule and text
]


@pytest.mark.parametrize(("text", "keys"), FRONT_MATTERS)
def test_every_reading_of_the_front_matter_is_checked(text, keys):
    from edition.checks.guard import front_matter_ends, front_matter_keys

    lines = text.splitlines()
    found = set()
    for end in front_matter_ends(lines):
        found |= {key for _, key in front_matter_keys("\n".join(lines[1:end]))}
    assert found == keys


def test_a_table_file_is_judged_where_docutils_reads_it(make_app, rootdir, tmp_path):
    """In a file included with rST's ``include``, docutils reads csv-table's ``:file:`` from
    that file's folder, not the page's: '../disarida.csv' leaves docs/ from docs/parca.rst
    although it would not from docs/a/b/sayfa.md."""
    srcdir = tmp_path / "proje" / "docs"
    shutil.copytree(rootdir / "test-guard-nested", srcdir)
    (srcdir.parent / "disarida.csv").write_text(f"{SECRET},1\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert_refused(app, "parca.rst", 3, "Reading a table from '../disarida.csv'", "keep the file")
    assert_failed(app)
    assert SECRET not in output_text(app.outdir)
