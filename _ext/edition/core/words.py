"""The Turkish words the edition generates for its readers, in one place.

Headings, labels and link texts that no page's author writes: the titles of generated
lists, the words of notes, registers, the chronology, bibliography entries, the "Atıf"
control and a moved page. A part that shows the reader a word imports it from here, so a
change of wording (or, later, a translation) is made once. Messages for contributors are
not here: they are English and live with the check that gives them.
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
#: ``tarih_notu`` → the word after the month ("Aralık 1922 sonu").
DATE_NOTES = {"sonu": "sonu", "başı": "başı", "ortası": "ortası"}
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
