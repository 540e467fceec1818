"""Reading a built PDF for the tests: its text, outline, links and fonts (with pypdf)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pypdf import PdfReader
from pypdf.generic import IndirectObject

if TYPE_CHECKING:
    from pathlib import Path


@dataclass
class Heading:
    title: str
    page: int
    children: list[Heading] = field(default_factory=list)


def text(path: Path) -> str:
    """All text of the PDF, with words broken at line ends joined again.

    The hyphen of a line-end break reads back as a soft hyphen (U+00AD) and goes with the
    break; a real hyphen reads back as "-" and stays, also at a line's end ("Sovyet-" and
    "Alman" give "Sovyet-Alman"). The builder makes the fonts' ToUnicode maps tell the two
    apart (edition.pdf.builder.separate_hyphens), so nothing here guesses which is which.
    A word broken at the foot of a page is joined with its end on the next page.
    """
    pages = [(page.extract_text() or "").split("\n") for page in PdfReader(path).pages]
    # A word hyphenated at the foot of a page goes on after the page's footnotes, its
    # number and the next page's running head: its first part is carried to the first
    # line of the next page that goes on in lower case.
    for lines, following in itertools.pairwise(pages):
        for at, line in enumerate(lines):
            cut = re.search(r"(\w+)[\u00ad-]$", line)  # the glyph reads back as either
            # The page's body ends here: next come its footnotes or its number.
            foot = at + 1 == len(lines) or lines[at + 1][:1].isdigit()
            if cut is None or not foot:
                continue
            rest = next((n for n, later in enumerate(following) if later[:1].islower()), None)
            if rest is not None:
                lines[at] = line[: cut.start()]
                following[rest] = cut[1] + following[rest]
            break
    raw = "\n".join("\n".join(lines) for lines in pages)
    return re.sub(r"(\w)(?:\u00ad|(-))\n(\w)", r"\1\2\3", raw)


def words(text_: str) -> str:
    """The text as single-spaced words (line breaks no longer matter)."""
    return " ".join(text_.split())


def outline(path: Path) -> list[Heading]:
    reader = PdfReader(path)

    def walk(items) -> list[Heading]:
        result: list[Heading] = []
        for item in items:
            if isinstance(item, list):
                result[-1].children = walk(item)
            else:
                result.append(Heading(item.title, reader.get_destination_page_number(item)))
        return result

    return walk(reader.outline)


def internal_link_pages(path: Path) -> list[tuple[int, int | None]]:
    """(page holding the link, page it leads to or None) for every internal link annotation."""
    reader = PdfReader(path)
    page_ids = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    named = reader.named_destinations
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            destination = internal_destination(annotation.get_object())
            if destination is not None:
                links.append((number, destination_page(reader, page_ids, named, destination)))
    return links


def internal_destination(annotation) -> object | None:
    """Where a link annotation leads inside the PDF (a name or an explicit destination);
    None for anything else (another annotation, an external /URI link)."""
    if annotation.get("/Subtype") != "/Link":
        return None
    destination = annotation.get("/Dest")
    action = annotation.get("/A")
    if destination is None and action is not None and action.get("/S") == "/GoTo":
        destination = action.get("/D")
    return destination


def destination_page(reader, page_ids: dict[int, int], named, destination) -> int | None:
    """The page (from 0) a destination names; None when it names none."""
    if isinstance(destination, str):  # a named destination
        found = named.get(destination)
        return reader.get_destination_page_number(found) if found else None
    first = destination[0]
    return page_ids.get(first.idnum) if isinstance(first, IndirectObject) else None


def fonts(path: Path) -> dict[str, bool]:
    """Each font used on any page, and whether its program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


@dataclass
class Link:
    """An internal link: its page, the page it leads to, and the text under it."""

    page: int
    target: int | None
    text: str


def printed_page_numbers(path: Path) -> list[str]:
    """The number printed on each page, as the PDF's page labels give it ("iii", "12")."""
    return list(PdfReader(path).page_labels)


