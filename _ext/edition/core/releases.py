"""The edition's releases: numbers, dates and the change record (``data/surum-notlari.yaml``).

A release is a number (``2026.1``: the year and its count in that year), set in one place,
conf.py's ``release``; the change record has one entry per release, newest first, with its
date and what changed, by kind. A build is *released* text when it is the release's own
build (``edition_frozen``: the copy served under ``/<number>/``, made by
``tools/release.py``) or when the checkout is the commit the release was tagged at
(``v<number>``); any other build is development text, cited by its date, with the last
release named beside it. Read without Sphinx, so that ``tools/release.py`` shares it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from edition.core.git import git

if TYPE_CHECKING:
    from pathlib import Path

#: The kinds of change, in the order a reader meets them (``data/surum-notlari.yaml``).
KINDS = ("icerik", "yeni", "aygit", "site")


@dataclass(frozen=True)
class Release:
    number: str
    day: date
    changes: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Status:
    """What a build of the edition is: ``number`` is conf.py's release."""

    number: str
    released: bool  #: this build's text is release ``number``'s
    entry: Release | None  #: ``number``'s entry in the change record, if it has one
    latest: Release | None  #: the newest release of the record that is not ``number``'s

    @property
    def cited(self) -> Release | None:
        """The release a reader of this build can cite by number, if any."""
        return self.entry if self.released else self.latest


def parse(entries: list[dict]) -> list[Release]:
    """The change record's entries (as YAML gives them, already checked by its schema)."""
    found = []
    for entry in entries:
        year, month, day = (int(part) for part in str(entry["tarih"]).split("-"))
        changes = {
            kind: tuple(" ".join(str(text).split()) for text in entry.get(kind, ()))
            for kind in KINDS
        }
        found.append(Release(str(entry["surum"]), date(year, month, day), changes))
    return found


def read(path: Path) -> list[Release]:
    """The change record at ``path`` (safe YAML); an empty list when there is none."""
    import yaml

    if not path.is_file():
        return []
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def tag_of(folder: Path, number: str) -> str | None:
    """The commit tagged ``v<number>``, if the checkout has that tag."""
    return git(folder, "rev-parse", "--verify", "--quiet", f"refs/tags/v{number}^{{commit}}")


def status(folder: Path, number: str, record: list[Release], *, frozen: bool) -> Status:
    """``frozen``: the build of release ``number`` itself (tools/release.py). Otherwise the
    build is release ``number``'s text only at the commit tagged ``v<number>``; the latest
    release is then the newest entry of the record that was tagged."""
    entry = next((r for r in record if r.number == number), None)
    head = git(folder, "rev-parse", "HEAD")
    released = entry is not None and (
        frozen or (head is not None and tag_of(folder, number) == head)
    )
    if released:
        return Status(number, True, entry, entry)
    latest = next((r for r in record if r.number != number and tag_of(folder, r.number)), None)
    return Status(number, False, entry, latest)
