"""Search in Turkish: Turkish case on both sides, and every spelling of a person's name.

Sphinx's Turkish search stems with the Snowball Turkish stemmer, but lowercases with
Python's and JavaScript's default rules, which are not Turkish: "İşçi" becomes "i̇şçi"
(an i with a combining dot) and "I" becomes "i" instead of "ı", so a word written with a
capital İ or I is indexed under a form no query produces. Here the index folds case the
Turkish way (İ→i, I→ı) before stemming, and ``static/edition-search.js`` does the same to
the query before Sphinx's own code sees it.

Persons: a page that names "Troçki" is also indexed under every other spelling the
register gives (Trotsky, Trotski, …), so a reader who searches the name as they know it
finds the pages. The search page's summaries leave out the "Atıf" controls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.search.tr import SearchTurkish

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: Sphinx's Turkish catalogue leaves these search-page messages untranslated.
TURKISH_MESSAGES = {
    "Search finished, found one page matching the search query.": [
        "Arama tamamlandı: aramayla eşleşen bir sayfa bulundu.",
        "Arama tamamlandı: aramayla eşleşen ${resultCount} sayfa bulundu.",
    ],
    "Searching for multiple words only shows matches that contain\n    all words.": (
        "Birden çok sözcükle aramada yalnızca bütün sözcükleri içeren sayfalar gösterilir."
    ),
}


def turkish_lower(word: str) -> str:
    """Lower case as Turkish has it: İ→i, I→ı (Python's str.lower() gives "i̇" and "i")."""
    return word.replace("İ", "i").replace("I", "ı").lower()


class TurkishSearch(SearchTurkish):
    """Sphinx's Turkish search language, with Turkish case folding and name spellings."""

    #: canonical one-word name → the register's other spellings (set once pages are read)
    spellings: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # Sphinx remembers stems within one page; the pure-Python Snowball stemmer is the
        # search index's main cost, and most words recur from page to page.
        self.stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        if (stemmed := self.stems.get(word)) is None:
            stemmed = self.stems[word] = self.stemmer.stemWord(turkish_lower(word))
        return stemmed

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        return words + [other for word in words for other in self.spellings.get(word, ())]


def collect_spellings(app: Sphinx, env: BuildEnvironment) -> None:
    """Give the index the persons register's spellings (after the pages are read)."""
    from edition.persons import register

    spellings = {}
    for person in register(env).persons:
        if " " not in person.name:
            others = [*person.variants, person.source_spelling]
            spellings[person.name] = tuple(sorted({o for o in others if o and o != person.name}))
    TurkishSearch.spellings = spellings


def add_search_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search":
        # deferred: it runs after searchtools.js and before the search starts
        app.add_js_file("edition-search.js", loading_method="defer")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.persons")
    app.add_search_language(TurkishSearch)
    app.connect("env-updated", collect_spellings)
    app.connect("html-page-context", add_search_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
