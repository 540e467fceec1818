"""The words the edition generates for its readers, in one place: Turkish, and English.

Headings, labels and link texts that no page's author writes: the titles of generated
lists, the words of notes, registers, the chronology, bibliography entries, the "Atıf"
control and a moved page. A part that shows the reader a word imports it from here, so a
change of wording is made once. Messages for contributors are not here: they are English
and live with the check that gives them.

The module's names hold the Turkish words; :data:`ENGLISH` holds the English edition's, under
the same names (a name missing there, or a table with other keys, fails at import).
:func:`use` puts one language's words in the module's names; ``edition.core`` calls it when a
build's configuration is read (``language``), so a part reads ``words.NAME`` at the moment it
writes, never a copy made at import.
"""

from __future__ import annotations

# -- Pages and objects (the edition domain) ---------------------------------------------

#: What each kind of object is called in the inventory and the search results.
OBJECT_KINDS = {
    "quotation": "alıntı",
    "conclusion": "sonuç",
    "chronology": "kronoloji kaydı",
    "person": "kişi",
    "document": "belge",
}
QUOTATION = "Alıntı: {ident}"
#: A quotation in the search results: by its first words (its id is no title).
QUOTATION_FOUND = "Alıntı: {incipit}"
CONCLUSION = "Sonuç {number}: {title}"

# -- Editorial notes ({editor-notu}) -------------------------------------------------

NOTE = "Editör notu"
#: ``:tur:`` of a note → the word its title shows.
NOTE_KINDS = {
    # The source study has a date, name or fact wrong; the edition writes the right one.
    "duzeltme": "düzeltme",
    # The source is not wrong; the edition chooses one form (spelling, title, name).
    "bicim": "biçim",
    # A fact the source does not give, from the standard editions or general knowledge.
    "ek-bilgi": "edisyonun eklediği bilgi",
    # A reading the source states that others dispute; both sides, with references.
    "tartisma": "tartışmalı okuma",
    # Where the Turkish translation quoted departs from the original's meaning.
    "ceviri": "çeviri",
}

# -- Citations ({kaynak}) -------------------------------------------------------------

#: Opens the line that stands for a section's footnotes when all of them cite the same
#: part of the same work (edition.content.citations): "Kaynak: Turan ve Almış, …, “…”
#: bölümü."
SOURCE_LINE = "Kaynak: "

# -- Conclusions and the theme pages they rest on --------------------------------------

BASIS = "Dayandığı bölümler"
QUOTATIONS_IN_BASIS = "Bu bölümlerdeki alıntılar"
CONCLUSIONS_RESTING_HERE = "Bu bölüme dayanan sonuçlar"
SECTIONS_RESTED_ON = (" — dayandığı bölüm: ", " — dayandığı bölümler: ")  # one, several

# -- The quotation index -----------------------------------------------------------------

NO_DOCUMENT = "Belgesi kaynakta belirtilmeyen alıntılar"
QUOTED_AT = ". Alıntılandığı yer: "

# -- The persons register --------------------------------------------------------------

OTHER_SPELLINGS = "Başka yazımlar: "
SOURCE_SPELLING = "{spelling} (kaynak incelemede)"
PAGES_NAMING = "Geçtiği bölümler: "  # the site: the chapters (web pages) naming a person
PAGES_NAMING_IN_PRINT = "Geçtiği sayfalar: "  # the book: its printed pages

# -- The chronology ----------------------------------------------------------------------

#: ``tur`` of an entry → the word shown.
EVENT_KINDS = {
    "makale": "Makale",
    "mektup": "Mektup",
    "not": "Not",
    "rapor": "Rapor",
    "konuşma": "Konuşma",
    "tasarı": "Tasarı",
    "olay": "Olay",
}
#: How a text was produced, recorded only where it is known (the source study or the
#: standard editions say so): ``yazim`` → the sentence shown.
WRITING = {"dikte": "Dikte ettirildi", "yazdı": "Lenin’in kendi eliyle yazıldı"}
#: ``tarih_notu`` → the date with it ("Aralık 1922 sonu"; English "late December 1922").
DATE_NOTES = {"sonu": "{date} sonu", "başı": "{date} başı", "ortası": "{date} ortası"}
PUBLISHED = "Yayım: {where}."
DISCUSSED_AT = "Ele alındığı yer: "
CHRONOLOGY_COLUMNS = ("Tarih", "Belge ya da olay", "Tür", "Ele alındığı yer")
CHRONOLOGY_ENTRIES_HERE = "Kronolojideki kayıtlar"

