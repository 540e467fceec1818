"""The data files' text in English: ``locale/en/LC_MESSAGES/data.po``.

The registers are made from ``data/*.yaml``, whose titles, notes and descriptions are
Turkish. Their translations are kept where the pages' are, in a gettext catalogue that
translators edit like any other (``python3 noxw.py -s messages`` extracts it: see
``tools/messages.py``). :data:`TRANSLATABLE` names the fields read as text for readers, per
file; :func:`translatable_strings` finds them (the extractor and the build use the same
walk); :func:`translate_fields` puts the English text in an entry as it is read, in the
English build only. An untranslated or fuzzy message keeps its Turkish text (the pages'
notice and the release refusal concern the pages' own messages; the status table of
``python3 noxw.py -s translations`` counts these too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: data file's stem → the fields whose text readers see (at any depth: a list of such
#: strings, or a mapping inside a list, as belgeler.yaml's ``baskilar``' ``dayanak``).
TRANSLATABLE: dict[str, frozenset[str]] = {
    "kronoloji": frozenset({"baslik", "yayim"}),
    "kisiler": frozenset({"tam_ad", "rol"}),
    "belgeler": frozenset({"baslik", "kime", "ilk_yayim", "not", "dayanak"}),
    "surum-notlari": frozenset({"icerik", "yeni", "aygit", "site"}),
}
#: The catalogue's domain: locale/<language>/LC_MESSAGES/data.po.
DOMAIN = "data"

_loaded: dict[Path, tuple[float, dict[str, str]]] = {}
#: The texts this build read from the data files and found no translation for (English
#: build): a register showing one is marked untranslated (core/language.generated).
missing: set[str] = set()


def catalogue_path(confdir: str | Path, language: str = "en") -> Path:
    return Path(confdir) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def translatable_strings(stem: str, value: Any, key: str = "") -> list[str]:
    """The texts of one entry (or any value inside it) that readers see, in order."""
    fields = TRANSLATABLE.get(stem, frozenset())
    found: list[str] = []
    if isinstance(value, dict):
        for name, inner in value.items():
            found += translatable_strings(stem, inner, str(name))
    elif isinstance(value, list):
        for inner in value:
            found += translatable_strings(stem, inner, key)
    elif isinstance(value, str) and key in fields and value.strip():
        found.append(value)
    return found


def load(path: Path) -> dict[str, str]:
    """msgid → msgstr of the catalogue's translated messages (none fuzzy, none empty)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    if (cached := _loaded.get(path)) and cached[0] == mtime:
        return cached[1]
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        catalogue = read_po(file)
    table = {
        message.id: message.string
        for message in catalogue
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }
    _loaded[path] = (mtime, table)
    return table


def translate_fields(stem: str, value: Any, table: dict[str, str], key: str = "") -> Any:
    """``value`` with each translatable text replaced by its translation, where it has one."""
    fields = TRANSLATABLE.get(stem, frozenset())
    if isinstance(value, dict):
        for name in list(value):
            value[name] = translate_fields(stem, value[name], table, str(name))
        return value
    if isinstance(value, list):
        return [translate_fields(stem, inner, table, key) for inner in value]
    if isinstance(value, str) and key in fields:
        if value in table:
            return table[value]
        if value.strip():
            missing.add(" ".join(value.split()))
        return value
    return value


def note(env: Any) -> None:
    """In the English build, a register's pages depend on the data catalogue too (an
    edited translation rewrites them in an incremental build)."""
    from edition.core.words import language_of

    if language_of(env.config.language) == "en":
        path = catalogue_path(env.app.confdir)
        if path.is_file():
            env.note_dependency(str(path))
