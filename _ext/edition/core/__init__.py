"""The core every part of the edition stands on: its domain, settings, messages and helpers.

Nothing here imports from the layers above (``content``, ``registers``, ``checks``,
``site``, ``pdf``). Each part's ``setup()`` loads this one first, so a test project that
loads a single part still has the domain and every ``edition_*`` setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Every ``edition_*`` setting of ``conf.py``: name, default, what a change rebuilds, type.
#: "env": the pages are read again; "html": the site is written again; "": nothing.
CONFIG_VALUES: tuple[tuple[str, object, str, type], ...] = (
    # data files (registers/) and the anchors list (checks/anchors.py)
    ("edition_chronology", "data/kronoloji.yaml", "env", str),
    ("edition_persons", "data/kisiler.yaml", "env", str),
    ("edition_documents", "data/belgeler.yaml", "env", str),
    ("edition_document_hosts", "data/belge-adresleri.txt", "env", str),  # full texts' hosts
    ("edition_anchors", "data/anchors.txt", "env", str),
    ("edition_changes", "data/surum-notlari.yaml", "env", str),  # the change record
    ("edition_anchors_removed", "data/anchors-removed.txt", "env", str),
    ("edition_write_anchors", False, "", bool),  # nox -s anchors: rewrite the list
    # the site (site/)
    ("edition_repository", "", "html", str),  # https://github.com/owner/name: edit links
    ("edition_branch", "main", "html", str),
    ("edition_fast_navigation", True, "html", bool),  # navigation made once per build
    ("edition_live_reload", "", "html", str),  # stock sphinx-autobuild's reload script (the bench)
    ("edition_downloads", "", "html", str),  # "pdf,epub": books beside the site (publish.py)
    ("edition_frozen", False, "html", bool),  # a release's own copy, for /<number>/ (release.py)
    # the English edition (language = "en"; core/language.py)
    ("edition_require_translation", False, "env", bool),  # an untranslated message fails
    ("edition_english_config", {}, "env", dict),
    (
        "edition_editions",
        "",
        "html",
        str,
    ),  # "tr,en": the editions published (publish.py)  # settings the English build replaces
)


def new_build(app: Sphinx, env: object, docnames: list[str]) -> None:
    """A build starts without what Sphinx kept in memory from an earlier one: the doctrees
    of an application that has built before (the live preview's, the tests'), which Sphinx
    does not replace when it reads a page again, and the pages' message catalogues of any
    earlier application of this process, which Sphinx keeps whatever their language."""
    from sphinx.util.i18n import docname_to_domain

    from edition.upstream.sphinx import forget_kept_doctrees, forget_page_catalogues

    forget_kept_doctrees(env)
    compact = env.config.gettext_compact
    pages = {docname_to_domain(docname, compact) for docname in env.found_docs}
    forget_page_catalogues(env, pages | {"data"})


def setup(app: Sphinx) -> ExtensionMetadata:
    # Imported here: importing edition.core.schema alone (the lint's data-schema hook, with
    # only PyYAML installed) must not need Sphinx.
    from edition.core import domain, git, language, outputs

    for name, default, rebuild, kind in CONFIG_VALUES:
        app.add_config_value(name, default, rebuild, kind)
    domain.register(app)
    app.connect("config-inited", git.forget_answers, priority=0)  # before anyone asks
    language.register(app)
    app.connect("builder-inited", outputs.tag_the_output)  # site / kitap, for ``only``
    app.connect("env-before-read-docs", new_build, priority=0)  # before anyone reads
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
