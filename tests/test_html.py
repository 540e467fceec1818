"""Valid HTML with stable anchors: the Nu HTML checker finds no error on any page, no page
holds an id twice, and every ¶ link points to an anchor the edition publishes
(edition.checks.labels, edition.site.ids, edition.site.theme)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path

#: Where .ci/run installs the Nu HTML checker, at the version requirements/vnu pins.
VNU_PIN = ROOT / "requirements" / "vnu" / "package-lock.json"
VNU = ROOT / ".nox" / "vnu" / "node_modules" / "vnu-jar"
INSTALL_VNU = "run .ci/run, or its lines that install vnu.jar into .nox/vnu"


def pages(outdir) -> list:
    return sorted(outdir.glob("*.html"))


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def repeated_ids(page: BeautifulSoup) -> list[str]:
    counts = Counter(element["id"] for element in page.find_all(id=True))
    return sorted(ident for ident, count in counts.items() if count > 1)


def permalinks(page: BeautifulSoup) -> list[str]:
    return [link.get("href", "") for link in page.select("a.headerlink")]


# -- A small project: what the transforms do to tables and code blocks -----------------


@pytest.mark.sphinx("html", testroot="ids", freshenv=True)
def test_a_label_is_the_only_id_and_an_unlabelled_table_offers_no_permalink(app):
    app.build()
    assert app.statuscode == 0
    doctree = app.env.get_doctree("index")
    from docutils import nodes

    tables = list(doctree.findall(nodes.table))
    assert tables[0]["ids"] == ["ids-etiketli"]  # Sphinx's generated idN is gone
    assert len(tables[1]["ids"]) == 1  # the unlabelled one keeps its generated id
    code = [n for n in doctree.findall(nodes.container) if n.get("literal_block")]
    assert code[0]["ids"] == ["ids-kod"]

    page = soup(app.outdir / "index.html")
    assert repeated_ids(page) == []
    wrapper = page.select_one("div.table-wrapper")
    assert not wrapper.has_attr("id"), "furo's wrapper repeats the table's id"
    labelled, unlabelled = page.select("article table")
    assert labelled["id"] == "ids-etiketli"
    assert [a["href"] for a in labelled.select("caption a.headerlink")] == ["#ids-etiketli"]
    assert unlabelled.select("a.headerlink") == []  # no label, nothing to cite
    assert "#ids-kod" in permalinks(page)
    assert all(not re.fullmatch(r"#id\d+", href) for href in permalinks(page))


# -- The whole site ------------------------------------------------------------------------


def test_no_page_holds_an_id_twice(site):
    repeated = {path.name: repeated_ids(soup(path)) for path in pages(site.html.outdir)}
    assert {name: ids for name, ids in repeated.items() if ids} == {}


def test_every_permalink_is_a_published_anchor_of_its_page(site):
    from edition.checks.anchors import current_anchors

    listed = {
        line.strip()
        for line in (ROOT / "data" / "anchors.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    citable = listed | set(current_anchors(site.html.env))  # a new label, not yet listed
    wrong, count = {}, 0
    for path in pages(site.html.outdir):
        page = soup(path)
        ids = {element["id"] for element in page.find_all(id=True)}
        for href in permalinks(page):
            count += 1
            fragment = href[1:] if href.startswith("#") else None
            if not fragment or fragment not in ids or f"{path.stem}#{fragment}" not in citable:
                wrong.setdefault(path.name, []).append(href)
    assert count > 0
    assert wrong == {}


def vnu_jar():
    """The pinned vnu.jar and java: skipped where missing, except on CI."""
    pinned = json.loads(VNU_PIN.read_text(encoding="utf-8"))
    version = pinned["packages"]["node_modules/vnu-jar"]["version"]
    jar = VNU / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if java is None or not jar.is_file():
        what = "java" if java is None else f"vnu.jar {version} in .nox/vnu"
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {what} ({INSTALL_VNU})")
        pytest.skip(f"the Nu HTML checker cannot run here: no {what} ({INSTALL_VNU})")
    installed = json.loads((VNU / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == version, (
        f"vnu-jar {installed} is installed, {version} pinned: {INSTALL_VNU}"
    )
    return java, jar


def nu_errors(outdir: Path) -> list[str]:
    """The Nu HTML checker's errors on every page of a built site, as "page:line: text"."""
    java, jar = vnu_jar()
    files = [str(path) for path in pages(outdir)]
    run = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stdout)["messages"]
    errors = [m for m in messages if m["type"] != "info"]  # error, non-document-error
    warnings = Counter(
        m["message"].split(":")[0] for m in messages if m.get("subType") == "warning"
    )
    for message, count in sorted(warnings.items()):  # shown with -s, for the record
        print(f"vnu warning ×{count}: {message}")
    found = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
    ]
    if not found:
        assert run.returncode == 0, run.stderr
    return found


def test_the_nu_html_checker_finds_no_error_on_any_page(site):
    assert nu_errors(site.html.outdir) == []
