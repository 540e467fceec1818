"""Shared fixtures: Sphinx's test roots for the extensions, one strict build of the real site."""

from __future__ import annotations

import functools
import os
import pickle
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
    outdir, doctreedir = base / builder, base / "doctrees" / builder
    warnfile = base / f"{builder}.log"
    options = [arg for setting in settings for arg in ("-D", setting)]
    strict = ["-b", builder, "-W", "-n", "-q", "-c", str(confdir), "-d", str(doctreedir)]
    status = build_main([*strict, "-w", str(warnfile), *options, str(srcdir), str(outdir)])
    return Build(outdir, doctreedir, status, warnfile.read_text(encoding="utf-8"))


@dataclass
class Site:
    html: Build
    pdf: Build

    @property
    def pdf_file(self) -> Path:
        return self.pdf.outdir / "lenin-son-yazilar.pdf"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real edition, built once for all site tests: HTML and PDF, strictly."""
    base = tmp_path_factory.mktemp("site")
    return Site(html=strict_build("html", base), pdf=strict_build("typstpdf", base))


BASE_URL = "https://example.org/lenin/"
REPOSITORY = "https://github.com/ornek/lenin-edisyonu"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The HTML site as the CI publishes it: its address and its repository set."""
    return strict_build(
        "html",
        tmp_path_factory.mktemp("published"),
        settings=(f"html_baseurl={BASE_URL}", f"edition_repository={REPOSITORY}"),
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
