"""The exact source line of a word inside a paragraph, for messages.

MyST gives an inline role, and every text node, the line its paragraph starts on. A
message about a word on the fifth line of a paragraph would then point four lines too
high; :func:`exact_line` finds the line the word is really on.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os


@functools.lru_cache(maxsize=64)
def _lines(path: str, stamp: int) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def source_lines(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The file's lines (read once per version of the file); none if it cannot be read."""
    try:
        return _lines(str(path), Path(path).stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError):
        return ()


def exact_line(
    path: str | os.PathLike[str] | None,
    start: int | None,
    needle: str | re.Pattern[str],
    occurrence: int = 0,
) -> int | None:
    """The line (1-based), from ``start`` on, of the ``occurrence``-th match of ``needle``.

    ``needle`` is a plain text (only its first line is looked for) or a pattern. Falls back
    to ``start`` when the file cannot be read or the text is not found.
    """
    if path is None or start is None:
        return start
    if isinstance(needle, str):
        needle = re.compile(re.escape(needle.strip().splitlines()[0] if needle.strip() else ""))
    seen = 0
    lines = source_lines(path)
    for number in range(max(start, 1), len(lines) + 1):
        for _ in needle.finditer(lines[number - 1]):
            if seen == occurrence:
                return number
            seen += 1
    return start


def undecodable(data: bytes) -> tuple[int, str] | None:
    """(line, the bytes in hex) of the first bytes that are not UTF-8, or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return line, data[error.start : error.end].hex(" ")
    return None


NOT_UTF8 = (
    "the file is not UTF-8 (bytes %s cannot be read, the first on this line); save it as "
    'UTF-8 (in most editors: "Save with encoding" → UTF-8)'
)


def read_utf8(path: str | os.PathLike[str]) -> tuple[str, tuple[int, str] | None]:
    """The file's text, and where it first fails to be UTF-8 (its bad bytes read as U+FFFD).

    Raises OSError when the file cannot be read at all.
    """
    data = Path(path).read_bytes()
    problem = undecodable(data)
    return data.decode("utf-8-sig", "replace"), problem
