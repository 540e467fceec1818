"""Check ``references.bib`` before sphinxcontrib-bibtex reads it, and say what is wrong where.

On this stack pybtex is unhelpful with common mistakes: a *repeated key* gives one
warning and then every later entry silently vanishes (each citation of them turns into
"could not find bibtex key"); an *unclosed brace* aborts the whole build with a traceback;
a ``@string`` that uses a string not defined before it (itself, or one defined after it,
as in a loop ``@string{a = b}`` ``@string{b = a}``) is only a warning without a place,
and, read entry by entry, it was blamed on the entry that used it. This module finds
these first and reports each at its line, with what to do: the repeated key, the
broken entry or ``@string`` itself (strings are read in file order, each entry with the
strings defined above it, as BibTeX does); a key that is not ASCII (CONTRIBUTING.md:
keys are ASCII); a field over :data:`MAX_FIELD` characters; and a file over
:data:`MAX_BYTES` (a 5 MB file of 25,000 entries took minutes and gigabytes to build), of
which only the entries before the limit are read.
It then lets pybtex read the entries that are sound, so the build goes on to report the
rest instead of crashing (the reported problem still fails it).

It also runs on its own, for ``nox -s lint``: ``python tools/bibcheck.py FILE...``.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition.core.lines import NOT_UTF8, read_utf8

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The opening of anything: ``@book{``, ``@string(`` …
START = re.compile(r"^\s*@(?P<type>\w+)\s*[{(]", re.IGNORECASE)
#: The opening of an entry: ``@book{key,`` (comments and strings are not entries).
ENTRY = re.compile(r"^\s*@(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s{}()]+)\s*,", re.IGNORECASE)
#: The opening of a string: ``@string{name = …``.
STRING = re.compile(r"^\s*@string\s*[{(]\s*(?P<name>[^=\s{}()]+)", re.IGNORECASE)
NOT_ENTRIES = {"comment", "string", "preamble"}
#: A key as CONTRIBUTING.md asks: ASCII letters and digits, joined by - _ : or .
KEY = re.compile(r"[A-Za-z0-9]+(?:[-_:.][A-Za-z0-9]+)*")
#: The largest .bib read (bytes); the edition's holds a few kilobytes. Entries past it
#: are not read.
MAX_BYTES = 256 * 1024
#: The longest field (characters): a title, a list of authors, a publisher.
MAX_FIELD = 500
#: For the suggested ASCII key.
ASCII = str.maketrans("çğıöşüâîûÇĞİÖŞÜÂÎÛ", "cgiosuaiuCGIOSUAIU")


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
    string: str | None = None  #: the name a @string defines
    end: int = 0  #: the offset in the file (characters) where it ends

    @property
    def label(self) -> str:
        if self.string is not None:
            return f"the @string {self.string!r}"
        return f"the entry {self.key or ''!r}"


def chunks(text: str) -> list[Chunk]:
    """The file cut at each ``@…{`` line: entries, strings, comments, preambles."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if START.match(line)] + [len(lines)]
    found = []
    offset = sum(len(line) for line in lines[: starts[0]])
    for begin, end in itertools.pairwise(starts):
        kind = START.match(lines[begin])["type"].lower()
        entry = ENTRY.match(lines[begin])
        key = entry["key"] if entry and kind not in NOT_ENTRIES else None
        string = STRING.match(lines[begin])
        chunk_text = "".join(lines[begin:end])
        offset += len(chunk_text)
        found.append(Chunk(begin + 1, key, chunk_text, string["name"] if string else None, offset))
    return found


class Reader:
    """Reads chunks in file order, each with the @strings defined above it (as BibTeX)."""

    def __init__(self) -> None:
        from pybtex.database.input.bibtex import month_names

        self.macros: dict[str, str] = dict(month_names)
        self.parsed: Any = None  #: what the last sound chunk held (pybtex's data)

    def syntax_error(self, chunk: Chunk) -> tuple[int, str] | None:
        """(line, message) if pybtex cannot read this chunk; a sound @string is remembered."""
        from pybtex.database.input.bibtex import Parser, UndefinedMacro
        from pybtex.scanner import PybtexSyntaxError

        parser = Parser(macros=self.macros)
        try:
            with strict_pybtex():
                self.parsed = parser.parse_string(chunk.text)
        except PybtexSyntaxError as error:
            line = chunk.line + (getattr(error, "lineno", None) or 1) - 1
            if line >= chunk.line + chunk.text.rstrip().count("\n"):
                line = chunk.line  # ran off the end (an unclosed brace): point at the entry
            what = str(error).rsplit(": ", 1)[-1]  # "'}' expected"
            if isinstance(error, UndefinedMacro):
                return line, (
                    f"{chunk.label} uses the string {what!r}, which is not defined above this "
                    "line; define each @string before its first use (a @string cannot use "
                    "itself or a later one), or write the value in braces"
                )
            if "premature end" in what:
                what = "a brace or a quote is not closed"
            return line, (
                f"BibTeX syntax error ({what}) in {chunk.label} (line {chunk.line}); check its "
                "braces, quotes and commas"
            )
        self.macros = dict(parser.macros)
        return None


def long_fields(chunk: Chunk, parsed: Any) -> list[tuple[int, str]]:
    """(line, message) for each field of the chunk's entry longer than MAX_FIELD."""
    found = []
    for entry in parsed.entries.values():
        values = dict(entry.fields)
        values.update(
            {role: " and ".join(map(str, people)) for role, people in entry.persons.items()}
        )
        for name, value in values.items():
            if len(value) <= MAX_FIELD:
                continue
            where = re.search(
                rf"^\s*{re.escape(name)}\s*=", chunk.text, re.MULTILINE | re.IGNORECASE
            )
            line = chunk.line + (chunk.text[: where.start()].count("\n") if where else 0)
            found.append(
                (
                    line,
                    f"the field {name!r} of {chunk.label} is {len(value)} characters long "
                    f"(at most {MAX_FIELD}); give what the edition you hold prints, shortly",
                )
            )
    return found


def non_ascii_key(key: str) -> str | None:
    """What is wrong with a key that is not the ASCII CONTRIBUTING.md asks for."""
    if KEY.fullmatch(key):
        return None
    suggested = re.sub(r"[^a-z0-9]+", "-", key.translate(ASCII).lower()).strip("-") or "kaynak"
    return (
        f"the key {key!r} is not ASCII; write it with ASCII letters, digits and hyphens "
        f"(e.g. {suggested!r}), here and where the pages cite it"
    )


def within_limit(text: str) -> tuple[list[Chunk], int | None]:
    """The chunks that end within MAX_BYTES, and the line of the first one past it."""
    all_chunks = chunks(text)
    if len(text.encode("utf-8")) <= MAX_BYTES:
        return all_chunks, None
    size = len(text[: all_chunks[0].end - len(all_chunks[0].text)].encode()) if all_chunks else 0
    for index, chunk in enumerate(all_chunks):
        size += len(chunk.text.encode("utf-8"))
        if size > MAX_BYTES:
            return all_chunks[:index], chunk.line
    return all_chunks, 1  # what is over the limit is not an entry


def problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each repeated or non-ASCII key, each entry or @string that does not
    parse, and a file over the limit, in file order."""
    found: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    text, not_utf8 = read_utf8(path)
    if not_utf8:
        found.append((not_utf8[0], NOT_UTF8 % not_utf8[1]))
    kept, past = within_limit(text)
    if past is not None:
        found.append(
            (
                past,
                f"the file is {path.stat().st_size} bytes, over the limit of {MAX_BYTES} "
                f"bytes ({MAX_BYTES // 1024} KiB) from this entry on, and nothing from here "
                "on is read; keep only the sources the edition cites",
            )
        )
    reader = Reader()
    for chunk in kept:
        if chunk.key is not None and (wrong := non_ascii_key(chunk.key)):
            found.append((chunk.line, wrong))
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
        if error := reader.syntax_error(chunk):
            found.append(error)
        elif chunk.key is not None:
            found.extend(long_fields(chunk, reader.parsed))
    return sorted(found)


def check_bibfiles(app: Sphinx) -> None:
    """Report problems of the configured .bib files at their line; then read leniently.

    A file with a problem is replaced, for this build only, by a copy holding the entries
    that parse, each key once (sphinxcontrib-bibtex would otherwise stop with a traceback,
    or drop the entries after a repeated key). The reported problem still fails the build.
    """
    import pybtex.errors

    from edition.core.messages import Problem, warn

    readable = []
    for name in app.config.bibtex_bibfiles or []:
        path = Path(app.confdir) / name
        if not path.is_file():
            readable.append(name)  # sphinxcontrib-bibtex reports a missing file itself
            continue
        found = problems(path)
        for line, message in found:
            warn(Problem.BIBTEX, message, location=f"{name}:{line}")
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
    """A copy of a .bib file keeping, verbatim, each entry that parses, the first of each key,
    within the size limit."""
    seen: set[str] = set()
    kept = []
    reader = Reader()
    for chunk in within_limit(read_utf8(path)[0])[0]:
        if reader.syntax_error(chunk) or (chunk.key and chunk.key.lower() in seen):
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
    app.setup_extension("edition.core")
    app.setup_extension("sphinxcontrib.bibtex")
    app.connect("builder-inited", check_bibfiles, priority=400)  # before sphinxcontrib-bibtex
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
