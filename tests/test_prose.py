"""The pages' own prose does not repeat the source article (the workspace's overlap tool)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

OVERLAP = ROOT.parent / "shared" / "tools" / "overlap.py"


@pytest.mark.skipif(not OVERLAP.exists(), reason="the source article is not in ../shared here")
def test_no_page_repeats_the_article():
    result = subprocess.run(
        [sys.executable, str(OVERLAP), "docs"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("0 passage(s)")
