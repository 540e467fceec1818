"""edition.bibcheck: a repeated key or a broken entry is reported at its line, and the rest is read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from edition.checks import bibcheck

BIBCHECK = ROOT / "tools" / "bibcheck.py"


@pytest.mark.sphinx(
    "html", testroot="bibcheck", copy_test_root=True, freshenv=True, warningiserror=True
)
def test_problems_are_reported_at_their_line_and_the_rest_is_kept(app):
    app.build()  # no traceback: an unclosed brace would otherwise stop pybtex
    warnings = app.warning.getvalue()
    assert "refs.bib:8: WARNING: BibTeX syntax error (a brace or a quote is not closed)" in warnings
    assert "in the entry 'bozuk' (line 8); check its braces, quotes and commas" in warnings
    assert "refs.bib:14: WARNING: the key 'ILK' is already used at line 1" in warnings
    assert "give this entry its own key" in warnings
    # Without the check, pybtex would have dropped 'son' after the repeated key.
    assert "could not find" not in warnings
    assert "unknown bibliography key" not in warnings
    assert app.statuscode == 1
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = [" ".join(c.get_text().split()) for c in page.select(".bibliography div.citation")]
    assert entries == [
        "Lenin, İlk Kitap, Yayınevi, 1999.",  # the first of the repeated key
        "Lenin, Son Kitap, Yayınevi, 2002.",
    ]


@pytest.mark.sphinx("html", testroot="citations", copy_test_root=True, freshenv=True)
def test_a_sound_file_is_read_as_it_is(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert [str(name) for name in app.config.bibtex_bibfiles] == ["refs.bib"]


def test_the_command_line_names_file_and_line(rootdir):
    broken = rootdir / "test-bibcheck" / "refs.bib"
    result = subprocess.run(
        [sys.executable, str(BIBCHECK), str(broken)], capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{broken}:8", f"{broken}:14"]
    assert result.stderr == ""


def test_the_edition_bibliography_is_sound():
    assert bibcheck.problems(ROOT / "references.bib") == []
    result = subprocess.run(
        [sys.executable, str(BIBCHECK), str(ROOT / "references.bib")], capture_output=True
    )
    assert result.returncode == 0


def test_a_broken_field_is_pointed_at_its_line(tmp_path):
    bib = tmp_path / "x.bib"
    bib.write_text(
        "@book{a,\n  title = {A},\n  year = {1999}\n  note = {no comma above},\n}\n",
        encoding="utf-8",
    )
    [(line, message)] = bibcheck.problems(bib)
    assert line == 4
    assert "in the entry 'a' (line 1)" in message


def problems_of(tmp_path, text: str) -> list[tuple[int, str]]:
    bib = tmp_path / "x.bib"
    bib.write_text(text, encoding="utf-8")
    return bibcheck.problems(bib)


def test_a_key_that_is_not_ascii_is_refused_at_its_line(tmp_path):
    found = problems_of(tmp_path, "@book{a,\n  title = {A},\n}\n\n@book{Troçki-Hayatı,\n}\n")
    assert found == [
        (
            5,
            "the key 'Troçki-Hayatı' is not ASCII; write it with ASCII letters, digits and "
            "hyphens (e.g. 'trocki-hayati'), here and where the pages cite it",
        )
    ]


def test_strings_are_read_in_order_and_blamed_where_they_are_wrong(tmp_path):
    text = (
        "@book{once,\n  title = {Önce},\n}\n"  # 1: sound, and not blamed for what follows
        "@string{a = b}\n"  # 4: b is defined only later
        "@string{b = a}\n"  # 5
        "@string{sol = {Sol}}\n"  # 6: sound
        "@book{sonra,\n  publisher = sol # { Yayınları},\n}\n"  # 7: uses it, sound
    )
    found = problems_of(tmp_path, text)
    assert [(line, message.split(",")[0]) for line, message in found] == [
        (4, "the @string 'a' uses the string 'b'"),
        (5, "the @string 'b' uses the string 'a'"),
    ]
    assert "which is not defined above this line; define each @string before" in found[0][1]
    kept = bibcheck.salvage(tmp_path / "x.bib", tmp_path / "copy").read_text(encoding="utf-8")
    assert "@book{once," in kept
    assert "@book{sonra," in kept


def test_a_file_over_the_limit_is_read_only_up_to_it(tmp_path, monkeypatch):
    monkeypatch.setattr(bibcheck, "MAX_BYTES", 100)
    entry = "@book{k{n},\n  title = {Başlık},\n}\n"
    found = problems_of(tmp_path, "".join(entry.replace("{n}", str(n)) for n in range(10)))
    [(line, message)] = found
    assert line == 7  # the third entry (34 bytes each) ends past byte 100
    assert message.startswith("the file is 340 bytes, over the limit of 100 bytes (0 KiB)")
    kept = bibcheck.salvage(tmp_path / "x.bib", tmp_path / "copy").read_text(encoding="utf-8")
    assert kept.count("@book") == 2


def test_an_over_long_field_is_refused_at_its_line(tmp_path):
    found = problems_of(tmp_path, "@book{a,\n  author = {A},\n  title = {" + "x" * 501 + "},\n}\n")
    assert found == [
        (
            3,
            "the field 'title' of the entry 'a' is 501 characters long (at most 500); give "
            "what the edition you hold prints, shortly",
        )
    ]
