"""edition.sources: edit and view links from one setting; each page's date from git."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from edition.site.sources import git_top, is_shallow, web_address
from sphinx.util.docutils import patched_get_language


def build(app) -> None:
    """Build as sphinx-build does: docutils patched not to warn about "tr" (Sphinx
    translates what docutils would)."""
    with patched_get_language():
        app.build()


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def last_updated(app, name: str) -> str | None:
    """The date the page shows (the words around it are the theme's, translated or not)."""
    found = page(app, name).select_one(".last-updated")
    return re.search(r"\d+ \w+ \d{4}", found.get_text()).group() if found else None


def git(folder, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def checkout(rootdir, tmp_path):
    """The test root as a git checkout: everything committed in 2001, the include in 2003."""
    folder = tmp_path / "site"
    shutil.copytree(rootdir / "test-sources", folder)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "first", date="2001-03-05T12:00:00+00:00")
    (folder / "_parca.txt").write_text("Değişen parça.\n", encoding="utf-8")
    git(folder, "commit", "-q", "-am", "second", date="2003-07-09T12:00:00+00:00")
    return folder


def test_each_page_is_dated_by_the_last_change_of_what_it_is_made_from(make_app, checkout):
    app = make_app("html", srcdir=checkout, freshenv=True)
    build(app)
    assert app.warning.getvalue() == ""
    assert last_updated(app, "index") == "9 Temmuz 2003"  # its include changed
    assert last_updated(app, "obur") == "5 Mart 2001"
    assert "not a git checkout" not in app.status.getvalue()


def test_a_shallow_clone_dates_only_what_its_history_shows(make_app, checkout, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{checkout}", str(shallow))
    git(shallow, "fetch", "-q", "--depth", "2")
    app = make_app("html", srcdir=shallow, freshenv=True)
    build(app)
    assert last_updated(app, "index") == "9 Temmuz 2003"  # its include changed in view
    assert last_updated(app, "obur") is None  # its change is beyond the clone's history
    assert "shallow clone" in app.status.getvalue()


def test_uncommitted_pages_have_no_date(make_app, checkout):
    (checkout / "yeni.md").write_text("# Yeni\n", encoding="utf-8")
    (checkout / "index.md").write_text(
        (checkout / "index.md").read_text(encoding="utf-8").replace("obur", "obur\nyeni"),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=checkout, freshenv=True)
    build(app)
    assert last_updated(app, "yeni") is None


@pytest.mark.sphinx(
    "html",
    testroot="sources",
    copy_test_root=True,
    freshenv=True,
    confoverrides={"edition_repository": "git@github.com:ornek/edisyon.git"},
)
def test_edit_and_view_links_come_from_one_setting(app):
    build(app)
    assert app.warning.getvalue() == ""
    buttons = page(app, "obur").select_one(".content-icon-container")
    assert buttons.select_one(".edit-this-page a")["href"] == (
        "https://github.com/ornek/edisyon/edit/main/obur.md"
    )
    assert buttons.select_one(".view-this-page a")["href"] == (
        "https://github.com/ornek/edisyon/blob/main/obur.md?plain=true"
    )


@pytest.mark.sphinx("html", testroot="sources", copy_test_root=True, freshenv=True)
def test_without_the_setting_or_git_the_links_are_left_out_and_the_build_says_so(app):
    build(app)
    assert app.warning.getvalue() == ""
    assert not page(app, "obur").select("a[rel=edit]")
    assert page(app, "obur").select_one(".view-this-page a")["href"].startswith("_sources/")
    assert last_updated(app, "obur") is None
    status = app.status.getvalue()
    assert "built without 'edit this page' and 'view source' links (set edition_repository)" in (
        status
    )
    assert "the date each page last changed (not a git checkout)" in status


@pytest.mark.sphinx(
    "html",
    testroot="sources",
    copy_test_root=True,
    freshenv=True,
    confoverrides={"edition_repository": "ornek/edisyon"},
)
def test_an_unusable_repository_address_fails_the_build(app):
    build(app)
    assert "edition_repository 'ornek/edisyon' is not the address of a repository" in (
        app.warning.getvalue()
    )
    assert not page(app, "obur").select("a[rel=edit]")


@pytest.mark.parametrize(
    ("setting", "address"),
    [
        ("https://github.com/ornek/edisyon", "https://github.com/ornek/edisyon"),
        ("https://github.com/ornek/edisyon/", "https://github.com/ornek/edisyon"),
        ("https://github.com/ornek/edisyon.git", "https://github.com/ornek/edisyon"),
        ("git@gitlab.com:grup/alt/edisyon.git", "https://gitlab.com/grup/alt/edisyon"),
        ("http://github.com/ornek/edisyon", None),  # not https
        ("https://example.org/ornek/edisyon", None),  # a host the theme cannot link to
        ("https://github.com/ornek", None),  # an owner, not a repository
    ],
)
def test_web_address(setting, address):
    assert web_address(setting) == address


def test_every_page_of_the_edition_links_to_its_own_source(published):
    from conftest import REPOSITORY, ROOT

    pages = sorted(path.stem for path in (ROOT / "docs").glob("*.md"))
    assert set(pages) == published.env.found_docs
    for name in pages:
        soup = BeautifulSoup(
            (published.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
        )
        edit = soup.select_one(".edit-this-page a")["href"]
        view = soup.select_one(".view-this-page a")["href"]
        assert edit == f"{REPOSITORY}/edit/main/docs/{name}.md"
        assert view == f"{REPOSITORY}/blob/main/docs/{name}.md?plain=true"


def test_every_page_of_the_edition_shows_when_it_last_changed(published):
    from conftest import ROOT

    top = git_top(ROOT)
    if top is None or is_shallow(top):
        pytest.skip("dates need the full git history; this checkout has none or a shallow one")
    for path in sorted((ROOT / "docs").glob("*.md")):
        name = path.stem
        soup = BeautifulSoup(
            (published.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
        )
        date = soup.select_one(".last-updated")
        assert date is not None, name
        assert re.search(r"Son güncelleme: \d{1,2} \w+ 20\d\d", date.get_text()), name
