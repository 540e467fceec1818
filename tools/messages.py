"""The English edition's catalogues: extract the data files' messages; print the status.

    python tools/messages.py data OUTDIR      # OUTDIR/data.pot from data/*.yaml
    python tools/messages.py status [LANG]    # per catalogue: translated / fuzzy / missing
    python tools/messages.py prose LANG OUTDIR  # OUTDIR/<catalogue>.md: the translations' text

``python3 noxw.py -s messages`` runs Sphinx's gettext builder (the pages' messages, one
``build/gettext/<page>.pot`` each), then ``data`` here (the registers' texts: the fields
``edition.core.catalogue.TRANSLATABLE`` names), then ``sphinx-intl update -l en``, which
makes or updates ``locale/en/LC_MESSAGES/<page>.po`` and ``data.po``: translators edit only
those. Locations are relative (``data/kronoloji.yaml:42``) and the messages come in the
files' order, without dates or ids that change from run to run, so extracting again changes
a catalogue only where a source changed. ``python3 noxw.py -s translations`` runs ``status``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from babel.messages.catalog import Catalog  # noqa: E402 (after the path is set)
from babel.messages.pofile import read_po, write_po  # noqa: E402
from edition.core import catalogue, schema  # noqa: E402

DATA = ROOT / "data"
#: The translators' comment on a Lenin quotation's message (the edition's translator brief).
QUOTATION = "quotation:"
#: The header's fixed date: a new extraction gives the same bytes when nothing changed.
FIXED = "2026-01-01 00:00+0000"


def extract_data(outdir: Path) -> Path:
    """Write ``outdir/data.pot``: every translatable text of the data files, once, with the
    lines of the entries that hold it."""
    pot = Catalog(project="lenin-son-yazilar", fuzzy=False)
    for stem in catalogue.TRANSLATABLE:
        path = DATA / f"{stem}.yaml"
        if not path.is_file():
            continue
        loaded, lines = schema.load(path.read_text(encoding="utf-8"))
        for item in loaded or []:
            line = lines.get(id(item), {}).get("", 0) if isinstance(item, dict) else 0
            for text in catalogue.translatable_strings(stem, item):
                pot.add(text, locations=[(f"data/{stem}.yaml", line)])
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{catalogue.DOMAIN}.pot"
    with target.open("wb") as file:
        write_po(file, pot, width=88, omit_header=False, sort_output=False)
    text = target.read_text(encoding="utf-8")
    # babel dates the header now; a fixed date keeps a re-extraction's diff to the messages
    text = "\n".join(
        f'"POT-Creation-Date: {FIXED}\\n"' if line.startswith('"POT-Creation-Date:') else line
        for line in text.split("\n")
    )
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return target


def status(language: str = "en") -> list[tuple[str, int, int, int]]:
    """(catalogue, translated, fuzzy, missing) for each .po of ``language``."""
    rows = []
    for path in sorted((ROOT / "locale" / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as file:
            po = read_po(file)
        translated = fuzzy = missing = 0
        for message in po:
            if not message.id:
                continue  # the header
            done = all(message.string) if isinstance(message.string, tuple) else message.string
            if message.fuzzy:
                fuzzy += 1
            elif done:
                translated += 1
            else:
                missing += 1
        rows.append((path.stem, translated, fuzzy, missing))
    return rows


def print_status(language: str = "en") -> int:
    rows = status(language)
    if not rows:
        print(f"no catalogues in locale/{language}/LC_MESSAGES; run python3 noxw.py -s messages")
        return 0
    width = max(len(name) for name, *_ in rows)
    print(f"{'catalogue':<{width}}  translated  fuzzy  missing")
    for name, translated, fuzzy, missing in rows:
        print(f"{name:<{width}}  {translated:>10}  {fuzzy:>5}  {missing:>7}")
    totals = [sum(row[i] for row in rows) for i in (1, 2, 3)]
    print(f"{'total':<{width}}  {totals[0]:>10}  {totals[1]:>5}  {totals[2]:>7}")
    return 0


def write_prose(language: str, outdir: Path) -> list[Path]:
    """Each catalogue's translations as a Markdown page (one paragraph a message), so that
    the overlap check the lint runs on docs/ reads the translated prose too: a translator
    must not carry a sentence of the source study over, in any language. A quotation's
    message stays inside an ``{alinti}`` block, which the check leaves out, as in docs/."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted((ROOT / "locale" / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as f:
            catalog = read_po(f)
        paragraphs = []
        for message in catalog:
            if not message.id or not isinstance(message.string, str) or not message.string:
                continue
            quoted = any("alinti" in str(where) for where in message.auto_comments) or any(
                comment.startswith(QUOTATION) for comment in message.user_comments
            )
            text = message.string.strip()
            paragraphs.append(f":::{{alinti}}\n{text}\n:::" if quoted else text)
        target = outdir / f"{path.stem}.md"
        target.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["data"] and len(argv) == 2:
        extract_data(Path(argv[1]).resolve())
        return 0
    if argv[:1] == ["prose"] and len(argv) == 3:
        write_prose(argv[1], Path(argv[2]).resolve())
        return 0
    if argv[:1] == ["status"]:
        return print_status(*argv[1:2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
