"""furo's navigation made once per build (edition.navigation) gives furo's own pages."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import SITE_SETTINGS, strict_build

if TYPE_CHECKING:
    from pathlib import Path


def html_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def test_every_page_is_byte_for_byte_furo_s_own(site, tmp_path):
    """The real site is flat: built with and without the shortcut, no page differs.

    The first build must have taken the shortcut: were the site not flat, both builds
    would take furo's own path and the comparison would hold whatever the shortcut does."""
    from edition.site.navigation import flat

    env = site.html.env  # the shortcut's conditions (edition.navigation), all met
    assert env.config.edition_fast_navigation
    assert env.config.html_theme == "furo"
    assert flat(env), "the site is not flat: the shortcut was not taken"
    stock = strict_build("html", tmp_path, settings=("edition_fast_navigation=0", *SITE_SETTINGS))
    assert stock.status == 0, stock.warnings
    assert not stock.env.config.edition_fast_navigation
    ours, theirs = html_files(site.html.outdir), html_files(stock.outdir)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    current = (site.html.outdir / "ulusal-sorun.html").read_text(encoding="utf-8")
    assert current.count("current-page") == 1


def test_the_shortcut_is_taken_on_a_flat_site_only(site, rootdir, tmp_path):
    import pickle

    from edition.site.navigation import flat

    with (site.html.doctreedir / "environment.pickle").open("rb") as f:
        assert flat(pickle.load(f))
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-navigation", src)
    nested = strict_build("html", tmp_path / "a", srcdir=src, confdir=src)
    assert nested.status == 0, nested.warnings
    assert not flat(nested.env)  # a page in a folder, a toctree below the root
    stock = strict_build(
        "html", tmp_path / "b", srcdir=src, confdir=src, settings=("edition_fast_navigation=0",)
    )
    assert html_files(nested.outdir) == html_files(stock.outdir)
    page = (nested.outdir / "uc.html").read_text(encoding="utf-8")
    assert 'class="toctree-checkbox" id="toctree-checkbox-1"' in page


@pytest.mark.sphinx("html", testroot="navigation-flat", copy_test_root=True, freshenv=True)
def test_a_second_build_of_the_same_application_shows_a_new_title(app):
    from edition.site.navigation import flat

    app.build()
    assert flat(app.env)
    (app.srcdir / "iki.md").write_text("# Yeni ad\n\nMetin.\n", encoding="utf-8")
    (app.srcdir / "bir.md").write_text("# Bir\n\nBaşka metin.\n", encoding="utf-8")
    app.build()  # both pages written again: bir's navigation must show the new title
    page = (app.outdir / "bir.html").read_text(encoding="utf-8")
    assert 'href="iki.html">Yeni ad</a>' in page
    assert 'class="current reference internal" href="#">Bir</a>' in page
