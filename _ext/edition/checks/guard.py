"""Refuse the markup that would publish unescaped HTML or the build machine's files.

Pages reach the edition as pull requests from strangers, and the stock stack would
publish some of what they contain without looking: MyST passes HTML blocks and
inline HTML (``<script>``, ``onclick=``) straight into the output, the ``raw``
directive and role do the same for any format, and ``include``, ``literalinclude``,
``csv-table :file:``, images and ``{download}`` read files wherever the path points
(``../../../etc/hostname`` included). This extension refuses each of them with an
error that names the file, the line and what to write instead. A refused construct is
removed before anything reads, copies or writes it, and a build that refused anything
ends with a failing status, with or without ``-W``.

Three more kinds of input are refused at their line: a link whose address is not
https:, http:, mailto: or relative (``javascript:``, ``data:`` …; the policy and every
place it is applied are in :mod:`edition.urls`, registered from here), ``html_meta`` in a
page's front matter (it writes ``<meta>`` tags, a redirect among them), and a page that
is not UTF-8 (Sphinx stops with "Encoding error!"; here the bytes are named at their line
and the page is read with them replaced, so that the rest of the build still reports).

What stays allowed: files *inside* the source folder (``docs/``) may still be
included or shown, and a block that is nothing but an HTML comment is dropped.

Nothing from the build machine or the network reaches a page either. A page is read only
if its real path (symbolic links resolved) lies inside ``docs/``: a page that is a link
to ``/etc/hostname`` or to any file outside is refused at its line 1 and taken out of the
build before Sphinx reads it (``env-get-outdated``); the same holds for every file a page
names, and an absolute path (``csv-table :file: /etc/passwd``, which Sphinx would read
from the disk's root) is refused outright. No image is taken from another server
(``![](https://…)``, ``{image}``, ``{figure}``, a card's ``:img-top:``: the PDF step would
fetch it from the build machine), and no formula is published (``{math}``: the site would
load MathJax from a CDN). A page's front matter may hold only the keys the edition
documents (``FRONT_MATTER_KEYS``: ``orphan``); any other (``myst:``, which switches MyST
extensions on for one page, ``html_meta``, a theme's option) is refused at its line and the
front matter is blanked before MyST reads it.

One more kind of input is stopped at its line, not because it is unsafe but because
Markdown reads it otherwise than it was written: a paragraph that opens with a number
and a dot ("12. Parti Kongresi … toplandı.") is an ordered list starting at 12, which the
site and the PDF show as a list of one item. An ordered list of exactly one item
whose number is not 1 is reported (a warning of type ``edition``, subtype
``accidental-list``; under ``-W`` it fails the build), with the advice to reword the
sentence or escape the dot (``12\\.``). Real lists pass: several items, one item numbered
1, or one item that carries on the numbering of the list before it (a list broken by a
block of code, say).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.misc import Include as DocutilsInclude
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include as SphinxInclude
from sphinx.directives.patches import CSVTable
from sphinx.util.docutils import SphinxDirective

from edition.core.lines import NOT_UTF8, undecodable
from edition.core.messages import Problem, warn
from edition.upstream.myst import is_myst_state, run_include

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: A URI with a scheme (``https:``, ``data:``) names no local file.
URI_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: A raw block that holds one HTML comment and nothing else.
HTML_COMMENT_ONLY = re.compile(r"\A\s*<!--(?:(?!-->).)*-->\s*\Z", re.DOTALL)

RAW_ADVICE = (
    "write it in MyST Markdown instead (a directive such as {note} or {card} for layout, "
    "'%' at the start of a line for a comment)"
)
FILE_ADVICE = (
    "keep the file inside docs/ and point to it with a path that stays there, "
    "or put its text into the page"
)
ABSOLUTE_ADVICE = (
    "write the path relative to the page, to a file inside docs/ (Sphinx reads some "
    "absolute paths, csv-table's :file: among them, from the build machine's disk)"
)
PAGE_ADVICE = (
    "put the page's text into a file of its own in docs/; a symbolic link may point only "
    "to a file inside docs/"
)
REMOTE_ADVICE = (
    "save the file inside docs/ and give its path relative to the page; the build fetches "
    "nothing from the network, so that no address is requested from the build machine"
)
MATH_ADVICE = (
    "the edition publishes no formulas (the site would load MathJax from another server); "
    "write the numbers or the expression as plain text"
)
#: The keys a page's front matter may hold; CONTRIBUTING.md documents each.
FRONT_MATTER_KEYS = ("orphan",)
FRONT_MATTER_ADVICE = (
    "a page's front matter may hold only "
    + ", ".join(f"'{key}'" for key in FRONT_MATTER_KEYS)
    + " ('orphan: true' for a page reached only through links); remove the key"
)


def check_encoding(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Name the pages that are not UTF-8 at their first bad line (they are read leniently)."""
    for docname in docnames:
        try:
            problem = undecodable(env.doc2path(docname).read_bytes())
        except OSError:
            continue
        if problem:
            line, hexbytes = problem
            warn(Problem.ENCODING, NOT_UTF8, hexbytes, location=(docname, line), error=True)
            not_utf8(env)[docname] = line
            # Read it with the bad bytes replaced, so the build goes on to report the rest
            # (Sphinx sets this back from source_encoding when it next loads the env).
            env.settings["input_encoding"] = "edition-utf-8"
        else:
            not_utf8(env).pop(docname, None)


