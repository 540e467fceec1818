"""edition.guard: what an untrusted pull request could use to publish unescaped markup or
the build machine's files is refused with an error at its file and line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REFUSED = "is not allowed in the edition's pages"
ETC_HOSTNAME = Path("/etc/hostname")


def page_text(path: Path) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text()


def errors(app) -> list[str]:
    return [line for line in app.warning.getvalue().splitlines() if ": ERROR: " in line]


def assert_refused(app, page: str, line: int, what: str, advice: str) -> None:
    """One located error for ``page:line`` that says what was refused and what to do."""
    pattern = re.compile(
        rf"{re.escape(page)}:{line}: ERROR: .*{re.escape(what)}.*{re.escape(REFUSED)}: "
        rf".*{re.escape(advice)}"
    )
    found = [e for e in errors(app) if pattern.search(e)]
    assert found, f"no refusal for {page}:{line} ({what}) in:\n" + "\n".join(errors(app))


def assert_failed(app) -> None:
    assert app.statuscode == 1, "a build that refused something must fail"


RAW_ADVICE = "write it in MyST Markdown instead"
FILE_ADVICE = "keep the file inside docs/"


@pytest.mark.sphinx("html", testroot="guard-html-block", copy_test_root=True)
def test_html_block_is_refused(app):
    app.build()
    assert_refused(
        app, "index.md", 5, "Raw HTML ('<script>alert(\"merhaba\")</script>')", RAW_ADVICE
    )
    assert_failed(app)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "alert(" not in html
    assert "Başka bir paragraf." in html  # the rest of the page is kept


@pytest.mark.sphinx("html", testroot="guard-html-inline", copy_test_root=True)
def test_inline_html_is_refused(app):
    app.build()
    assert_refused(app, "index.md", 3, "Raw HTML ('<span onclick=\"alert(1)\">')", RAW_ADVICE)
    assert_refused(app, "index.md", 3, "Raw HTML ('</span>')", RAW_ADVICE)
    assert_failed(app)
    assert "onclick" not in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="guard-raw-directive", copy_test_root=True)
def test_raw_directive_is_refused_in_myst_and_rst(app):
    app.build()
    assert_refused(app, "index.md", 3, "The 'raw' directive", RAW_ADVICE)
    assert_refused(app, "index.md", 10, "The 'raw' directive", RAW_ADVICE)  # in {eval-rst}
    assert_failed(app)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<b>kalın</b>" not in html
    if ETC_HOSTNAME.is_file():  # ``:file:`` was never read
        assert ETC_HOSTNAME.read_text().strip() not in html


@pytest.mark.sphinx("html", testroot="guard-raw-role", copy_test_root=True)
def test_raw_role_is_refused_direct_and_derived(app):
    app.build()
    assert_refused(app, "index.md", 3, "The raw role (:raw:`<b>kalın</b>`)", RAW_ADVICE)
    assert_refused(app, "index.md", 9, "The raw role (:html:`<i>eğik</i>`)", RAW_ADVICE)
    assert_failed(app)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<b>kalın</b>" not in html
    assert "<i>eğik</i>" not in html


ABSOLUTE_ADVICE = "write the path relative to the page, to a file inside docs/"
FILE_CASES = [
    ("include-myst.md", 3, "Including '../../../../../../../../../../etc/hostname'"),
    ("include-rst.md", 6, "Including '/../../../../../../../../../../etc/hostname'"),
    ("literalinclude.md", 3, "Including '../../../../../../../../../../etc/hostname'"),
    ("literalinclude-diff.md", 3, "Including '../../../../../../../../../../etc/hostname'"),
    ("csv-file.md", 3, "Reading a table from '../../../../../../../../../../etc/hostname'"),
    ("csv-url.md", 3, "Reading a table from 'https://example.org/tablo.csv'"),
    ("image.md", 3, "Showing the image '../disarida.png'"),
    ("download.md", 3, "Offering '../../../../../../../../../../etc/hostname' for download"),
    ("symlink.md", 3, "Including 'baglanti.txt'"),
]


@pytest.fixture
def files_app(make_app, rootdir, sphinx_test_tempdir, tmp_path):
    """The file-reading root, with a link inside docs/ that leads to a file outside it."""
    import shutil

    srcdir = sphinx_test_tempdir / f"guard-files-{os.getpid()}-{tmp_path.name}"
    shutil.copytree(rootdir / "test-guard-files", srcdir)
    secret = tmp_path / "disaridaki-sir.txt"
    secret.write_text("GIZLI-ICERIK-7a1f\n", encoding="utf-8")
    (srcdir / "baglanti.txt").symlink_to(secret)
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app


@pytest.mark.parametrize(("page", "line", "what"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_reading_files_outside_docs_is_refused(files_app, page, line, what):
    absolute = what.split("'")[1].startswith("/")
    assert_refused(files_app, page, line, what, ABSOLUTE_ADVICE if absolute else FILE_ADVICE)


def test_nothing_from_outside_docs_reaches_the_output(files_app):
    assert_failed(files_app)
    published = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in files_app.outdir.rglob("*")
        if p.is_file()
    )
    assert "GIZLI-ICERIK-7a1f" not in published
    if ETC_HOSTNAME.is_file():
        hostname = ETC_HOSTNAME.read_text().strip()
        assert not any(
            hostname == p.read_text(errors="replace").strip()
            for p in files_app.outdir.rglob("*")
            if p.is_file()
        )
    assert not (files_app.outdir / "_downloads").exists()
    assert not list(files_app.outdir.rglob("disarida.png"))


@pytest.mark.sphinx("html", testroot="guard-allowed", copy_test_root=True)
def test_files_inside_docs_and_html_comments_are_allowed(app):
    app.build()
    assert errors(app) == []
    assert app.statuscode == 0
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    text = page_text(app.outdir / "index.html")
    assert "İçeriden eklenen paragraf: Gürcistan." in text  # include
    assert "ornek-icerik-satiri" in text  # literalinclude
    assert "Ameliyat" in text  # csv-table :file:
    assert (app.outdir / "_images" / "nokta.png").is_file()
    assert list((app.outdir / "_downloads").rglob("ornek.txt"))
    assert "editör yorumu" not in html  # the comment is dropped, not published


# -- A sentence that Markdown reads as a numbered list -----------------------------------

LIST_ADVICE = (
    "reword it so that it does not start with the number, or write a backslash before the "
)
#: (line, what the list reads, its first number, the escaped form the message suggests)
LIST_SENTENCES = [
    (5, "12. Parti Kongresi 17 Nisan 1923’te toplandı.", 12, "'.' ('12\\. Parti …')"),
    (10, "1923. yılın başında Lenin yeniden hastalandı.", 1923, "'.' ('1923\\. yılın …')"),
    (13, "11. Parti Kongresi 1922’de toplanmıştı.", 11, "'.' ('11\\. Parti …')"),
    # numbered one after the list above, but that one is a sentence too
    (17, "12) Parti Kongresi ise bir yıl sonra …", 12, "')' ('12\\) Parti …')"),
]


@pytest.mark.sphinx(
    "html", testroot="guard-list-sentence", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_sentence_read_as_a_numbered_list_fails_at_its_line(app):
    app.build()
    warnings = [w for w in app.warning.getvalue().splitlines() if "[edition.accidental-list]" in w]
    for line, reads, start, escaped in LIST_SENTENCES:
        message = (
            f"index.md:{line}: WARNING: '{reads}' is read as a numbered list of one item that "
            f"starts at {start}, not as a sentence; {LIST_ADVICE}{escaped}; a real list has "
            "several items or starts at 1 [edition.accidental-list]"
        )
        assert any(message in w for w in warnings), f"{message}\nnot in:\n" + "\n".join(warnings)
    assert len(warnings) == len(LIST_SENTENCES)
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html", testroot="guard-lists", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_escaped_number_and_real_lists_pass(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert app.statuscode == 0
    from bs4 import BeautifulSoup

    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("section#listeler")
    paragraphs = [" ".join(p.get_text().split()) for p in article.find_all("p", recursive=False)]
    assert paragraphs[0] == "12. Parti Kongresi 17 Nisan 1923’te toplandı."  # a sentence
    lists = article.find_all("ol")
    assert [len(ol.find_all("li")) for ol in lists] == [2, 1, 2, 1]
    assert [ol.get("start") for ol in lists] == [None, None, None, "3"]
