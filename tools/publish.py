"""Build the edition in a staging folder; publish it only when every step succeeded.

    python tools/publish.py [--html] [--pdf] [--epub] [--languages tr,en] [--jobs N] [--root DIR]
                            [-- SPHINX-ARGS]

With none of ``--html``, ``--pdf``, ``--epub``, the HTML and the PDF are built. Steps,
each stopping the run when it fails: the strict HTML build (``-W -n``) into
``build/staging/html``; the strict PDF build into ``build/staging/pdf``; the strict EPUB
build and epubcheck (required on CI); the offline check of every internal link and fragment
of the site, the PDF at its root included (tools/deadlinks.py; a dead link is reported at
its page's source in docs/, and at the line there that names its target). Only then are
the finished outputs (``build/html``, ``build/pdf``, ``build/epub``) replaced, each by a
rename; a failed run leaves the last good output exactly as it was.

Both editions are built, each step for each language: the Turkish (the source) at the
site's root, the English (``-D language=en``, the same pages with
``locale/en/LC_MESSAGES/*.po``) under ``en/``; the English books
(``lenin-last-writings.pdf``, ``.epub``) sit beside the Turkish ones, at the root, in
``en/`` and in ``build/pdf``, ``build/epub``. ``--languages tr`` builds the Turkish alone.

Dates come from the last commit: ``SOURCE_DATE_EPOCH`` is set from it when it is not set
already, so that two builds of one commit give the same bytes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from deadlinks import dead_links
from edition.core.git import source_epoch

ROOT = Path(__file__).resolve().parent.parent
PDF_NAME = "lenin-son-yazilar.pdf"
EPUB_NAME = "lenin-son-yazilar.epub"
#: Each edition: language → (its folder in the site, its books' name, sphinx-build's -D).
EDITIONS = {
    "tr": ("", "lenin-son-yazilar", []),
    "en": ("en", "lenin-last-writings", ["-D", "language=en"]),
}
#: Debian's epubcheck (apt-get install epubcheck): a Java program.
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def epubcheck(book: Path) -> int | None:
    """epubcheck's exit status for ``book``; None when epubcheck is not installed."""
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        return None
    say(f"epubcheck {book}")
    return subprocess.run([java, "-jar", str(EPUBCHECK), str(book)], check=False).returncode


def say(message: str) -> None:
    print(f"publish: {message}", flush=True)


def sphinx(
    root: Path, builder: str, outdir: Path, jobs: str | None, extra: list[str], language: str = "tr"
) -> int:
    command = [sys.executable, "-m", "sphinx", "build", "-b", builder, "-W", "-n"]
    command += ["-j", jobs] if jobs else []
    doctrees = f"build/doctrees/{builder}" + ("" if language == "tr" else f"-{language}")
    command += ["-c", ".", "-d", doctrees, "docs", str(outdir), *EDITIONS[language][2], *extra]
    say(" ".join(command[2:]))
    return subprocess.run(command, cwd=root, check=False).returncode


def dead_link_message(
    root: Path, site: Path, page: Path, line: int, address: str, problem: str
) -> str:
    """A dead link, reported where it can be mended: at the page's source (``docs/x.md``),
    and at the line there that names the link's target when exactly one line does; the
    written file's line is given too. A page the build generates keeps its written place."""
    written = page.resolve().relative_to(site.resolve())
    what = f"dead link {address!r} (line {line} of the written {written.as_posix()}): {problem}"
    # An English page (en/x.html) is written from the same source as the Turkish x.html.
    folders = {folder for folder, _, _ in EDITIONS.values() if folder}
    if len(written.parts) > 1 and written.parts[0] in folders:
        written = Path(*written.parts[1:])
    source = next(
        (
            root / "docs" / written.with_suffix(suffix)
            for suffix in (".md", ".rst")
            if (root / "docs" / written.with_suffix(suffix)).is_file()
        ),
        None,
    )
    if source is None:
        return (
            f"{page}:{line}: {what}; no page of docs/ wrote it: the theme, a template or "
            "an extension did"
        )
    parts = urlsplit(address)
    target = unquote(parts.fragment) or Path(unquote(parts.path)).stem
    text = source.read_text(encoding="utf-8", errors="replace").splitlines()
    name = re.compile(rf"(?<![\w-]){re.escape(target)}(?![\w-])")
    naming = [number for number, words in enumerate(text, 1) if target and name.search(words)]
    where = source.relative_to(root).as_posix()
    if len(naming) == 1:
        where += f":{naming[0]}"
    return f"{where}: {what}; correct the link, or the label or page it names"


def replace_folder(staged: Path, published: Path, beside: list[Path] = ()) -> None:
    """Put a copy of ``staged`` (and the files ``beside``) at ``published``; the old one is
    removed only afterwards."""
    fresh = published.with_name(f".{published.name}.new")
    stale = published.with_name(f".{published.name}.old")
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(staged, fresh)
    for extra in beside:
        shutil.copy2(extra, fresh / extra.name)
    if published.exists():
        published.rename(stale)
    fresh.rename(published)
    shutil.rmtree(stale, ignore_errors=True)


