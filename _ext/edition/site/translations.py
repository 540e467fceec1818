"""The words of the site's scripts (search page, "Hide Search Matches"), without eval.

Sphinx gives the search page's words to its scripts in ``_static/translations.js``, copied
from its own ``sphinx/locale/<language>/LC_MESSAGES/sphinx.js`` unless the project has one
in ``locale_dirs`` (``locale/<language>/LC_MESSAGES/sphinx.js``: Sphinx 9 takes the
project's first). Sphinx's own cannot run under the Content Security Policy: doctools.js
turns the catalogue's plural rule into a function with ``new Function(…)``, which the
policy forbids ('unsafe-eval' is not given), and every page's scripts would stop half-way.

So the edition ships its own catalogue, made from Sphinx's by :func:`without_eval` and
written by ``python tools/translations.py``; the plural rule is written out as code.
``tests/test_csp.py`` checks that the shipped file is what this module makes of the
installed Sphinx's, so a Sphinx upgrade that changes its catalogue fails there, and the
build (``edition.site.csp``) checks that the written ``translations.js`` is the edition's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import sphinx

#: The first line of the edition's catalogue (how the build recognises it).
MARK = "// edition.csp: Sphinx's translations, with the plural rule written as code (no eval)\n"
#: What Sphinx's sphinx.js holds, and the plural rules it may hold.
TRANSLATIONS = re.compile(r"\ADocumentation\.addTranslations\((?P<catalog>\{.*\})\);?\s*\Z", re.S)
PLURAL_RULE = re.compile(r"[n0-9\s()!=<>&|?:%+*/-]*")

#: Sphinx's Turkish catalogue leaves these search-page messages untranslated.
TURKISH_MESSAGES = {
    "Search finished, found one page matching the search query.": [
        "Arama tamamlandı: aramayla eşleşen bir sayfa bulundu.",
        "Arama tamamlandı: aramayla eşleşen ${resultCount} sayfa bulundu.",
    ],
    "Searching for multiple words only shows matches that contain\n    all words.": (
        "Birden çok sözcükle aramada yalnızca bütün sözcükleri içeren sayfalar gösterilir."
    ),
}


def sphinx_catalogue(language: str) -> Path:
    """Sphinx's own catalogue for the scripts in ``language`` (it may not exist)."""
    return Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"


def project_catalogue(confdir: Path, language: str) -> Path:
    """Where the edition's catalogue goes (``locale_dirs`` is ``locale/`` in conf.py)."""
    return confdir / "locale" / language / "LC_MESSAGES" / "sphinx.js"


def without_eval(text: str) -> str | None:
    """Sphinx's catalogue as a script that needs no eval; None if its form is unknown."""
    match = TRANSLATIONS.match(text)
    catalog = json.loads(match["catalog"]) if match else None
    rule = (catalog or {}).get("plural_expr", "")
    if catalog is None or not PLURAL_RULE.fullmatch(rule):
        return None
    # Two faults of the catalogue, mended on the way: an untranslated message ("" in every
    # form) would show as blank text instead of falling back to English, and a plural rule
    # that yields true/false ("(n > 1)") picks no form at all (forms[true] is undefined).
    catalog["messages"] = {
        key: value
        for key, value in catalog.get("messages", {}).items()
        if any(value if isinstance(value, list) else [value])
    }
    if catalog.get("locale") == "tr":  # what Sphinx's Turkish catalogue leaves untranslated
        catalog["messages"] = {**TURKISH_MESSAGES, **catalog["messages"]}
    return (
        MARK + "(() => {\n"
        f"  const catalog = {json.dumps(catalog, indent=2, ensure_ascii=True)};\n"
        "  Object.assign(Documentation.TRANSLATIONS, catalog.messages);\n"
        f"  Documentation.PLURAL_EXPR = (n) => Number({rule});\n"
        "  Documentation.LOCALE = catalog.locale;\n"
        "})();\n"
    )
