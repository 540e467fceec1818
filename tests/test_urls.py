"""edition.urls: one policy for every address that can become a link (site and PDF).

Only https:, http:, mailto: and relative addresses are linked; every other scheme is
refused at its file and line, read the way a browser reads it (entities decoded, control
characters and tabs removed from the scheme, case folded), and never becomes an ``href``
or a PDF ``/URI``.
"""

from __future__ import annotations

import re
import shutil

import pytest
from edition.checks.urls import bib_links, normalise, page_links, refused, scheme_of, shown

ALLOWED = [
    "https://example.org/a",
    "HTTPS://example.org/a",
    "http://example.org/b",
    " https://example.org/c",  # a browser drops the space
    "mailto:yayin@example.org",
    "mailto:javascript:alert(1)",  # a mail address, whatever it says: nothing runs
    "#bolum",
    "giris.html#giris-hastalik",
    "../kaynakca.html",
    "index.md",
    "?sayfa=2:3",
    "a/b:c",
    "",
    "java script:alert(1)",  # a space inside: no scheme for a browser, a relative path
    "Bir not: bu bağlantı değil",
]

REFUSED = [
    ("javascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("\x01javascript:alert(1)", "javascript"),
    ("\tjavascript:alert(1)", "javascript"),
    ("java\tscript:alert(1)", "javascript"),
    ("java\nscript:alert(1)", "javascript"),
    ("java\r\nscript:alert(1)", "javascript"),
    ("javascript\x00:alert(1)", "javascript"),
    ("java\u200bscript:alert(1)", "javascript"),  # an invisible zero-width space
    ("\ufeffjavascript:alert(1)", "javascript"),
    ("\u00a0javascript:alert(1)", "javascript"),
    ("&#106;avascript:alert(1)", "javascript"),
    ("&#x6A;avascript:alert(1)", "javascript"),
    ("&amp;#106;avascript:alert(1)", "javascript"),  # decoded until nothing changes
    ("javascript&colon;alert(1)", "javascript"),
    ("java&Tab;script:alert(1)", "javascript"),
    ("ｊａｖａｓｃｒｉｐｔ:alert(1)", "javascript"),  # full-width letters
    ("vbscript:msgbox(1)", "vbscript"),
    ("VBScript:msgbox(1)", "vbscript"),
    ("data:text/html,<script>alert(1)</script>", "data"),
    ("data:image/png;base64,iVBORw0KGgo=", "data"),
    ("file:///etc/passwd", "file"),
    ("ftp://example.org/x", "ftp"),
    ("foo:bar", "foo"),
    ("tel:+900000000", "tel"),
]


@pytest.mark.parametrize("address", ALLOWED)
def test_allowed_addresses(address):
    assert refused(address) is None


@pytest.mark.parametrize(("address", "scheme"), REFUSED, ids=[repr(a) for a, _ in REFUSED])
def test_refused_addresses_name_their_scheme(address, scheme):
    assert scheme_of(address) == scheme
    assert refused(address) == f"its scheme '{scheme}:' is not https:, http: or mailto:"


@pytest.mark.parametrize("address", ["//evil.example/x", "\\\\evil.example", " //evil.example"])
def test_an_address_to_another_host_without_a_scheme_is_refused(address):
    assert refused(address) == (
        "it leads to another host without saying how; write https:// in front"
    )


@pytest.mark.parametrize(
    ("address", "normalised"),
    [
        ("\x01JaVa\tScRiPt:alert(1)", "javascript:alert(1)"),
        ("&#106;avascript&colon;x", "javascript:x"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),  # only the scheme is folded
        ("giris.html#Bolum:1", "giris.html#Bolum:1"),
    ],
)
def test_normalise_reads_the_scheme_as_a_browser_does(address, normalised):
    assert normalise(address) == normalised


def test_invisible_characters_are_shown_in_messages():
    assert shown("\x01java\tscript:x") == "\\x01java\\x09script:x"
    assert shown("java\u200bscript:") == "java\\u200bscript:"


# -- Where a Markdown page gives an address -----------------------------------------------

PAGE = """\
[tıkla](javascript:alert(1))
[a](\tjavascript:x) ![r](data:image/png;base64,AAA)
[b](<vbscript:x> "başlık")
<javascript:alert(2)> <https://example.org>
[tanim]: JaVaScRiPt:x
[sonraki]:
  javascript:alert(3)
[^1]: Dipnot: bir not.
> [alinti]: foo:bar
[c](
javascript:alert(4))
[d](javascript\\:alert(5))
Kodda `[x](javascript:kod)` ve bir not: bağlantı yok.

```markdown
[x](javascript:blok)
```

```{note}
[e](ftp://example.org/x)
```

```{toctree}
Ad <javascript:toctree>
```

::::{grid} 1
:::{grid-item-card} Kart
[f](file:///etc/passwd)
:::
::::
"""


def test_page_links_finds_every_markdown_address_at_its_line():
    found = [(line, address) for line, address, _ in page_links(PAGE)]
    assert found == [
        (1, "javascript:alert(1)"),  # a parenthesis inside the address
        (2, "data:image/png;base64,AAA"),
        (2, "javascript:x"),  # a tab before the scheme
        (3, "vbscript:x"),
        (3, "vbscript:x"),  # <…> inside ](…) reads as an autolink too; reported once
        (4, "https://example.org"),
        (4, "javascript:alert(2)"),
        (5, "JaVaScRiPt:x"),
        (7, "javascript:alert(3)"),  # a definition whose address is on the next line
        (9, "foo:bar"),
        (11, "javascript:alert(4)"),  # the address on the next line
        (12, "javascript:alert(5)"),  # an escaped colon is still a colon
        (20, "ftp://example.org/x"),  # a directive's Markdown is read
        (29, "file:///etc/passwd"),  # a toctree's entries are not Markdown (the doctree's)
    ]


BIB = """\
@misc{kotu,
  title        = {Kötü},
  howpublished = {\\url{\x01javascript:alert(1)}},
  url          = {javascript:alert(2)},
  doi          = {10.1000/x},
  eprint       = {javascript:alert(3)},
  note         = {Bkz. \\href{https://example.org}{site}},
}
"""


def test_bib_links_finds_every_address_a_field_can_link():
    assert bib_links(BIB) == [
        (3, "howpublished", "\x01javascript:alert(1)"),
        (4, "url", "javascript:alert(2)"),
        (6, "eprint", "javascript:alert(3)"),
        (7, "note", "https://example.org"),
    ]


# -- A small site: HTML and PDF ----------------------------------------------------------

ADVICE = (
    "is not allowed in the edition's pages: link only to web addresses (https://…), to "
    "mailto: addresses, or to the edition's own pages and sections"
)

#: (Markdown, the address as the message shows it, line of the address in the block)
#: The scheme of each is javascript:, unless SCHEMES says otherwise.
CASES = [
    ("[tıkla](javascript:alert(1))", "javascript:alert(1)", 0),
    ("[a](\tjavascript:alert(1))", "javascript:alert(1)", 0),
    ("[a](java\tscript:alert(1))", "java\\x09script:alert(1)", 0),
    ("[a](&#106;avascript:alert(1))", "&#106;avascript:alert(1)", 0),
    ("[a](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)", 0),
    ("![resim](data:image/png;base64,iVBORw0KGgo=)", "data:image/png;base64,iVBORw0KGgo=", 0),
    ("[a](vbscript:msgbox(1))", "vbscript:msgbox(1)", 0),
    ("[a](ftp://example.org/x)", "ftp://example.org/x", 0),
    ("[a](foo:bar)", "foo:bar", 0),
    ("<javascript:alert(1)>", "javascript:alert(1)", 0),
    ("[b][tanim]\n\n[tanim]: javascript:alert(1)", "javascript:alert(1)", 2),
    ("[c][sonraki]\n\n[sonraki]:\n  javascript:alert(2)", "javascript:alert(2)", 3),
    ("```{button-link} \x01javascript:alert(1)\nDüğme\n```", "\\x01javascript:alert(1)", 0),
    (":::{card} Kart\n:link: \x01javascript:alert(1)\n\nGövde\n:::", "\\x01javascript:alert(1)", 0),
    (
        "::::{grid} 1\n:::{grid-item-card} Izgara\n:link: \x01javascript:alert(1)\n\nGövde\n"
        ":::\n::::",
        "\\x01javascript:alert(1)",
        2,
    ),
    ("```{eval-rst}\n`x <javascript:alert(1)>`_\n```", "javascript:alert(1)", 1),
    ("{download}`indir <javascript://%0aalert(1)>`", "javascript://%0aalert(1)", 0),
    (
        "```{toctree}\nKötü <javascript://%0aalert(1)>\nİyi <https://example.org/t>\n```",
        "javascript://%0aalert(1)",
        0,
    ),
]
#: What each case's message calls the refused thing (default: "A link to").
KINDS = {"```{toctree}": "A toctree entry to"}
SCHEMES = {"data:image": "data", "vbscript:": "vbscript", "ftp:": "ftp", "foo:": "foo"}
BAD_BIB = (
    "\n@misc{kotu,\n  title        = {Kötü},\n"
    "  howpublished = {\\url{\x01javascript:alert(3)}},\n}\n"
)


@pytest.fixture(scope="module")
def url_site(tmp_path_factory):
    """The root test-urls with every bad case appended; (source folder, lines of the cases)."""
    from conftest import ROOT

    srcdir = tmp_path_factory.mktemp("urls") / "src"
    shutil.copytree(ROOT / "tests" / "roots" / "test-urls", srcdir)
    page = srcdir / "index.md"
    text = page.read_text(encoding="utf-8") + "\nKötüye atıf.{kaynak}`kotu, s. 2`\n"
    lines = []
    for markdown, _, offset in CASES:
        text += "\n"
        lines.append(text.count("\n") + 1 + offset)
        text += markdown + "\n"
    page.write_text(text, encoding="utf-8")
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + BAD_BIB, encoding="utf-8")
    bib_line = bib.read_text(encoding="utf-8").count("\n") - 1
    return srcdir, lines, bib_line


