"""What the edition reads from git: the checkout's top folder and the date of the last commit.

Every call goes through :func:`git`, which returns None without git or outside a checkout,
so a build from a tarball still works (undated, without edit links).
"""

from __future__ import annotations

import functools
import os
import subprocess
from datetime import date
from pathlib import Path

#: What git answered, per folder and question, for the application being configured: the
#: repository does not change while one builds (the live preview, tools/preview.py, starts
#: a fresh builder when it does); each answer costs a process (2–30 ms).
ANSWERS: dict[tuple[str, tuple[str, ...]], str | None] = {}


def git(folder: Path, *args: str) -> str | None:
    """What ``git <args>`` prints in ``folder``, stripped; None without git or a checkout."""
    key = (str(folder), args)
    if key not in ANSWERS:
        try:
            ANSWERS[key] = subprocess.run(
                ["git", *args], cwd=folder, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            ANSWERS[key] = None
    return ANSWERS[key]


def forget_answers(*args: object) -> None:
    """A new application asks again (connected to ``config-inited``, before anyone asks)."""
    ANSWERS.clear()
    edition_date.cache_clear()


def git_top(folder: Path) -> Path | None:
    """The top folder of the git checkout holding ``folder``; None outside one."""
    out = git(folder, "rev-parse", "--show-toplevel")
    return Path(out).resolve() if out else None


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
