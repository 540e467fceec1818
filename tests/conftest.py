"""Shared fixtures: Sphinx's test roots for the extensions, one strict build of the real site.

Markers (pyproject.toml registers them; an unknown one is an error): ``site`` builds the
whole real site, ``pdf`` builds a PDF, ``publish`` runs tools/publish.py, ``browser``
drives chromium. ``site`` and ``browser`` are given here to every test that uses the
fixtures (``site``, ``published``, ``browser``); ``publish`` implies ``site`` and ``pdf``;
a test root built with ``typstpdf`` gets ``pdf``. A test that builds the real site, a PDF
or publishes without its marker fails and says so (``require_marker``), so that
``-m "not publish and not browser"`` leaves out exactly what it says.
"""

from __future__ import annotations

import functools
import os
import pickle
import re
import shutil
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)

#: Markers given from what a test uses: fixture -> marker.
FIXTURE_MARKERS = {"site": "site", "published": "site", "browser": "browser"}
#: Markers that imply others: a publish builds the whole site, HTML and PDF.
IMPLIED_MARKERS = {"publish": ("site", "pdf")}
#: The test being set up or run, for require_marker().
_current: list[pytest.Item] = []


def is_pdf(*args, buildername: str | None = None, **kwargs) -> bool:
    """Whether make_app's (or @pytest.mark.sphinx's) arguments ask for the PDF builder."""
    return "typstpdf" in (*args[:1], buildername)


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        for fixture, marker in FIXTURE_MARKERS.items():
            if fixture in item.fixturenames:
                item.add_marker(marker)
        sphinx = item.get_closest_marker("sphinx")  # @pytest.mark.sphinx("typstpdf", ...)
        if sphinx is not None and is_pdf(*sphinx.args[:1], **sphinx.kwargs):
            item.add_marker("pdf")
        for marker, implied in IMPLIED_MARKERS.items():
            if item.get_closest_marker(marker) is not None:
                for name in implied:
                    item.add_marker(name)


#: Modules whose tests share a module fixture that takes long to make (two publishes, the
#: EPUB, a browser's tour of every page): with pytest-xdist (``-n 2 --dist loadgroup``, as
#: noxfile.py runs the suite), one worker runs each of them whole and makes it once. Every
#: other test goes alone to whichever worker is free: the faults and the rebuilds, many
#: and long, are shared by both (each worker makes its own workspace and copy).
WHOLE_MODULES = ("test_publish.py", "test_security.py", "test_epub.py")


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: unknown under -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """For ``--dist loadgroup``: WHOLE_MODULES one unit each, any other test a unit of its
    own. (pytest-xdist 3.8's own loadgroup, with ``xdist_group`` marks, no longer groups
    anything under pytest 9.2, which does not let it append the group to the test's id:
    pytest-xdist issue 1386.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class Scheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            if module.rsplit("/", 1)[-1] in WHOLE_MODULES:
                return module
            return super()._split_scope(nodeid)

    return Scheduling(config, log)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]


def require_marker(name: str, what: str) -> None:
    """Fail the current test if it does ``what`` without the marker ``name``: the markers
    select what a run leaves out, so they must not lie."""
    if _current and _current[0].get_closest_marker(name) is None:
        pytest.fail(
            f"{_current[0].nodeid} {what} but is not marked {name!r}: add "
            f"@pytest.mark.{name} (or the module's pytestmark)",
            pytrace=False,
        )


#: What a build reads: a copy of these is a whole project (conf.py finds the rest beside it).
SOURCES = ("conf.py", "docs", "data", "_ext", "references.bib", "locale")


def copy_sources(dest: Path) -> Path:
    """The project's sources (``SOURCES``) copied into ``dest``, without bytecode."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


@pytest.fixture
def make_app(make_app):
    """sphinx.testing's make_app, which checks that a PDF build is marked ``pdf``."""

    def make(*args, **kwargs):
        if is_pdf(*args[:1], **kwargs):
            require_marker("pdf", "builds a PDF")
        return make_app(*args, **kwargs)

    return make


