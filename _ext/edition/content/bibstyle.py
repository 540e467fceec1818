"""Turkish bibliography and citation style for sphinxcontrib-bibtex (pybtex), registered as ``tr``.

pybtex's own styles print English ("and", "edition", "In:", "n.d."), drop translators and
need fields our sources do not give. This style follows the Turkish humanities usage:

* entry: ``Soyad, Ad, *Başlık*, çev. Çevirmen, Yer: Yayınevi, Yıl.``; a chapter reads
  ``Soyad, Ad ve Ad Soyad, “Başlık”, *Kitap* içinde, yay. haz. Ad Soyad, ...``; a missing
  year is printed ``t.y.`` (tarih yok); the first author is inverted, the others are not;
* in the text: ``(Yazar, *Başlık*, s. 180)``; several sources are joined with ``;``,
  several authors with ``ve`` (three or more: ``vd.``), and the page is the post-text the
  page gives (``{cite:p}`key{s. 180}```). A title is used rather than a year because two
  of the Lenin editions we cite share the year 1999;
* order: Turkish alphabetical order (Ç after C, Ğ after G, I before İ, Ö after O, Ş
  after S, Ü after U), by first author, or title where there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pybtex.plugin
from docutils import nodes
from pybtex.richtext import Text
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    first_of,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
)
from pybtex.style.template import (
    field as bibfield,
)
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import (
    BaseReferenceStyle,
    BracketStyle,
    GroupReferenceStyle,
    PersonStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_author import ExtraAuthorReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_empty import ExtraEmptyReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference
from sphinxcontrib.bibtex.transforms import BibliographyTransform

from edition.core import words
from edition.core.turkish import collation_key
from edition.upstream.bibtex import fresh_citation_nodes, register_plaintext_backend

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pybtex.database import Entry, Person
    from pybtex.richtext import BaseText
    from pybtex.style.template import Node
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: Entry types whose title is a part of something else, set in quotation marks.
PART_TYPES = frozenset({"article", "incollection", "inbook", "inproceedings"})

# -- Turkish alphabetical order -----------------------------------------------------


class TurkishSorting(BaseSortingStyle):
    """By first author (or editor, or title), then year, then title, in Turkish order."""

    def sorting_key(self, entry: Entry) -> tuple[Any, ...]:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        head = " ".join(" ".join(p.prelast_names + p.last_names + p.first_names) for p in persons)
        title = entry.fields.get("title", "")
        return (
            collation_key(head or title),
            entry.fields.get("year", ""),
            collation_key(title),
        )


# -- Names ---------------------------------------------------------------------------


def person_text(person: Person, inverted: bool) -> BaseText:
    first = Text(" ").join([*person.rich_first_names, *person.rich_middle_names])
    last = Text(" ").join([*person.rich_prelast_names, *person.rich_last_names])
    if not first:
        return last
    return Text(last, ", ", first) if inverted else Text(first, " ", last)


@node
def persons(children: list[Any], data: dict[str, Any], role: str, invert_first: bool = True):
    """The persons of ``role``: the first as ``Soyad, Ad``, the others ``Ad Soyad``, with ``ve``."""
    assert not children
    people = data["entry"].persons.get(role)
    if not people:
        raise FieldIsMissing(role, data["entry"])
    parts = [person_text(p, invert_first and i == 0) for i, p in enumerate(people)]
    if len(parts) == 1:
        return parts[0]
    return Text(Text(", ").join(parts[:-1]), words.AND, parts[-1])


@node
def word(children: list[Any], data: dict[str, Any], name: str):
    """A word of ``edition.core.words``, read when the entry is written (the build's
    language), not when this module is imported."""
    assert not children
    return Text(getattr(words, name))


# -- Entries -------------------------------------------------------------------------


@node
def title(children: list[Any], data: dict[str, Any], short: bool = False):
    """The title: in quotation marks for a part of a book or journal, in italics otherwise."""
    assert not children
    text = bibfield("title")
    if short:
        text = first_of[optional_field("shorttitle"), bibfield("title")]
    if data["entry"].type in PART_TYPES:
        return join["“", text, "”"].format_data(data)
    if short and "volume" in data["entry"].fields:
        # One volume of a set: a citation names it ("Collected Works, c. 45, s. 607").
        return join(sep=", ")[tag("em")[text], join[words.VOLUME, bibfield("volume")]].format_data(
            data
        )
    return tag("em")[text].format_data(data)


publication = optional[join(sep=": ")[optional_field("address"), bibfield("publisher")]]
year = first_of[optional_field("year"), word(name="NO_YEAR")]
pages = optional[join[word(name="PAGE"), bibfield("pages")]]
translator = optional[join[word(name="TRANSLATED_BY"), bibfield("translator")]]


class TurkishStyle(BaseStyle):
    """Bibliography entries as Turkish humanities write them."""

    default_name_style = "lastfirst"
    default_label_style = "alpha"
    default_sorting_style = "edition-tr"

    def get_book_template(self, e: Entry) -> Node:
        return sentence(sep=", ")[
            optional[persons("author")],
            title,
            optional[join[words.VOLUME, bibfield("volume")]],
            optional[join[words.EDITED_BY, persons("editor", invert_first=False)]],
            translator,
            publication,
            year,
            optional_field("note"),
        ]

    def get_incollection_template(self, e: Entry) -> Node:
        return sentence(sep=", ")[
            optional[persons("author")],
            title,
            join[words.IN_BOOK_BEFORE, tag("em")[bibfield("booktitle")], words.IN_BOOK],
            optional[join[words.EDITED_BY, persons("editor", invert_first=False)]],
            translator,
            publication,
            year,
            pages,
            optional_field("note"),
        ]

    def get_article_template(self, e: Entry) -> Node:
        return sentence(sep=", ")[
            optional[persons("author")],
            title,
            tag("em")[bibfield("journal")],
            optional_field("volume"),
            optional[join[words.ISSUE, bibfield("number")]],
            year,
            pages,
            optional_field("note"),
        ]

    get_inbook_template = get_incollection_template

    def get_misc_template(self, e: Entry) -> Node:
        return sentence(sep=", ")[
            optional[persons("author")],
            title,
            optional_field("howpublished"),
            year,
            optional_field("note"),
        ]


# -- Citations in the text -------------------------------------------------------------


def turkish_person() -> PersonStyle:
    """Names joined in the build's language (made when sphinxcontrib-bibtex makes the style,
    after the configuration is read)."""
    return PersonStyle(sep=", ", sep2=words.AND, last_sep=words.AND, other=Text(words.OTHERS))


def parentheses() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class ParentheticalStyle(BaseReferenceStyle):
    """``{cite:p}``: (Lenin, *Lenin'in Son Kavgası*, s. 180)."""

    bracket: BracketStyle = field(default_factory=parentheses)
    person: PersonStyle = field(default_factory=turkish_person)

    def role_names(self) -> Iterable[str]:
        return [f"{alt}p{full}" for alt in ("", "al") for full in ("", "s")]

    def outer(self, role_name: str, children: list[BaseText]) -> Node:
        return self.bracket.outer(children, brackets="al" not in role_name)

    def inner(self, role_name: str) -> Node:
        return join2(sep1=" ", sep2=", ")[
            pre_text,
            reference[
                join(sep=", ")[
                    optional[self.person.names("author", full="s" in role_name)],
                    title(short=True),
                ]
            ],
            post_text,
        ]


@dataclass
class TextualStyle(BaseReferenceStyle):
    """``{cite:t}``: Turan ve Almış (“Lenin'in son yazıları ve mektupları”, s. 3)."""

    bracket: BracketStyle = field(default_factory=parentheses)
    person: PersonStyle = field(default_factory=turkish_person)

    def role_names(self) -> Iterable[str]:
        return [f"{cap}t{full}" for cap in ("", "c") for full in ("", "s")]

    def outer(self, role_name: str, children: list[BaseText]) -> Node:
        return self.bracket.outer(children, brackets=False, capfirst="c" in role_name)

    def inner(self, role_name: str) -> Node:
        return join(sep=" ")[
            optional[self.person.names("author", full="s" in role_name)],
            join[
                "(",
                join2(sep1=" ", sep2=", ")[pre_text, reference[title(short=True)], post_text],
                ")",
            ],
        ]


@dataclass
class YearStyle(BaseReferenceStyle):
    """``{cite:year}``: the year, or ``t.y.``."""

    bracket: BracketStyle = field(default_factory=parentheses)

    def role_names(self) -> Iterable[str]:
        return ["year", "yearpar"]

    def outer(self, role_name: str, children: list[BaseText]) -> Node:
        return self.bracket.outer(children, brackets="par" in role_name)

    def inner(self, role_name: str) -> Node:
        return reference[year]


@dataclass
class TurkishReferenceStyle(GroupReferenceStyle):
    """Every citation role sphinxcontrib-bibtex offers, in Turkish."""

    #: Read by sphinxcontrib-bibtex's ``names`` template through the top-level style.
    person: PersonStyle = field(default_factory=turkish_person)

    def __post_init__(self) -> None:
        self.styles.extend(
            [
                ParentheticalStyle(person=self.person),
                TextualStyle(person=self.person),
                ExtraAuthorReferenceStyle(bracket=parentheses(), person=self.person),
                ExtraLabelReferenceStyle(bracket=parentheses()),
                YearStyle(),
                ExtraEmptyReferenceStyle(),
            ]
        )
        super().__post_init__()


def mark_bibliographies(app: Sphinx, doctree: nodes.document) -> None:
    """Wrap each ``{bibliography}`` in a container of class ``bibliography``.

    sphinxcontrib-bibtex later replaces the directive's node by its entries; the wrapper
    survives, so the stylesheet and the PDF writer can tell those entries apart.
    """
    for bibliography in list(doctree.findall(bibliography_node)):
        wrapper = nodes.container(classes=["bibliography"])
        parent = bibliography.parent
        parent.insert(parent.index(bibliography), wrapper)
        parent.remove(bibliography)  # not replace_self(): that would copy its ids too
        wrapper += bibliography


class DropEntryLabels(SphinxPostTransform):
    """Remove the bracketed labels (``[Len99]``) that docutils prints before each entry.

    In-text citations name author and title, so an entry is found by its author's name
    in the alphabetical list; a label would be a third way of naming it that nothing
    else uses. Runs after sphinxcontrib-bibtex has turned the bibliography into entries.
    """

    default_priority = BibliographyTransform.default_priority + 1

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "bibliography" in wrapper["classes"]:
                for entry in wrapper.findall(nodes.citation):
                    for label in list(entry.findall(nodes.label)):
                        label.parent.remove(label)


def remember_plaintext_backend() -> None:
    """Register pybtex's plain-text backend under its own name, as the same class.

    sphinxcontrib-bibtex looks it up for every citation it resolves (116 on this site),
    and pybtex finds an installed plugin by scanning every package's entry points (about
    10 ms each here); a plugin registered at run time is found in a dictionary.
    """
    register_plaintext_backend()


def empty_citation_nodes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    # sphinxcontrib-bibtex fills its own citation nodes while writing: emptied before each
    # build writes, a bibliography written again lists each entry once (see the adapter).
    fresh_citation_nodes(env)
    return []


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    remember_plaintext_backend()
    app.connect("doctree-read", mark_bibliographies)
    app.connect("env-updated", empty_citation_nodes)
    app.add_post_transform(DropEntryLabels)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "tr", TurkishStyle)
    pybtex.plugin.register_plugin("pybtex.style.sorting", "edition-tr", TurkishSorting)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "tr", TurkishReferenceStyle)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
