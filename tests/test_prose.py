"""The pages' own prose does not repeat the source article (the workspace's overlap tool):
neither word for word (runs of 8+ words) nor in close paraphrase (``--close``)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"

#: The runs ``nox -s lint`` makes: (arguments, how a clean report starts).
CHECKS = [
    (("docs",), "0 passage(s) of 8+ words repeat"),
    (("--close", "docs"), "0 passage(s) repeat or closely paraphrase"),
]


@pytest.mark.skipif(not OVERLAP.exists(), reason="the source article is not in ../shared here")
@pytest.mark.parametrize(("args", "clean"), CHECKS, ids=["words", "close"])
def test_no_page_repeats_the_article(args, clean):
    result = subprocess.run(
        [sys.executable, str(OVERLAP), *args], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(clean), result.stdout
