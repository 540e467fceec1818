"""The stock stack the benchmark also measures (tools/bench.py): the floor's pages and
settings (tools/bench-floor/conf.py) with furo, sphinx-design and sphinxcontrib-bibtex in
their stock settings, and none of the edition's own extensions. Between the floor and the
edition, it shows what the third-party stack costs and what the edition adds to it.
"""

from __future__ import annotations

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
_floor = runpy.run_path(str(HERE.parent / "bench-floor" / "conf.py"))
globals().update({k: v for k, v in _floor.items() if not k.startswith("__")})

extensions = [*_floor["extensions"], "sphinxcontrib.bibtex", "sphinx_design"]
html_theme = "furo"
bibtex_bibfiles = [str(HERE.parent.parent / "references.bib")]
