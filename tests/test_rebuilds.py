"""What an edit makes the build do again, and the data read the fast way (issue 9); what a
rebuild publishes (issue 14).

No timing here: ``nox -s bench`` measures. These tests hold the behaviour the speed-ups
rest on: an edit re-reads only its page, writes again only the pages that show it, and
the fast YAML parser reads the data exactly as the careful one does. And an incremental
build, through tools/publish.py as ``nox -s docs`` runs it, publishes byte for byte what a
clean build publishes: with no change, after an edit undone, after a .bib file broken and
mended.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import publishkit
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import require_marker
from test_faults import PUBLISH, SOURCES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def read_pages(status: str) -> list[str]:
    return re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", ANSI.sub("", status))


def written_pages(status: str) -> list[str]:
    return re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", ANSI.sub("", status))


@pytest.mark.sphinx("html", testroot="incremental", copy_test_root=True, freshenv=True)
def test_a_footnote_name_shared_by_two_pages_does_not_make_both_read_again(app, status):
    app.build()
    status.truncate(0)
    status.seek(0)
    bir = app.srcdir / "bir.md"
    bir.write_text(bir.read_text(encoding="utf-8") + "\nBir cümle daha.\n", encoding="utf-8")
    app.build()
    # both pages have a footnote named "1": that is not a label they share
    assert read_pages(status.getvalue()) == ["bir"]
    assert app.env.edition_labels["bir"] == {"bir-bolum"}


@pytest.mark.sphinx("html", testroot="incremental", copy_test_root=True, freshenv=True)
def test_a_label_two_pages_share_still_makes_both_read_again(app, status):
    """labels.py's own purpose stays: the page that kept a duplicated label is read again."""
    iki = app.srcdir / "iki.md"
    iki.write_text("(bir-bolum)=\n" + iki.read_text(encoding="utf-8"), encoding="utf-8")
    app.build()
    status.truncate(0)
    status.seek(0)
    iki.write_text(iki.read_text(encoding="utf-8").replace("(bir-bolum)=\n", "", 1), "utf-8")
    app.build()
    assert sorted(read_pages(status.getvalue())) == ["bir", "iki"]


@pytest.mark.sphinx("html", testroot="conclusions", copy_test_root=True, freshenv=True)
def test_editing_a_theme_page_writes_the_conclusions_again(app, status):
    app.build()
    tema = app.srcdir / "tema.md"
    tema.write_text(
        tema.read_text(encoding="utf-8").replace("## Birinci bölüm", "## İlk bölüm"), "utf-8"
    )
    status.truncate(0)
    status.seek(0)
    app.build()
    assert read_pages(status.getvalue()) == ["tema"]
    assert "sonuclar" in written_pages(status.getvalue())
    page = BeautifulSoup((app.outdir / "sonuclar.html").read_text("utf-8"), "html.parser")
    basis = " ".join(p.get_text(" ", strip=True) for p in page.select("p.sonuc-dayanak"))
    assert "İlk bölüm" in basis
    assert "Birinci bölüm" not in basis


@pytest.mark.parametrize("name", ["kronoloji.yaml", "kisiler.yaml"])
def test_the_fast_yaml_parser_reads_the_data_as_the_careful_one(name):
    from edition.core.data import FastLineLoader, LineLoader

    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    assert yaml.__with_libyaml__, "PyYAML without libyaml: the data is read the slow way"
    assert FastLineLoader.__mro__[1] is yaml.CSafeLoader
    assert yaml.load(text, Loader=FastLineLoader) == yaml.load(text, Loader=LineLoader)


def test_a_broken_data_file_still_gets_the_careful_message():
    from edition.core.data import load_yaml

    with pytest.raises(yaml.YAMLError) as error:
        load_yaml("- id: a\n  bolumler: [bir, iki\n  tarih: 1923\n")
    assert "while parsing a flow sequence" in str(error.value)  # PyYAML's words, not libyaml's


def test_the_plain_text_backend_is_found_without_scanning_entry_points():
    import pybtex.plugin
    from edition.content.bibstyle import remember_plaintext_backend

    remember_plaintext_backend()
    found = pybtex.plugin._RUNTIME_PLUGINS["pybtex.backends"]["plaintext"]
    assert found is pybtex.plugin.find_plugin("pybtex.backends", "plaintext")
    assert found.__module__ == "pybtex.backends.plaintext"


def test_the_stemmer_remembers_words_across_pages_and_builds():
    from edition.site.search import STEMS, TurkishSearch

    search = TurkishSearch({})
    assert search.stem("Kooperatiflerin") == search.stem("kooperatiflerin")
    assert STEMS["Kooperatiflerin"] == search.stemmer.stemWord("kooperatiflerin")
    # a later build's search language (the live preview builds again in one process)
    assert TurkishSearch({}).stem("Kooperatiflerin") == STEMS["Kooperatiflerin"]