# -- The documents register ({belgeler}) ------------------------------------------------

RUSSIAN_TITLE = "Rusça başlığı: "
DOCUMENT_DATE = "Tarihi: "
ADDRESSED_TO = "Kime: "
DOCUMENT_WRITING = "Yazılışı: "
FIRST_PUBLISHED = "İlk yayımı: "
CONCORDANCE_COLUMNS = ("Baskı", "Yeri", "Dayanak")
TURKISH_EDITIONS = "Türkçe baskılar (edisyonun alıntıladığı yerler)"
#: ``baski`` of a concordance row → the edition's name.
STANDARD_EDITIONS = {
    "pss": "Polnoye sobraniye soçineniy (PSS), 5. baskı",
    "cw": "Collected Works (Progress, Moskova)",
}
VOLUME_PAGES = "c. {volume}, s. {pages}"
NOT_VERIFIED = "bilinmiyor / doğrulanmadı"
FULL_TEXT = "Tam metin:"
#: ``yer`` of an address → where the text is ({host}: the address's host).
FULL_TEXT_PLACES = {
    "mia": "Marxists Internet Archive",
    "mia-yansisi": "MIA’nın bir yansısı ({host})",
    "aktarim": "Collected Works metninin bir aktarımı ({host})",
    "kopya": "MIA sayfasının bir kopyası ({host})",
}
#: The languages a reader looks for, said "not verified" when the register has no address.
FULL_TEXT_EXPECTED = ("en", "ru")
PARTS = "Parçaları (PSS’de):"
PART = "{name}: {date}, s. {pages} ({basis})"
LANGUAGES = {"en": "İngilizce", "ru": "Rusça", "tr": "Türkçe"}
QUOTED_FROM_IT = "Edisyondaki alıntılar: "
DISCUSSED_IN = "Ele alındığı bölümler: "
IN_CHRONOLOGY = "Kronolojide: "
DOCUMENT_NOTE = "Not: "

# -- Bibliography and citations (edition.content.bibstyle) ------------------------------

NO_YEAR = "t.y."  # tarih yok
AND = " ve "
PAGE = "s. "
TRANSLATED_BY = "çev. "
EDITED_BY = "yay. haz. "
IN_BOOK = " içinde"
IN_BOOK_BEFORE = ""  # English: "in *Book*"

# -- Links ---------------------------------------------------------------------------------

LINK_REMOVED = "(bağlantı kaldırıldı)"

# -- The PDF's page references and general index (edition.pdf.builder, pdf/typst) -----------

INDEX_TITLE = "Dizin"  # the book's general index, after the bibliography
INDEX_NOTE = (
    "Sayılar kitabın sayfalarıdır. Kişiler, adlarının geçtiği her sayfayla; Lenin’in "
    "belgeleri, alıntılandıkları, anıldıkları ve Belgeler kaydında yer aldıkları sayfalarla "
    "verilir. Dipnotlardaki kısa atıflar dizine girmez."
)
INDEX_PERSONS = "Kişiler"
INDEX_DOCUMENTS = "Lenin’in belgeleri"

# -- The "Atıf" control (edition.site.citing) ------------------------------------------

