"""Fault cases for values where they enter (collected by tests/test_faults.py): the data files
(safe reading, their JSON Schemas in the build), the locators of {alinti} and {kaynak}, and
references.bib (ASCII keys, @string order, size). Each edits a copy of the site and returns
the expected "file:line" and a piece of the one-line message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from faultkit import edit, line_of

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

ANCHORS = "is not allowed: the data files use no YAML anchors (&name) or aliases (*name)"
PAGE_FORMS = "write one of '180', '88-89', '209, 213', '180 vd.'"
LOCATOR_FORMS = "write one of 's. 180', 's. 88–89', 's. 209, 213', 's. 180 vd.'"
NOT_A_PLACE = "is not a page or a place the edition cites"


def bomb(first_key: str) -> str:
    """A "billion laughs": ten levels of ten aliases each (10**10 strings once expanded)."""
    levels = [f"  {first_key}: &l0 [{', '.join(['ha'] * 10)}]\n"]
    levels += [f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n" for n in range(1, 10)]
    return "".join(levels)


def append(path: Path, text: str) -> int:
    """Append ``text`` to ``path``; the line it starts on."""
    old = path.read_text(encoding="utf-8")
    old += "" if old.endswith("\n") else "\n"
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


# -- Data files ---------------------------------------------------------------------------


def alias_bomb_in_chronology(root: Path) -> tuple[str, str]:
    data = root / "data" / "kronoloji.yaml"
    line = append(data, "\n- id: k-bomba\n  tarih: 1922-12-13\n" + bomb("baslik")) + 3
    return f"data/kronoloji.yaml:{line}", f"an anchor (&l0) {ANCHORS}"


def alias_bomb_in_persons(root: Path) -> tuple[str, str]:
    data = root / "data" / "kisiler.yaml"
    line = append(data, "\n- id: bomba\n" + bomb("ad")) + 2
    return f"data/kisiler.yaml:{line}", f"an anchor (&l0) {ANCHORS}"


def anchor_alone(root: Path) -> tuple[str, str]:
    line = edit(
        root / "data" / "kronoloji.yaml",
        "  baslik: Lenin ağır bir ameliyat geçirir.",
        "  baslik: &ameliyat Lenin ağır bir ameliyat geçirir.",
    )
    return f"data/kronoloji.yaml:{line}", f"an anchor (&ameliyat) {ANCHORS}"


def alias_alone(root: Path) -> tuple[str, str]:
    line = edit(root / "data" / "kisiler.yaml", "  ad: Stalin\n", "  ad: *lenin\n")
    return f"data/kisiler.yaml:{line}", f"an alias (*lenin) {ANCHORS}"


def key_given_twice(root: Path) -> tuple[str, str]:
    line = edit(root / "data" / "kisiler.yaml", "  ad: Stalin\n", "  ad: Stalin\n  ad: Staline\n")
    return f"data/kisiler.yaml:{line + 1}", (
        f"the field 'ad' is given twice in this entry (first at line {line}); keep one"
    )


def kind_as_a_list(root: Path) -> tuple[str, str]:
    data = root / "data" / "kronoloji.yaml"
    line = line_of(data, "  baslik: Lenin ağır bir ameliyat geçirir.") + 1
    edit(
        data,
        "  baslik: Lenin ağır bir ameliyat geçirir.\n  tur: olay\n",
        ("  baslik: Lenin ağır bir ameliyat geçirir.\n  tur: [olay]\n"),
    )
    return f"data/kronoloji.yaml:{line}", (
        "entry 'k-1922-04-23-ameliyat': tur: ['olay'] is not one of ['makale', 'mektup'"
    )


def title_as_a_list(root: Path) -> tuple[str, str]:
    line = edit(
        root / "data" / "kronoloji.yaml",
        "  baslik: Lenin ağır bir ameliyat geçirir.",
        "  baslik: [bir, iki]",
    )
    return f"data/kronoloji.yaml:{line}", (
        "entry 'k-1922-04-23-ameliyat': baslik: ['bir', 'iki'] is not of type 'string'; "
        "The document's title, or what happened."
    )


def sections_as_text(root: Path) -> tuple[str, str]:
    data = root / "data" / "kronoloji.yaml"
    line = edit(data, "  bolumler: [giris-hastalik]\n", "  bolumler: giris-hastalik\n")
    return f"data/kronoloji.yaml:{line}", (
        "bolumler: 'giris-hastalik' is not of type 'array'; Labels of the sections"
    )


def name_as_a_boolean(root: Path) -> tuple[str, str]:
    line = edit(root / "data" / "kisiler.yaml", "  ad: Stalin\n", "  ad: yes\n")
    return f"data/kisiler.yaml:{line}", "entry 'stalin': ad: True is not of type 'string'"


def variants_as_text(root: Path) -> tuple[str, str]:
    line = edit(
        root / "data" / "kisiler.yaml",
        "  varyantlar: [Trotsky, Trotskiy, Trotski, Trotzki]",
        "  varyantlar: Trotsky",
    )
    return f"data/kisiler.yaml:{line}", (
        "entry 'trocki': varyantlar: 'Trotsky' is not of type 'array'"
    )


def set_field(path: Path, ident: str, name: str, value: str) -> int:
    """Give field ``name`` of the entry ``ident`` the YAML ``value``; the field's line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"- id: {ident}\n")
    index = next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {name}: "))
    lines[index] = f"  {name}: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return index + 1


