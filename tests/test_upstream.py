"""The upstream internals the edition relies on, checked against the installed packages.

Every private attribute, private module or undocumented markup of another package that
the edition uses is reached through one adapter under ``_ext/edition/upstream/``; each
test here checks one assumption of one adapter directly (no build of the site: a tiny
project of three pages at most), and its failure message names the adapter to fix. Run
this file first after bumping a pin (README.md, "Upstream adapters").
"""

from __future__ import annotations

import importlib.metadata
import inspect
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
from edition.upstream import bibtex as bibtex_adapter
from edition.upstream import furo as furo_adapter
from edition.upstream import myst as myst_adapter
from edition.upstream import pypdf as pypdf_adapter
from edition.upstream import sphinx as sphinx_adapter
from edition.upstream import typst as typst_adapter
from sphinx.application import Sphinx
from sphinx.directives.other import Include as SphinxInclude
from sphinx.util.docutils import SphinxDirective, docutils_namespace

if TYPE_CHECKING:
    from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent

#: adapter module → the pinned distributions its docstrings were checked against
ADAPTERS = {
    sphinx_adapter: ("sphinx", "docutils"),
    furo_adapter: ("furo",),
    myst_adapter: ("myst-parser",),
    bibtex_adapter: ("sphinxcontrib-bibtex", "pybtex"),
    typst_adapter: ("sphinxcontrib-typstbuilder",),
    pypdf_adapter: ("pypdf",),
}


def fix(where: str, what: str) -> str:
    return f"edition/upstream/{where} relies on {what}; adapt it to the installed version"


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", line):
            found[match[1].lower()] = match[2]
    return found


# -- A tiny project: three pages, furo, MyST, sphinxcontrib-bibtex ----------------------


class Probe(SphinxDirective):
    """Records what a directive sees on a MyST page, and includes a file as MyST would."""

    seen: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        Probe.seen["myst"] = myst_adapter.is_myst_state(self.state)
        return list(
            myst_adapter.run_include(
                self.state,
                name="include",
                klass=SphinxInclude,
                arguments=["included.md"],
                options={},
                body=[],
                lineno=self.lineno,
            )
        )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A built three-page site (flat, furo) and what furo put in each page's context."""
    src = tmp_path_factory.mktemp("upstream")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex']\n"
        "html_theme = 'furo'\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "exclude_patterns = ['included.md']\n",
        encoding="utf-8",
    )
    (src / "refs.bib").write_text(
        "@book{lenin1923,\n  author = {Lenin, V. I.},\n  title = {Mektuplar},\n"
        "  year = {1923},\n  publisher = {Yayınevi}\n}\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Kök\n===\n\n.. toctree::\n\n   a\n   b\n", encoding="utf-8")
    (src / "a.md").write_text(
        "# Birinci\n\nBir atıf {cite:p}`lenin1923`.\n\n```{probe}\n```\n\n"
        "```{py:function} lenin.mektup()\n```\n",  # an object, for the search index
        encoding="utf-8",
    )
    (src / "b.md").write_text("# İkinci\n\n```{bibliography}\n```\n", encoding="utf-8")
    (src / "included.md").write_text("Eklenen *metin*.\n", encoding="utf-8")
    out = src / "_build"
    with docutils_namespace():  # directives and roles registered here stay here
        app, contexts = build_tiny(src, out)
    return app, contexts


def build_tiny(src: Path, out: Path) -> tuple[Sphinx, dict[str, dict[str, Any]]]:
    app = Sphinx(
        str(src), str(src), str(out / "html"), str(out / "doctrees"), "html",
        status=None, warning=io.StringIO(), freshenv=True,
    )  # fmt: skip
    app.add_directive("probe", Probe)
    Probe.seen["markup"] = sphinx_adapter.registered_markup()  # as edition.checks.advice asks
    # as edition.advice looks for them: in setup(), once the application has started
    Probe.seen["warning_handlers"] = sphinx_adapter.warning_handlers()
    contexts: dict[str, dict[str, Any]] = {}

    def keep(app, pagename, templatename, context, doctree):
        # rendered now: rendering needs the nodes registered for this build only
        call = furo_adapter.NAVIGATION_CALL
        page_toctree = context["toctree"](**call)
        contexts[pagename] = {
            "navigation": context.get(furo_adapter.NAVIGATION_KEY),
            "toctree": page_toctree,
            "local_toctree": sphinx_adapter.local_toctree(app.builder, pagename, **call),
            "navigation_tree": furo_adapter.navigation_tree(page_toctree),
        }

    app.connect("html-page-context", keep, priority=furo_adapter.PAGE_CONTEXT_PRIORITY + 1)
    app.build()
    return app, contexts