CITE = "Atıf"
CITE_SECTION = "Bu bölüme atıf"
DOWNLOAD = "Kitap olarak"
GENERAL_INDEX = "Dizin"  # the general index's entry in the navigation
CITE_LABEL = "{title}: atıf bilgisi"
CITE_TEXT = (
    "{author}, “{title}”, <em>{project}</em> içinde, çevrimiçi edisyon, {edition}, {url} "
    "(erişim: {accessed})."
)
ACCESSED_FORM = "gün.ay.yıl"
#: Which text a citation names: a release, or the development text of a day.
RELEASE = "sürüm {number}, {year}"
DEVELOPMENT = "geliştirme metni, {day}"
ONLINE_VERSION = "Çevrimiçi edisyon, {edition}"
#: The page's version line, under its title (edition.site.releases).
VERSION_LINE = "Sürüm {number}, {day}"
DEVELOPMENT_LINE = "Geliştirme metni, {day}"
LATEST_RELEASE = "son sürüm: {number}"
NO_RELEASE = "henüz sürüm yayımlanmadı"
CURRENT_TEXT = "Güncel metin: "
#: The banner of a release's frozen copy (``/<number>/``).
FROZEN_NOTICE = (
    "Bu sayfa edisyonun {number} sürümüdür ({day}); metni o günkü hâliyle korunur ve "
    "atıflar bu metne götürür."
)
FROZEN_LATEST = "Güncel sürümde aynı yer"
#: The change record ({surum-notlari}).
RELEASE_TITLE = "Sürüm {number} ({day})"
CHANGE_KINDS = {
    "icerik": "Metin düzeltmeleri",
    "yeni": "Yeni malzeme",
    "aygit": "Aygıt (notlar, dizinler, göndermeler)",
    "site": "Site, PDF ve EPUB",
}
RELEASE_LINKS = "Bu sürüm: "
RELEASE_PAGES = "sayfalar"
RELEASE_CHANGES = "{previous} sürümünden bu yana değişen cümleler"
COPY_CITATION = "Atfı kopyala"
COPY_BIBTEX = "BibTeX’i kopyala"
COPIED = "Kopyalandı"  # edition-cite.js, after a copy
SELECTED = "Seçildi: Ctrl+C ile kopyalayın"  # when the browser does not let it copy

# -- A page that moved (edition.site.redirects) -----------------------------------------

MOVED_TITLE = "Bu sayfa taşındı"
MOVED_TEXT = "Bu sayfa taşındı: {link}."
MOVED_LINK = "yeni yerine gidin"

# -- The PDF's imprint page (edition.pdf.builder.imprint) ------------------------------
# The page after the title page, as a printed book's copyright page. ``*…*`` is set in
# italics. The licence and the rights note say what LICENSE says.

IMPRINT_RESPONSIBILITY = (
    "Yayına hazırlayan: {author} (metinlerin seçimi ve tematik düzeni, Türkçe metin, editör "
    "notları, kronoloji, kayıtlar ve dizinler)."
)
IMPRINT_BASIS = (
    "Edisyon, Mehmet İnanç Turan ile Sait Almış’ın *Lenin’e Dönüş* kitabındaki “Lenin’in son "
    "yazıları ve mektupları” incelemesine dayanır: olgular ve konuların düzeni bu incelemeden "
    "alınmış, yazarların değerlendirmeleri kendi adlarıyla verilmiştir."
)
#: The version: the date of the edition's last change (a release number may join it).
IMPRINT_VERSION = "Sürüm: {date}"
IMPRINT_LICENCE = (
    "Edisyonun metni ve verileri Creative Commons Atıf-AynıLisanslaPaylaş 4.0 Uluslararası "
    "(CC BY-SA 4.0) lisansıyla yayımlanır: {url}"
)
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/legalcode.tr"
IMPRINT_RIGHTS = (
    "Lenin’den yapılan alıntıların Türkçe metinleri çevirmenlerine ve yayınevlerine aittir; "
    "bilimsel amaçla, sınırlı ölçüde ve kaynak gösterilerek alıntılanmıştır ve bu lisansın "
    "kapsamında değildir. Turan ile Almış’ın incelemesinin hakları yazarlarındadır."
)
#: Only when the site's address (``html_baseurl``) is set.
IMPRINT_ADDRESS = "Edisyonun web adresi: {url}"
IMPRINT_CITE = "Önerilen atıf"
#: The book as a whole, in the edition's citation style (compare CITE_TEXT); ``{at}`` is
#: ", <address>" when the site's address is set, else nothing.
CITE_PDF = "{author}, *{project}*, PDF sürümü, {date}{at}."

