"""Shared fixtures: Sphinx's test roots for the extensions, one strict build of the real site."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)


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
    builder: str, base: Path, srcdir: Path = ROOT / "docs", confdir: Path = ROOT
) -> Build:
    """Build ``srcdir`` the way the nox sessions do (``-W -n -c <confdir>``)."""
    outdir, doctreedir, warnfile = (
        base / builder,
        base / "doctrees" / builder,
        base / f"{builder}.log",
    )
    status = build_main(
        [
            "-b",
            builder,
            "-W",
            "-n",
            "-q",
            "-c",
            str(confdir),
            "-d",
            str(doctreedir),
            "-w",
            str(warnfile),
            str(srcdir),
            str(outdir),
        ]
    )
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
