"""Fault cases of issue 14: nothing from the build machine or the network reaches a page.

Pages and the files they name are read only inside docs/ (symbolic links resolved, no
absolute paths); no image is fetched from another server; no formula calls for MathJax
from a CDN; a page's front matter holds only the keys the edition documents. Collected by
tests/test_faults.py (see its ``more_faults``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from faultkit import edit

if TYPE_CHECKING:
    from collections.abc import Callable

REFUSED = "is not allowed in the edition's pages"
PAGE = "A page that is a link to a file outside docs/ " + REFUSED
FRONT_MATTER_ADVICE = "a page's front matter may hold only 'orphan'"
ETC_HOSTNAME = Path("/etc/hostname")


def add_to_toctree(root: Path, name: str) -> None:
    edit(root / "docs" / "index.md", "\nkaynakca\n", f"\nkaynakca\n{name}\n")


def add_paragraph(root: Path, text: str) -> int:
    """Put ``text`` before a section of docs/giris.md; return the line it starts on."""
    return edit(root / "docs" / "giris.md", "(giris-hastalik)=", f"{text}\n\n(giris-hastalik)=")


# -- Pages that are symbolic links out of docs/ ------------------------------------------


def page_linked_to_a_file_outside_the_project(root: Path) -> tuple[str, str]:
    outside = root.parent / "disaridaki-sayfa.md"
    outside.write_text("# Dışarıdaki sayfa\n\nGIZLI-ICERIK\n", encoding="utf-8")
    (root / "docs" / "disarida.md").symlink_to(outside)
    add_to_toctree(root, "disarida")
    return "docs/disarida.md:1", PAGE


def page_linked_to_a_host_file_without_heading(root: Path) -> tuple[str, str]:
    target = ETC_HOSTNAME
    if not target.is_file():
        target = root.parent / "hostname"
        target.write_text("derleme-makinesi\n", encoding="utf-8")
    (root / "docs" / "makine.md").symlink_to(target)
    add_to_toctree(root, "makine")
    return "docs/makine.md:1", PAGE


def page_linked_to_a_project_file_outside_docs(root: Path) -> tuple[str, str]:
    (root / "docs" / "veri.md").symlink_to(Path("..") / "data" / "kisiler.yaml")
    add_to_toctree(root, "veri")
    return "docs/veri.md:1", PAGE


def folder_of_pages_linked_outside(root: Path) -> tuple[str, str]:
    outside = root.parent / "disaridaki-klasor"
    outside.mkdir(exist_ok=True)
    (outside / "sayfa.md").write_text("# Sayfa\n\nGIZLI-ICERIK\n", encoding="utf-8")
    (root / "docs" / "ek").symlink_to(outside, target_is_directory=True)
    add_to_toctree(root, "ek/sayfa")
    return "docs/ek/sayfa.md:1", PAGE


# -- Files a page names, linked or written out of docs/ -----------------------------------


def image_linked_outside(root: Path) -> tuple[str, str]:
    outside = root.parent / "disaridaki.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "docs" / "gorsel.png").symlink_to(outside)
    line = add_paragraph(root, "![Bir görsel](gorsel.png)")
    return f"docs/giris.md:{line}", f"Showing the image 'gorsel.png' {REFUSED}"


def include_linked_outside(root: Path) -> tuple[str, str]:
    (root / "docs" / "parca.txt").symlink_to(Path("..") / "conf.py")
    line = add_paragraph(root, "```{include} parca.txt\n```")
    return f"docs/giris.md:{line}", f"Including 'parca.txt' {REFUSED}"


def csv_table_with_absolute_file(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "```{csv-table} Tablo\n:file: /etc/passwd\n```")
    return f"docs/giris.md:{line}", (
        f"Reading a table from '/etc/passwd' {REFUSED}: write the path relative to the page"
    )


def literalinclude_with_absolute_path(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "```{literalinclude} /etc/passwd\n```")
    return f"docs/giris.md:{line}", (
        f"Including '/etc/passwd' {REFUSED}: write the path relative to the page"
    )


def literalinclude_diff_outside(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "```{literalinclude} giris.md\n:diff: ../conf.py\n```")
    return f"docs/giris.md:{line}", f"Including '../conf.py' {REFUSED}: keep the file inside docs/"


def table_in_an_included_file_read_from_its_folder(root: Path) -> tuple[str, str]:
    """docutils reads the :file: of docs/parca.rst from docs/, not from the page's folder."""
    (root / "docs" / "ek").mkdir()
    page = "# Ek\n\n```{eval-rst}\n.. include:: ../parca.rst\n```\n"
    (root / "docs" / "ek" / "sayfa.md").write_text(page, encoding="utf-8")
    table = "Tablo:\n\n.. csv-table:: Kişiler\n   :file: ../data/kisiler.yaml\n"
    (root / "docs" / "parca.rst").write_text(table, encoding="utf-8")
    add_to_toctree(root, "ek/sayfa")
    return "docs/parca.rst:3", f"Reading a table from '../data/kisiler.yaml' {REFUSED}"


