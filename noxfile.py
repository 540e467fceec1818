"""Build, preview, check and test the edition.

Run through the wrapper, which installs nox itself: ``python3 noxw.py`` builds the HTML
and the PDF; ``python3 noxw.py -s tests`` runs the tests; ``-l`` lists the sessions.
Arguments after ``--`` reach the underlying tool (sphinx-build, pytest, ruff).
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

# Install packages with their bytecode: where PYTHONDONTWRITEBYTECODE is set (as on this
# machine), every build would otherwise compile Sphinx & co. again, about a second.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["docs"]

ROOT = Path(__file__).resolve().parent
BUILD_REQUIREMENTS = ("-r", "requirements.txt")
#: -W: any warning fails the build (Sphinx >= 8.1 still reports all of them first);
#: -n: nitpicky, every cross-reference must resolve (conf.py sets it too).
STRICT = ("-W", "-n")
OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"


def publish(session: nox.Session, *what: str) -> None:
    """Build in build/staging and replace the published output only if every step passed."""
    session.run("python", "tools/publish.py", *what, "--", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site, the PDF and the EPUB (both books offered beside the pages);
    publish them (build/html, build/pdf, build/epub) only when the strict builds, the
    EPUB's check (epubcheck, where installed) and the link check all succeed."""
    session.install(*BUILD_REQUIREMENTS)
    publish(session, "--html", "--pdf", "--epub")


@nox.session
def release(session: nox.Session) -> None:
    """Make a release: a clean checkout, the change record's entry for conf.py's release,
    the strict HTML, PDF and EPUB of the release's own copy in build/release/<number>/, the
    sentences changed since the release before, the tag v<number> (tools/release.py;
    `-- --base https://…/` names the site's address, `-- --no-tag` leaves the tag)."""
    session.install(*BUILD_REQUIREMENTS)
    session.run("python", "tools/release.py", *session.posargs)


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF alone into build/pdf/lenin-son-yazilar.pdf (Typst; no TeX needed)."""
    session.install(*BUILD_REQUIREMENTS)
    publish(session, "--pdf")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB into build/epub/lenin-son-yazilar.epub and check it with epubcheck
    (Debian's package: apt-get install epubcheck)."""
    session.install(*BUILD_REQUIREMENTS)
    publish(session, "--epub")


@nox.session
def anchors(session: nox.Session) -> None:
    """Rewrite data/anchors.txt, the list of published anchors, from a fresh build."""
    session.install(*BUILD_REQUIREMENTS)
    session.run(
        "sphinx-build",
        "-b",
        "html",
        *STRICT,
        "-E",
        "-D",
        "edition_write_anchors=1",
        "-c",
        ".",
        "-d",
        "build/doctrees/anchors",
        "docs",
        "build/anchors",
        *session.posargs,
    )


@nox.session(name="docs-live")
def docs_live(session: nox.Session) -> None:
    """Serve the site on http://127.0.0.1:8000 and rebuild it on every save, in one warm
    process (tools/preview.py): only the changed pages are read again; problems show in the
    terminal and on the page. ``-- -D name=value`` passes a setting to Sphinx."""
    session.install(*BUILD_REQUIREMENTS, "-r", "requirements/live.txt")
    session.run("python", "tools/preview.py", "--port", "8000", "--", *session.posargs)


@nox.session
def messages(session: nox.Session) -> None:
    """Extract the messages of the pages (Sphinx's gettext builder: build/gettext/*.pot) and
    of the data files (tools/messages.py: data.pot), then make or update the English
    catalogues, locale/en/LC_MESSAGES/<page>.po and data.po (sphinx-intl): the translators'
    files. Locations stay relative and no ids or dates change between runs."""
    session.install(*BUILD_REQUIREMENTS, "-r", "requirements/i18n.txt")
    session.run(
        "sphinx-build",
        "-b",
        "gettext",
        *STRICT,
        "-E",
        "-c",
        ".",
        "-d",
        "build/doctrees/gettext",
        "docs",
        "build/gettext",
        *session.posargs,
    )
    # The interface's words (sphinx.pot: furo's templates) come from Sphinx and furo.
    (ROOT / "build" / "gettext" / "sphinx.pot").unlink(missing_ok=True)
    session.run("python", "tools/messages.py", "data", "build/gettext")
    session.run(
        "sphinx-intl", "update", "-p", "build/gettext", "-l", "en", "-d", "locale", "-w", "88"
    )


