"""The pages' own prose does not repeat the source article (the workspace's overlap tool):
neither word for word (runs of 8+ words) nor in close paraphrase (``--close``). That tool
is in ../shared, which a fork or GitHub CI does not have: there these tests are skipped,
and the run says so at its end (tests/conftest.py); nothing else may need ../shared."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED

OVERLAP = SHARED / "tools" / "overlap.py"

#: The runs ``nox -s lint`` makes: (arguments, how a clean report starts).
CHECKS = [
    (("docs",), "0 passage(s) of 8+ words repeat"),
    (("--close", "docs"), "0 passage(s) repeat or closely paraphrase"),
]


@pytest.mark.skipif(
    not OVERLAP.exists(),
    reason="../shared/tools/overlap.py is absent here (it comes with the workspace)",
)
@pytest.mark.parametrize(("args", "clean"), CHECKS, ids=["words", "close"])
def test_no_page_repeats_the_article(args, clean):
    result = subprocess.run(
        [sys.executable, str(OVERLAP), *args], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(clean), result.stdout


#: The only files that may reach ../shared: the comparisons with the source article, and
#: the places that say so when it is absent.
NEEDS_SHARED = {"noxfile.py", "tests/conftest.py", "tests/test_content.py", "tests/test_prose.py"}
SHARED_PATH = re.compile(r"""["']shared["']|\.\./shared|/shared/""")


SKIPPED_FOLDERS = {".git", ".nox", "build", "__pycache__", ".venv", ".ruff_cache"}


def test_nothing_else_needs_shared():
    """Every other check runs the same in a fork or on GitHub CI, where ../shared is absent."""
    reaching = sorted(
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if path.is_file()
        and path.suffix != ".md"  # prose may name it
        and not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts)
        and SHARED_PATH.search(path.read_text(encoding="utf-8", errors="replace"))
    )
    assert set(reaching) <= NEEDS_SHARED, reaching
