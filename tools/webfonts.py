"""Make the site's body face: ``python tools/webfonts.py [FONT_DIR]``.

The web edition sets its text in Linux Libertine, the face the PDF's Libertinus Serif was
forked from, so that screen and print read alike and the reading measure (60–75
characters per line) holds on every machine, not only where a given system serif is
installed. The site serves the fonts itself (CSP ``font-src 'self'``): nothing is
fetched from elsewhere.

This script is run by hand when the fonts change, and its output is committed
(``_ext/edition/site/static/fonts/``): regular, italic and bold, cut down to the letters
the edition writes (Latin with Turkish, the Cyrillic of the Russian titles, typographic
punctuation) and compressed as WOFF2. Their family is renamed "Edisyon Libertine": a
subset is not the whole Linux Libertine O and must not pass for it on a reader's machine.

Sources: Debian's ``fonts-linuxlibertine`` (``apt-get install fonts-linuxlibertine``;
FONT_DIR defaults to where it installs them). Needs ``fonttools`` and ``brotli``
(``pip install fonttools brotli``); the build itself needs neither. Licence: the fonts are
dual-licensed GPL-2+ with font exception and OFL-1.1 (Philipp H. Poll); the subsets are
distributed under the same terms, see ``fonts/LICENSE.txt``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/opentype/linux-libertine")
TARGET = Path(__file__).resolve().parent.parent / "_ext/edition/site/static/fonts"
FAMILY = "Edisyon Libertine"
#: source file → (output file, style name)
FACES = {
    "LinLibertine_R.otf": ("edisyon-libertine-regular.woff2", "Regular"),
    "LinLibertine_RI.otf": ("edisyon-libertine-italic.woff2", "Italic"),
    "LinLibertine_RB.otf": ("edisyon-libertine-bold.woff2", "Bold"),
}
#: Basic Latin and Latin-1, Latin Extended-A (ğ ş ı İ …), combining marks, Cyrillic, general
#: punctuation (’ “ ” – — … ‹ ›), the euro and numero signs.
UNICODES = "U+0020-007E,U+00A0-017F,U+0300-036F,U+0400-045F,U+2000-206F,U+20AC,U+2116"


def make(source: Path, target: Path, style: str) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    names = font["name"]
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} {style}"
        elif record.nameID == 6:
            record.string = postscript
        elif record.nameID == 3:
            record.string = f"{postscript} (subset of Linux Libertine O)"
    font.flavor = "woff2"
    font.save(target)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else SOURCE
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, (out, style) in FACES.items():
        if not (source / name).is_file():
            print(f"{source / name}: not found (apt-get install fonts-linuxlibertine)")
            return 1
        make(source / name, TARGET / out, style)
        print(f"{TARGET / out}: {(TARGET / out).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
