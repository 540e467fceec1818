"""edition.anchors: published anchors kept, moves recorded and redirected, the list written."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from edition.checks.anchors import read_lines


@pytest.mark.sphinx("html", testroot="anchors", copy_test_root=True, freshenv=True)
def test_recorded_moves_pass_and_are_redirected(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "sayfa.html").read_text(encoding="utf-8"), "html.parser")
    script = page.select_one("script[data-redirects]")
    assert json.loads(script["data-redirects"]) == {"eski-bolum": "#yeni-bolum"}
    stub = (app.outdir / "eski-sayfa.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=yeni.html">' in stub
    assert 'data-default="yeni.html"' in stub


@pytest.mark.sphinx("html", testroot="anchors", copy_test_root=True, freshenv=True)
def test_redirects_in_a_browser(app, browser, serve):
    app.build()
    site = serve(app.outdir)
    page = browser.new_page()
    for asked, landed in [
        ("sayfa.html#eski-bolum", "sayfa.html#yeni-bolum"),  # a fragment that moved
        ("eski-sayfa.html", "yeni.html"),  # a page that moved
        ("eski-sayfa.html#ortak", "yeni.html#ortak"),  # its fragments move with it
        ("sayfa.html#kalan", "sayfa.html#kalan"),  # nothing happens to the rest
    ]:
        page.goto(site + asked)
        page.wait_for_load_state("load")
        assert page.url == site + landed
    page.close()


@pytest.mark.sphinx(
    "html", testroot="anchors-missing", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_a_vanished_anchor_fails_and_says_how_to_record_it(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "anchors.txt:4: WARNING: published anchor 'sayfa#kaybolan' no longer exists" in warnings
    assert (
        "record where it went as a line 'sayfa#kaybolan <page>#<id>' in anchors-removed.txt"
        in warnings
    )
    assert (
        "anchors-removed.txt:1: WARNING: the recorded replacement 'sayfa#olmayan-yer'" in warnings
    )
    assert "anchors-removed.txt:2: WARNING: write a recorded move as two anchors" in warnings
    assert warnings.count("anchors-removed.txt:2:") == 1
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html",
    testroot="anchors",
    copy_test_root=True,
    freshenv=True,
    confoverrides={"edition_write_anchors": True},
)
def test_the_list_is_written_from_the_build(app):
    app.build()
    written = [line for _, line in read_lines(app.srcdir / "anchors.txt")]
    assert written == sorted(written)
    assert {"index", "sayfa", "sayfa#kalan", "sayfa#yeni-bolum", "yeni#ortak"} <= set(written)
    assert "sayfa#eski-bolum" not in written


# -- The edition's own list ----------------------------------------------------------------


def published_anchors() -> list[str]:
    return [line for _, line in read_lines(ROOT / "data" / "anchors.txt")]


def test_every_published_anchor_still_exists(site):
    from edition.checks.anchors import recorded_moves, replacement

    current = {f"{d}#{i}" if i else d for d, i in _current(site).values()}
    moves = recorded_moves(ROOT, "data/anchors-removed.txt")
    gone = [
        a for a in published_anchors() if a not in current and replacement(a, moves) not in current
    ]
    assert gone == []


def test_the_list_names_every_anchor_of_the_site(site):
    missing = sorted(set(_current(site)) - set(published_anchors()))
    assert missing == [], "run `python3 noxw.py -s anchors` and commit data/anchors.txt"


def _current(site):
    from edition.checks.anchors import current_anchors

    return current_anchors(site.html.env)


def test_every_citable_unit_has_an_explicit_readable_id(site):
    """Each section's anchor (its first id, the one ¶ links to) is an explicit ASCII label."""
    env = site.html.env
    labels = env.domaindata["std"]["labels"]
    explicit = {(doc, labelid) for doc, labelid, *_ in labels.values()}
    generated = re.compile(r"^id\d+$")
    for docname in env.found_docs:
        for section in env.get_doctree(docname).findall(lambda n: n.tagname == "section"):
            anchor = section["ids"][0]
            assert (docname, anchor) in explicit, (docname, section["ids"])
            assert not generated.match(anchor)
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor), anchor
    for kind in ("quotations", "conclusions", "chronology", "persons"):
        for ident in env.domaindata["edition"][kind]:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident), ident
