"""One policy for every address that can become a link in the edition: site, PDF, EPUB.

An address is allowed when it is relative (``#bolum``, ``giris.html``, ``../x``) or when
its scheme is ``https:``, ``http:`` or ``mailto:``; every other scheme is refused
(``javascript:``, ``vbscript:``, ``data:``, ``file:``, ``ftp:``, and any scheme the
edition does not know). An address that starts with ``//`` (or ``\\``) is refused too: a
browser reads it as another host, without a scheme the contributor chose.

Before deciding, an address is read the way a browser reads an ``href``
(:func:`normalise`): HTML entities are decoded (``&#106;avascript:``, ``javascript&colon;``;
again until nothing changes), leading spaces and control characters are dropped, and
control characters (tab, newline, ``\\x01`` …) and invisible format characters are
removed from the scheme wherever they stand (``java\\tscript:``); the scheme is compared
in lower case after Unicode compatibility folding (``JaVaScRiPt:``, full-width letters).
Only a space *inside* a word keeps it from being a scheme (``bir not: …`` is text), as it
does for a browser.

The policy is applied at each place an address can enter:

* the Markdown of a page, before markdown-it reads it (:func:`page_links`): inline links
  and images ``[…](…)`` (parentheses inside the address, ``<…>``, the address on the next
  line), autolinks ``<…:…>``, and link reference definitions ``[ad]: …`` (the address on
  the same or the next line). markdown-it would quietly turn a ``javascript:`` link into
  text; here it is named at its line instead;
* every ``reference`` (its ``refuri``), ``image`` (its ``uri``), ``{download}`` and
  ``toctree`` entry of a page once it is read, whatever made it: sphinx-design's
  ``{button-link}``, ``{card}`` and ``{grid-item-card}`` ``:link:``, reStructuredText in
  ``{eval-rst}``, MyST extensions;
* ``references.bib``: the fields that can become links (``url``, ``doi``, ``eprint``,
  ``howpublished`` and any other field holding ``\\url{…}`` or ``\\href{…}``), at the
  field's line, before sphinxcontrib-bibtex reads the file;
* last, every ``reference`` of a page as it is written (HTML, EPUB, the PDF's Typst
  source), after the bibliography and the cross-references are resolved: whatever is
  refused there is never written as a link, so it cannot become an ``href`` or a PDF
  ``/URI`` whatever produced it.

The data files (``data/*.yaml``) and the pages' front matter give no address today: their
values are written as text, and their references point to the edition's own labels. Were
one to carry an address, the last check above would still stop it.

Each refusal is an error at its file and line that says what to write instead; the link
is left out of the output (its text stays, or "(bağlantı kaldırıldı)" where the text was
the address itself; a refused Markdown link is shown as the text it was written as); and
the build fails, with or without ``-W``.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from edition.checks.guard import refuse
from edition.core import words
from edition.core.messages import Problem, warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The schemes a link may have; any other scheme is refused.
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})

ADVICE = (
    "link only to web addresses (https://…), to mailto: addresses, or to the edition's own "
    "pages and sections ({ref}`label`, {doc}`page`)"
)

SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")
#: Characters a browser ignores, or that cannot be seen, in front of and inside a scheme.
INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in INVISIBLE


def decode_entities(address: str) -> str:
    """``&#106;``, ``&colon;``, ``&Tab;`` … decoded, again until nothing changes."""
    for _ in range(5):
        decoded = html.unescape(address)
        if decoded == address:
            break
        address = decoded
    return address


def normalise(address: str) -> str:
    """The address as a browser reads it, its scheme (if any) cleaned and in lower case.

    Entities are decoded; leading spaces and invisible characters are dropped; in the part
    before the first ``:`` (unless a ``/``, ``?`` or ``#`` comes first, which makes the
    address relative) invisible characters are removed, and that part is folded (NFKC)
    and put in lower case when it then is a scheme.
    """
    address = decode_entities(address)
    start = 0
    while start < len(address) and (address[start].isspace() or _invisible(address[start])):
        start += 1
    address = address[start:]
    head, colon, rest = address.partition(":")
    if not colon or any(mark in head for mark in "/?#"):
        return address
    head = "".join(c for c in head if not _invisible(c) and c not in "\t\n\r\f\v")
    folded = unicodedata.normalize("NFKC", head).lower()
    if SCHEME.fullmatch(folded):
        return f"{folded}:{rest}"
    return f"{head}:{rest}"