def publish(
    root: Path,
    *,
    html: bool,
    pdf: bool,
    epub: bool = False,
    jobs: str | None = None,
    extra: list[str] = (),
    languages: tuple[str, ...] = ("tr", "en"),
) -> int:
    build = root / "build"
    staging = build / "staging"
    if "SOURCE_DATE_EPOCH" not in os.environ:
        if epoch := source_epoch(root):
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
            say(f"dates from the last commit (SOURCE_DATE_EPOCH={epoch})")
        else:
            say("not a git checkout and SOURCE_DATE_EPOCH unset: the build is dated today")
    kept = "nothing published; the last good output in build/ is unchanged"

    # The pages offer the files published beside them (the "PDF" and "EPUB" links).
    downloads = ",".join(name for name, wanted in (("pdf", pdf), ("epub", epub)) if wanted)
    offered = ["-D", f"edition_downloads={downloads}"]
    # Each page links to itself in the other editions built (the language switcher).
    extra = [*extra, "-D", f"edition_editions={','.join(languages)}"]

    def staged(name: str, language: str) -> Path:
        return staging / (name if language == "tr" else f"{name}-{language}")

    for folder, book, _ in EDITIONS.values():
        for kind in ("pdf", "epub"):
            if folder:  # an older run's (Sphinx would take it for a file of the Turkish book)
                (staging / kind / f"{book}.{kind}").unlink(missing_ok=True)
    for language in languages:
        told = "" if language == "tr" else f" ({language})"
        html_out, pdf_out, epub_out = (staged(n, language) for n in ("html", "pdf", "epub"))
        if html and sphinx(root, "html", html_out, jobs, [*extra, *offered], language) != 0:
            say(f"the HTML build{told} failed (see the messages above); {kept}")
            return 1
        if pdf and sphinx(root, "typstpdf", pdf_out, jobs, list(extra), language) != 0:
            say(f"the PDF build{told} failed (see the messages above); {kept}")
            return 1
        if epub:
            if sphinx(root, "epub", epub_out, jobs, list(extra), language) != 0:
                say(f"the EPUB build{told} failed (see the messages above); {kept}")
                return 1
            checked = epubcheck(epub_out / f"{EDITIONS[language][1]}.epub")
            if checked is None:
                say("epubcheck is not installed (apt-get install epubcheck): the EPUB is unchecked")
                if os.environ.get("CI"):
                    say(f"CI must check the EPUB; {kept}")
                    return 1
            elif checked != 0:
                say(f"epubcheck found errors in the EPUB{told} (see above); {kept}")
                return 1
    # The other editions join the Turkish outputs: the site's en/, the books beside.
    for language, (folder, _book, _) in EDITIONS.items():
        if language == "tr":
            continue
        if language not in languages:
            shutil.rmtree(staging / "html" / folder, ignore_errors=True)  # not an older one
            continue
        if html:
            shutil.rmtree(staging / "html" / folder, ignore_errors=True)
            shutil.copytree(staged("html", language), staging / "html" / folder)
    if html:
        for language in ("tr", "en"):
            folder, book, _ = EDITIONS[language]
            for kind, wanted in (("pdf", pdf), ("epub", epub)):
                name, built = f"{book}.{kind}", staged(kind, language) / f"{book}.{kind}"
                # the site offers each book at its root, the English ones in en/ too
                places = [staging / "html" / name]
                if folder:
                    places.append(staging / "html" / folder / name)
                for beside in places:
                    if wanted and language in languages:
                        shutil.copy2(built, beside)
                    else:
                        beside.unlink(missing_ok=True)  # not an older one
        dead = dead_links(staging / "html")
        for page, line, address, problem in dead:
            print(dead_link_message(root, staging / "html", page, line, address, problem))
        if dead:
            say(f"{len(dead)} dead internal link(s) in the HTML; {kept}")
            return 1
        say("every internal link and fragment of the site resolves")
    for name, wanted in (("html", html), ("pdf", pdf), ("epub", epub)):
        if wanted:
            books = [  # the other editions' books beside the Turkish one
                staged(name, language) / f"{EDITIONS[language][1]}.{name}"
                for language in languages
                if language != "tr" and name != "html"
            ]
            replace_folder(staging / name, build / name, books)
            say(f"published build/{name}")
    return 0


def main(argv: list[str]) -> int:
    cut = argv.index("--") if "--" in argv else len(argv)
    own, extra = argv[:cut], argv[cut + 1 :]  # after "--": for sphinx-build
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", action="store_true", help="build the HTML site")
    parser.add_argument("--pdf", action="store_true", help="build the PDF")
    parser.add_argument("--epub", action="store_true", help="build and check the EPUB")
    parser.add_argument("--jobs", help="sphinx-build -j (parallel reading and writing)")
    parser.add_argument(
        "--languages", default="tr,en", help="the editions to build (default tr,en; tr first)"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the edition's folder")
    options = parser.parse_args(own)
    chosen = options.html or options.pdf or options.epub
    html, pdf = (options.html, options.pdf) if chosen else (True, True)
    return publish(
        options.root.resolve(),
        html=html,
        pdf=pdf,
        epub=options.epub,
        jobs=options.jobs,
        extra=extra,
        languages=tuple(part for part in options.languages.split(",") if part),
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
