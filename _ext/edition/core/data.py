"""The edition's data files (``data/*.yaml``): read safely with line numbers; located errors; dates.

A data file is a YAML list of mappings. Each mapping is read with the line it starts
on, so that every problem can be reported as ``data/kronoloji.yaml:42: … (entry 'x')``
with what to fix, the way a page's problems are. A file that is not valid YAML is
reported at the line YAML names, and yields no entries.

Reading is ``edition.core.schema``'s: a YAML anchor or alias (``&a``, ``*a``: the
"billion laughs" that grows a few lines into gigabytes) is refused at its line before
anything is built, so is a key given twice and a file over 256 KiB. Then every entry is
checked against the file's JSON Schema (``data/schema/``, the same check the lint runs):
a value of the wrong type (``tur: [olay]``, ``baslik: [bir, iki]``), a text over its
length limit, a pattern or value not allowed, each at the line of the field. An entry
with such a problem is left out, so nothing refused is published.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from sphinx.util import logging

from edition.core import catalogue, words
from edition.core import schema as schemas
from edition.core.lines import NOT_UTF8, read_utf8
from edition.core.messages import Problem, warn

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A date as the data files write it: ``1922-12-13``, or ``1922-05`` for a month.
ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")


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


#: The loaders (safe, keys' lines kept, dates as text); libyaml's where PyYAML has it.
LineLoader = schemas.KeyLineLoader
FastLineLoader = schemas.FastKeyLineLoader


def load_yaml(text: str) -> Any:
    """Parse fast; on an error, parse again the slow way for the clearer message. Anchors
    and aliases are refused (``schemas.Refused``) before anything is built."""
    return schemas.load(text)[0]


#: Where the build finds the data files' schemas: the edition's own (``data/schema``).
SCHEMAS = Path(__file__).resolve().parents[3] / "data" / "schema"
#: Checked by the modules' own ``validate`` at the entry's line, in their words.
LEFT_TO_VALIDATE = {"required", "additionalProperties"}


def read_entries(app: Sphinx, setting: str) -> tuple[Path, list[Entry]]:
    """Read the YAML list named by the config value ``setting`` (a path from conf.py's folder).

    The file is read safely (no anchors or aliases, no key twice, at most
    ``schemas.MAX_BYTES``) and checked against its JSON Schema
    (``data/schema/<name>.schema.json``); each problem is reported at its line, and an
    entry with a problem is left out. A missing or unknown field is left to the caller's
    own check, which reports it at the entry's line.
    """
    relative = getattr(app.config, setting)
    path = (Path(app.confdir) / relative).resolve()
    shown = relative
    schema_path = SCHEMAS / f"{Path(relative).stem}.schema.json"
    try:
        if (size := path.stat().st_size) > schemas.MAX_BYTES:
            warn(Problem.DATA, schemas.too_large(size), location=f"{shown}:1")
            return path, []
        text, not_utf8 = read_utf8(path)
        if not_utf8:
            warn(Problem.DATA, NOT_UTF8, not_utf8[1], location=f"{shown}:{not_utf8[0]}")
            return path, []
        loaded, lines = schemas.load(text)
    except OSError as error:
        warn(
            Problem.DATA,
            "cannot read the data file (%s); check %s in conf.py",
            error,
            setting,
            location=shown,
        )
        return path, []
    except yaml.YAMLError as error:
        line, message = schemas.yaml_error(error)
        warn(Problem.DATA, "%s", message, location=f"{shown}:{line}")
        return path, []
    if loaded is None:
        return path, []
    if not isinstance(loaded, list) or not all(isinstance(item, dict) for item in loaded):
        warn(
            Problem.DATA,
            "the file must be a YAML list of entries (each starting with '- id: …')",
            location=shown,
        )
        return path, []
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except OSError:
        warn(Problem.DATA, "no schema for this file; add %s", schema_path, location=f"{shown}:1")
        return path, []
    refused: set[int] = set()
    for line, message, failure in schemas.check(loaded, lines, schema):
        if len(failure.path) == 1 and failure.keyword in LEFT_TO_VALIDATE:
            continue
        warn(Problem.DATA, "%s", message, location=f"{shown}:{line}")
        refused.add(failure.path[0] if failure.path else -1)
    if -1 in refused:
        return path, []
    entries = [
        Entry(shown, lines[id(item)][""], item)
        for index, item in enumerate(loaded)
        if index not in refused
    ]
    if words.language_of(getattr(app.config, "language", None)) == "en":
        # The English edition: the texts readers see from locale/en/LC_MESSAGES/data.po.
        table = catalogue.load(catalogue.catalogue_path(app.confdir))
        refuse = app.config.edition_require_translation or app.config.edition_frozen
        untranslated = 0
        for entry in entries:
            catalogue.translate_fields(path.stem, entry.fields, table)
            left = [
                text
                for text in catalogue.translatable_strings(path.stem, entry.fields)
                if text not in table.values() and " ".join(text.split()) in catalogue.missing
            ]
            untranslated += bool(left)
            for text in left if refuse else ():
                warn(
                    Problem.TRANSLATION,
                    "untranslated text %r of %s; translate it in "
                    "locale/en/LC_MESSAGES/data.po (python3 noxw.py -s messages makes it)",
                    " ".join(text.split())[:70],
                    entry.label(),
                    location=entry.location,
                )
        if untranslated and not refuse:
            logger.info(
                "%s: %d of %d entries have untranslated texts (their register shows the notice)",
                shown,
                untranslated,
                len(entries),
            )
    return path, entries


def check_ids(entries: list[Entry], kind: str) -> dict[str, Entry]:
    """Entries by id; a missing, malformed or repeated id is reported, and the entry left out."""
    by_id: dict[str, Entry] = {}
    for entry in entries:
        ident = entry.fields.get("id")
        if not isinstance(ident, str) or not ident:
            warn(
                Problem.DATA,
                "%s without an id; give it 'id: <ascii-id>'",
                kind,
                location=entry.location,
            )
            continue
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ident):
            warn(
                Problem.DATA,
                "%s id %r is not a plain ASCII id; use lower-case letters, digits and hyphens",
                kind,
                ident,
                location=entry.location,
            )
            continue
        if ident in by_id:
            warn(
                Problem.DATA,
                "%s id %r is used twice (first at line %d); give each entry its own id",
                kind,
                ident,
                by_id[ident].line,
                location=entry.location,
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
