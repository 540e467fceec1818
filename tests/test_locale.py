"""furo ships no Turkish catalogue: every message its templates use is translated here."""

from __future__ import annotations

from pathlib import Path

import furo
from babel.messages.pofile import read_po
from conftest import ROOT
from jinja2.ext import babel_extract

CATALOGUE = ROOT / "locale" / "tr" / "LC_MESSAGES" / "sphinx.po"


def furo_messages() -> set[str]:
    found: set[str] = set()
    for template in (Path(furo.__file__).parent / "theme").rglob("*.html"):
        with template.open("rb") as f:
            for _, _, message, _ in babel_extract(f, ("_", "gettext", "ngettext"), [], {}):
                found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_furo_message_has_a_turkish_translation():
    with CATALOGUE.open("rb") as f:
        catalogue = read_po(f, locale="tr")
    translated = {m.id for m in catalogue if m.id and m.string}
    messages = furo_messages()
    assert len(messages) > 20
    assert messages - translated == set()