# -- Added for the English edition (issue 21); Turkish forms ---------------------------------

MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)
VOLUME = "c. "  # a volume of a set ("Collected Works, c. 45")
ISSUE = "sy. "  # a journal's issue
OTHERS = " vd."  # "and others" after the first authors
#: An {alinti}'s place in the English Collected Works (only the English edition shows it).
CW_SOURCE = "Lenin, *Collected Works*, c. {volume}, s. {pages}"
CW_DIFFERS = "İngilizce metin farklıdır: "
#: A page of the English edition with untranslated passages (the Turkish build never shows it).
UNTRANSLATED = "Bu sayfa henüz tümüyle çevrilmedi; çevrilmemiş bölümler Türkçe olarak görünür."
#: The language switcher: the other language's name, in that language.
OTHER_LANGUAGE = "English"
OTHER_LANGUAGE_LABEL = "Bu sayfanın İngilizcesi"
#: The book template's own words (pdf/typst/edition.typ, "words"), and its text language.
BOOK_WORDS = {
    "contents": "İçindekiler",
    "note": "Not",
    "warning": "Uyarı",
    "important": "Önemli",
    "seealso": "Ayrıca bakınız",
    "edition": "Edisyon",
    "page": "s.",  # a page reference: "(s. 11)"
}
BOOK_LANGUAGE = ("tr", "TR")  # Typst's lang and region: hyphenation, quotes

TURKISH_WORDS: dict[str, object] = {
    name: value for name, value in dict(globals()).items() if name.isupper()
}

