"""The build's language: the Turkish edition (the source) or the English one (``-D language=en``).

One build is one language. When the configuration is read, :func:`edition.core.words.use`
puts that language's words in ``edition.core.words`` (the parts read them as they write);
when the build ends, the Turkish words are put back, so that a process building both
languages one after the other (the tests, the publish server) starts each from the same
state. The Turkish edition stays at the site's root; the English one is published under
``en/`` (tools/publish.py), with the same page names and the same anchors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edition.core import words

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Marks a register's node that shows a data text still in Turkish (English build).
UNTRANSLATED_DATA = "edition-untranslated-data"
#: Each edition's folder under the site's root: Turkish at the root, English under en/.
FOLDERS = {"tr": "", "en": "en/"}


def current(config: Config) -> str:
    """ "en" or "tr": the words' language of a build."""
    return words.language_of(getattr(config, "language", None))


def is_english(config: Config) -> bool:
    return current(config) == "en"


def use_words(app: Sphinx, config: Config) -> None:
    """The build's words; in the English build, conf.py's ``edition_english_config`` in
    place of the Turkish settings, and the site's address gets ``en/``."""
    words.use(current(config))
    from edition.core.catalogue import missing

    missing.clear()  # this build's, not an earlier one's in the same process
    if not is_english(config):
        return
    for name, value in config.edition_english_config.items():
        config[name] = value
    base = config.html_baseurl
    if base and not base.rstrip("/").endswith("/en"):
        config.html_baseurl = base.rstrip("/") + "/en/"


def site_root(config: Config) -> str:
    """The address of the Turkish site (the root), from this build's ``html_baseurl``."""
    base = config.html_baseurl
    if is_english(config) and base.rstrip("/").endswith("/en"):
        return base.rstrip("/")[: -len("en")]
    return base if not base or base.endswith("/") else base + "/"


def restore_words(app: Sphinx, exception: BaseException | None) -> None:
    words.use("tr")


def register(app: Sphinx) -> None:
    # Early: the parts that make text at config-inited (none now) see the right words.
    app.connect("config-inited", use_words, priority=100)
    app.connect("build-finished", restore_words, priority=900)


def generated(result: list[Any]) -> list[Any]:
    """Mark what a register made (from data/*.yaml and core/words.py) as no message of the
    page: its text is translated where it comes from (data.po, the English words), and the
    gettext builder must not extract it, nor the English build count it as untranslated."""
    from docutils import nodes

    from edition.core.catalogue import missing

    for node in result:
        if isinstance(node, nodes.Element):
            for inner in node.findall(nodes.TextElement):
                # Inline elements are no message unless marked (Sphinx), and the PDF's
                # writer takes an inline with other attributes for something else.
                if not isinstance(inner, nodes.Inline):
                    inner["translatable"] = False
            if missing and any(text in " ".join(node.astext().split()) for text in missing):
                # a data text without its translation (checks/translation.py: the notice)
                node[UNTRANSLATED_DATA] = True
    return result
