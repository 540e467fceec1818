"""The English edition (issue 21): the same sources read with ``language = "en"``.

Its words (core/words.py's English table), the untranslated notice and the release's
refusal (checks/translation.py), the Collected Works place of every English quotation
(content/quotations.py), the language switcher and hreflang (site/languages.py), the
anchors (the same in both languages), the English search language, and the real site
built strictly in English.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from edition.core import words
from sphinx.util.docutils import patched_get_language

ENGLISH = {"language": "en"}
BOTH = {"edition_editions": "tr,en"}


def build(app) -> None:
    """As sphinx-build does: docutils patched not to warn about "tr" (test_sources.py)."""
    with patched_get_language():
        app.build()


def page(app, name: str = "index") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def ids(soup: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)}


# -- The words --------------------------------------------------------------------------


def test_the_english_table_has_every_word_and_no_other():
    assert words.incomplete(words.ENGLISH) == []
    assert set(words.TABLES) == {"tr", "en"}


def test_an_incomplete_table_is_named_word_by_word():
    table = dict(words.ENGLISH)
    del table["CITE"]
    table["NOTE_KINDS"] = {"duzeltme": "correction"}
    problems = words.incomplete(table)
    assert "missing CITE" in problems
    assert any(p.startswith("NOTE_KINDS:") for p in problems)


def test_use_switches_every_word_and_back():
    try:
        words.use("en")
        assert all(getattr(words, name) == value for name, value in words.ENGLISH.items())
    finally:
        words.use("tr")
    assert all(getattr(words, n) == v for n, v in words.TURKISH_WORDS.items())


def test_dates_follow_the_language():
    from edition.core.turkish import page_date, turkish_date

    try:
        words.use("en")
        assert turkish_date((1922, 12, 23)) == "23 December 1922"
        assert page_date("4–6 Ocak 1923") == "4–6 January 1923"
    finally:
        words.use("tr")
    assert turkish_date((1922, 12, 23)) == "23 Aralık 1922"


# -- A small project in both languages --------------------------------------------------


@pytest.mark.sphinx("html", testroot="english", copy_test_root=True, freshenv=True)
def test_the_turkish_build_is_untouched(app):
    build(app)
    assert app.warning.getvalue() == ""
    soup = page(app)
    assert soup.html["lang"] == "tr"
    assert not soup.select(".edition-untranslated")
    assert not soup.select(".alinti-cw-not")
    assert "Son Kavga" in soup.select_one("aside.footnote").get_text()
    assert not soup.select(".dil-secimi")  # one language built: no link to nothing


@pytest.mark.sphinx(
    "html", testroot="english", copy_test_root=True, freshenv=True, confoverrides=ENGLISH
)
def test_an_untranslated_page_says_so_and_a_translated_one_does_not(app):
    build(app)
    assert app.warning.getvalue() == ""
    soup = page(app)
    assert soup.html["lang"] == "en"
    notice = soup.select(".edition-untranslated")
    assert len(notice) == 1
    assert notice[0].get_text().strip() == words.ENGLISH["UNTRANSLATED"]
    assert "Henüz çevrilmemiş" in soup.get_text()  # the untranslated message, in Turkish
    assert "English text." in soup.get_text()
    assert not page(app, "cevrilmis").select(".edition-untranslated")
    # the build says which page and message
    assert "index: 1 of" in app.status.getvalue()
    assert "Henüz çevrilmemiş" in app.status.getvalue()


@pytest.mark.sphinx(
    "html", testroot="english", copy_test_root=True, freshenv=True, confoverrides=ENGLISH
)
def test_the_english_quotation_cites_the_collected_works(app):
    build(app)
    soup = page(app)
    quote = soup.select_one("blockquote.alinti, .alinti")
    note_id = quote.select_one("a.footnote-reference")["href"].lstrip("#")
    footnote = " ".join(soup.find(id=note_id).get_text().split())
    # the English words' source, and the Turkish translation's place (in the style's order)
    assert "Collected Works, vol. 36, p. 594–595" in footnote
    assert "Son Kavga, p. 88–89" in footnote
    differs = " ".join(quote.select_one(".alinti-cw-not").get_text().split())
    assert differs == "The English text differs: the Turkish translation lacks a sentence."
    cited = " ".join(soup.select_one(".bibliography").get_text().split())
    assert "Progress Publishers" in cited


@pytest.mark.sphinx(
    "html",
    testroot="english",
    copy_test_root=True,
    freshenv=True,
    confoverrides={**ENGLISH, "edition_require_translation": True},
)
def test_a_required_translation_fails_at_each_untranslated_message(app):
    build(app)
    warnings = app.warning.getvalue()
    found = re.findall(r"index\.md:(\d+): WARNING: untranslated message '([^']*)'", warnings)
    assert found == [("17", "Henüz çevrilmemiş bir cümle.")]
    assert "locale/en/LC_MESSAGES/index.po" in warnings
    assert "[edition.translation]" in warnings
    assert "cevrilmis.md" not in warnings


@pytest.mark.sphinx(
    "html",
    testroot="english",
    copy_test_root=True,
    freshenv=True,
    confoverrides={**ENGLISH, "edition_frozen": True},
)
def test_a_release_refuses_an_untranslated_message(app):
    build(app)
    assert "WARNING: untranslated message 'Henüz çevrilmemiş" in app.warning.getvalue()


def test_both_languages_have_the_same_anchors(make_app, rootdir, tmp_path):
    import shutil

    found = {}
    for language in ("tr", "en"):
        src = tmp_path / language
        shutil.copytree(rootdir / "test-english", src)
        app = make_app("html", srcdir=src, confoverrides={"language": language}, freshenv=True)
        build(app)
        found[language] = {name: ids(page(app, name)) for name in ("index", "cevrilmis")}
    for name, turkish in found["tr"].items():
        # every Turkish anchor exists in English (which may cite more: the CW's entries)
        assert turkish <= found["en"][name], (name, turkish - found["en"][name])
    assert "ikinci-bolum" in found["en"]["index"]


@pytest.mark.sphinx(
    "html",
    testroot="english",
    copy_test_root=True,
    freshenv=True,
    confoverrides={**ENGLISH, **BOTH},
)
def test_the_english_page_links_to_the_turkish_one(app):
    build(app)
    soup = page(app, "cevrilmis")
    switch = soup.select_one("a.dil-baglantisi")
    assert switch["href"] == "../cevrilmis.html"
    assert switch["hreflang"] == switch["lang"] == "tr"
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "tr": "../cevrilmis.html",
        "en": "../en/cevrilmis.html",
        "x-default": "../cevrilmis.html",
    }
    assert (app.outdir / "_static" / "edition-language.js").is_file()


@pytest.mark.sphinx(
    "html",
    testroot="english",
    copy_test_root=True,
    freshenv=True,
    confoverrides={**BOTH, "html_baseurl": "https://example.org/lenin/"},
)
def test_the_turkish_page_names_both_at_the_site_s_address(app):
    build(app)
    soup = page(app)
    switch = soup.select_one("a.dil-baglantisi")
    assert switch["href"] == "https://example.org/lenin/en/index.html"
    assert switch["hreflang"] == "en"
    hreflangs = sorted(link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]'))
    assert hreflangs == ["en", "tr", "x-default"]


def test_the_switcher_keeps_the_reader_s_place(make_app, rootdir, tmp_path, browser, serve):
    import shutil

    site = tmp_path / "site"
    for language in ("tr", "en"):
        src = tmp_path / language
        shutil.copytree(rootdir / "test-english", src)
        app = make_app(
            "html", srcdir=src, freshenv=True, confoverrides={"language": language, **BOTH}
        )
        build(app)
        shutil.copytree(app.outdir, site / ("en" if language == "en" else ""), dirs_exist_ok=True)
    address = serve(site)
    page = browser.new_page()
    for start, landed in [
        ("en/index.html#ikinci-bolum", "index.html#ikinci-bolum"),  # the same passage
        ("index.html#alinti-cw", "en/index.html#alinti-cw"),
        ("en/cevrilmis.html", "cevrilmis.html"),  # no fragment: the page
    ]:
        page.goto(address + start)
        page.wait_for_load_state("load")
        page.click("a.dil-baglantisi")
        page.wait_for_load_state("load")
        assert page.url == address + landed
    page.close()


@pytest.mark.sphinx(
    "html", testroot="english-cw", copy_test_root=True, freshenv=True, confoverrides=ENGLISH
)
def test_a_translated_quotation_without_its_collected_works_place_fails(app):
    build(app)
    warnings = app.warning.getvalue()
    assert re.search(
        r"index\.md:3: WARNING: quotation 'alinti-cevrilmis' is translated but has no :cw:; "
        r".*add ':cw: <volume>:<page>'",
        warnings,
    )
    assert "alinti-cevrilmemis" not in warnings  # still Turkish, with its Turkish source
    assert re.search(
        r"index\.md:\d+: WARNING: quotation 'alinti-bozuk': :cw: 'otuz altı' is not", warnings
    )
    assert "names volume 12, which has no entry 'lenin-cw-12'" in warnings
    assert warnings.count("[edition.cw]") == 3


@pytest.mark.sphinx("html", testroot="english-cw", copy_test_root=True, freshenv=True)
def test_a_malformed_collected_works_place_fails_in_turkish_too(app):
    build(app)
    warnings = app.warning.getvalue()
    assert "alinti-bozuk': :cw:" in warnings
    assert "is translated" not in warnings


# -- The real site in English -----------------------------------------------------------


@pytest.fixture(scope="module")
def english(site, tmp_path_factory):
    from conftest import SITE_SETTINGS, strict_build

    return strict_build(
        "html", tmp_path_factory.mktemp("english"), settings=(*SITE_SETTINGS, "language=en")
    )


def test_the_english_site_builds_strictly(english):
    assert english.status == 0, english.warnings
    soup = BeautifulSoup((english.outdir / "index.html").read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == "en"


def test_every_turkish_anchor_exists_on_the_english_site(site, english):
    """Every published anchor (data/anchors.txt: the pages and the fragments readers cite,
    which the anchors test keeps true of the Turkish site) at the same fragment in English;
    the ids docutils numbers (``id5``, a footnote mark's) are nobody's anchors."""
    from conftest import ROOT

    published = [
        line.strip()
        for line in (ROOT / "data" / "anchors.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(published) > 100
    missing = []
    pages: dict[str, set[str]] = {}
    for anchor in published:
        page, _, fragment = anchor.partition("#")
        path = english.outdir / f"{page}.html"
        if page not in pages:
            pages[page] = (
                ids(BeautifulSoup(path.read_text("utf-8"), "html.parser"))
                if path.is_file()
                else set()
            )
            if not path.is_file():
                missing.append(page)
        if fragment and fragment not in pages[page]:
            missing.append(anchor)
    assert missing == []


def test_every_english_quotation_cites_the_collected_works_or_is_marked_untranslated(english):
    for path in sorted(english.outdir.glob("*.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for quote in soup.select(".alinti"):
            mark = quote.select_one("a.footnote-reference")
            if mark is None:
                continue
            cited = soup.find(id=mark["href"].lstrip("#")).get_text()
            english_text = "Collected Works" in cited and "vol. " in cited and "p. " in cited
            assert english_text or soup.select(".edition-untranslated"), (path.name, quote["id"])


def test_the_english_register_names_persons_in_english(english):
    import yaml
    from conftest import ROOT

    persons = yaml.safe_load((ROOT / "data" / "kisiler.yaml").read_text("utf-8"))
    soup = BeautifulSoup((english.outdir / "kisiler.html").read_text("utf-8"), "html.parser")
    for person in persons:
        shown = soup.find(id=f"kisi-{person['id']}").get_text().strip("¶ ")
        name = person.get("ad_en", person["ad"])
        assert name.split()[-1] in shown, person["id"]  # headwords are surname first
        if "ad_en" in person:
            assert person["ad"] not in shown, person["id"]


def test_the_english_search_stems_english_and_the_turkish_folds(site, english):
    data = (english.outdir / "_static" / "language_data.js").read_text("utf-8")
    assert "EnglishStemmer" in data or "porter" in data.lower()
    assert "TurkishStemmer" not in data
    turkish = (site.html.outdir / "_static" / "language_data.js").read_text("utf-8")
    assert "TurkishStemmer" in turkish
    # the Turkish query folding (edition-search.js) is the Turkish search page's only
    assert "edition-search.js" in (site.html.outdir / "search.html").read_text("utf-8")
    assert "edition-search.js" not in (english.outdir / "search.html").read_text("utf-8")


# -- The catalogues ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def extracted(site, tmp_path_factory):
    """The real pages' messages, as ``nox -s messages`` extracts them (gettext builder)."""
    from conftest import strict_build

    return strict_build("gettext", tmp_path_factory.mktemp("gettext"))


def test_the_pages_messages_are_extracted_strictly_and_without_the_registers(extracted):
    import yaml
    from conftest import ROOT

    assert extracted.status == 0, extracted.warnings
    persons = yaml.safe_load((ROOT / "data" / "kisiler.yaml").read_text("utf-8"))
    register = (extracted.outdir / "kisiler.pot").read_text("utf-8")
    # the register's text comes from data.po and words.py, not from the page's catalogue
    assert not [p["id"] for p in persons if f'msgid "{p["ad"]}"' in register]
    for pot in extracted.outdir.glob("*.pot"):
        text = pot.read_text("utf-8")
        assert "uuid" not in text
        assert all(
            re.fullmatch(r"#: (\.\./)+\S*docs/[a-z-]+\.md(:\d+)?( .*)?", line)  # relative
            for line in text.splitlines()
            if line.startswith("#: ")
        )


def test_the_data_catalogue_is_relative_and_the_same_when_extracted_again(tmp_path):
    import sys

    import yaml
    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    import messages

    first = messages.extract_data(tmp_path / "one").read_bytes()
    again = messages.extract_data(tmp_path / "two").read_bytes()
    assert first == again
    text = first.decode("utf-8")
    locations = [line for line in text.splitlines() if line.startswith("#: ")]
    assert locations
    assert all(re.fullmatch(r"#: (data/[a-z-]+\.yaml:\d+ ?)+", line) for line in locations)
    chronology = yaml.safe_load((ROOT / "data" / "kronoloji.yaml").read_text("utf-8"))
    first_title = " ".join(chronology[0]["baslik"].split())
    assert first_title in " ".join(text.replace('"\n"', "").split())


# -- The data files' texts ----------------------------------------------------------------

DATA_PO = {
    "Uzun bir mektup": "A long letter",
    "Ayı bilinen bir olay": "An event known by its month",
    "Günü bilinen bir olay": "An event known by its day",
    "“Bir Makale”": "“An Article”",
    "Pravda": "Pravda",
}


def catalogue(path, messages: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{k}"\nmsgstr "{v}"\n' for k, v in messages.items())
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + body,
        encoding="utf-8",
    )


def chronology_in_english(make_app, rootdir, folder, data: dict[str, str], **settings):
    import shutil

    shutil.copytree(rootdir / "test-chronology", folder)
    (folder / "conf.py").write_text(
        (folder / "conf.py")
        .read_text("utf-8")
        .replace(
            '["myst_parser", "edition.registers.chronology"]',
            '["myst_parser", "edition.registers.chronology", "edition.checks.translation"]',
        )
        + '\nlocale_dirs = ["locale"]\n',
        encoding="utf-8",
    )
    messages = folder / "locale" / "en" / "LC_MESSAGES"
    catalogue(messages / "data.po", data)
    catalogue(messages / "kronoloji.po", {"Kronoloji": "Chronology"})
    app = make_app(
        "html", srcdir=folder, freshenv=True, confoverrides={"language": "en", **settings}
    )
    build(app)
    return app


def test_the_registers_read_the_data_in_english(make_app, rootdir, tmp_path):
    app = chronology_in_english(make_app, rootdir, tmp_path / "all", DATA_PO)
    assert app.warning.getvalue() == ""
    soup = page(app, "kronoloji")
    text = " ".join(soup.get_text().split())
    assert "A long letter" in text
    assert "Uzun bir mektup" not in text
    assert "late May 1922" in text  # the date's note, in English order
    assert "Dictated." in text
    assert not soup.select(".edition-untranslated")


def test_an_untranslated_data_text_shows_the_notice_and_fails_a_release(
    make_app, rootdir, tmp_path
):
    partial = {k: v for k, v in DATA_PO.items() if k != "Uzun bir mektup"}
    app = chronology_in_english(make_app, rootdir, tmp_path / "some", partial)
    assert app.warning.getvalue() == ""
    assert page(app, "kronoloji").select(".edition-untranslated")
    assert "1 of 4 entries have untranslated texts" in app.status.getvalue()
    app = chronology_in_english(
        make_app, rootdir, tmp_path / "release", partial, edition_require_translation=True
    )
    assert re.search(
        r"data/kronoloji\.yaml:1: WARNING: untranslated text 'Uzun bir mektup' of entry "
        r"'k-mektup'; translate it in locale/en/LC_MESSAGES/data\.po",
        app.warning.getvalue(),
    )


# -- A translated citation's locator -----------------------------------------------------


def test_a_translation_may_write_a_locator_in_english_not_cite_another_source():
    import logging

    from edition.content.citations import TranslatedLocators, locator_problem

    def report(original: list[str], translated: list[str]) -> logging.LogRecord:
        record = logging.LogRecord("sphinx", logging.WARNING, "", 0, "", (), None)
        record.msg = (
            "inconsistent term references in translated message. "
            f"original: {original!r}, translated: {translated!r}"
        )
        record.type, record.subtype = "i18n", "inconsistent_references"
        return record

    kept = TranslatedLocators().filter
    turkish = [":cite:alp:`kitap{s. 12}`", ":ref:`ikinci bölüm <ikinci-bolum>`"]
    assert not kept(
        report(turkish, [":ref:`the second <ikinci-bolum>`", ":cite:alp:`kitap{p. 12}`"])
    )
    assert kept(report(turkish, [":cite:alp:`baska{p. 12}`", ":ref:`x <ikinci-bolum>`"]))
    assert kept(report(turkish, [":cite:alp:`kitap{p. 12}`", ":ref:`x <baska-bolum>`"]))
    assert kept(report(turkish, [":cite:alp:`kitap{p. 12}`"]))  # a reference dropped
    assert locator_problem("pp. 88–89", english=True) is None
    assert locator_problem("section “Sonuç”, point 2", english=True) is None
    assert locator_problem("s. 88–89", english=True) is None  # a message left in Turkish
    assert locator_problem("pp. 88–89") is not None  # the Turkish pages write Turkish


@pytest.mark.sphinx(
    "html", testroot="english", copy_test_root=True, freshenv=True, confoverrides=ENGLISH
)
def test_the_translated_citation_shows_its_english_locator(app):
    build(app)
    assert app.warning.getvalue() == ""
    notes = " ".join(n.get_text() for n in page(app, "cevrilmis").select("aside.footnote"))
    assert "p. 12" in notes
    assert "s. 12" not in notes


# -- What an English reader's browser gets ---------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_english_page(english, browser, serve, scheme):
    import importlib.resources

    axe = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text("utf-8")
    base = serve(english.outdir)
    # axe is injected from the test (the pages' policy would refuse it, rightly)
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    found = {}
    for path in sorted(english.outdir.glob("*.html")):
        page = context.new_page()
        page.goto(base + path.name, wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "en", path.name
        page.evaluate(axe)
        result = page.evaluate("async () => await axe.run(document)")
        assert result["passes"], path.name  # axe did run its rules
        found[path.name] = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
        ]
        page.close()
    context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_an_english_theme_page_weighs_what_a_turkish_one_does(english, browser, serve):
    """At most ten requests, all from the site, and at most 40 KB gzip-compressed besides
    the text face (the bench's targets)."""
    import gzip

    base = serve(english.outdir)
    page = browser.new_page()
    seen = []
    page.on("response", lambda response: seen.append((response.url, response.status)))
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    page.close()
    assert len(seen) <= 10
    assert all(url.startswith(base) and status == 200 for url, status in seen), seen
    size = 0
    for url, _ in seen:
        local = url.removeprefix(base).split("#")[0].split("?")[0]
        if not local.endswith(".woff2"):
            size += len(gzip.compress((english.outdir / local).read_bytes(), 6, mtime=0))
    assert size <= 40 * 1024


def test_no_id_repeats_on_an_english_page(english):
    """A translated message is parsed on its own, its numbered ids from ``id1`` again:
    renumbered in the page (content/citations.py, NumberTranslatedIds)."""
    for path in sorted(english.outdir.glob("*.html")):
        found = ids_in_order(BeautifulSoup(path.read_text("utf-8"), "html.parser"))
        assert sorted({i for i in found if found.count(i) > 1}) == [], path.name


def ids_in_order(soup: BeautifulSoup) -> list[str]:
    return [tag["id"] for tag in soup.find_all(id=True)]


def test_the_nu_html_checker_finds_no_error_on_any_english_page(english):
    from test_html import nu_errors

    assert nu_errors(english.outdir) == []