ENGLISH: dict[str, object] = {
    "OBJECT_KINDS": {
        "quotation": "quotation",
        "conclusion": "conclusion",
        "chronology": "chronology entry",
        "person": "person",
        "document": "document",
    },
    "QUOTATION": "Quotation: {ident}",
    "QUOTATION_FOUND": "Quotation: {incipit}",
    "CONCLUSION": "Conclusion {number}: {title}",
    "NOTE": "Editorial note",
    "NOTE_KINDS": {
        "duzeltme": "correction",
        "bicim": "form",
        "ek-bilgi": "information added by the edition",
        "tartisma": "disputed reading",
        "ceviri": "translation",
    },
    "SOURCE_LINE": "Source: ",
    "BASIS": "Sections it rests on",
    "QUOTATIONS_IN_BASIS": "Quotations in these sections",
    "CONCLUSIONS_RESTING_HERE": "Conclusions resting on this section",
    "SECTIONS_RESTED_ON": (" — section it rests on: ", " — sections it rests on: "),
    "NO_DOCUMENT": "Quotations whose document the source does not name",
    "QUOTED_AT": ". Quoted at: ",
    "OTHER_SPELLINGS": "Other spellings: ",
    "SOURCE_SPELLING": "{spelling} (in the source study)",
    "PAGES_NAMING": "Named in: ",
    "PAGES_NAMING_IN_PRINT": "Named on pages: ",
    "EVENT_KINDS": {
        "makale": "Article",
        "mektup": "Letter",
        "not": "Note",
        "rapor": "Report",
        "konuşma": "Speech",
        "tasarı": "Draft",
        "olay": "Event",
    },
    "WRITING": {"dikte": "Dictated", "yazdı": "Written in Lenin’s own hand"},
    "DATE_NOTES": {"sonu": "late {date}", "başı": "early {date}", "ortası": "mid-{date}"},
    "PUBLISHED": "Published: {where}.",
    "DISCUSSED_AT": "Discussed in: ",
    "CHRONOLOGY_COLUMNS": ("Date", "Document or event", "Kind", "Discussed in"),
    "CHRONOLOGY_ENTRIES_HERE": "Entries in the chronology",
    "RUSSIAN_TITLE": "Russian title: ",
    "DOCUMENT_DATE": "Date: ",
    "ADDRESSED_TO": "To: ",
    "DOCUMENT_WRITING": "How it was written: ",
    "FIRST_PUBLISHED": "First published: ",
    "CONCORDANCE_COLUMNS": ("Edition", "Place", "Basis"),
    "TURKISH_EDITIONS": "Turkish editions (the places the Turkish edition quotes)",
    "STANDARD_EDITIONS": {
        "pss": "Polnoye sobraniye sochineniy (PSS), 5th edition",
        "cw": "Collected Works (Progress, Moscow)",
    },
    "VOLUME_PAGES": "vol. {volume}, p. {pages}",
    "NOT_VERIFIED": "unknown / not verified",
    "FULL_TEXT": "Full text:",
    "FULL_TEXT_PLACES": {
        "mia": "Marxists Internet Archive",
        "mia-yansisi": "a mirror of MIA ({host})",
        "aktarim": "a transcription of the Collected Works text ({host})",
        "kopya": "a copy of the MIA page ({host})",
    },
    "FULL_TEXT_EXPECTED": ("en", "ru"),
    "PARTS": "Its parts (in the PSS):",
    "PART": "{name}: {date}, p. {pages} ({basis})",
    "LANGUAGES": {"en": "English", "ru": "Russian", "tr": "Turkish"},
    "QUOTED_FROM_IT": "Quoted in the edition: ",
    "DISCUSSED_IN": "Discussed in: ",
    "IN_CHRONOLOGY": "In the chronology: ",
    "DOCUMENT_NOTE": "Note: ",
    "NO_YEAR": "n.d.",
    "AND": " and ",
    "PAGE": "p. ",
    "TRANSLATED_BY": "trans. ",
    "EDITED_BY": "ed. ",
    "IN_BOOK": "",
    "IN_BOOK_BEFORE": "in ",
    "LINK_REMOVED": "(link removed)",
    "INDEX_TITLE": "Index",
    "INDEX_NOTE": (
        "Numbers are the book’s pages. Persons are given with every page that names them; "
        "Lenin’s documents with the pages that quote or mention them and their entry in the "
        "Documents register. Short citations in the notes are not indexed."
    ),
    "INDEX_PERSONS": "Persons",
    "INDEX_DOCUMENTS": "Lenin’s documents",
    "CITE": "Cite",
    "CITE_SECTION": "Cite this section",
    "DOWNLOAD": "As a book",
    "GENERAL_INDEX": "Index",
    "CITE_LABEL": "{title}: how to cite",
    "CITE_TEXT": (
        "{author}, “{title}”, in <em>{project}</em>, online edition, {edition}, {url} "
        "(accessed {accessed})."
    ),
    "ACCESSED_FORM": "day.month.year",
    "RELEASE": "release {number}, {year}",
    "DEVELOPMENT": "development text, {day}",
    "ONLINE_VERSION": "Online edition, {edition}",
    "VERSION_LINE": "Release {number}, {day}",
    "DEVELOPMENT_LINE": "Development text, {day}",
    "LATEST_RELEASE": "latest release: {number}",
    "NO_RELEASE": "no release published yet",
    "CURRENT_TEXT": "Current text: ",
    "FROZEN_NOTICE": (
        "This page is release {number} of the edition ({day}); its text is kept as it was "
        "that day, and citations lead to this text."
    ),
    "FROZEN_LATEST": "The same place in the current release",
    "RELEASE_TITLE": "Release {number} ({day})",
    "CHANGE_KINDS": {
        "icerik": "Corrections to the text",
        "yeni": "New material",
        "aygit": "Apparatus (notes, registers, cross-references)",
        "site": "Site, PDF and EPUB",
    },
    "RELEASE_LINKS": "This release: ",
    "RELEASE_PAGES": "pages",
    "RELEASE_CHANGES": "sentences changed since release {previous}",
    "COPY_CITATION": "Copy the citation",
    "COPY_BIBTEX": "Copy the BibTeX",
    "COPIED": "Copied",
    "SELECTED": "Selected: press Ctrl+C to copy",
    "MOVED_TITLE": "This page has moved",
    "MOVED_TEXT": "This page has moved: {link}.",
    "MOVED_LINK": "go to its new place",
    "IMPRINT_RESPONSIBILITY": (
        "Edited by {author} (selection and thematic arrangement of the texts, the text, "
        "editorial notes, chronology, registers and indexes)."
    ),
    "IMPRINT_BASIS": (
        "The edition rests on the study “Lenin’in son yazıları ve mektupları” by Mehmet "
        "İnanç Turan and Sait Almış in their book *Lenin’e Dönüş* [Return to Lenin]: the "
        "facts and the order of the topics come from that study, and the authors’ "
        "judgements are given in their names."
    ),
    "IMPRINT_VERSION": "Version: {date}",
    "IMPRINT_LICENCE": (
        "The edition’s text and data are published under the Creative Commons "
        "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0): {url}"
    ),
    "LICENCE_URL": "https://creativecommons.org/licenses/by-sa/4.0/legalcode",
    "IMPRINT_RIGHTS": (
        "The English texts of Lenin quoted here are those of the *Collected Works* (Progress "
        "Publishers, Moscow), quoted for scholarly purposes, to a limited extent and with "
        "their source; they are not covered by this licence. The rights in Turan and "
        "Almış’s study belong to its authors."
    ),
    "IMPRINT_ADDRESS": "The edition on the web: {url}",
    "IMPRINT_CITE": "Suggested citation",
    "CITE_PDF": "{author}, *{project}*, PDF version, {date}{at}.",
    "MONTHS": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "VOLUME": "vol. ",
    "ISSUE": "no. ",
    "OTHERS": " et al.",
    "CW_SOURCE": "Lenin, *Collected Works*, vol. {volume}, p. {pages}",
    "CW_DIFFERS": "The English text differs: ",
    "UNTRANSLATED": (
        "This page is not yet fully translated; untranslated passages appear in Turkish."
    ),
    "OTHER_LANGUAGE": "Türkçe",
    "OTHER_LANGUAGE_LABEL": "This page in Turkish",
    "BOOK_WORDS": {
        "contents": "Contents",
        "note": "Note",
        "warning": "Warning",
        "important": "Important",
        "seealso": "See also",
        "edition": "Edition",
        "page": "p.",
    },
    "BOOK_LANGUAGE": ("en", "GB"),
}

