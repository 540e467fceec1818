"""Search in Turkish: Turkish case and ASCII folding on both sides, and every spelling of
a person's name.

Sphinx's Turkish search stems with the Snowball Turkish stemmer, but lowercases with
Python's and JavaScript's default rules, which are not Turkish: "İşçi" becomes "i̇şçi"
(an i with a combining dot) and "I" becomes "i" instead of "ı", so a word written with a
capital İ or I is indexed under a form no query produces. And a reader on a phone or a
foreign keyboard types "isci", "gurcistan", "trocki". Here each word is indexed under two
terms, both written in ASCII letters (:func:`~edition.core.turkish.ascii_fold`, after
stemming): the stem of the word lower-cased the Turkish way (İ→i, I→ı), and the stem of
its ASCII spelling. ``static/edition-search.js`` stems a query word typed with a Turkish
letter the first way and a word typed in ASCII letters the second way, so both find the
same pages (the stemmer treats "işçiler" and "isciler" differently, hence two terms).

Persons: a page that names "Troçki" is also indexed under every other spelling the
register gives (Trotsky, Trotski, …), so a reader who searches the name as they know it
finds the pages; when those spellings change, every page is indexed again.

Objects (quotations, chronology entries, documents, persons, conclusions) are given to the
search page whole (:func:`~edition.upstream.sphinx.plain_search_index`): each with its
anchor and its title as plain text, a quotation titled by its first words; page titles
are given as plain text too. The search page (``static/edition-search.js``) lists each page
once, with readable summaries and highlights that follow the folding.

Index entries (the persons' first mentions): Sphinx 9 keeps each page's index entries for
the search index in the environment, but fills them only while it *writes* a page, after
it has saved the environment, and ``searchindex.js`` does not give them back. A rebuild
that does not write a page again would therefore publish an index without them. They are
computed here from what every page holds once read, before the environment is saved, so
that each build, clean or not, indexes every page's entries alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.search.tr import SearchTurkish

from edition.core import words as reader_words
from edition.core.domain import remember, remembered
from edition.core.language import is_english
from edition.core.turkish import ascii_fold, incipit, turkish_lower
from edition.site.files import add_page_script
from edition.upstream.sphinx import plain_search_index, search_index_entries, search_word_maps

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


#: Every word's stem, for all builds of this process: Sphinx remembers stems within one
#: page only, and the pure-Python Snowball stemmer is the search index's main cost; most
#: words recur from page to page, and from build to build in the live preview
#: (tools/preview.py), whose one process builds again on every save. A word's stem depends
#: on the word alone, so what is kept is what would be computed again.
STEMS: dict[str, str] = {}


class TurkishSearch(SearchTurkish):
    """Sphinx's Turkish search language, with Turkish case folding and name spellings."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        #: canonical one-word name → the register's other spellings; this build's, given
        #: by :func:`give_spellings` before the first page is indexed
        self.spellings: dict[str, tuple[str, ...]] = {}

    def stem(self, word: str) -> str:
        if (stemmed := STEMS.get(word)) is None:
            stemmed = STEMS[word] = ascii_fold(self.stemmer.stemWord(turkish_lower(word)))
        return stemmed

    def split(self, input: str) -> list[str]:
        found = super().split(input)
        found += [other for word in found for other in self.spellings.get(word, ())]
        # each word also as typed in ASCII letters, stemmed as such (see above)
        folded = [(word, ascii_fold(word)) for word in found]
        return found + [ascii for word, ascii in folded if ascii != turkish_lower(word)]