#: The workspace's folder beside the edition: the source article and the overlap tool.
#: Only the tests that compare the pages with the article need it (they say so when they
#: skip); nothing else may.
SHARED = ROOT.parent / "shared"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Say plainly, at the end, which checks did not run because ../shared is absent (a
    fork, GitHub CI), and on GitHub Actions put a notice on the run."""
    skipped = [
        report.nodeid
        for report in terminalreporter.stats.get("skipped", [])
        if "../shared" in str(report.longrepr)
    ]
    if not skipped:
        return
    message = (
        f"{len(skipped)} test(s) not run: ../shared (the source article and the overlap "
        "tool, which come with the workspace) is absent here, so the pages were not "
        "compared with the source article: " + ", ".join(sorted(skipped))
    )
    terminalreporter.write_sep("-", "not checked here")
    terminalreporter.write_line(f"NOT CHECKED: {message}")
    if os.environ.get("GITHUB_ACTIONS"):
        terminalreporter.write_line(f"::notice title=Not compared with the source::{message}")


def toctree_order() -> list[str]:
    """The pages the index's toctrees list, in their order."""
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{toctree\}\n(.*?)^```", text, re.M | re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.startswith(":")
    ]


def theme_pages() -> list[str]:
    """The theme pages, as the sources declare them: the pages that hold
    ``{dayanan-sonuclar}`` (what the edition's domain records as ``theme_pages``), in the
    order of the index's toctree. Read at collection time, so that tests can be
    parametrized with it; tests/test_content.py checks it against the domain."""
    directive = re.compile(r"^[`:]{3,}\{dayanan-sonuclar\}", re.M)
    found = {
        page.stem
        for page in (ROOT / "docs").glob("*.md")
        if directive.search(page.read_text(encoding="utf-8"))
    }
    ordered = [docname for docname in toctree_order() if docname in found]
    return ordered + sorted(found - set(ordered))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-*`` folders."""
    return Path(__file__).resolve().parent / "roots"


@dataclass
class Build:
    """One strict build of the real site with one builder."""

    outdir: Path
    doctreedir: Path
    status: int
    warnings: str

    @property
    def env(self):
        with (self.doctreedir / "environment.pickle").open("rb") as f:
            return pickle.load(f)


def strict_build(
    builder: str,
    base: Path,
    srcdir: Path = ROOT / "docs",
    confdir: Path = ROOT,
    settings: tuple[str, ...] = (),
) -> Build:
    """Build ``srcdir`` the way the nox sessions do (``-W -n -c <confdir>``)."""
    conf = confdir / "conf.py"
    if conf.is_file() and conf.read_bytes() == (ROOT / "conf.py").read_bytes():
        require_marker("site", "builds the whole real site")
    if builder == "typstpdf":
        require_marker("pdf", "builds a PDF")
    outdir, doctreedir = base / builder, base / "doctrees" / builder
    warnfile = base / f"{builder}.log"
    options = [arg for setting in settings for arg in ("-D", setting)]
    strict = ["-b", builder, "-W", "-n", "-q", "-c", str(confdir), "-d", str(doctreedir)]
    status = build_main([*strict, "-w", str(warnfile), *options, str(srcdir), str(outdir)])
    return Build(outdir, doctreedir, status, warnfile.read_text(encoding="utf-8"))


#: As `nox -s docs` builds the site: the PDF and the EPUB offered beside the pages
#: (tools/publish.py copies them there).
SITE_SETTINGS = ("edition_downloads=pdf,epub",)
BOOKS = ("lenin-son-yazilar.pdf", "lenin-son-yazilar.epub")


class Site:
    """The real edition, each output built strictly once, when a test first needs it: a
    run without the ``pdf`` tests builds no PDF."""

    def __init__(self, base: Path) -> None:
        self.base = base

    @functools.cached_property
    def html(self) -> Build:
        return strict_build("html", self.base, settings=SITE_SETTINGS)

    @functools.cached_property
    def _pdf(self) -> Build:
        return strict_build("typstpdf", self.base)

    @property
    def pdf(self) -> Build:
        require_marker("pdf", "reads the site's PDF")
        return self._pdf

    @property
    def pdf_file(self) -> Path:
        return self.pdf.outdir / "lenin-son-yazilar.pdf"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real edition, built once for all site tests: HTML and PDF, strictly."""
    return Site(tmp_path_factory.mktemp("site"))


BASE_URL = "https://example.org/lenin/"
REPOSITORY = "https://github.com/ornek/lenin-edisyonu"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The HTML site as the CI publishes it: its address and its repository set."""
    return strict_build(
        "html",
        tmp_path_factory.mktemp("published"),
        settings=(
            f"html_baseurl={BASE_URL}",
            f"edition_repository={REPOSITORY}",
            *SITE_SETTINGS,
        ),
    )


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (browser downloads do not work here)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def serve():
    """Serve a folder on 127.0.0.1 (a secure context, as a published site is); give its URL."""
    servers = []

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    def start(folder: Path) -> str:
        handler = functools.partial(Quiet, directory=folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