# -- Pins: every adapter says which version it was checked against ---------------------


@pytest.mark.parametrize("adapter", list(ADAPTERS), ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_each_adapter_names_the_pinned_versions(adapter):
    pinned = pins()
    for dist in ADAPTERS[adapter]:
        version = pinned[dist]
        installed = importlib.metadata.version(dist)
        assert installed == version, f"{dist} {installed} is installed, {version} is pinned"
        assert f"{dist}=={version}" in (adapter.__doc__ or ""), (
            f"{adapter.__file__}: its docstring must name the pin {dist}=={version} "
            "(requirements.txt) once its assumptions are checked against that version"
        )


# -- Sphinx ----------------------------------------------------------------------------


def test_sphinx_asset_classes_are_the_ones_sphinx_puts_in_pages():
    import sphinx.builders.html as html_builder

    css = sphinx_adapter.stylesheet_asset("x.css", priority=7)
    js = sphinx_adapter.script_asset("x.js", priority=7)
    assert type(css) is html_builder._CascadingStyleSheet, fix(
        "sphinx.py:stylesheet_asset", "sphinx.builders.html._assets._CascadingStyleSheet"
    )
    assert type(js) is html_builder._JavaScript, fix(
        "sphinx.py:script_asset", "sphinx.builders.html._assets._JavaScript"
    )
    assert (css.filename, css.priority, css.attributes) == (
        "x.css",
        7,
        {"rel": "stylesheet", "type": "text/css"},
    ), fix("sphinx.py:stylesheet_asset", "a stylesheet's filename, priority and attributes")
    assert (js.filename, js.priority, js.attributes) == ("x.js", 7, {}), fix(
        "sphinx.py:script_asset", "a script's filename, priority and (no) attributes"
    )


def test_sphinx_builder_keeps_the_assets_every_page_gets(tiny):
    app, _ = tiny
    css, js = sphinx_adapter.global_assets(app.builder)
    names = [str(a.filename) for a in css]
    assert any(name.endswith("furo.css") for name in names), fix(
        "sphinx.py:global_assets", "builder._orig_css_files listing every page's stylesheets"
    )
    assert any(str(a.filename).endswith("documentation_options.js") for a in js), fix(
        "sphinx.py:global_assets", "builder._orig_js_files listing every page's scripts"
    )
    assert all(hasattr(a, "priority") and hasattr(a, "attributes") for a in [*css, *js]), fix(
        "sphinx.py:global_assets", "assets with .priority and .attributes"
    )


def test_sphinx_page_assets_stay_after_the_last_page_until_forgotten(tiny):
    app, _ = tiny
    builder = app.builder
    before = list(builder._orig_js_files)
    builder.add_js_file("yalniz-bu-sayfa.js")  # as a page's html-page-context handler does
    assert any(str(a.filename).endswith("yalniz-bu-sayfa.js") for a in builder._js_files), fix(
        "sphinx.py:forget_page_assets", "builder._js_files holding a page's own scripts"
    )
    sphinx_adapter.forget_page_assets(builder)
    assert builder._js_files == before == builder._orig_js_files, fix(
        "sphinx.py:forget_page_assets", "_js_files restored from _orig_js_files"
    )


def test_sphinx_environment_keeps_read_doctrees_until_forgotten(tiny):
    app, _ = tiny
    env = app.env
    env.get_doctree("a")
    env.master_doctree  # noqa: B018 (read for its cache)
    assert "a" in env._pickled_doctree_cache, fix(
        "sphinx.py:forget_kept_doctrees", "env._pickled_doctree_cache filled by get_doctree"
    )
    assert "master_doctree" in vars(env), fix(
        "sphinx.py:forget_kept_doctrees", "env.master_doctree a functools.cached_property"
    )
    sphinx_adapter.forget_kept_doctrees(env)
    assert env._pickled_doctree_cache == {}
    assert "master_doctree" not in vars(env)


def test_sphinx_local_toctree_is_what_the_page_toctree_gives(tiny):
    _, contexts = tiny
    for page in ("index", "a", "b"):
        assert contexts[page]["local_toctree"] == contexts[page]["toctree"], fix(
            "sphinx.py:local_toctree", "builder._get_local_toctree(docname, **kw)"
        )


def test_sphinx_environment_keeps_the_search_index_entries(tiny):
    app, _ = tiny
    kept = sphinx_adapter.search_index_entries(app.env)
    assert isinstance(kept, dict), fix(
        "sphinx.py:search_index_entries", "env._search_index_index_entries (page → entries)"
    )
    assert {"index", "a", "b"} <= set(kept), fix(
        "sphinx.py:search_index_entries", "one item per page written"
    )


def test_sphinx_indexer_keeps_word_maps(tiny):
    app, _ = tiny
    maps = sphinx_adapter.search_word_maps(app.builder.indexer)
    assert len(maps) == 2, fix(
        "sphinx.py:search_word_maps", "IndexBuilder._mapping and IndexBuilder._title_mapping"
    )
    words, titles = maps
    assert all(isinstance(pages, set) for pages in [*words.values(), *titles.values()]), fix(
        "sphinx.py:search_word_maps", "word → set of pages"
    )
    assert any("a" in pages for pages in titles.values()), fix(
        "sphinx.py:search_word_maps", "_title_mapping holding the titles' words"
    )


def test_sphinx_search_index_gives_objects_whole_and_titles_as_text(tiny):
    app, _ = tiny
    indexer = app.builder.indexer
    titles = {d: app.builder.render_partial(app.env.longtitles[d])["title"] for d in "ab"}
    assert all(indexer._titles[d] == titles[d] for d in "ab"), fix(
        "sphinx.py:plain_search_index", "IndexBuilder._titles holding render_partial's HTML"
    )
    frozen = indexer.freeze()
    page = frozen["docnames"].index("a")
    kind = indexer._objtypes.get(("py", "function"))
    # upstream: the anchor equal to the name given as "", the name split at its last "."
    assert frozen["objects"] == {"lenin": [(page, kind, 1, "", "mektup")]}, fix(
        "sphinx.py:plain_search_index",
        "freeze()['objects']: prefix → [(page, type, prio, "
        "anchor, name)], types registered in _objtypes",
    )
    shown = []

    def title(domain, kind, name, display):
        shown.append((domain.name, kind, name, display))
        return "Lenin'in <mektubu>"

    try:
        assert sphinx_adapter.plain_search_index(indexer, title)
        given = indexer.freeze()
    finally:
        del indexer.freeze  # the class's own again
    assert shown == [("py", "function", "lenin.mektup", "lenin.mektup")]
    assert given["objects"] == {"": [(page, kind, 1, "lenin.mektup", "Lenin'in <mektubu>")]}
    assert given["titles"] == frozen["titles"]  # no entity in these titles
    assert {k: v for k, v in given.items() if k not in {"objects", "titles"}} == {
        k: v for k, v in frozen.items() if k not in {"objects", "titles"}
    }


#: What edition-search.js assumes of Sphinx's searchtools.js and language_data.js: the
#: functions it wraps or replaces, with these parameters, called so.
SEARCHTOOLS = {
    "performSearch: (query) =>": "Search.performSearch(query), wrapped",
    "_parseQuery: (query) =>": "Search._parseQuery(query), wrapped",
    "return [query, searchTerms, excludedTerms, highlightTerms, objectTerms];": (
        "_parseQuery's result, whose highlightTerms the wrapper empties"
    ),
    "const stemmer = new Stemmer();": "a Stemmer made per query (window.Stemmer replaced)",
    "Search._performSearch(\n      searchQuery,\n      searchTerms,\n      excludedTerms,": (
        "Search.query calling Search._performSearch(query, searchTerms, excludedTerms, …)"
    ),
    "performTermsSearch: (searchTerms, excludedTerms) =>": "performTermsSearch, called",
    "[docname, title, anchor, descr, score, filename, kind]": "a result's layout",
    "makeSearchSummary: (htmlText, keywords, anchor) =>": "makeSearchSummary, replaced",
    "htmlToText: (htmlString, anchor) =>": "htmlToText, replaced",
    "Search.makeSearchSummary(data, searchTerms, anchor)": "summaries made through Search",
    "_highlightText(listItem, term,": "upstream highlighting only of highlightTerms",
    "var splitQuery = (query) =>": "a global splitQuery",
    "const allTitles = Search._index.alltitles;": "the index's alltitles",
    "const indexEntries = Search._index.indexentries;": "the index's indexentries",
    "const objNames = Search._index.objnames;": "the index's objnames",
    "const objName = objNames[match[1]][2];": "an object type's name third in objnames",
}


def test_sphinx_searchtools_has_what_edition_search_js_replaces():
    import sphinx

    static = Path(sphinx.__file__).parent / "themes" / "basic" / "static"
    source = (static / "searchtools.js").read_text(encoding="utf-8")
    for text, what in SEARCHTOOLS.items():
        assert text in source, fix("../site/static/edition-search.js (not an adapter)", what)
    language = (Path(sphinx.__file__).parent / "search" / "__init__.py").read_text("utf-8")
    assert "f'window.Stemmer = {self.lang.language_name}Stemmer;'" in language, fix(
        "../site/static/edition-search.js", "language_data.js setting window.Stemmer"
    )


@pytest.mark.usefixtures("tiny")
def test_sphinx_warning_output_is_found():
    handlers = Probe.seen["warning_handlers"]
    assert len(handlers) == 1, fix(
        "sphinx.py:warning_handlers",
        "one sphinx.util.logging.WarningStreamHandler on the NAMESPACE logger at setup",
    )
    assert isinstance(handlers[0].filters, list), fix(
        "sphinx.py:warning_handlers", "a handler whose filters are a list (edition.advice)"
    )


@pytest.mark.usefixtures("tiny")
def test_docutils_registry_lists_every_directive_and_role_by_name():
    directives, roles = Probe.seen["markup"]
    assert directives.get("probe") is Probe, fix(
        "sphinx.py:registered_markup", "app.add_directive keeping the class in docutils' registry"
    )
    for name, kind in (("note", directives), ("code-block", directives), ("emphasis", roles)):
        assert name in kind, fix("sphinx.py:registered_markup", f"{name!r} among the known names")
    assert "probe" not in sphinx_adapter.registered_markup()[0], fix(
        "sphinx.py:registered_markup", "a registry that docutils_namespace() restores"
    )


# -- furo ------------------------------------------------------------------------------


def test_furo_page_holds_the_markup_the_theme_filter_replaces(tiny):
    app, _ = tiny
    for page in ("index", "a", "b"):
        html = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
        missing = [
            old
            for old in furo_adapter.PAGE_MARKUP
            if old not in furo_adapter.PAGE_MARKUP_ONE_OF and old not in html
        ]
        assert not missing, fix("furo.py:PAGE_MARKUP", f"furo writing {missing} in {page}.html")
        held = [old for old in furo_adapter.PAGE_MARKUP_ONE_OF if old in html]
        assert len(held) == 1, fix(
            "furo.py:PAGE_MARKUP_ONE_OF", f"one of them in {page}.html (found {held})"
        )


def test_furo_asks_for_the_navigation_as_the_adapter_says():
    import furo

    source = inspect.getsource(furo._compute_navigation_tree)
    for key, value in furo_adapter.NAVIGATION_CALL.items():
        assert re.search(rf"\b{key}={re.escape(repr(value))}", source), fix(
            "furo.py:NAVIGATION_CALL", f"furo calling toctree({key}={value!r})"
        )


def test_furo_navigation_is_navigation_tree_of_that_call(tiny):
    _, contexts = tiny
    for page in ("index", "a", "b"):
        own = contexts[page]["navigation"]
        assert own, fix("furo.py:NAVIGATION_KEY", "furo writing the navigation there")
        assert contexts[page]["navigation_tree"] == own, fix(
            "furo.py:navigation_tree", "furo.navigation.get_navigation_tree(toctree_html)"
        )


def test_furo_entries_are_marked_as_the_adapter_parses_them(tiny):
    _, contexts = tiny
    assert furo_adapter.CURRENT_ENTRY in contexts["a"]["navigation"], fix(
        "furo.py:CURRENT_ENTRY", "the current page's entry in furo's navigation"
    )
    assert furo_adapter.PLAIN_ENTRY.format(uri="a.html") in contexts["b"]["navigation"], fix(
        "furo.py:PLAIN_ENTRY", "another page's entry in furo's navigation"
    )
    assert '<ul class="current">' in contexts["a"]["navigation"], fix(
        "furo.py:CURRENT_ENTRY", 'the list holding the current page being <ul class="current">'
    )


def test_furo_wraps_tables_in_containers_that_repeat_their_ids():
    from docutils import nodes
    from docutils.utils import new_document
    from furo import WrapTableAndMathInAContainerTransform as Wrap

    assert Wrap.default_priority == furo_adapter.WRAP_PRIORITY, fix(
        "furo.py:WRAP_PRIORITY", f"furo's wrapping post-transform at {Wrap.default_priority}"
    )
    document = new_document("probe")
    table = nodes.table(ids=["etiket"])
    document += table
    Wrap(document).run()
    found = list(furo_adapter.wrappers(document))
    assert [list(wrapper.children) for wrapper in found] == [[table]], fix(
        "furo.py:wrappers", "a container of WRAPPER_CLASSES holding the table"
    )
    assert found[0]["ids"] == ["etiket"], fix(
        "furo.py:wrappers", "the wrapper taking the table's ids (edition.site.ids removes them)"
    )


def test_furo_page_context_handler_runs_at_the_adapter_priority(tiny):
    app, _ = tiny
    import furo

    priorities = [
        listener.priority
        for listener in app.events.listeners["html-page-context"]
        if getattr(listener.handler, "__module__", "") == furo.__name__
    ]
    assert priorities == [furo_adapter.PAGE_CONTEXT_PRIORITY], fix(
        "furo.py:PAGE_CONTEXT_PRIORITY", f"furo's one html-page-context handler ({priorities})"
    )


# -- MyST ------------------------------------------------------------------------------


def test_myst_state_and_include(tiny):
    app, _ = tiny
    assert Probe.seen.get("myst") is True, fix(
        "myst.py:is_myst_state", "myst_parser.mocking.MockState as a directive's state"
    )
    text = app.env.get_doctree("a").astext()
    assert "Eklenen metin." in text, fix(
        "myst.py:run_include", "MockState._renderer and MockIncludeDirective(...).run()"
    )


def test_myst_include_directive_signature():
    from myst_parser.mocking import MockIncludeDirective

    names = list(inspect.signature(MockIncludeDirective.__init__).parameters)
    assert names == [
        "self",
        "renderer",
        "name",
        "klass",
        "arguments",
        "options",
        "body",
        "lineno",
    ], fix("myst.py:run_include", f"MockIncludeDirective's parameters ({names})")


# -- sphinxcontrib-bibtex and pybtex ---------------------------------------------------


def test_pybtex_plaintext_backend_registered_at_run_time():
    import pybtex.plugin
    from pybtex.backends.plaintext import Backend

    assert "force" in inspect.signature(pybtex.plugin.register_plugin).parameters, fix(
        "bibtex.py:register_plaintext_backend", "register_plugin(..., force=True)"
    )
    bibtex_adapter.register_plaintext_backend()
    bibtex_adapter.register_plaintext_backend()  # twice: a second build in one process
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is Backend, fix(
        "bibtex.py:register_plaintext_backend", "find_plugin giving the registered class"
    )


def test_bibtex_domain_data(tiny):
    app, _ = tiny
    env = app.env
    assert bibtex_adapter.bib_entry_keys(env) == {"lenin1923"}, fix(
        "bibtex.py:bib_entry_keys", 'env.domaindata["cite"]["bibdata"].data.entries'
    )
    assert [p.name for p in bibtex_adapter.bib_files(env)] == ["refs.bib"], fix(
        "bibtex.py:bib_files", "the cite domain's bibdata.bibfiles (Paths)"
    )
    assert bibtex_adapter.citing_docnames(env) == {"a"}, fix(
        "bibtex.py:citing_docnames", "the cite domain's citation_refs[].docname"
    )
    anchors = list(bibtex_adapter.bibliography_anchors(env))
    assert len(anchors) == 1, fix(
        "bibtex.py:bibliography_anchors", 'domaindata["cite"]["citations"]'
    )
    docname, ident = anchors[0]
    assert docname == "b", fix("bibtex.py:bibliography_anchors", "bibliography_key.docname")
    html = (Path(app.outdir) / "b.html").read_text(encoding="utf-8")
    assert f'id="{ident}"' in html, fix("bibtex.py:bibliography_anchors", "citation_id")


def test_bibtex_fills_its_own_citation_nodes_until_emptied(tiny):
    app, _ = tiny
    bibliographies = app.env.domains["cite"].bibliographies
    nodes = [n for b in bibliographies.values() for n in b.citation_nodes.values()]
    assert any(len(node.children) for node in nodes), fix(
        "bibtex.py:fresh_citation_nodes",
        "BibliographyTransform filling the domain's own citation_nodes (not copies)",
    )
    bibtex_adapter.fresh_citation_nodes(app.env)
    assert all(not node.children and not node.get("backrefs") for node in nodes)


# -- sphinxcontrib-typstbuilder --------------------------------------------------------


def test_typst_builder_and_translator_classes():
    from sphinx.builders import Builder
    from sphinx.util.docutils import SphinxTranslator

    assert issubclass(typst_adapter.TypstBuilder, Builder), fix(
        "typst.py", "sphinxcontrib_typstbuilder._builder.TypstBuilder"
    )
    assert issubclass(typst_adapter.TypstTranslator, SphinxTranslator), fix(
        "typst.py", "sphinxcontrib_typstbuilder._writer.TypstTranslator"
    )


def test_typst_translator_helpers():
    missing = [
        name
        for name in typst_adapter.TRANSLATOR_HELPERS
        if not callable(getattr(typst_adapter.TypstTranslator, name, None))
    ]
    assert not missing, fix("typst.py:TRANSLATOR_HELPERS", f"TypstTranslator.{missing}")
    init = inspect.getsource(typst_adapter.TypstTranslator.__init__)
    for name in typst_adapter.TRANSLATOR_ATTRIBUTES:
        assert f"self.{name} = 0" in init, fix(
            "typst.py:TRANSLATOR_ATTRIBUTES", f"TypstTranslator.{name} starting at 0"
        )


def test_typst_string_helpers():
    assert typst_adapter.escape_str('a"b') == '"a\\"b"', fix(
        "typst.py", "escape_str giving a quoted Typst string"
    )
    assert typst_adapter.to_str_list(["a", "b"]) == '("a","b")', fix(
        "typst.py", "to_str_list giving a Typst array of strings"
    )


def test_pypdf_add_object_gives_a_reference_the_file_keeps(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, IndirectObject, NameObject

    writer = PdfWriter()
    writer.add_blank_page(10, 10)
    stream = DecodedStreamObject()
    stream.set_data(b"kept")
    reference = pypdf_adapter.add_object(writer, stream)
    assert isinstance(reference, IndirectObject), fix("pypdf.py", "PdfWriter._add_object")
    writer.pages[0][NameObject("/Probe")] = reference
    writer.write(tmp_path / "probe.pdf")
    kept = PdfReader(tmp_path / "probe.pdf").pages[0]["/Probe"].get_object()
    assert kept.get_data() == b"kept", fix("pypdf.py", "PdfWriter._add_object")
