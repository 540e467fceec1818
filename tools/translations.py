"""Write the site's script catalogue without eval: ``python tools/translations.py [LANGUAGE]``.

Makes ``locale/<LANGUAGE>/LC_MESSAGES/sphinx.js`` (default ``tr``) from the installed
Sphinx's catalogue, as ``_ext/edition/site/translations.py`` explains; run it after a
Sphinx upgrade when ``tests/test_csp.py`` says the shipped catalogue is out of date, and
commit the file. Run it with the build's Python (``.nox/docs/bin/python``), whose Sphinx
is the pinned one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from edition.site.translations import (  # noqa: E402 (after the path is set)
    project_catalogue,
    sphinx_catalogue,
    without_eval,
)


def main(language: str = "tr") -> int:
    source = sphinx_catalogue(language)
    if not source.is_file():
        print(f"{source}: Sphinx has no catalogue for {language!r}; nothing to write")
        return 0
    made = without_eval(source.read_text(encoding="utf-8"))
    if made is None:
        print(f"{source}: not in the form edition.site.translations knows; adapt without_eval")
        return 1
    target = project_catalogue(ROOT, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(made, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
