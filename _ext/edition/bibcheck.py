"""Check ``references.bib`` before sphinxcontrib-bibtex reads it, and say what is wrong where.

On this stack pybtex is unhelpful with two common mistakes: a *repeated key* gives one
warning and then every later entry silently vanishes (each citation of them turns into
"could not find bibtex key"); an *unclosed brace* aborts the whole build with a traceback.
This module finds both first and reports them at their line, with what to do; it then
lets pybtex read the file leniently, so the build goes on to report the rest instead of
crashing (the reported problem still fails it).

It also runs on its own, for ``nox -s lint``: ``python _ext/edition/bibcheck.py FILE...``.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if not __package__:  # run as a script (the lint hook): make the edition package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edition.lines import NOT_UTF8, read_utf8

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The opening of an entry: ``@book{key,`` (comments and strings are not entries).
ENTRY = re.compile(r"^\s*@(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s{}()]+)\s*,", re.IGNORECASE)
NOT_ENTRIES = {"comment", "string", "preamble"}


@contextlib.contextmanager
def strict_pybtex() -> Iterator[None]:
    """pybtex raising on errors (its default), whatever mode the build has set."""
    import pybtex.errors

    before = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    try:
        yield
    finally:
        pybtex.errors.set_strict_mode(before)


@dataclass(frozen=True)
class Chunk:
    """The lines of one entry, from its ``@type{key,`` line to the next entry's."""

    line: int  #: where it starts (1-based)
    key: str | None  #: None for @comment, @string, @preamble
    text: str


def chunks(text: str) -> list[Chunk]:
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if ENTRY.match(line)] + [len(lines)]
    found = []
    for begin, end in itertools.pairwise(starts):
        match = ENTRY.match(lines[begin])
        key = None if match["type"].lower() in NOT_ENTRIES else match["key"]
        found.append(Chunk(begin + 1, key, "".join(lines[begin:end])))
    return found


def syntax_error(chunk: Chunk) -> tuple[int, str] | None:
    """Where and what, if pybtex cannot read this entry on its own."""
    import pybtex.database
    from pybtex.scanner import PybtexSyntaxError

    try:
        with strict_pybtex():
            pybtex.database.parse_string(chunk.text, "bibtex")
    except PybtexSyntaxError as error:
        line = chunk.line + (getattr(error, "lineno", None) or 1) - 1
        if line >= chunk.line + chunk.text.rstrip().count("\n"):
            line = chunk.line  # ran off the end (an unclosed brace): point at the entry
        what = str(error).rsplit(": ", 1)[-1]  # "'}' expected"
        if "premature end" in what:
            what = "a brace or a quote is not closed"
        return line, what
    return None


def problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each repeated key and each entry that does not parse, in file order."""
    found: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    text, not_utf8 = read_utf8(path)
    if not_utf8:
        found.append((not_utf8[0], NOT_UTF8 % not_utf8[1]))
    for chunk in chunks(text):
        if chunk.key is not None:
            if chunk.key.lower() in first:
                found.append(
                    (
                        chunk.line,
                        f"the key {chunk.key!r} is already used at line "
                        f"{first[chunk.key.lower()]}; give this entry its own key (pybtex "
                        "would drop every entry after this one)",
                    )
                )
            else:
                first[chunk.key.lower()] = chunk.line
        if error := syntax_error(chunk):
            found.append(
                (
                    error[0],
                    f"BibTeX syntax error ({error[1]}) in the entry {chunk.key or ''!r} "
                    f"(line {chunk.line}); check its braces, quotes and commas",
                )
            )
    return sorted(found)


def check_bibfiles(app: Sphinx) -> None:
    """Report problems of the configured .bib files at their line; then read leniently.

    A file with a problem is replaced, for this build only, by a copy holding the entries
    that parse, each key once (sphinxcontrib-bibtex would otherwise stop with a traceback,
    or drop the entries after a repeated key). The reported problem still fails the build.
    """
    import pybtex.errors
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    readable = []
    for name in app.config.bibtex_bibfiles or []:
        path = Path(app.confdir) / name
        if not path.is_file():
            readable.append(name)  # sphinxcontrib-bibtex reports a missing file itself
            continue
        found = problems(path)
        for line, message in found:
            logger.warning(message, location=f"{name}:{line}", type="edition", subtype="bibtex")
        if found:
            readable.append(str(salvage(path, Path(app.doctreedir))))
        else:
            # Pages read against an earlier build's copy still name it, and depend on it:
            # once it is gone Sphinx reads them again, against the mended file (else
            # sphinxcontrib-bibtex looks for the copy's entries and stops with a KeyError).
            readable_copy(path, Path(app.doctreedir)).unlink(missing_ok=True)
            readable.append(name)
    app.config.bibtex_bibfiles = readable
    pybtex.errors.set_strict_mode(False)  # reported above with a location; read the rest


def salvage(path: Path, folder: Path) -> Path:
    """A copy of a .bib file keeping, verbatim, each entry that parses, the first of each key."""
    seen: set[str] = set()
    kept = []
    for chunk in chunks(read_utf8(path)[0]):
        if syntax_error(chunk) or (chunk.key and chunk.key.lower() in seen):
            continue
        if chunk.key:
            seen.add(chunk.key.lower())
        kept.append(chunk.text)
    copy = readable_copy(path, folder)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text("".join(kept), encoding="utf-8")
    return copy


def readable_copy(path: Path, folder: Path) -> Path:
    """Where ``salvage`` puts the readable copy of ``path``."""
    return folder / f"edition-readable-{path.name}"


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        for line, message in problems(Path(name)):
            print(f"{name}:{line}: {message}")
            status = 1
    return status


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinxcontrib.bibtex")
    app.connect("builder-inited", check_bibfiles, priority=400)  # before sphinxcontrib-bibtex
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
