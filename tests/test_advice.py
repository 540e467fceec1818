"""edition.checks.advice: Sphinx's and MyST's messages say what to do in the edition.

The names it offers for a misspelt directive or role come from what is registered when
the message is given, so a new directive is offered without anyone listing it.
"""

from __future__ import annotations

import re

import pytest

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def message(app, start: str) -> str:
    lines = ANSI.sub("", app.warning.getvalue()).splitlines()
    found = [line for line in lines if start in line]
    assert found, f"no message with {start!r} in:\n" + "\n".join(lines)
    return found[0]


def listed(text: str, kind: str) -> set[str]:
    names = re.search(rf"the edition's {kind} are (.+?), besides", text)
    assert names, text
    return set(names[1].split(", "))


@pytest.mark.sphinx("html", testroot="advice", copy_test_root=True, freshenv=True)
def test_a_misspelt_directive_gets_the_nearest_name_and_the_editions_own(app):
    app.build()
    text = message(app, "Unknown directive type: 'editor-notlari'")
    assert "index.md:3" in text
    assert "did you mean 'editor-notu'?" in text
    own = listed(text, "directives")
    assert "editor-notu" in own  # registered by edition.content.notes in this project
    assert "raw" not in own  # the guard's refusals are not offered
    assert "include" not in own
    assert "alinti" not in own  # not loaded in this project, so not offered


@pytest.mark.sphinx("html", testroot="advice", copy_test_root=True, freshenv=True)
def test_a_misspelt_role_gets_the_nearest_name_and_the_editions_own(app):
    app.build()
    text = message(app, "Unknown interpreted text role")
    assert "did you mean 'kaynak'?" in text
    assert listed(text, "roles") == {"kaynak"}  # raw and math are the guard's refusals