def internal_links(path: Path) -> list[Link]:
    """Every internal link with the text its annotations cover.

    A link that Typst draws as several annotations (a line break inside it, or a part set
    apart, as the page of a reference) is one Link: consecutive annotations of a page
    leading to the same page. The text under an annotation is read by its rectangle
    (pypdfium2: pypdf gives the positions of whole runs of text only).
    """
    import pypdfium2

    reader = PdfReader(path)
    page_ids = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    named = reader.named_destinations
    pdf = pypdfium2.PdfDocument(path)
    links: list[Link] = []
    for number, page in enumerate(reader.pages):
        textpage = pdf[number].get_textpage()
        last: int | None = None
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            destination = internal_destination(annotation)
            if destination is None:
                continue
            target = destination_page(reader, page_ids, named, destination)
            left, bottom, right, top = (float(v) for v in annotation["/Rect"])
            text = textpage.get_text_bounded(left, bottom, right, top)
            if last == target and links and links[-1].page == number:
                links[-1].text += " " + text
            else:
                links.append(Link(number, target, text))
            last = target
    pdf.close()
    return links


def words_left_out(env, builder: str) -> set[str]:
    """Words the pages write only inside ``{only}`` blocks that ``builder`` leaves out
    (edition.core.outputs), and nowhere else: e.g. the site's own controls, for the PDF."""
    from docutils import nodes
    from edition.core.outputs import output_tags
    from sphinx import addnodes
    from sphinx.util.tags import Tags

    tags = Tags([*output_tags(builder), builder])
    inside: set[str] = set()
    outside: set[str] = set()
    for docname in env.found_docs:
        doctree = env.get_doctree(docname)
        for only in list(doctree.findall(addnodes.only)):
            if not tags.eval_condition(only["expr"]):
                inside |= set(re.findall(r"\w+", only.astext()))
                only.parent.remove(only)
        for comment in list(doctree.findall(nodes.comment)):  # shown in no output
            comment.parent.remove(comment)
        outside |= set(re.findall(r"\w+", doctree.astext()))
    return inside - outside


@dataclass
class Line:
    """One line of text on a page, as set: where it starts, its type size and its text.

    ``y`` is the baseline from the foot of the page; ``size`` the largest type size on the
    line; ``fonts`` the fonts it uses. Running heads and page numbers are left out: Typst
    marks them as pagination artifacts.
    """

    page: int
    y: float
    x: float
    size: float
    text: str
    fonts: set[str] = field(default_factory=set)
    pieces: list[tuple[float, str]] = field(default_factory=list)  # (x, text) as drawn


def lines(path: Path) -> list[Line]:
    """Every line of text on every page (pages counted from 0), in reading order."""
    found: list[Line] = []
    for number, page in enumerate(PdfReader(path).pages):
        artifact: list[bool] = []  # the marked-content stack: inside a pagination artifact?
        chunks: list[tuple[float, float, float, str, str]] = []

        def operator(op, args, cm, tm, artifact=artifact):
            if op in (b"BDC", b"BMC"):
                inside = bool(artifact and artifact[-1])
                artifact.append(inside or (bool(args) and args[0] == "/Artifact"))
            elif op == b"EMC" and artifact:
                artifact.pop()

        def visit(text, cm, tm, font, size, artifact=artifact, chunks=chunks):
            if not text.strip() or (artifact and artifact[-1]):
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            name = str(font.get("/BaseFont", "")) if font else ""
            chunks.append((y, x, size, text.replace("\n", ""), name.partition("+")[2]))

        page.extract_text(visitor_operand_before=operator, visitor_text=visit)
        rows: list[list[tuple[float, float, float, str, str]]] = []
        for chunk in sorted(chunks, key=lambda c: (-c[0], c[1])):
            # a superscript sits a little above its line: within a third of the size
            if rows and abs(rows[-1][0][0] - chunk[0]) < rows[-1][0][2] / 3:
                rows[-1].append(chunk)
            else:
                rows.append([chunk])
        for row in rows:
            row.sort(key=lambda c: c[1])
            found.append(
                Line(
                    page=number,
                    y=round(row[0][0], 1),
                    x=round(row[0][1], 1),
                    size=max(c[2] for c in row),
                    text="".join(c[3] for c in row),
                    fonts={c[4] for c in row},
                    pieces=[(round(c[1], 1), c[3]) for c in row],
                )
            )
    return found