@nox.session
def translations(session: nox.Session) -> None:
    """Print the English catalogues' status: translated, fuzzy and missing messages, per
    page (and data.po, the registers' texts)."""
    session.install(*BUILD_REQUIREMENTS)
    session.run("python", "tools/messages.py", "status", "en")


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check the external links (needs the network; reports, does not gate a release)."""
    session.install(*BUILD_REQUIREMENTS)
    session.run(
        "sphinx-build",
        "-b",
        "linkcheck",
        "-c",
        ".",
        "-d",
        "build/doctrees/linkcheck",
        "docs",
        "build/linkcheck",
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite, as CI does. The quick loop while writing leaves out the
    publish and browser tests: ``-- -m "not publish and not browser"`` (markers: site, pdf,
    publish, browser; pyproject.toml)."""
    session.install(*BUILD_REQUIREMENTS, "-r", "requirements/tests.txt")
    # Two workers (pytest-xdist), one a core; each test goes to the one that is free, except
    # the groups tests/conftest.py gives the tests of a costly module fixture. ``-- -n 0``
    # runs it all in one process.
    session.run("pytest", "-n", "2", "--dist", "loadgroup", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Measure the builds against the bare-Sphinx floor and print the table (tools/bench.py;
    e.g. ``-- --runs 3 --sizes 1,10``). Reports; asserts nothing."""
    session.install(*BUILD_REQUIREMENTS, "-r", "requirements/bench.txt")
    session.run("python", "tools/bench.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Run the pre-commit checks (code, files, schemas, BibTeX, a strict build of the
    edition) and check that no page, and no translation in the English catalogues, repeats
    the source article's prose, word for word or in close paraphrase."""
    session.install(*BUILD_REQUIREMENTS, "-r", "requirements/lint.txt")
    session.run("pre-commit", "run", "--all-files", *session.posargs)
    if OVERLAP.exists():
        session.run("python", str(OVERLAP), "docs")  # runs of 8+ words shared with the article
        session.run("python", str(OVERLAP), "--close", "docs")  # and close paraphrase
        # the English edition's prose (its catalogues) under the same rule
        session.run("python", "tools/messages.py", "prose", "en", "build/overlap/en")
        session.run("python", str(OVERLAP), "build/overlap/en")
        session.run("python", str(OVERLAP), "--close", "build/overlap/en")
    else:
        not_checked(
            session,
            "Prose overlap not checked: ../shared/tools/overlap.py is missing (it comes with "
            "the workspace, not with a fork or a CI checkout); every other check ran.",
        )


def not_checked(session: nox.Session, message: str) -> None:
    """Say plainly what was left out: a warning, and on GitHub Actions a notice on the run."""
    session.warn(message)
    print(f"NOT CHECKED: {message}", flush=True)
    if os.environ.get("GITHUB_ACTIONS"):
        # a workflow command (stdout): shown in the run's summary, not only in its log
        print(f"::notice title=Prose overlap not checked::{message}", flush=True)


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin every requirements file from its .in file (after editing one)."""
    session.install("-r", "requirements/nox.txt")
    compile_ = ("uv", "pip", "compile", "--universal", "--python-version", "3.11", "--quiet")
    session.run(*compile_, "requirements/build.in", "-o", "requirements.txt")
    for name in ("tests", "lint", "live", "bench", "i18n"):
        with session.chdir("requirements"):
            session.run(*compile_, f"{name}.in", "-o", f"{name}.txt")