def role_as_a_mapping(root: Path) -> tuple[str, str]:
    line = set_field(root / "data" / "kisiler.yaml", "stalin", "rol", "{bir: iki}")
    return f"data/kisiler.yaml:{line}", (
        "entry 'stalin': rol: {'bir': 'iki'} is not of type 'string'"
    )


def over_long_title(root: Path) -> tuple[str, str]:
    line = edit(
        root / "data" / "kronoloji.yaml",
        "  baslik: Lenin ağır bir ameliyat geçirir.",
        "  baslik: " + "Lenin ağır bir ameliyat geçirir. " * 3000,
    )
    return f"data/kronoloji.yaml:{line}", "is too long (98999 characters; at most 300)"


def over_long_role(root: Path) -> tuple[str, str]:
    line = set_field(root / "data" / "kisiler.yaml", "lenin", "rol", "Önder. " * 200)
    return f"data/kisiler.yaml:{line}", "is too long (1399 characters; at most 1000)"


def deep_nesting(root: Path) -> tuple[str, str]:
    """Fifty thousand nested lists overflowed PyYAML's recursion (a traceback)."""
    line = edit(
        root / "data" / "kronoloji.yaml",
        "  bolumler: [giris-hastalik]\n",
        "  bolumler: " + "[" * 50000 + "]" * 50000 + "\n",
    )
    return f"data/kronoloji.yaml:{line}", "lists and mappings are nested more than 8 deep here"


def python_tag(root: Path) -> tuple[str, str]:
    line = edit(
        root / "data" / "kisiler.yaml",
        "  ad: Stalin\n",
        "  ad: !!python/object/apply:os.system [echo]\n",
    )
    return f"data/kisiler.yaml:{line}", (
        "the tag '!!python/object/apply:os.system' is not allowed: the data files hold only "
        "texts, and lists and mappings of them (no '!!' tags, no merge keys)"
    )


def oversized_data_file(root: Path) -> tuple[str, str]:
    data = root / "data" / "kronoloji.yaml"
    append(data, ("# " + "x" * 98 + "\n") * 3000)
    size = data.stat().st_size
    return "data/kronoloji.yaml:1", (
        f"the file is {size} bytes; a data file may hold at most 262144 bytes (256 KiB)"
    )


# -- Locators -----------------------------------------------------------------------------


def first_quotation(root: Path, sayfa: str) -> tuple[str, str]:
    page = root / "docs" / "dis-ticaret-tekeli.md"
    line = line_of(page, ":::{alinti} ")
    edit(page, ":sayfa: 180\n", f":sayfa: {sayfa}\n")
    return f"docs/dis-ticaret-tekeli.md:{line}", ":sayfa: "


def negative_page(root: Path) -> tuple[str, str]:
    where, _ = first_quotation(root, "-5")
    return where, f":sayfa: '-5' {NOT_A_PLACE}; {PAGE_FORMS}"


