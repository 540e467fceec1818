"""Sphinx internals the edition relies on (checked against sphinx==9.0.4 and docutils==0.22.4).

Tests: ``tests/test_upstream.py`` (``test_sphinx_*``).
"""

from __future__ import annotations

import ast
import html
import logging
import re
from typing import TYPE_CHECKING, Any

from docutils.parsers.rst import directives, roles
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
from sphinx.util.logging import NAMESPACE, WarningStreamHandler

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment


def stylesheet_asset(filename: str, priority: int) -> Any:
    """A stylesheet entry of a page's ``css_files``, as Sphinx makes it.

    Assumes: ``sphinx.builders.html._assets._CascadingStyleSheet(filename, *, priority)``
    (private module; sphinx 9.0.4), whose default attributes are ``rel="stylesheet"``,
    ``type="text/css"``.
    """
    return _CascadingStyleSheet(filename, priority=priority)


def script_asset(filename: str, priority: int) -> Any:
    """A script entry of a page's ``script_files``, as Sphinx makes it.

    Assumes: ``sphinx.builders.html._assets._JavaScript(filename, *, priority)`` (private
    module; sphinx 9.0.4), with no attributes by default.
    """
    return _JavaScript(filename, priority=priority)


def global_assets(builder: StandaloneHTMLBuilder) -> tuple[list[Any], list[Any]]:
    """(stylesheets, scripts) every page gets, before any page adds its own.

    Assumes: the HTML builder keeps them in ``_orig_css_files`` and ``_orig_js_files``
    (lists of the asset objects above, set in ``init_css_files``/``init_js_files`` and
    restored into ``_css_files``/``_js_files`` after each page; sphinx 9.0.4).
    """
    return builder._orig_css_files, builder._orig_js_files


def forget_kept_doctrees(env: BuildEnvironment) -> None:
    """Drop the doctrees the environment keeps in memory from an earlier build.

    Assumes: ``env._pickled_doctree_cache`` (page → the pickled doctree as read from the
    doctree folder) is filled by ``get_doctree`` and not updated when a page is read again,
    so a second build of one application would write a page from its old doctree
    (sphinx.testing's app clears it before each build for the same reason; sphinx 9.0.4).
    """
    cache = getattr(env, "_pickled_doctree_cache", None)
    if isinstance(cache, dict):
        cache.clear()
    # ``master_doctree``, the root page's doctree for the site's navigation, is a
    # ``functools.cached_property``: kept in the instance's ``__dict__`` once read, never
    # read again when the root page changes (a page added to its toctree)
    vars(env).pop("master_doctree", None)


def forget_page_catalogues(env: BuildEnvironment, names: set[str]) -> None:
    """Drop the pages' message catalogues Sphinx loaded for an earlier build of this process.

    Assumes: ``sphinx.locale.translators`` keeps each catalogue by (namespace, name), not
    by language, and ``sphinx.locale.init`` adds to a kept one instead of loading it anew,
    so a Turkish build after an English one in the same process (the tests', a publishing
    server's) would show the English translations (sphinx.testing clears them between
    applications for the same reason; sphinx 9.0.4). ``names``: the catalogues to drop.
    """
    from sphinx import locale

    for key in [key for key in locale.translators if key[1] in names]:
        del locale.translators[key]


def forget_page_assets(builder: StandaloneHTMLBuilder) -> None:
    """Take the last page's own scripts and stylesheets out of the builder's lists.

    Assumes: the HTML builder restores ``_css_files``/``_js_files`` from
    ``_orig_css_files``/``_orig_js_files`` *before* a page's ``html-page-context`` (where a
    page adds its own), and the next build's ``prepare_writing`` takes the lists as they
    are for every page; so the assets of the last page written would otherwise be given to
    every page of a later build of the same application (sphinx 9.0.4).
    """
    if hasattr(builder, "_orig_js_files"):
        builder._css_files[:] = builder._orig_css_files
        builder._js_files[:] = builder._orig_js_files


def local_toctree(builder: StandaloneHTMLBuilder, docname: str, **kwargs: Any) -> str:
    """The HTML of the site's toctree as the template's ``toctree()`` renders it for
    ``docname``.

    Assumes: the page context's ``toctree`` callable is
    ``partial(builder._get_local_toctree, docname)`` and takes the same keywords
    (``collapse``, ``titles_only``, ``maxdepth``, ``includehidden``; sphinx 9.0.4).
    """
    return builder._get_local_toctree(docname, **kwargs)


def search_index_entries(env: BuildEnvironment) -> dict[str, list[tuple[str, str, str]]] | None:
    """The environment's per-page index entries fed to the search index, or None when
    Sphinx keeps them elsewhere.

    Assumes: ``env._search_index_index_entries``, a dict page → list of
    (entry, target id, main) that ``IndexBuilder`` reads (sphinx 9.0.4).
    """
    kept = getattr(env, "_search_index_index_entries", None)
    return kept if isinstance(kept, dict) else None