def lenient_utf8(name: str) -> Any:
    """The codec ``edition-utf-8``: UTF-8 (BOM allowed), undecodable bytes read as U+FFFD.

    Used for the pages only after :func:`check_encoding` has reported every such byte.
    """
    if name != "edition_utf_8":
        return None
    base = codecs.lookup("utf-8-sig")

    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        return base.decode(data, "replace")

    class Reader(base.streamreader):  # type: ignore[name-defined, misc]
        def __init__(self, stream: Any, errors: str = "strict") -> None:
            super().__init__(stream, "replace")

    class Decoder(base.incrementaldecoder):  # type: ignore[name-defined, misc]
        def __init__(self, errors: str = "strict") -> None:
            super().__init__("replace")

    return codecs.CodecInfo(
        base.encode,
        decode,
        streamreader=Reader,
        streamwriter=base.streamwriter,
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=Decoder,
        name="edition-utf-8",
    )


def register_lenient_utf8() -> None:
    """Make the codec ``edition-utf-8`` known, once per process.

    ``codecs.register`` adds a search function each time it is called and Python keeps
    every one for good; a process that runs several builds (the tests, sphinx-autobuild)
    calls ``setup()`` once per build.
    """
    try:
        codecs.lookup("edition-utf-8")
    except LookupError:
        codecs.register(lenient_utf8)


def refuse(env: BuildEnvironment, location: Any, what: str, advice: str) -> None:
    """Report one refused construct at its file and line, and record it so that the build fails."""
    report(location, what, advice)
    refusals(env).setdefault(env.current_document.docname or "", []).append(what)


def report(location: Any, what: str, advice: str) -> None:
    """The message of a refusal, at its file and line (:func:`refuse` also records it)."""
    warn(
        Problem.REFUSED,
        "%s is not allowed in the edition's pages: %s.",
        what,
        advice,
        location=location,
        error=True,
    )


def inside_srcdir(env: BuildEnvironment, target: str) -> bool:
    """Whether ``target``, read as Sphinx reads paths in a page, names a file inside ``docs/``.

    Relative paths count from the page's folder; symbolic links are followed, so a link
    that leads out of ``docs/`` is outside. An absolute path is outside too: Sphinx reads
    most of them from the source folder, but csv-table's ``:file:`` from the disk's root.
    """
    if target.startswith("<") and target.endswith(">"):
        return False  # docutils' own data files (``<isonum.txt>``)
    if target.startswith(("/", "\\")) or Path(target).is_absolute():
        return False
    _, absolute = env.relfn2path(target, env.current_document.docname)
    return Path(absolute).resolve().is_relative_to(Path(env.srcdir).resolve())


def file_advice(target: str) -> str:
    """What to do about a refused path: absolute paths get their own advice."""
    return ABSOLUTE_ADVICE if target.startswith(("/", "\\")) else FILE_ADVICE


# -- Directives and roles that would emit raw output -------------------------------------


class RefusedRaw(SphinxDirective):
    """``raw``: refused before any option is acted on (``:file:`` and ``:url:`` are never read)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "file": directives.unchanged,
        "url": directives.unchanged,
        "encoding": directives.unchanged,
        "class": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        refuse(self.env, self.get_location(), f"The '{self.name}' directive", RAW_ADVICE)
        return []


def refusing_role(what: str, advice: str) -> Any:
    """A role that keeps its text as plain text and is refused at its line; ``what`` names
    it, with ``{}`` where the role as written goes ("The raw role ({})")."""

    def role(
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        env = inliner.document.settings.env
        refuse(env, (env.current_document.docname, lineno), what.format(rawtext), advice)
        return [nodes.inline(text=text)], []

    return role


#: The ``raw`` role, and every role derived from it with the ``role`` directive.
refused_raw_role = refusing_role("The raw role ({})", RAW_ADVICE)


# The ``role`` directive reads a base role's options from this attribute; declaring them
# lets ``.. role:: html(raw)`` with ``:format: html`` pass, so that the use is refused here
# with this module's message rather than with docutils' unrelated one.
refused_raw_role.options = {
    "format": directives.unchanged,
    "class": directives.class_option,
    "encoding": directives.unchanged,
}


# -- Formulas: MathJax would be loaded from another server --------------------------------


class RefusedMath(SphinxDirective):
    """``math``: refused, so that no page needs MathJax (a script from a CDN)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "label": directives.unchanged,
        "name": directives.unchanged,
        "class": directives.class_option,
        "nowrap": directives.flag,
        "no-wrap": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        text = " ".join([*self.arguments, *self.content])
        snippet = " ".join(text.split())[:60]
        refuse(self.env, self.get_location(), f"A formula ({snippet!r})", MATH_ADVICE)
        return []