def alphabetic_page(root: Path) -> tuple[str, str]:
    where, _ = first_quotation(root, "abc")
    return where, f":sayfa: 'abc' {NOT_A_PLACE}; {PAGE_FORMS}"


def zero_page(root: Path) -> tuple[str, str]:
    where, _ = first_quotation(root, "0")
    return where, f":sayfa: '0' {NOT_A_PLACE}; {PAGE_FORMS}"


def over_long_page(root: Path) -> tuple[str, str]:
    where, _ = first_quotation(root, "180, " * 2000 + "181")
    return where, f"is 10003 characters long (at most 100); {PAGE_FORMS}"


def backwards_page_range(root: Path) -> tuple[str, str]:
    page = root / "docs" / "ulusal-sorun.md"
    edit(page, ":sayfa: 88-89\n", ":sayfa: 89-88\n")
    text = page.read_text(encoding="utf-8")
    line = text[: text.index(":sayfa: 89-88")].rindex(":::{alinti} ")
    return f"docs/ulusal-sorun.md:{text[:line].count(chr(10)) + 1}", (
        ":sayfa: '89-88' has the range 89–88, which runs backwards; write the lower page first"
    )


def over_long_document_title(root: Path) -> tuple[str, str]:
    page = root / "docs" / "dis-ticaret-tekeli.md"
    line = line_of(page, ":::{alinti} ")
    edit(page, ":belge: dis-ticaret-tekeli\n", ":belge: " + "Belge " * 20000 + "\n")
    return f"docs/dis-ticaret-tekeli.md:{line}", (
        "quotation 'alinti-dis-ticaret-korunma': :belge: 'Belge Belge"
    )


def unknown_document(root: Path) -> tuple[str, str]:
    page = root / "docs" / "dis-ticaret-tekeli.md"
    line = line_of(page, ":::{alinti} ")
    edit(page, ":belge: dis-ticaret-tekeli\n", ":belge: dis-ticaret-tekelii\n")
    return f"docs/dis-ticaret-tekeli.md:{line}", (
        "quotation 'alinti-dis-ticaret-korunma' names the document 'dis-ticaret-tekelii', "
        "which data/belgeler.yaml does not list"
    )


def unreadable_quotation_date(root: Path) -> tuple[str, str]:
    page = root / "docs" / "dis-ticaret-tekeli.md"
    line = line_of(page, ":::{alinti} ")
    edit(page, ":tarih: 13 Aralık 1922\n", ":tarih: 1922-12-13 <b>\n")
    return f"docs/dis-ticaret-tekeli.md:{line}", (
        "quotation 'alinti-dis-ticaret-korunma': :tarih: '1922-12-13 <b>' is not a date as the "
        "pages write it; write '13 Aralık 1922', '4–6 Ocak 1923' or 'Mart 1923'"
    )


def negative_locator(root: Path) -> tuple[str, str]:
    page = root / "docs" / "kaynakca.md"
    line = edit(page, "{kaynak}`lenin-son-kavgasi, s. 180`", "{kaynak}`lenin-son-kavgasi, s. -5`")
    return f"docs/kaynakca.md:{line}", (
        "the locator 's. -5' of 'lenin-son-kavgasi' in {kaynak}`lenin-son-kavgasi, s. -5` "
        f"{NOT_A_PLACE}; {LOCATOR_FORMS}"
    )


def alphabetic_locator(root: Path) -> tuple[str, str]:
    page = root / "docs" / "sonuclar.md"
    line = edit(
        page,
        "{kaynak}`turan-almis-son-yazilar, “Sonuç” bölümü, 2. madde`",
        "{kaynak}`turan-almis-son-yazilar, abc`",
    )
    return f"docs/sonuclar.md:{line}", (
        f"the locator 'abc' of 'turan-almis-son-yazilar' in {{kaynak}}`turan-almis-son-yazilar, "
        f"abc` {NOT_A_PLACE}; {LOCATOR_FORMS}"
    )


def over_long_locator(root: Path) -> tuple[str, str]:
    page = root / "docs" / "kaynakca.md"
    role = f"{{kaynak}}`lenin-son-kavgasi, s. {'9' * 9997}`"
    line = edit(page, "{kaynak}`lenin-son-kavgasi, s. 180`", role)
    return f"docs/kaynakca.md:{line}", (
        f"of 'lenin-son-kavgasi' in {role[:59]}… is 10000 characters long (at most 100); "
        f"{LOCATOR_FORMS}"
    )