# -- Nothing fetched from the network -----------------------------------------------------

REMOTE = "from another server " + REFUSED + ": save the file inside docs/"


def remote_markdown_image(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "![Lenin](https://example.org/lenin.png)")
    return f"docs/giris.md:{line}", f"Showing the image 'https://example.org/lenin.png' {REMOTE}"


def remote_figure(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "```{figure} https://example.org/gorki.jpg\nGorki, 1922.\n```")
    return f"docs/giris.md:{line}", f"Showing the image 'https://example.org/gorki.jpg' {REMOTE}"


def remote_image_with_a_target(root: Path) -> tuple[str, str]:
    line = add_paragraph(
        root, "```{image} http://example.org/a.png\n:target: https://example.org/\n```"
    )
    return f"docs/giris.md:{line}", f"Showing the image 'http://example.org/a.png' {REMOTE}"


def remote_card_image(root: Path) -> tuple[str, str]:
    line = add_paragraph(
        root, ":::{card} Başlık\n:img-top: https://example.org/kart.png\n\nMetin.\n:::"
    )
    return f"docs/giris.md:{line}", f"Showing the image 'https://example.org/kart.png' {REMOTE}"


MATH = REFUSED + ": the edition publishes no formulas"


def inline_formula(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "Oran {math}`a^2 + b^2` idi.")
    return f"docs/giris.md:{line}", f"A formula (:math:`a^2 + b^2`) {MATH}"


def formula_block(root: Path) -> tuple[str, str]:
    line = add_paragraph(root, "```{math}\nE = mc^2\n```")
    return f"docs/giris.md:{line}", f"A formula ('E = mc^2') {MATH}"


# -- Front matter -----------------------------------------------------------------------


def front_matter(root: Path, yaml: str) -> None:
    page = root / "docs" / "giris.md"
    page.write_text(f"---\n{yaml}---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")


def front_matter_myst_settings(root: Path) -> tuple[str, str]:
    front_matter(root, "orphan: true\nmyst:\n  enable_extensions: [html_image]\n")
    return "docs/giris.md:3", f"The front matter key 'myst' {REFUSED}: {FRONT_MATTER_ADVICE}"


def front_matter_theme_option(root: Path) -> tuple[str, str]:
    front_matter(root, "hide-toc: true\n")
    return "docs/giris.md:2", f"The front matter key 'hide-toc' {REFUSED}: {FRONT_MATTER_ADVICE}"


def front_matter_html_meta(root: Path) -> tuple[str, str]:
    front_matter(root, 'html_meta:\n  "http-equiv=refresh": "0; url=https://example.org/"\n')
    return "docs/giris.md:2", f"The front matter key 'html_meta' {REFUSED}"


FAULTS: list[Callable[[Path], tuple[str, str]]] = [
    page_linked_to_a_file_outside_the_project,
    page_linked_to_a_host_file_without_heading,
    page_linked_to_a_project_file_outside_docs,
    folder_of_pages_linked_outside,
    image_linked_outside,
    include_linked_outside,
    csv_table_with_absolute_file,
    literalinclude_with_absolute_path,
    literalinclude_diff_outside,
    table_in_an_included_file_read_from_its_folder,
    remote_markdown_image,
    remote_figure,
    remote_image_with_a_target,
    remote_card_image,
    inline_formula,
    formula_block,
    front_matter_myst_settings,
    front_matter_theme_option,
    front_matter_html_meta,
]