def collect_spellings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Give the index the persons register's spellings (after the pages are read).

    A page is indexed when it is written. When the register's spellings changed since the
    last build, every page is written again, so that each one is indexed under the new
    spellings as a clean build would index it (not only the pages read again).
    """
    from edition.registers.persons import register

    spellings = {}
    for person in register(env).persons:
        if " " not in person.name:
            others = [*person.variants, person.source_spelling]
            spellings[person.name] = tuple(sorted({o for o in others if o and o != person.name}))
    before = remember(env, "search-spellings", spellings)
    if before == spellings or not getattr(app.builder, "search", False):
        return []
    return sorted(env.all_docs)


def give_spellings(app: Sphinx, doctree: Any, docname: str) -> None:
    """Give this build's search language the spellings collected from the register.

    The HTML builder makes its indexer (and the language in it) once the pages are read,
    and indexes each page right after resolving it; ``doctree-resolved`` comes first.
    """
    language = getattr(getattr(app.builder, "indexer", None), "lang", None)
    if isinstance(language, TurkishSearch):
        language.spellings = remembered(app.env, "search-spellings") or {}


def keep_index_entries(app: Sphinx, env: BuildEnvironment) -> None:
    """Every page's index entries for the search index, as the HTML builder would feed them.

    Mirrors ``IndexBuilder.feed`` and ``StandaloneHTMLBuilder.index_page``: a page without
    a title is not indexed, a page marked ``no-search`` is indexed without entries. Pages
    are taken in name order, as a clean build writes them (the order the index keeps).
    """
    from sphinx.util.index_entries import split_index_msg

    if (kept := search_index_entries(env)) is None:
        return  # not Sphinx 9's layout; tests/test_upstream.py shows what changed
    collected = env.domains["index"].entries
    kept.clear()
    for docname in sorted(env.all_docs):
        title = env.longtitles.get(docname)
        if not (title.astext() if title else ""):
            continue
        metadata = env.metadata.get(docname, {})
        if "no-search" in metadata or "nosearch" in metadata:
            kept[docname] = []
            continue
        entries: set[tuple[str, str, str]] = set()
        for entry_type, value, target_id, main, _category in collected.get(docname, ()):
            try:
                words = split_index_msg(entry_type, value)
            except ValueError:
                continue  # Sphinx's index domain reports it
            if entry_type in {"see", "seealso"}:
                entries.add((words[0], target_id or "", main))
            entries |= {(word, target_id or "", main) for word in words}
        kept[docname] = sorted(entries)


def forget_words_of_no_page(app: Sphinx) -> list[Any]:
    """Leave out of the search index the words that no page holds any more.

    On a rebuild, Sphinx reads the last ``searchindex.js`` back and removes from each word
    the pages it writes again; a word only those pages had stays, with no page (``[]``).
    This runs after the pages are written and before the index is (html-collect-pages).
    """
    for words in search_word_maps(getattr(app.builder, "indexer", None)):
        for word in [word for word, pages in words.items() if not pages]:
            del words[word]
    return []


def object_title(domain: Any, kind: str, name: str, title: str) -> str:
    """An object's title in the search results: plain text, a quotation by its first words."""
    if domain.name == "edition" and kind == "quotation" and name in domain.quotations:
        title = reader_words.QUOTATION_FOUND.format(incipit=incipit(domain.quotations[name].text))
    return title.replace("'", "’")


def give_objects_whole(app: Sphinx) -> list[Any]:
    """Objects with their anchors and plain titles, page titles as plain text (the
    indexer is made once the pages are read; this runs before the index is written)."""
    plain_search_index(getattr(app.builder, "indexer", None), object_title)
    return []


def add_search_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search" and not is_english(app.config):
        # Turkish folding of the query, for the Turkish index only (the English edition's
        # search is Sphinx's own, with the English stemmer: html_search_language follows
        # language). Deferred: it runs after searchtools.js and before the search starts.
        add_page_script(app, "edition-search.js", defer="defer")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.registers.persons")
    app.add_search_language(TurkishSearch)
    app.connect("env-updated", collect_spellings)
    app.connect("env-updated", keep_index_entries)
    app.connect("doctree-resolved", give_spellings)
    app.connect("html-collect-pages", forget_words_of_no_page)
    app.connect("html-collect-pages", give_objects_whole)
    app.connect("html-page-context", add_search_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