def too_many_sources(root: Path) -> tuple[str, str]:
    page = root / "docs" / "kaynakca.md"
    many = "; ".join(["lenin-son-kavgasi, s. 180"] * 11)
    line = edit(page, "{kaynak}`lenin-son-kavgasi, s. 180`", f"{{kaynak}}`{many}`")
    return f"docs/kaynakca.md:{line}", "11 sources in {kaynak}`lenin-son-kavgasi, s. 180; lenin-"


# -- references.bib -----------------------------------------------------------------------


def non_ascii_key(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    line = append(bib, "\n@book{troçki-hayatım,\n  author = {Troçki},\n  title = {Hayatım},\n}\n")
    return f"references.bib:{line + 1}", (
        "the key 'troçki-hayatım' is not ASCII; write it with ASCII letters, digits and "
        "hyphens (e.g. 'trocki-hayatim')"
    )


def over_long_bib_field(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    line = edit(
        bib, "  title      = {Lenin’in Son Kavgası},", "  title      = {" + "Kavga " * 20000 + "},"
    )
    return f"references.bib:{line}", (
        "the field 'title' of the entry 'lenin-son-kavgasi' is 119999 characters long (at most 500)"
    )


def string_loop(root: Path) -> tuple[str, str]:
    bib = root / "references.bib"
    line = edit(
        bib,
        "@book{lenin-son-kavgasi,",
        "@string{yay = yayinevi}\n@string{yayinevi = yay}\n\n@book{lenin-son-kavgasi,",
    )
    return f"references.bib:{line}", (
        "the @string 'yay' uses the string 'yayinevi', which is not defined above this line; "
        "define each @string before its first use"
    )


def string_using_itself_after_an_entry(root: Path) -> tuple[str, str]:
    """Read entry by entry, this was blamed on lenin-son-kavgasi, which then vanished."""
    bib = root / "references.bib"
    line = edit(
        bib,
        "@book{lenin-ekim-devrimi-dosyasi,",
        "@string{sol = sol # { Yayınları}}\n\n@book{lenin-ekim-devrimi-dosyasi,",
    )
    return f"references.bib:{line}", (
        "the @string 'sol' uses the string 'sol', which is not defined above this line"
    )


def oversized_bib(root: Path) -> tuple[str, str]:
    """25,000 uncited entries, 5 MB: refused where the limit is crossed; the rest unread."""
    bib = root / "references.bib"
    entry = "@book{{uydurma-{n},\n  author = {{Uydurma}},\n  title = {{{title}}},\n}}\n\n"
    start = append(bib, "\n")
    text = bib.read_text(encoding="utf-8")
    entries = [entry.format(n=n, title="Başlık " + "x" * 150) for n in range(25000)]
    size, line = len(text.encode()), start + 1
    crossing = None
    for one in entries:
        size += len(one.encode())
        if size > 256 * 1024 and crossing is None:
            crossing = line
        line += one.count("\n")
    bib.write_text(text + "".join(entries), encoding="utf-8")
    return f"references.bib:{crossing}", (
        "over the limit of 262144 bytes (256 KiB) from this entry on, and nothing from here "
        "on is read; keep only the sources the edition cites"
    )


FAULTS: list[Callable[[Path], tuple[str, str]]] = [
    alias_bomb_in_chronology,
    alias_bomb_in_persons,
    anchor_alone,
    alias_alone,
    key_given_twice,
    kind_as_a_list,
    title_as_a_list,
    sections_as_text,
    name_as_a_boolean,
    variants_as_text,
    role_as_a_mapping,
    over_long_title,
    over_long_role,
    deep_nesting,
    python_tag,
    oversized_data_file,
    negative_page,
    alphabetic_page,
    zero_page,
    over_long_page,
    backwards_page_range,
    over_long_document_title,
    unknown_document,
    unreadable_quotation_date,
    negative_locator,
    alphabetic_locator,
    over_long_locator,
    too_many_sources,
    non_ascii_key,
    over_long_bib_field,
    string_loop,
    string_using_itself_after_an_entry,
    oversized_bib,
]