def test_the_benchmark_s_larger_edition_renames_every_id(tmp_path, monkeypatch):
    """tools/bench.py copies the prose pages under other names: no id may repeat."""
    import bench

    monkeypatch.setattr(bench, "WORK", tmp_path)
    src = bench.copy_docs(tmp_path / "x3", 3)
    pages = sorted(src.glob("*.md"))
    assert len(pages) == len(list((ROOT / "docs").glob("*.md"))) + 2 * len(bench.CONTENT)
    ids = [
        next(g for g in match.groups() if g)
        for path in pages
        for match in bench.OWN_ID.finditer(path.read_text(encoding="utf-8"))
    ]
    assert len(ids) == len(set(ids)) > 100
    copy = (src / "sonuclar-k03.md").read_text(encoding="utf-8")
    assert ":dayanak: devlet-aygiti-nitelik-k03 devlet-aygiti-oneriler-k03" in copy
    assert "ulusal-sorun-k02" in (src / "index.md").read_text(encoding="utf-8")
    # a document's id names data (data/belgeler.yaml), not the page: never renamed
    documents = {
        entry["id"]
        for entry in yaml.safe_load((ROOT / "data" / "belgeler.yaml").read_text("utf-8"))
    }
    named = {
        m.group(1)
        for path in pages
        for m in re.finditer(
            r"(?:\{edition:belge\}`|:belge: )([a-z0-9-]+)", path.read_text("utf-8")
        )
    }
    assert named
    assert named <= documents, sorted(named - documents)


# -- Rebuilds publish what a clean build publishes (issue 14) ----------------------------


def published_files(root: Path) -> dict[str, bytes]:
    """Every published file (build/html, build/pdf) by its path, with its bytes."""
    build = root / "build"
    return {
        path.relative_to(build).as_posix(): path.read_bytes()
        for part in ("html", "pdf")
        for path in sorted((build / part).rglob("*"))
        if path.is_file()
    }