def build(make_app, srcdir, builder):
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_each_refused_address_is_an_error_at_its_line(make_app, url_site):
    srcdir, lines, bib_line = url_site
    app = build(make_app, srcdir, "html")
    output = app.warning.getvalue()
    errors = [line for line in output.splitlines() if ": ERROR: " in line]
    for (markdown, address, _), line in zip(CASES, lines, strict=True):
        kind = next((v for k, v in KINDS.items() if markdown.startswith(k)), "A link to")
        scheme = next((v for k, v in SCHEMES.items() if address.startswith(k)), "javascript")
        message = (
            f"index.md:{line}: ERROR: {kind} '{address}' (its scheme '{scheme}:' is not "
            f"https:, http: or mailto:) {ADVICE}"
        )
        assert any(message in e for e in errors), f"{message}\nnot in:\n" + "\n".join(errors)
    bib_message = (
        f"refs.bib:{bib_line}: ERROR: the field 'howpublished' links to "
        "'\\x01javascript:alert(3)' (its scheme 'javascript:' is not https:, http: or "
        "mailto:); give the source's web address (https://…) or leave the field out"
    )
    assert any(bib_message in e for e in errors), f"{bib_message}\nnot in:\n{output}"
    assert len(errors) == len(CASES) + 1, output  # each once, nothing else
    # docutils has no Turkish for the {eval-rst} block; nothing else warns
    warnings = [w for w in output.splitlines() if "WARNING" in w and "[docutils]" not in w]
    assert warnings == []
    assert app.statuscode == 1  # without -W too

    from bs4 import BeautifulSoup

    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    addresses = [
        tag.get(attr) for attr in ("href", "src") for tag in soup.find_all(attrs={attr: True})
    ]
    assert [a for a in addresses if refused(a)] == []
    assert "https://example.org/a" in addresses
    assert "http://example.org/b" in addresses
    assert "mailto:yayin%40example.org" in addresses  # cloaked by Sphinx, still mailto:
    assert "https://example.org/site" in addresses  # the good .bib entry keeps its link
    assert "https://example.org/t" in addresses  # the good toctree entry stays


@pytest.mark.pdf
def test_no_refused_address_becomes_a_pdf_link(make_app, url_site):
    from pypdf import PdfReader

    srcdir, _, _ = url_site
    app = build(make_app, srcdir, "typstpdf")
    assert app.statuscode == 1
    errors = [line for line in app.warning.getvalue().splitlines() if ": ERROR: " in line]
    assert len(errors) == len(CASES) + 1, "\n".join(errors)  # the same, each once
    uris = []
    for page in PdfReader(app.outdir / "adresler.pdf").pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert [u for u in uris if refused(u)] == []
    assert "https://example.org/a" in uris
    assert "https://example.org/site" in uris
    source = (app.outdir / "adresler" / "adresler.typ").read_text(encoding="utf-8")
    links = re.findall(r'#link\("((?:[^"\\]|\\.)*)"\)', source)
    assert links
    assert [link for link in links if refused(link)] == []