def search_word_maps(indexer: Any) -> list[dict[str, set[str]]]:
    """The search indexer's word → pages dictionaries (words of the text, of the titles).

    Assumes: ``IndexBuilder._mapping`` and ``IndexBuilder._title_mapping``, dicts of
    word → set of pages (sphinx 9.0.4). Missing ones are left out.
    """
    maps = (getattr(indexer, name, None) for name in ("_mapping", "_title_mapping"))
    return [words for words in maps if isinstance(words, dict)]


def plain_search_index(indexer: Any, title: Callable[[Any, str, str, str], str]) -> bool:
    """Make the search indexer give page titles as plain text and each object whole: its
    anchor as the domain gives it, its title (``title(domain, type, name, display name)``)
    as plain text in one piece. False when the indexer is not Sphinx 9's.

    Why: searchtools.js escapes every title it shows, but the index holds page titles as
    HTML and object names escaped (``Lenin&#x27;in`` shown as such); it writes an anchor
    equal to the object's name as "" (searchtools.js then takes the *display* name as the
    anchor) and splits a display name at its last "." into prefix and name.

    Assumes: ``IndexBuilder.freeze()`` returns a dict with ``docnames`` (in index order),
    ``titles`` (``_titles``: page → title as ``render_partial`` gives it, HTML) and
    ``objects`` (prefix → [(page index, type index, priority, anchor, name)]), made by
    ``get_objects``, which registers each (domain, type) in ``_objtypes`` (→ type index)
    and goes through ``_domains.sorted()``, leaving out priorities below 0 (sphinx 9.0.4).
    """
    if indexer is None or not all(
        hasattr(indexer, name) for name in ("freeze", "_objtypes", "_domains", "_titles")
    ):
        return False
    freeze = type(indexer).freeze

    def plain_freeze() -> dict[str, Any]:
        frozen = freeze(indexer)
        frozen["titles"] = tuple(html.unescape(t) for t in frozen["titles"])
        page = {docname: i for i, docname in enumerate(frozen["docnames"])}
        objects = []
        for domain in indexer._domains.sorted():
            for name, shown, kind, docname, anchor, prio in sorted(domain.get_objects()):
                index = indexer._objtypes.get((domain.name, kind))
                if docname in page and prio >= 0 and index is not None:
                    shown = title(domain, kind, name, shown)
                    objects.append((page[docname], index, prio, anchor, shown))
        frozen["objects"] = {"": objects} if objects else {}
        return frozen

    indexer.freeze = plain_freeze
    return True


def warning_handlers() -> list[logging.Handler]:
    """The handlers that write Sphinx's warnings (the output ``-W`` turns into errors).

    Assumes: Sphinx's loggers live under ``sphinx.util.logging.NAMESPACE``, and its warning
    output is a ``sphinx.util.logging.WarningStreamHandler`` set on that logger by
    ``sphinx.util.logging.setup()`` when the application starts, so found from an
    extension's ``setup()`` (while pages are read or written, Sphinx holds warnings back in
    a memory handler instead; undocumented; sphinx 9.0.4).
    """
    return [
        handler
        for handler in logging.getLogger(NAMESPACE).handlers
        if isinstance(handler, WarningStreamHandler)
    ]


def inconsistent_references(record: logging.LogRecord) -> tuple[list[str], list[str]] | None:
    """The references (as the page wrote them) of the original message and of its
    translation, when ``record`` is Sphinx's "inconsistent term references" warning.

    Assumes: the warning has ``type`` "i18n" and ``subtype`` "inconsistent_references", and
    its text ends "original: [...], translated: [...]", two lists of the references'
    raw sources in Python's list notation (``sphinx.transforms.i18n``; sphinx 9.0.4).
    """
    if (getattr(record, "type", None), getattr(record, "subtype", None)) != (
        "i18n",
        "inconsistent_references",
    ):
        return None
    found = re.search(r"original: (\[.*\]), translated: (\[.*\])\s*$", record.getMessage(), re.S)
    if found is None:
        return None
    try:
        return ast.literal_eval(found[1]), ast.literal_eval(found[2])
    except (ValueError, SyntaxError):
        return None


def registered_markup() -> tuple[dict[str, Any], dict[str, Any]]:
    """(directives, roles) known now by name: docutils' own, Sphinx's, MyST's, every
    extension's; each name with its class or function (None for a docutils built-in not
    yet loaded).

    Assumes: ``app.add_directive``/``app.add_role`` end in docutils'
    ``register_directive``/``register_local_role``, which keep them in
    ``docutils.parsers.rst.directives._directives`` and ``roles._roles``; docutils' own
    are named in ``directives._directive_registry`` and ``roles._role_registry`` and
    loaded on first use (private; docutils 0.22.4).
    """
    known_directives: dict[str, Any] = dict.fromkeys(directives._directive_registry)
    known_directives.update(directives._directives)
    known_roles: dict[str, Any] = dict.fromkeys(roles._role_registry)
    known_roles.update(roles._roles)
    return known_directives, known_roles
