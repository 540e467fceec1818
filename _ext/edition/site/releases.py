"""Releases on the site: which text a page is, its citable address, the change record.

* Every page says under its title which text it is: "Sürüm 2026.1, 30 Kasım 2026" when the
  build is a release's (see ``core/releases.py``), else "Geliştirme metni, <day>" with the
  last release named. Its citation names the same (``site/citing.py`` asks
  :func:`edition_words` and :func:`cited_url`).
* A release's frozen copy (``edition_frozen``, built by ``tools/release.py`` for
  ``/<number>/``) says so in a banner at the top of each page, with a link to the same
  place in the current text at the site's root (the anchor added by the page's script).
* ``<link rel="cite-as">`` names the address a reader should cite: the release's own copy
  (``<site>/<number>/<page>``) when the text is a release's and the site's address is set.
* ``{surum-notlari}`` renders the change record (``data/surum-notlari.yaml``): each
  release, its date, what changed by kind, and (where the site's address is set) its
  pages, its PDF and the sentences that changed since the release before it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from edition.core import catalogue, words
from edition.core.data import read_entries
from edition.core.language import FOLDERS, current, generated
from edition.core.releases import KINDS, Status, parse, status
from edition.core.turkish import day_text
from edition.site.files import is_site

if TYPE_CHECKING:
    from datetime import date

    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The file a release's copy holds for the change record's "what changed" link.
CHANGES_PAGE = "degisiklikler.html"


def turkish_day(day: date) -> str:
    return day_text(day)


def load(app: Sphinx) -> None:
    """Read the change record once per build, its problems reported at their lines; a
    project without one (a test's) has no releases."""
    path = (Path(app.confdir) / app.config.edition_changes).resolve()
    entries = read_entries(app, "edition_changes")[1] if path.is_file() else []
    app.edition_change_record = parse([entry.fields for entry in entries])
    app.edition_changes_file = path
    app.edition_release = status(
        Path(app.confdir),
        app.config.release,
        app.edition_change_record,
        frozen=app.config.edition_frozen,
    )


def release_of(app: Sphinx) -> Status:
    if not hasattr(app, "edition_release"):
        load(app)
    return app.edition_release


def edition_words(app: Sphinx, today: date) -> str:
    """ "sürüm 2026.1" or "geliştirme metni, 30 Kasım 2026": what a citation names."""
    state = release_of(app)
    if state.released and state.entry is not None:
        return words.RELEASE.format(number=state.number, year=state.entry.day.year)
    return words.DEVELOPMENT.format(day=turkish_day(today))


def site_root(app: Sphinx) -> str:
    """This edition's root address: for a release's copy, html_baseurl without
    ``<number>/``; the English edition's is the site's root with ``en/``."""
    base = app.config.html_baseurl
    if not base:
        return ""
    base = base if base.endswith("/") else base + "/"
    folder = FOLDERS[current(app.config)]
    if folder and base.endswith(f"/{folder}"):
        base = base[: -len(folder)]
    number = app.config.release
    if app.config.edition_frozen and base.endswith(f"/{number}/"):
        base = base[: -len(number) - 1]
    return base + folder


def release_root(app: Sphinx, number: str) -> str:
    """A release's copy of this edition: ``<site>/<number>/`` (``<number>/en/`` in English)."""
    root = site_root(app)
    folder = FOLDERS[current(app.config)]
    site = root[: -len(folder)] if folder else root
    return f"{site}{number}/{folder}"


def cited_url(app: Sphinx, uri: str) -> str:
    """The address a citation gives for ``uri`` (page-relative, with its fragment): the
    release's own copy when the text is a release's, else the site's root; ``uri`` as it
    is without an address."""
    root = site_root(app)
    if not root:
        return uri
    state = release_of(app)
    if state.released:
        return urljoin(release_root(app, state.number), uri)
    return urljoin(root, uri)


def version_line(app: Sphinx, today: date) -> str:
    """The line under each page's title (HTML)."""
    state = release_of(app)
    if state.released and state.entry is not None:
        return html.escape(
            words.VERSION_LINE.format(number=state.number, day=turkish_day(state.entry.day))
        )
    latest = (
        words.LATEST_RELEASE.format(number=state.latest.number)
        if state.latest is not None
        else words.NO_RELEASE
    )
    line = words.DEVELOPMENT_LINE.format(day=turkish_day(today))
    return html.escape(f"{line} ({latest})")


def frozen_banner(app: Sphinx, pagename: str) -> str:
    """The banner of a release's frozen copy (HTML), or ""."""
    state = release_of(app)
    if not app.config.edition_frozen or state.entry is None:
        return ""
    text = html.escape(
        words.FROZEN_NOTICE.format(number=state.number, day=turkish_day(state.entry.day))
    )
    root = site_root(app)
    link = ""
    if root:
        target = html.escape(urljoin(root, app.builder.get_target_uri(pagename)), quote=True)
        link = f' <a class="guncel-baglanti" href="{target}">{words.FROZEN_LATEST}</a>.'
    return f'<p class="surum-donmus" role="note">{text}{link}</p>'


def add_cite_as(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not is_site(app) or doctree is None:
        return
    state = release_of(app)
    if state.released and site_root(app):
        url = cited_url(app, app.builder.get_target_uri(pagename))
        context["metatags"] = (
            context.get("metatags", "")
            + f'\n<link rel="cite-as" href="{html.escape(url, quote=True)}" />'
        )


class SurumNotlariDirective(SphinxDirective):
    """The change record, newest release first."""

    def run(self) -> list[nodes.Node]:
        app = self.env.app
        load(app)  # the file may have changed since the build began
        self.env.note_dependency(str(app.edition_changes_file))
        catalogue.note(self.env)  # the English text of the data (data.po)
        record = app.edition_change_record
        root = site_root(app)
        result: list[nodes.Node] = []
        for index, release in enumerate(record):
            anchor = f"surum-{release.number.replace('.', '-')}"
            section = nodes.section(ids=[anchor], names=[anchor])
            section += nodes.title(
                "", words.RELEASE_TITLE.format(number=release.number, day=turkish_day(release.day))
            )
            self.state.document.note_explicit_target(section, section)
            for kind in KINDS:
                if not release.changes.get(kind):
                    continue
                section += nodes.rubric("", words.CHANGE_KINDS[kind])
                items = nodes.bullet_list()
                for text in release.changes[kind]:
                    items += nodes.list_item("", nodes.paragraph("", text))
                section += items
            if root:
                book = f"{app.config.typst_documents[0]['targetname']}.pdf"
                section += self.links(release_root(app, release.number), book, record[index + 1 :])
            result.append(section)
        return generated(result)

    @staticmethod
    def links(copy: str, book: str, older: list[Any]) -> nodes.paragraph:
        """Links into a release's copy (``copy``: its address, as release_root gives it)."""
        para = nodes.paragraph(classes=["surum-baglantilari"])
        para += nodes.Text(words.RELEASE_LINKS)
        targets = [(words.RELEASE_PAGES, "index.html"), ("PDF", book)]
        if older:
            # the changed sentences are the release's, beside its Turkish pages
            changes = CHANGES_PAGE if not copy.endswith("/en/") else f"../{CHANGES_PAGE}"
            targets.append((words.RELEASE_CHANGES.format(previous=older[0].number), changes))
        for at, (label, path) in enumerate(targets):
            if at:
                para += nodes.Text(" · ")
            para += nodes.reference("", label, refuri=urljoin(copy, path), internal=False)
        return para


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.add_directive("surum-notlari", SurumNotlariDirective)
    # every build, not once per application: a second build of the same application (the
    # live preview's) reads the change record as it is then
    app.connect("env-before-read-docs", lambda app, env, docnames: load(app))
    app.connect("html-page-context", add_cite_as)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
