"""Check BibTeX files before a build: ``python tools/bibcheck.py references.bib …``.

Prints ``file:line: problem`` for a repeated key, a broken entry or ``@string``, a key
that is not ASCII, an over-long field or file, and exits 1 if there is one. The checks
live in ``_ext/edition/checks/bibcheck.py`` (the build runs the same); this is only its
command line, run by ``nox -s lint``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from edition.checks.bibcheck import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
