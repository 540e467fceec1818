"""The edition's data files (``data/*.yaml``): read with line numbers; located errors; dates.

A data file is a YAML list of mappings. Each mapping is read with the line it starts
on, so that every problem can be reported as ``data/kronoloji.yaml:42: … (entry 'x')``
with what to fix, the way a page's problems are. A file that is not valid YAML is
reported at the line YAML names, and yields no entries.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from sphinx.util import logging

from edition.lines import NOT_UTF8, read_utf8

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
#: A date as the data files write it: ``1922-12-13``, or ``1922-05`` for a month.
ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")
#: A date as the pages write it: ``13 Aralık 1922``, ``4–6 Ocak 1923``, ``Mart 1923``.
TURKISH = re.compile(
    rf"^(?:(?P<day>\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})?\s+)?(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})"
)


@dataclass(frozen=True)
class Entry:
    """One mapping of a data file, with where it stands."""

    path: str  #: the file, relative to the project (as messages show it)
    line: int
    fields: dict[str, Any]

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def label(self) -> str:
        ident = self.fields.get("id")
        return f"entry {ident!r}" if ident else "an entry without id"


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line each mapping starts on."""


class FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsing with libyaml where PyYAML has it (about 5× faster); a file it
    refuses is read again by LineLoader, whose messages name the broken construct."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


# Dates stay text: the edition validates and formats them itself.
WITHOUT_TIMESTAMPS = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (LineLoader, FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
    _loader.yaml_implicit_resolvers = WITHOUT_TIMESTAMPS


def load_yaml(text: str) -> Any:
    """Parse fast; on an error, parse again the slow way for the clearer message."""
    try:
        return yaml.load(text, Loader=FastLineLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=LineLoader)


def problem(location: str, message: str, *args: Any, subtype: str = "data") -> None:
    logger.warning(message, *args, location=location, type="edition", subtype=subtype)


def read_entries(app: Sphinx, setting: str) -> tuple[Path, list[Entry]]:
    """Read the YAML list named by the config value ``setting`` (a path from conf.py's folder)."""
    relative = getattr(app.config, setting)
    path = (Path(app.confdir) / relative).resolve()
    shown = relative
    try:
        text, not_utf8 = read_utf8(path)
        if not_utf8:
            problem(f"{shown}:{not_utf8[0]}", NOT_UTF8, not_utf8[1])
            return path, []
        loaded = load_yaml(text)
    except OSError as error:
        problem(shown, "cannot read the data file (%s); check %s in conf.py", error, setting)
        return path, []
    except yaml.YAMLError as error:
        # Point at where the broken construct starts (an unclosed "[" …), and say where
        # YAML noticed it: often a few lines further on.
        start = getattr(error, "context_mark", None)
        noticed = getattr(error, "problem_mark", None)
        mark = start or noticed
        where = f"{shown}:{mark.line + 1}" if mark else shown
        what = getattr(error, "problem", None) or str(error)
        if start and noticed and start.line != noticed.line:
            what = f"{error.context} that starts here: {what} at line {noticed.line + 1}"
        problem(where, "not valid YAML: %s; fix the file's syntax there", what)
        return path, []
    if loaded is None:
        return path, []
    if not isinstance(loaded, list) or not all(isinstance(item, dict) for item in loaded):
        problem(shown, "the file must be a YAML list of entries (each starting with '- id: …')")
        return path, []
    entries = []
    for item in loaded:
        line = item.pop("__line__")
        entries.append(Entry(shown, line, item))
    return path, entries


def check_ids(entries: list[Entry], kind: str) -> dict[str, Entry]:
    """Entries by id; a missing, malformed or repeated id is reported, and the entry left out."""
    by_id: dict[str, Entry] = {}
    for entry in entries:
        ident = entry.fields.get("id")
        if not isinstance(ident, str) or not ident:
            problem(entry.location, "%s without an id; give it 'id: <ascii-id>'", kind)
            continue
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ident):
            problem(
                entry.location,
                "%s id %r is not a plain ASCII id; use lower-case letters, digits and hyphens",
                kind,
                ident,
            )
            continue
        if ident in by_id:
            problem(
                entry.location,
                "%s id %r is used twice (first at line %d); give each entry its own id",
                kind,
                ident,
                by_id[ident].line,
            )
            continue
        by_id[ident] = entry
    return by_id


def parse_iso(text: Any) -> tuple[int, int, int] | None:
    """``"1922-12-13"`` → (1922, 12, 13); ``"1922-05"`` → (1922, 5, 0); anything else → None."""
    match = ISO.match(str(text).strip()) if text is not None else None
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"] or 0)
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return year, month, day


def turkish_date(start: tuple[int, int, int], end: tuple[int, int, int] | None = None) -> str:
    """(1922, 12, 23) → "23 Aralık 1922"; a range shares what it can: "16–17 Ocak 1923"."""

    def one(d: tuple[int, int, int], with_year: bool = True, with_month: bool = True) -> str:
        year, month, day = d
        parts = [str(day)] if day else []
        if with_month:
            parts.append(MONTHS[month - 1])
        if with_year:
            parts.append(str(year))
        return " ".join(parts)

    if end is None or end == start:
        return one(start)
    if start[0] == end[0] and start[1] == end[1] and start[2] and end[2]:
        return f"{start[2]}–{one(end)}"
    if start[0] == end[0]:
        return f"{one(start, with_year=False)} – {one(end)}"
    return f"{one(start)} – {one(end)}"


def sort_key_of_turkish(text: str) -> tuple[int, int, int]:
    """Sort key of a date as pages write it; an unreadable date sorts last."""
    match = TURKISH.match(text.strip())
    if not match:
        return (9999, 99, 99)
    return int(match["year"]), MONTHS.index(match["month"]) + 1, int(match["day"] or 0)


def git(folder: Path, *args: str) -> str | None:
    """What ``git <args>`` prints in ``folder``, stripped; None without git or a checkout."""
    try:
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def source_epoch(confdir: Path) -> int | None:
    """Seconds since 1970 to date the edition by: SOURCE_DATE_EPOCH, else the last commit."""
    if value := os.environ.get("SOURCE_DATE_EPOCH"):
        return int(value)
    out = git(confdir, "log", "-1", "--format=%ct")
    return int(out) if out else None


@functools.cache
def edition_date(confdir: Path) -> date:
    """The date of this version of the edition (of its last commit), or today."""
    from datetime import UTC, datetime

    epoch = source_epoch(confdir)
    return datetime.fromtimestamp(epoch, tz=UTC).date() if epoch is not None else date.today()
