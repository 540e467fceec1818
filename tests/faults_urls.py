"""Fault cases for addresses (collected by tests/test_faults.py): every way a page or
references.bib can give a link whose scheme is not https:, http: or mailto: (edition.urls).
Each edits a copy of the site and returns the expected "file:line" and a piece of the
one-line message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from faultkit import edit, line_of

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

PAGE = "docs/giris.md"
ANCHOR = "(giris-hastalik)="
REFUSED = "is not https:, http: or mailto:) is not allowed in the edition's pages: link only"


def before_section(root: Path, markdown: str) -> int:
    """Put ``markdown`` in docs/giris.md before a section; the line it starts on."""
    return edit(root / PAGE, ANCHOR, f"{markdown}\n\n{ANCHOR}")


def link(shown: str, scheme: str = "javascript") -> str:
    return f"A link to '{shown}' (its scheme '{scheme}:' {REFUSED}"


def button_link_with_control_character(root: Path) -> tuple[str, str]:
    line = before_section(root, "```{button-link} \x01javascript:alert(1)\nTıkla\n```")
    return f"{PAGE}:{line}", link("\\x01javascript:alert(1)")


def card_link_with_control_character(root: Path) -> tuple[str, str]:
    line = before_section(root, ":::{card} Kart\n:link: \x01javascript:alert(1)\n\nGövde\n:::")
    return f"{PAGE}:{line}", link("\\x01javascript:alert(1)")


def grid_item_card_link_with_control_character(root: Path) -> tuple[str, str]:
    card = ":::{grid-item-card} Kart\n:link: \x01javascript:alert(1)\n\nGövde\n:::"
    line = before_section(root, f"::::{{grid}} 1\n{card}\n::::")
    return f"{PAGE}:{line + 2}", link("\\x01javascript:alert(1)")


def mixed_case_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](JaVaScRiPt:alert(document.cookie))")
    return f"{PAGE}:{line}", link("JaVaScRiPt:alert(document.cookie)")


def tab_before_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](\tjavascript:alert(1))")
    return f"{PAGE}:{line}", link("javascript:alert(1)")


def tab_inside_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](java\tscript:alert(1))")
    return f"{PAGE}:{line}", link("java\\x09script:alert(1)")


def newline_inside_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](java\nscript:alert(1))")
    return f"{PAGE}:{line}", link("java\\x0ascript:alert(1)")


def entity_encoded_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](&#106;avascript&colon;alert(1))")
    return f"{PAGE}:{line}", link("&#106;avascript&colon;alert(1)")


def definition_on_the_next_line(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla][hedef]\n\n[hedef]:\n  javascript:alert(1)")
    return f"{PAGE}:{line + 3}", link("javascript:alert(1)")


def autolink(root: Path) -> tuple[str, str]:
    line = before_section(root, "Bkz. <javascript:alert(1)>.")
    return f"{PAGE}:{line}", link("javascript:alert(1)")


def data_image(root: Path) -> tuple[str, str]:
    line = before_section(root, "![resim](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")
    return f"{PAGE}:{line}", link("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", "data")


def vbscript_link(root: Path) -> tuple[str, str]:
    line = before_section(root, "[tıkla](vbscript:msgbox(1))")
    return f"{PAGE}:{line}", link("vbscript:msgbox(1)", "vbscript")


def unknown_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[arşiv](ftp://example.org/lenin.txt)")
    return f"{PAGE}:{line}", link("ftp://example.org/lenin.txt", "ftp")


def reference_in_restructured_text(root: Path) -> tuple[str, str]:
    line = before_section(root, "```{eval-rst}\n`tıkla <javascript:alert(1)>`_\n```")
    return f"{PAGE}:{line + 1}", link("javascript:alert(1)")


def address_of_another_host_without_scheme(root: Path) -> tuple[str, str]:
    line = before_section(root, "[site](//example.org/lenin)")
    return f"{PAGE}:{line}", (
        "A link to '//example.org/lenin' (it leads to another host without saying how; "
        "write https:// in front) is not allowed"
    )


def toctree_entry(root: Path) -> tuple[str, str]:
    line = before_section(root, "```{toctree}\nTıkla <javascript://%0aalert(1)>\n```")
    return f"{PAGE}:{line}", (
        "A toctree entry to 'javascript://%0aalert(1)' (its scheme 'javascript:' " + REFUSED
    )


def download_of_an_address(root: Path) -> tuple[str, str]:
    line = before_section(root, "{download}`indir <javascript://%0aalert(1)>`")
    return f"{PAGE}:{line}", link("javascript://%0aalert(1)")


def bib_url_command_with_control_character(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    line = edit(
        bib,
        "  year       = {1999},\n}",
        "  year       = {1999},\n  note       = {\\url{\x01javascript:alert(1)}},\n}",
    )
    return f"references.bib:{line + 1}", (
        "the field 'note' links to '\\x01javascript:alert(1)' (its scheme 'javascript:' is "
        "not https:, http: or mailto:); give the source's web address (https://…) or leave "
        "the field out"
    )


def bib_url_field(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    start = line_of(bib, "@book{lenin-son-kavgasi,")
    line = edit(bib, "@book{lenin-son-kavgasi,\n", "@book{lenin-son-kavgasi,\n  url = {data:,x},\n")
    assert line == start
    return f"references.bib:{line + 1}", (
        "the field 'url' links to 'data:,x' (its scheme 'data:' is not https:, http: or mailto:)"
    )


FAULTS: list[Callable[[Path], tuple[str, str]]] = [
    button_link_with_control_character,
    card_link_with_control_character,
    grid_item_card_link_with_control_character,
    mixed_case_scheme,
    tab_before_scheme,
    tab_inside_scheme,
    newline_inside_scheme,
    entity_encoded_scheme,
    definition_on_the_next_line,
    autolink,
    data_image,
    vbscript_link,
    unknown_scheme,
    reference_in_restructured_text,
    address_of_another_host_without_scheme,
    toctree_entry,
    download_of_an_address,
    bib_url_command_with_control_character,
    bib_url_field,
]
