"""Check data files against their JSON Schemas: ``python tools/schemacheck.py data/X.yaml …``.

Prints ``file:line: entry 'id': problem`` for each problem and exits 1 if there is one.
The rules and the reading live in ``_ext/edition/core/schema.py`` (the build uses the same
module); this is only its command line, run by ``nox -s lint``. It needs only PyYAML.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from edition.core.schema import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