#: The ``math`` role: its text is kept as plain text, and refused.
refused_math_role = refusing_role("A formula ({})", MATH_ADVICE)


# -- Front matter and pages that are links out of docs/ --------------------------------


def front_matter_ends(lines: list[str]) -> set[int]:
    """Where the front matter of a page ends (the closing line's index), as MyST reads it.

    MyST reads the front matter twice, with two rules: its per-page settings from the
    first line that starts with ``---`` or ``...`` (or to the end when none does), and the
    rest with markdown-it's rule (a line of as many dashes or more, or ``...``). Both ends
    are returned, so that a key hidden from one reading is still seen by the other.
    """
    if not lines or not lines[0].startswith("---"):
        return set()
    ends = {
        next(
            (i for i, line in enumerate(lines[1:], start=1) if line.startswith(("---", "..."))),
            len(lines),
        )
    }
    dashes = len(lines[0]) - len(lines[0].lstrip("-"))
    for i, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if (stripped == "..." and indent == 0) or (
            indent < 4 and len(stripped) >= dashes and stripped == "-" * len(stripped)
        ):
            ends.add(i)
            break
    return ends


def front_matter_keys(text: str) -> list[tuple[int, str]]:
    """(line, key) of each top-level key of a front matter's YAML text (lines from 0)."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # MyST reports malformed YAML itself and then uses none of it
    if not isinstance(root, yaml.MappingNode):
        return []
    return [(key.start_mark.line, str(key.value)) for key, _ in root.value]


def check_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    """Refuse front matter keys other than the documented ones, before MyST acts on them.

    A refused key would switch on MyST extensions for the page (``myst:``), write
    ``<meta>`` tags (``html_meta``) or set the theme's options; the front matter of a page
    that holds one is blanked (its lines kept, so that later lines keep their numbers).
    """
    lines = source[0].splitlines(keepends=True)
    ends = front_matter_ends([line.rstrip("\r\n") for line in lines])
    refused: dict[tuple[int, str], None] = {}
    for end in sorted(ends):
        for line, key in front_matter_keys("".join(lines[1:end])):
            if key not in FRONT_MATTER_KEYS:
                refused[line + 2, key] = None
    for line, key in sorted(refused):
        refuse(app.env, (docname, line), f"The front matter key '{key}'", FRONT_MATTER_ADVICE)
    if refused:
        last = min(max(ends), len(lines) - 1)
        blank = ["\n" if line.endswith(("\n", "\r")) else "" for line in lines[: last + 1]]
        source[0] = "".join(blank + lines[last + 1 :])


def outside_pages(env: BuildEnvironment) -> set[str]:
    """Pages whose file lies outside ``docs/``, found at the start of the last build."""
    if not hasattr(env, "edition_outside_pages"):
        env.edition_outside_pages = set()
    return env.edition_outside_pages


def check_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Refuse pages that are symbolic links to files outside ``docs/``, before any is read.

    Such a page is taken out of the build (it is neither read nor written, and a toctree
    that names it names a missing page) and reported at its line 1; a link that stays
    inside ``docs/`` is an ordinary page.
    """
    srcdir = Path(env.srcdir).resolve()
    outside = outside_pages(env)
    outside.clear()
    for docname in sorted(env.found_docs):
        if Path(env.doc2path(docname)).resolve().is_relative_to(srcdir):
            continue
        report((docname, 1), "A page that is a link to a file outside docs/", PAGE_ADVICE)
        outside.add(docname)
        env.found_docs.discard(docname)
        added.discard(docname)
        changed.discard(docname)
        if docname in env.all_docs:  # read earlier, when the link still pointed inside
            removed.add(docname)
    return []


# -- Directives that read files --------------------------------------------------------