#: The languages with a table of words: ``language`` of conf.py → its words.
TABLES: dict[str, dict[str, object]] = {"tr": TURKISH_WORDS, "en": ENGLISH}


def incomplete(table: dict[str, object]) -> list[str]:
    """What ``table`` lacks or has beyond the Turkish words (a dict's keys included)."""
    problems = [f"missing {name}" for name in TURKISH_WORDS if name not in table]
    problems += [f"unknown {name}" for name in table if name not in TURKISH_WORDS]
    for name, value in table.items():
        turkish = TURKISH_WORDS.get(name)
        if isinstance(turkish, dict) and (
            not isinstance(value, dict) or value.keys() != turkish.keys()
        ):
            problems.append(f"{name}: keys differ from the Turkish table")
        elif isinstance(turkish, tuple) and (
            not isinstance(value, tuple) or len(value) != len(turkish)
        ):
            problems.append(f"{name}: not as many items as the Turkish")
    return problems


if problems := incomplete(ENGLISH):
    raise ImportError("edition.core.words: the English table is incomplete: " + "; ".join(problems))


def use(language: str) -> None:
    """Put ``language``'s words in this module's names (Turkish for a language without a
    table: the edition's source language)."""
    globals().update(TABLES.get(language, TURKISH_WORDS))


def language_of(language: str | None) -> str:
    """The words' language for a build's ``language``: "en" or "tr"."""
    return "en" if (language or "").split("_")[0].split("-")[0] == "en" else "tr"