def differences(now: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    """What differs from the clean build: files missing, added, or with other bytes."""
    return sorted(
        [f"missing {name}" for name in clean.keys() - now.keys()]
        + [f"added {name}" for name in now.keys() - clean.keys()]
        + [f"changed {name}" for name in clean.keys() & now.keys() if now[name] != clean[name]]
    )


def copy_sources(source: Path, target: Path) -> Path:
    """The edition's sources of ``source`` (a checkout or a copy) copied to ``target``."""
    target.mkdir(parents=True)
    for name in SOURCES:
        if (source / name).is_dir():
            shutil.copytree(
                source / name, target / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source / name, target / name)
    return target


#: The date of the edition's last commit, as tools/publish.py passes it on: 5 March 2001.
EPOCH = "983793600"


def run_publish(
    root: Path, epoch: str | None = EPOCH, *, way: str = "rebuild"
) -> subprocess.CompletedProcess[str]:
    """``nox -s docs``'s run of tools/publish.py, dated as by a commit of ``epoch`` (None:
    by the checkout's last commit, as tools/publish.py finds it).

    ``way``: ``"rebuild"`` through the server of tests/publishkit.py (Sphinx imported
    once); ``"clean"``, for the clean builds a rebuild is compared with, through its second
    server, so that the two never share a process's start (its hash seed): what differs
    between two processes shows as a difference; ``"own"``: ``python tools/publish.py``
    in a process of its own, exactly as nox runs it."""
    require_marker("publish", "runs tools/publish.py")
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = epoch
    if way != "own":
        server = {"rebuild": publishkit.SERVER, "clean": publishkit.REFERENCE}[way]
        return publishkit.run_publish(["--root", str(root)], environment, server)
    return subprocess.run(
        [sys.executable, str(PUBLISH), "--root", str(root)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@dataclass
class Rebuilt:
    root: Path
    clean: dict[str, bytes]  #: what the clean build published

    def publish(self) -> subprocess.CompletedProcess[str]:
        return run_publish(self.root)

    def publish_again(self) -> str:
        """Publish; say what differs from the clean build (nothing, when all is well)."""
        result = self.publish()
        assert result.returncode == 0, result.stdout + result.stderr
        return "\n".join(differences(published_files(self.root), self.clean))


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    """A copy of the edition, built once from clean: the output every rebuild must equal."""
    root = copy_sources(ROOT, tmp_path_factory.mktemp("rebuilds") / "site")
    site = Rebuilt(root, {})
    result = run_publish(root, way="own")  # exactly as nox runs it
    assert result.returncode == 0, result.stdout + result.stderr
    site.clean = published_files(root)
    return site


def search_index(files: dict[str, bytes]) -> dict:
    text = files["html/searchindex.js"].decode("utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def index_entries(files: dict[str, bytes]) -> int:
    """How many index entries (the persons' mentions) the published search index holds."""
    return sum(len(places) for places in search_index(files)["indexentries"].values())


@pytest.mark.publish
def test_a_rebuild_without_change_publishes_what_the_clean_build_did(rebuilt):
    assert index_entries(rebuilt.clean) > 50  # each page's first mention of each person
    assert rebuilt.publish_again() == ""
    assert rebuilt.publish_again() == ""  # and once more


@pytest.mark.publish
def test_an_edit_undone_publishes_what_the_clean_build_did(rebuilt):
    page = rebuilt.root / "docs" / "giris.md"
    original = page.read_text(encoding="utf-8")
    # new words, and persons named on a page that did not name them
    page.write_text(
        original + "\nÇalışkanlık üzerine bir deneme: Troçki, Kamenev ve Zinovyev.\n", "utf-8"
    )
    assert "changed html/giris.html" in rebuilt.publish_again().splitlines()
    page.write_text(original, encoding="utf-8")
    assert rebuilt.publish_again() == ""


@pytest.mark.publish
def test_a_bib_file_broken_then_mended_publishes_what_the_clean_build_did(rebuilt):
    bib = rebuilt.root / "references.bib"
    original = bib.read_text(encoding="utf-8")
    bib.write_text(
        original.replace("{Lenin’in Son Kavgası},", "{Lenin’in Son Kavgası,", 1), "utf-8"
    )
    broken = rebuilt.publish()
    assert broken.returncode != 0
    assert "BibTeX syntax error" in broken.stdout + broken.stderr
    assert differences(published_files(rebuilt.root), rebuilt.clean) == []  # nothing published
    bib.write_text(original, encoding="utf-8")
    mended = rebuilt.publish()
    output = mended.stdout + mended.stderr
    assert mended.returncode == 0, output
    assert "Traceback" not in output
    assert differences(published_files(rebuilt.root), rebuilt.clean) == []


#: Edits that show on pages other than the one read again: (file, old, new, the page that
#: holds the change, how the clean build's output shows it on the other pages).
EDITS = {
    "register-spelling": (
        "data/kisiler.yaml",
        "  varyantlar: [Trotsky,",
        "  varyantlar: [Trotskij, Trotsky,",
        "kisiler",
        "trotskij",
    ),
    "bib-title": (
        "references.bib",
        "{Lenin’in Son Kavgası},",
        "{Lenin’in Son Kavgası (gözden geçirilmiş)},",
        "kaynakca",
        "Son Kavgası (gözden geçirilmiş)",
    ),
    # titles other pages show: the navigation of every page, links to the section
    "page-title": (
        "docs/kongreye-mektup.md",
        "\n# Kongreye Mektup\n",
        "\n# Kongreye Mektup (gözden geçirilmiş)\n",
        "kongreye-mektup",
        "Kongreye Mektup (gözden geçirilmiş)",
    ),
    "section-title": (
        "docs/ulusal-sorun.md",
        "\n### Sekreterlerin 3 Mart 1923 raporu",
        "\n### Sekreterlerin 3 Mart 1923 günlü raporu",
        "ulusal-sorun",
        "Sekreterlerin 3 Mart 1923 günlü raporu",
    ),
    # the interface's words, on every page
    "interface-words": (
        "locale/tr/LC_MESSAGES/sphinx.po",
        'msgstr "İçeriğe geç"',
        'msgstr "İçeriğe atla"',
        "index",
        "İçeriğe atla",
    ),
    # every page names the stylesheet bundle with a checksum of its contents (?v=…)
    "stylesheet": (
        "_ext/edition/site/static/edition.css",
        "/*",
        ".gozden-gecirilmis {\n  color: teal;\n}\n/*",  # a rule: comments stay out of the bundle
        "index",
        None,
    ),
}


@pytest.mark.publish
@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_shows_on_every_page_at_once(rebuilt, tmp_path, edit):
    """A new spelling of a person is searchable on every page that names them; a mended
    .bib title shows in every citation of the entry; a page's or a section's new title
    in every navigation and link; a new interface word, or a new stylesheet, on every
    page: the rebuild publishes what a clean build of the same sources publishes, not only
    on the page that was read again."""
    name, old, new, holder, shown = EDITS[edit]
    data = rebuilt.root / name
    original = data.read_text(encoding="utf-8")
    assert old in original
    data.write_text(original.replace(old, new, 1), encoding="utf-8")
    result = rebuilt.publish()
    assert result.returncode == 0, result.stdout + result.stderr
    rebuilt_now = published_files(rebuilt.root)
    clean_copy = copy_sources(rebuilt.root, tmp_path / "clean")
    result = run_publish(clean_copy, way="clean")
    assert result.returncode == 0, result.stdout + result.stderr
    clean_now = published_files(clean_copy)
    assert differences(rebuilt_now, clean_now) == []
    if edit == "register-spelling":  # indexed on every page that names Troçki
        showing = search_index(clean_now)["terms"]["trotskij"]
    elif shown is None:  # the pages name the files that changed
        showing = [f for f in differences(clean_now, rebuilt.clean) if f.endswith(".html")]
    else:  # on the pages that cite, link to or show it
        showing = [f for f, data in clean_now.items() if shown.encode() in data]
    assert len(showing) > 3, showing
    assert f"changed html/{holder}.html" in differences(rebuilt_now, rebuilt.clean)
    data.write_text(original, encoding="utf-8")
    assert rebuilt.publish_again() == ""


@pytest.mark.publish
def test_pages_and_redirects_added_then_removed_leave_nothing_behind(rebuilt, tmp_path):
    """A new redirect of a fragment of a page that stays is published as a clean build
    publishes it (the page is written again); a new page and a page that is gone (its
    redirect), once removed again, leave nothing behind: the staging folder outlives
    builds, a clean build does not."""
    index, moves = rebuilt.root / "docs" / "index.md", rebuilt.root / "data/anchors-removed.txt"
    originals = {path: path.read_text(encoding="utf-8") for path in (index, moves)}
    moves.write_text(originals[moves] + "giris#eski-kimlik giris#giris-hastalik\n", "utf-8")
    result = rebuilt.publish()
    assert result.returncode == 0, result.stdout + result.stderr
    rebuilt_now = published_files(rebuilt.root)
    clean_copy = copy_sources(rebuilt.root, tmp_path / "clean")
    result = run_publish(clean_copy, way="clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(rebuilt_now, published_files(clean_copy)) == []
    assert "changed html/giris.html" in differences(rebuilt_now, rebuilt.clean)

    page = rebuilt.root / "docs" / "ek.md"
    page.write_text("(ek-sayfa)=\n# Ek sayfa\n\nBuharin bu sayfada anılır.\n", encoding="utf-8")
    assert "\nkisiler\n" in originals[index]
    index.write_text(originals[index].replace("\nkisiler\n", "\nkisiler\nek\n", 1), "utf-8")
    moves.write_text(moves.read_text(encoding="utf-8") + "eski-sayfa giris\n", "utf-8")
    changed = rebuilt.publish_again().splitlines()
    assert "added html/ek.html" in changed
    assert "added html/eski-sayfa.html" in changed
    page.unlink()
    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")
    assert rebuilt.publish_again() == ""


@pytest.mark.publish
def test_a_new_commit_s_date_shows_on_every_page(rebuilt, tmp_path):
    """Every page gives the edition's date (its last commit's): after a commit of another
    day, the rebuild publishes what a clean build publishes, then the same going back."""
    later = "986644800"  # 7 April 2001
    result = run_publish(rebuilt.root, later)
    assert result.returncode == 0, result.stdout + result.stderr
    rebuilt_now = published_files(rebuilt.root)
    clean_copy = copy_sources(rebuilt.root, tmp_path / "clean")
    result = run_publish(clean_copy, later, way="clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(rebuilt_now, published_files(clean_copy)) == []
    assert b"7 Nisan 2001" in rebuilt_now["html/kronoloji.html"]
    assert rebuilt.publish_again() == ""


@pytest.mark.publish
def test_a_commit_that_dates_an_unchanged_file_dates_its_page(tmp_path):
    """A page's date is its file's last commit: an edit built, then committed on the day
    of the last commit (the edition's date stays), dates the page anew though its file
    did not change since the build."""
    from test_publish import checkout

    root = checkout(tmp_path / "checkout")  # one commit, 5 March 2001

    def commit(when: str, message: str) -> None:
        environment = os.environ | {
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "T",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "T",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        command = ["git", "commit", "-q", "-am", message]
        subprocess.run(command, cwd=root, env=environment, check=True)

    def add_sentence(name: str) -> None:
        page = root / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + "\nBir cümle daha.\n", "utf-8")

    add_sentence("giris.md")
    commit("2001-03-06T10:00:00+00:00", "giris")  # the edition is dated 6 March 2001
    assert run_publish(root, None).returncode == 0
    add_sentence("devlet-aygiti.md")  # its file last committed on 5 March
    assert run_publish(root, None).returncode == 0
    commit("2001-03-06T18:00:00+00:00", "devlet-aygiti")  # now 6 March, the same edition date
    result = run_publish(root, None)
    assert result.returncode == 0, result.stdout + result.stderr
    clean_copy = tmp_path / "clean"
    subprocess.run(["git", "clone", "-q", str(root), str(clean_copy)], check=True)
    result = run_publish(clean_copy, None, way="clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(published_files(root), published_files(clean_copy)) == []
    page = (root / "build" / "html" / "devlet-aygiti.html").read_text(encoding="utf-8")
    assert "Son güncelleme: 6 Mart 2001" in page