class GuardedLiteralInclude(LiteralInclude):
    """``literalinclude`` that reads only files inside the source folder (``:diff:`` too)."""

    def run(self) -> list[nodes.Node]:
        for target in (self.arguments[0], self.options.get("diff")):
            if target is not None and not inside_srcdir(self.env, target):
                refuse(self.env, self.get_location(), f"Including '{target}'", file_advice(target))
                return []
        return super().run()


class GuardedCSVTable(CSVTable):
    """``csv-table`` that reads ``:file:`` only inside the source folder and never a ``:url:``."""

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        source, line = self.state_machine.get_source_and_line(self.lineno)
        location = f"{source}:{line}" if source and line else (env.current_document.docname, line)
        if "url" in self.options:
            refuse(env, location, f"Reading a table from '{self.options['url']}'", FILE_ADVICE)
            return []
        if "file" in self.options:
            target = self.options["file"]
            if not (inside_srcdir(env, target) and self.read_inside(env, target)):
                refuse(env, location, f"Reading a table from '{target}'", file_advice(target))
                return []
        return super().run()

    def read_inside(self, env: BuildEnvironment, target: str) -> bool:
        """Whether the file docutils will read lies inside ``docs/``.

        Docutils reads a relative ``:file:`` from the folder of the file the directive is
        in, which in a file that the page includes with rST's ``include`` is not the page's.
        """
        folder = Path(self.state.document.current_source or env.srcdir).absolute().parent
        return (folder / target).resolve().is_relative_to(Path(env.srcdir).resolve())


class GuardedInclude(SphinxDirective):
    """``include`` that reads only files inside the source folder.

    Deliberately not a subclass of docutils' ``Include``: MyST runs such subclasses
    through its own ``MockIncludeDirective`` without calling their ``run()``, which
    would skip the check. After the check, the include is handed to whichever
    implementation the page's parser needs.
    """

    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        **DocutilsInclude.option_spec,
        # MyST's own options for included Markdown
        "relative-images": directives.flag,
        "relative-docs": directives.path,
        "heading-offset": directives.nonnegative_int,
    }

    def run(self) -> Sequence[nodes.Node]:
        target = "".join(line.strip() for line in self.arguments[0].splitlines())
        if not inside_srcdir(self.env, target):
            refuse(self.env, self.get_location(), f"Including '{target}'", file_advice(target))
            return []

        if is_myst_state(self.state):  # a MyST page
            return run_include(
                self.state,
                name=self.name,
                klass=SphinxInclude,
                arguments=self.arguments,
                options=self.options,
                body=list(self.content),
                lineno=self.lineno,
            )
        return SphinxInclude(
            self.name,
            self.arguments,
            self.options,
            self.content,
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        ).run()


# -- Nodes checked once a page is read -------------------------------------------------


def check_doctree(app: Sphinx, doctree: nodes.document) -> None:
    """Refuse raw nodes and references to files outside the source folder.

    Runs before Sphinx's image and download collectors (priority 400 < 500), so a
    refused node is removed before anything records or copies its file.
    """
    env = app.env
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "html" in raw.get("format", "").split() and HTML_COMMENT_ONLY.match(text):
            raw.parent.remove(raw)  # a comment: harmless, and not published
            continue
        snippet = " ".join(text.split())[:60]
        kind = "Raw HTML" if "html" in raw.get("format", "").split() else "Raw output"
        refuse(env, raw, f"{kind} ({snippet!r})", RAW_ADVICE)
        raw.parent.remove(raw)

    for meta in list(doctree.findall(nodes.meta)):
        refuse(
            env,
            (env.current_document.docname, 1),
            f"A <meta> tag ({meta.get('name') or meta.get('http-equiv') or 'html_meta'})",
            "remove 'html_meta' from the page's front matter; the edition writes its own meta tags",
        )
        meta.parent.remove(meta)

    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if URI_SCHEME.match(uri) or uri.startswith("//"):  # https://…, //host/…, data:…
            shown = uri if len(uri) <= 80 else uri[:79] + "…"
            what = f"Showing the image '{shown}' from another server"
            refuse(env, located(env, image), what, REMOTE_ADVICE)
            remove_image(image)
        elif not inside_srcdir(env, uri):
            refuse(env, located(env, image), f"Showing the image '{uri}'", file_advice(uri))
            remove_image(image)

    for formula in list(doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))):
        snippet = " ".join(formula.astext().split())[:60]
        refuse(env, located(env, formula), f"A formula ({snippet!r})", MATH_ADVICE)
        formula.parent.remove(formula)

    for download in list(doctree.findall(addnodes.download_reference)):
        target = download.get("reftarget", "")
        if not URI_SCHEME.match(target) and not inside_srcdir(env, target):
            refuse(env, download, f"Offering '{target}' for download", file_advice(target))
            download.replace_self(nodes.inline(text=download.astext()))


