"""Helpers for the fault cases (tests/test_faults.py and tests/faults_*.py): edit a copy of
the site's sources and say on which line the change landed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` by ``new``; return the line ``new`` starts on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1