def scheme_of(address: str) -> str | None:
    """The normalised scheme of ``address`` (``"javascript"``), or None when it is relative."""
    head, colon, _ = normalise(address).partition(":")
    if colon and SCHEME.fullmatch(head):
        return head
    return None


def refused(address: str) -> str | None:
    """Why ``address`` may not be linked to, or None when it may."""
    scheme = scheme_of(address)
    if scheme is None:
        if re.match(r"[/\\]{2}", normalise(address)):
            return "it leads to another host without saying how; write https:// in front"
        return None
    if scheme in ALLOWED_SCHEMES:
        return None
    return f"its scheme '{scheme}:' is not https:, http: or mailto:"


def shown(address: str, limit: int = 80) -> str:
    """The address as the message quotes it: invisible characters visible (``\\x01``)."""
    text = "".join(
        f"\\x{ord(c):02x}"
        if ord(c) < 0x100 and _invisible(c)
        else (f"\\u{ord(c):04x}" if _invisible(c) else c)
        for c in address
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def what(address: str, kind: str = "A link to") -> str:
    """The refused thing, for :func:`edition.guard.refuse`: "A link to '…' (its scheme …)"."""
    return f"{kind} '{shown(address)}' ({refused(address)})"


# -- Markdown source: before markdown-it drops a bad link as text ------------------------

#: The opening or closing line of a fence: ``````markdown``, ``~~~``, ``````{note}``, ``:::{card}``.
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*(.*)$")
#: Directives whose content is not Markdown: not scanned here (their links, if any, are
#: checked on the doctree; a toctree's entries too).
NOT_MARKDOWN = frozenset(
    {"toctree", "eval-rst", "code-block", "code", "sourcecode", "code-cell", "math", "raw"}
    | {"csv-table", "literalinclude", "include", "list-table"}
)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
#: ``](`` of an inline link or image; the address follows.
INLINE = re.compile(r"\]\(")
#: ``<scheme:…>``: an autolink (or something meant to be one).
AUTOLINK = re.compile(r"<([^<>\n]*:[^<>\n]*)>")
#: ``[label]: address`` (not a footnote ``[^1]:``), in a quote or a list item too.
DEFINITION = re.compile(
    r"^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*\[(?!\^)(?:[^\[\]\\\n]|\\.)+\]:[ \t]*(.*)$",
    re.MULTILINE,
)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def lines(text: str) -> Callable[[int], int]:
    """A function giving the line (from 1) of an offset in ``text``, quickly in a long file."""
    starts = [match.end() for match in re.finditer("\n", text)]
    return lambda offset: bisect.bisect_right(starts, offset) + 1


def blank_code(text: str) -> str:
    """``text`` with fenced code and code spans blanked by spaces (every offset kept).

    A fence whose info string is a directive (``````{note}``) holds Markdown, which is
    read; its closing line closes it, not opens a block of code.
    """
    out = []
    open_fences: list[tuple[str, bool]] = []  # (fence, holds code)
    for line in text.splitlines(keepends=True):
        match = FENCE.match(line.rstrip("\r\n"))
        closes = (
            match is not None
            and open_fences
            and not match.group(2)
            and match.group(1).startswith(open_fences[-1][0])
        )
        blank = re.sub(r"[^\r\n]", " ", line)
        if closes:
            open_fences.pop()
            out.append(blank)
        elif open_fences and open_fences[-1][1]:
            out.append(blank)  # a line of code
        elif match is not None:
            directive = re.match(r"\{([^}]*)\}", match.group(2))
            code = directive.group(1) in NOT_MARKDOWN if directive else match.group(1)[0] != ":"
            open_fences.append((match.group(1), code))
            out.append(blank)
        else:
            out.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "".join(out)


def inline_destination(text: str, start: int) -> tuple[int, str]:
    """The address after ``](`` at ``start``: (where it begins, the address).

    Up to the ``)`` that closes the link, parentheses inside kept; a title after it comes
    along, harmlessly (a space keeps it from looking like a scheme). ``<…>`` is unwrapped.
    """
    # A link's address may start on the next line, not further; nor run beyond it.
    first = text.find("\n", start)
    second = text.find("\n", first + 1) if first >= 0 else -1
    limit = len(text) if second < 0 else second
    begin = start
    while begin < limit and text[begin] in " \t\r\n":
        begin += 1
    depth, end = 0, begin
    while end < limit:
        char = text[end]
        if char == "\\":
            end += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    address = text[begin:end].rstrip()
    if address.startswith("<"):
        address = address[1:].split(">", 1)[0]
    return begin, address


def page_links(text: str) -> list[tuple[int, str, int]]:
    """(line, address, where) of each address a Markdown page gives, in order of place.

    ``where`` is the offset of the character that makes the construct a link (the ``(``
    of ``](``, the ``<`` of an autolink, the ``[`` of a definition): a backslash written
    before it leaves the construct as plain text.
    """
    text = blank_code(text)
    line_of = lines(text)
    found: list[tuple[int, str, int]] = []
    for match in INLINE.finditer(text):
        begin, address = inline_destination(text, match.end())
        found.append((begin, address, match.start() + 1))
    found += [(m.start(1), m.group(1), m.start()) for m in AUTOLINK.finditer(text)]
    for match in DEFINITION.finditer(text):
        begin, address = match.start(1), match.group(1)
        if not address.strip():  # the address is on the next line
            following = text[match.end() + 1 :].split("\n", 1)[0]
            begin = match.end() + 1 + len(following) - len(following.lstrip())
            address = following
        opening = text.index("[", match.start())
        found.append((begin, address.strip().removeprefix("<").split(">", 1)[0], opening))
    return sorted(
        (line_of(begin), MARKDOWN_ESCAPE.sub(r"\1", address), where)
        for begin, address, where in found
    )


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Refuse the Markdown links a page may not have, at their line, before MyST reads them.

    Each refused link is then escaped in the text MyST reads (``]\\(``, ``\\<``,
    ``\\[``), so that it is shown as text and reported once, here.
    """
    text = source[0]
    escapes = set()
    reported = set()
    for line, address, where in page_links(text):
        if refused(address):
            if (line, normalise(address)) not in reported:  # an autolink inside ](<…>)
                refuse(app.env, (docname, line), what(address), ADVICE)
                reported.add((line, normalise(address)))
            escapes.add(where)
    for where in sorted(escapes, reverse=True):
        text = text[:where] + "\\" + text[where:]
    source[0] = text


# -- Doctrees: whatever made the link --------------------------------------------------


def location_of(node: nodes.Node, docname: str) -> tuple[str, int | None]:
    """The page and the nearest line: the node's own, or its closest ancestor's."""
    current: nodes.Node | None = node
    while current is not None:
        if getattr(current, "line", None):
            return docname, current.line
        current = current.parent
    return docname, None


def unlink(node: nodes.Element, address: str) -> None:
    """Replace a refused link by its text, or by a note when the text is the address itself."""
    text = node.astext()
    if not text.strip() or refused(text.strip()) or normalise(text) == normalise(address):
        node.replace_self(nodes.inline("", words.LINK_REMOVED))
    else:
        node.replace_self(nodes.inline("", "", *node.children))


def check_doctree(app: Sphinx, doctree: nodes.document) -> None:
    """Refuse each link and image address of a page that the policy does not allow."""
    env = app.env
    docname = env.current_document.docname
    for node in list(doctree.findall(nodes.reference)):
        address = node.get("refuri")
        if address is None and isinstance(node, addnodes.download_reference):
            address = node.get("reftarget")  # {download} of an address: its href, later
        if address is None or not refused(address):
            continue
        refuse(env, location_of(node, docname), what(address), ADVICE)
        unlink(node, address)
    for toctree in doctree.findall(addnodes.toctree):
        # An entry "Ad <address>" is a link in every page's navigation, which is made
        # from this list, not from a page's references.
        kept = []
        for title, ref in toctree["entries"]:
            if ref and refused(ref):
                refuse(env, location_of(toctree, docname), what(ref, "A toctree entry to"), ADVICE)
            else:
                kept.append((title, ref))
        toctree["entries"] = kept
    for image in list(doctree.findall(nodes.image)):
        address = image.get("uri", "")
        if refused(address):
            refuse(env, location_of(image, docname), what(address, "An image from"), ADVICE)
            image.parent.remove(image)


def check_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The last net, as each page is written: no refused address becomes a link.

    Catches the links made after a page is read (the bibliography, resolved references);
    an address already reported at its ``.bib`` line is only removed.
    """
    state = build_state(app)
    for node in list(doctree.findall(nodes.reference)):
        address = node.get("refuri")
        if address is None or not refused(address):
            continue
        if normalise(address) not in state.bib_addresses:
            page, line = location_of(node, docname)
            warn(
                Problem.REFUSED,
                "%s is not allowed in the edition's pages: %s.",
                what(address),
                ADVICE,
                location=(page, line),
                error=True,
            )
            state.failed = True
        unlink(node, address)


# -- references.bib ------------------------------------------------------------------

#: ``field = {…}`` or ``field = "…"`` at the start of a line of an entry.
BIB_FIELD = re.compile(r"^[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*", re.MULTILINE)
#: ``\url{…}`` and ``\href{…}{…}`` inside any field.
BIB_URL_COMMAND = re.compile(r"\\(?:url|href)[ \t]*\{")
#: Fields whose whole value becomes (part of) a link.
BIB_LINK_FIELDS = ("url", "doi", "eprint", "pubmed")
#: Fields a style links behind a fixed ``https://`` prefix (doi.org, arxiv.org, PubMed).
BIB_PREFIX = ("doi", "eprint", "pubmed")


def braced(text: str, start: int) -> str:
    """The text inside the braces that open at ``start`` (an unclosed one: up to the end)."""
    depth, index = 0, start
    while index < len(text):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index]
        index += 1
    return text[start + 1 :]


def field_value(text: str, start: int) -> str:
    """The value of a BibTeX field starting at ``start``: ``{…}``, ``"…"`` or a word."""
    if text.startswith("{", start):
        return braced(text, start)
    if text.startswith('"', start):
        end = text.find('"', start + 1)
        return text[start + 1 : end if end >= 0 else len(text)]
    return re.match(r"[^,}\s]*", text[start:]).group(0)


def bib_links(text: str) -> list[tuple[int, str, str]]:
    """(line, field, address) of each address a .bib file's fields can turn into a link."""
    line_of = lines(text)
    found = []
    for match in BIB_FIELD.finditer(text):
        name = match.group(1).lower()
        value = field_value(text, match.end())
        # A doi, eprint or pubmed gets a https:// prefix; only one that has a scheme
        # of its own could lead elsewhere (in a style that links it as it is).
        whole = value.replace("{", "").replace("}", "").strip()  # {{…}} protects case only
        if name in BIB_LINK_FIELDS and (name not in BIB_PREFIX or scheme_of(whole)):
            found.append((line_of(match.start()), name, whole))
        value_start = match.end() + (1 if text[match.end() : match.end() + 1] in '{"' else 0)
        for command in BIB_URL_COMMAND.finditer(value):
            address = braced(value, command.end() - 1).replace("{", "").replace("}", "")
            where = value_start + command.start()
            found.append((line_of(where), name, address))
    return found


def bib_problems(text: str) -> list[tuple[int, str, str]]:
    """(line, message, address) for each address in a .bib file that the policy refuses."""
    return [
        (
            line,
            f"the field '{name}' links to '{shown(address)}' ({refused(address)}); "
            "give the source's web address (https://…) or leave the field out",
            address,
        )
        for line, name, address in bib_links(text)
        if refused(address)
    ]


@dataclass
class BuildState:
    bib_addresses: set[str]
    failed: bool = False


def build_state(app: Sphinx) -> BuildState:
    if not hasattr(app, "edition_urls"):
        app.edition_urls = BuildState(set())
    return app.edition_urls


def check_bibfiles(app: Sphinx) -> None:
    """Refuse, at their line, the addresses of the configured .bib files the policy refuses."""
    state = build_state(app)
    state.bib_addresses.clear()
    state.failed = False
    # sphinxcontrib-bibtex's setting; a project without it has no .bib to check
    for name in getattr(app.config, "bibtex_bibfiles", None) or []:
        try:
            text = (Path(app.confdir) / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # sphinxcontrib-bibtex reports a missing file itself
        for line, message, address in bib_problems(text):
            warn(Problem.REFUSED, message, location=f"{name}:{line}", error=True)
            state.bib_addresses.add(normalise(address))
            state.failed = True


def fail_if_refused(app: Sphinx, exception: Exception | None) -> None:
    """A build that refused an address in a .bib file or while writing fails, without -W too."""
    if exception is None and build_state(app).failed:
        app.statuscode = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("source-read", check_source)
    app.connect("doctree-read", check_doctree, priority=390)  # before guard's file checks
    app.connect("doctree-resolved", check_resolved, priority=900)  # after the others' changes
    # Before edition.bibcheck (400) makes a readable copy: the lines are those of the file.
    app.connect("builder-inited", check_bibfiles, priority=390)
    app.connect("build-finished", fail_if_refused)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