def located(env: BuildEnvironment, node: nodes.Node) -> Any:
    """Where to report ``node``: itself, or the nearest node around it that has a line.

    Some directives (sphinx-design's cards) make their images without a line.
    """
    around: nodes.Node | None = node
    while around is not None and not around.line:
        around = around.parent
    return around if around is not None else (env.current_document.docname, None)


def remove_image(image: nodes.image) -> None:
    """Take a refused image out, with the link around it (``:target:``) if it has one."""
    parent = image.parent
    if isinstance(parent, nodes.reference) and len(parent.children) == 1:
        parent.parent.remove(parent)
    else:
        parent.remove(image)


# -- Markdown that reads otherwise than it was written ----------------------------------


def accidental_list(item_list: nodes.enumerated_list) -> bool:
    """Whether an ordered list is a sentence that happens to start with "12." and the like.

    One item and a first number other than 1, unless the list carries on the numbering of
    the ordered list before it in the same block (a real list broken by a code block).
    """
    start = item_list.get("start", 1)
    if len(item_list.children) != 1 or start == 1:
        return False
    parent = item_list.parent
    if parent is None:
        return True
    before = parent.children[: parent.index(item_list)]
    previous = next((n for n in reversed(before) if isinstance(n, nodes.enumerated_list)), None)
    return not (
        previous is not None
        and previous.get("start", 1) + len(previous.children) == start
        and not accidental_list(previous)
    )


def check_lists(app: Sphinx, doctree: nodes.document) -> None:
    """Report each ordered list that is really a sentence starting with a number and a dot."""
    for item_list in list(doctree.findall(nodes.enumerated_list)):
        if not accidental_list(item_list):
            continue
        start, suffix = item_list["start"], item_list.get("suffix", ".")
        number = f"{item_list.get('prefix', '')}{start}"
        words = item_list.astext().split()
        opening = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
        warn(
            Problem.ACCIDENTAL_LIST,
            "'%s%s %s' is read as a numbered list of one item that starts at %s, not as a "
            "sentence; reword it so that it does not start with the number, or write a "
            "backslash before the '%s' ('%s\\%s %s …'); a real list has several items or "
            "starts at 1",
            number,
            suffix,
            opening,
            start,
            suffix,
            number,
            suffix,
            words[0] if words else "",
            location=item_list,
        )


# -- Bookkeeping: refusals per page, kept across parallel reads --------------------------


def refusals(env: BuildEnvironment) -> dict[str, list[str]]:
    """What was refused, by page (kept in the pickled environment)."""
    if not hasattr(env, "edition_refused"):
        env.edition_refused = {}
    return env.edition_refused


def not_utf8(env: BuildEnvironment) -> dict[str, int]:
    """Pages that are not UTF-8 (page → line), until they are read again and are."""
    if not hasattr(env, "edition_not_utf8"):
        env.edition_not_utf8 = {}
    return env.edition_not_utf8


def purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    refusals(env).pop(docname, None)


def merge_info(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    theirs = refusals(other)
    for docname in docnames:
        if docname in theirs:
            refusals(env)[docname] = theirs[docname]


def fail_if_refused(app: Sphinx, exception: Exception | None) -> None:
    """Give the build a failing status while any page still holds refused content.

    The refusals are kept per page in the environment, so an incremental build keeps
    failing until the page is mended, even when the page itself was not read again.
    """
    unreadable = set(not_utf8(app.env)) & app.env.found_docs
    refused = any(refusals(app.env).values()) or outside_pages(app.env)
    if exception is None and (refused or unreadable):
        app.statuscode = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("raw", RefusedRaw, override=True)
    app.add_role("raw", refused_raw_role, override=True)
    app.add_directive("include", GuardedInclude, override=True)
    app.add_directive("literalinclude", GuardedLiteralInclude, override=True)
    app.add_directive("csv-table", GuardedCSVTable, override=True)
    app.add_directive("math", RefusedMath, override=True)
    app.add_role("math", refused_math_role, override=True)

    register_lenient_utf8()
    app.connect("env-get-outdated", check_pages)
    app.connect("env-before-read-docs", check_encoding)
    app.connect("source-read", check_front_matter)
    app.setup_extension("edition.checks.urls")  # links: one URL policy (edition/urls.py)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("doctree-read", check_doctree, priority=400)
    app.connect("doctree-read", check_lists)
    app.connect("build-finished", fail_if_refused)
    return {
        "version": "1",
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
