"""Make a release of the edition: ``python tools/release.py [--base URL] [--no-tag]``.

Run by ``python3 noxw.py -s release``. The release's number is conf.py's ``release``
(year.count: 2026.1). Steps, each stopping the run with a message when it fails:

1. the checkout is clean (a release is a commit: what is released can be found again);
2. the change record (``data/surum-notlari.yaml``) has an entry for the number;
3. no tag ``v<number>`` names another commit (a number is released once);
4. the strict builds of the release's own copy — HTML (``edition_frozen``: each page says
   which release it is and links to the same place in the current text), PDF and EPUB
   (with epubcheck where installed) — into ``build/release/<number>/``, the PDF and the EPUB
   beside the pages, every internal link checked; the site's address (``--base``, or
   ``SITE_URL``) is the root the release is served under, as ``<base><number>/``; when
   ``locale/en/LC_MESSAGES`` holds the pages' catalogues, every message translated, the
   English edition too (with a message untranslated it says so and leaves it out), under
   ``en/``, which fails on any untranslated message (a release never mixes the languages;
   without catalogues the release has no English edition, and says so);
5. the text of the release, sentence by sentence under each anchor
   (``build/release/<number>/metin.json``), and the sentences that changed since the
   release before it (``degisiklikler.html``), when that release's text is at hand in
   ``build/release/<previous>/`` (CI downloads it from the earlier release's assets);
6. the tag ``v<number>`` on the commit (``--no-tag`` leaves it to the maintainer).

Dates come from the release's commit (SOURCE_DATE_EPOCH), so that the copy is the same
whenever and wherever it is built again.
"""

from __future__ import annotations

import argparse
import ast
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from deadlinks import dead_links
from edition.core.git import git, source_epoch
from edition.core.releases import read, tag_of
from publish import EDITIONS, epubcheck

ROOT = Path(__file__).resolve().parent.parent
CHANGES = "data/surum-notlari.yaml"
TEXT = "metin.json"
CHANGES_PAGE = "degisiklikler.html"  # edition.site.releases links it
#: Where a sentence ends: . ! ? … (and a closing quotation mark), before a space.
SENTENCE_END = re.compile(r"(?<=[.!?…])[”’)]*\s+")


class RefusedError(Exception):
    """A release that cannot be made; the message says what to do."""


def say(message: str) -> None:
    print(f"release: {message}", flush=True)


def release_number(root: Path) -> str:
    """conf.py's ``release`` (a string literal, as the edition sets it)."""
    tree = ast.parse((root / "conf.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if "release" in names and isinstance(node.value, ast.Constant):
                return str(node.value.value)
    raise RefusedError('conf.py sets no release number: write `version = release = "2026.1"`')


def check(root: Path, number: str) -> None:
    dirty = git(root, "status", "--porcelain")
    if dirty is None:
        raise RefusedError(f"{root} is not a git checkout: a release is a commit")
    if dirty:
        raise RefusedError(
            "the checkout has uncommitted changes (git status): commit them first, so that "
            "the release is one commit that can be found again\n" + dirty
        )
    record = read(root / CHANGES)
    if not any(entry.number == number for entry in record):
        raise RefusedError(
            f"{CHANGES} has no entry for release {number}: add one (surum, tarih and what "
            "changed: icerik, yeni, aygit, site), commit it, and release again"
        )
    tagged, head = tag_of(root, number), git(root, "rev-parse", "HEAD")
    if tagged and tagged != head:
        raise RefusedError(
            f"release {number} was made already (tag v{number} is commit {tagged[:10]}): "
            "raise the number in conf.py and add its entry to the change record"
        )


def sphinx(
    root: Path, builder: str, outdir: Path, settings: list[str], language: str = "tr"
) -> None:
    command = [sys.executable, "-m", "sphinx", "build", "-b", builder, "-W", "-n", "-q"]
    doctrees = f"build/doctrees/release-{builder}" + ("" if language == "tr" else f"-{language}")
    command += ["-c", ".", "-d", doctrees, "docs", str(outdir)]
    if language != "tr":
        settings = [f"language={language}", *settings]
    for setting in settings:
        command += ["-D", setting]
    say(" ".join(command[2:]))
    if subprocess.run(command, cwd=root, check=False).returncode != 0:
        raise RefusedError(f"the {builder} build failed (see above): nothing was released")


def build(root: Path, number: str, base: str, into: Path) -> None:
    staging = root / "build" / "staging" / f"release-{number}"
    shutil.rmtree(staging, ignore_errors=True)
    english = english_catalogues(root)
    left = untranslated(root)
    if not english:
        say("no English catalogues (locale/en/LC_MESSAGES/<page>.po): no English edition")
    elif left:
        # A release publishes whole texts: an English edition with Turkish passages in it is
        # not made; the Turkish one is released as it is (python3 noxw.py -s translations
        # lists what is left).
        say(
            f"the English catalogues leave {left} message(s) untranslated or fuzzy: this "
            "release has no English edition (python3 noxw.py -s translations)"
        )
    languages = ["tr", "en"] if english and not left else ["tr"]
    settings = ["edition_frozen=1", "edition_downloads=pdf,epub"]
    settings.append(f"edition_editions={','.join(languages)}")
    if base:
        settings.append(f"html_baseurl={base}{number}/")
    for language in languages:
        folder, book, _ = EDITIONS[language]
        suffix = "" if language == "tr" else f"-{language}"
        html_out = staging / f"html{suffix}"
        sphinx(root, "html", html_out, settings, language)
        sphinx(root, "typstpdf", staging / f"pdf{suffix}", [], language)
        sphinx(root, "epub", staging / f"epub{suffix}", [], language)
        checked = epubcheck(staging / f"epub{suffix}" / f"{book}.epub")
        if checked is None and os.environ.get("CI"):
            raise RefusedError("CI must check the EPUB: install epubcheck")
        if checked:
            raise RefusedError(
                "epubcheck found errors in the EPUB (see above): nothing was released"
            )
        for kind in ("pdf", "epub"):
            shutil.copy2(
                staging / f"{kind}{suffix}" / f"{book}.{kind}", staging / "html" / f"{book}.{kind}"
            )
        if folder:
            shutil.copytree(html_out, staging / "html" / folder)
            for kind in ("pdf", "epub"):
                shutil.copy2(staging / "html" / f"{book}.{kind}", staging / "html" / folder)
    dead = dead_links(staging / "html")
    if dead:
        for page, line, address, problem in dead:
            print(f"{page}:{line}: dead link {address!r}: {problem}")
        raise RefusedError(f"{len(dead)} dead link(s) in the release's pages: nothing was released")
    shutil.rmtree(into, ignore_errors=True)
    into.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(staging / "html", into)
    shutil.rmtree(staging, ignore_errors=True)


def untranslated(root: Path) -> int:
    """Messages of the English catalogues (data.po too) not translated, or fuzzy."""
    from babel.messages.pofile import read_po

    left = 0
    for path in sorted((root / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file):
                if message.id and (message.fuzzy or not message.string):
                    left += 1
    return left


def english_catalogues(root: Path) -> list[Path]:
    """The pages' English catalogues (data.po, the registers' texts, is not a page's)."""
    folder = root / "locale" / "en" / "LC_MESSAGES"
    return sorted(p for p in folder.glob("*.po") if p.stem != "data")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(" ".join(text.split())) if part.strip()]


def text_of(site: Path) -> dict[str, dict[str, list[str]]]:
    """Each page's text, sentence by sentence, under the nearest anchor a reader can cite
    (the innermost section with an id; the page itself for its opening)."""
    from bs4 import BeautifulSoup

    pages: dict[str, dict[str, list[str]]] = {}
    for path in sorted(site.glob("*.html")):
        if path.name in {"search.html", "genindex.html", "surumler.html", CHANGES_PAGE}:
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        for furniture in article.select(
            "a.headerlink, .sayfa-araclari, .atif-bolum, .surum-donmus, .surum-satiri"
        ):
            furniture.decompose()
        places: dict[str, list[str]] = {}
        for block in article.find_all(["p", "li", "dt", "dd", "th", "td", "h1", "h2", "h3"]):
            if block.find(["p", "li"]):  # the innermost blocks only
                continue
            section = block.find_parent("section")
            anchor = ""
            while section is not None and section.find_parent("section") is not None:
                if section.get("id"):
                    anchor = section["id"]
                    break
                section = section.find_parent("section")
            places.setdefault(anchor, []).extend(sentences(block.get_text(" ")))
        pages[path.name] = places
    return pages


def changes_page(old: str, new: str, before: dict, after: dict) -> str:
    """The sentences that changed between two releases' texts, under each page and anchor."""
    rows = []
    for page in sorted(set(before) | set(after)):
        for anchor in sorted(set(before.get(page, {})) | set(after.get(page, {}))):
            was = before.get(page, {}).get(anchor, [])
            now = after.get(page, {}).get(anchor, [])
            gone = [s for s in was if s not in now]
            came = [s for s in now if s not in was]
            if not gone and not came:
                continue
            place = f"{page}#{anchor}" if anchor else page
            items = "".join(f'<li class="cikan">− {html.escape(s)}</li>' for s in gone)
            items += "".join(f'<li class="giren">+ {html.escape(s)}</li>' for s in came)
            rows.append(
                f'<section><h2><a href="{html.escape(place, quote=True)}">{html.escape(place)}</a>'
                f' (<a href="../{old}/{html.escape(place, quote=True)}">{old}</a>)</h2>'
                f"<ul>{items}</ul></section>"
            )
    body = "".join(rows) or "<p>Metinde değişen cümle yok.</p>"
    title = f"{old} → {new}: değişen cümleler"
    return (
        '<!DOCTYPE html>\n<html lang="tr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head><body><main>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p>{new} sürümünün sayfalarında, {old} sürümüne göre çıkan (−) ve giren (+) "
        "cümleler, atıf yapılabilen yerlerine göre.</p>"
        f"{body}</main></body></html>\n"
    )


def release(root: Path, base: str, tag: bool) -> Path:
    number = release_number(root)
    check(root, number)
    if base and not base.endswith("/"):
        base += "/"
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := source_epoch(root)):
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    into = root / "build" / "release" / number
    build(root, number, base, into)
    text = text_of(into)
    (into / TEXT).write_text(json.dumps(text, ensure_ascii=False, indent=1), encoding="utf-8")
    record = read(root / CHANGES)
    older = [entry.number for entry in record[[e.number for e in record].index(number) + 1 :]]
    if older:
        earlier = root / "build" / "release" / older[0] / TEXT
        if earlier.is_file():
            before = json.loads(earlier.read_text(encoding="utf-8"))
            page = changes_page(older[0], number, before, text)
            (into / CHANGES_PAGE).write_text(page, encoding="utf-8")
            say(f"the sentences changed since {older[0]}: {into / CHANGES_PAGE}")
        else:
            say(f"no text of release {older[0]} in {earlier.parent}: no list of changes made")
    if tag and not tag_of(root, number):
        if git(root, "tag", "-a", f"v{number}", "-m", f"Sürüm {number}") is None:
            raise RefusedError(
                f"the release is built ({into}) but the tag v{number} could not be made "
                "(git config user.name and user.email?): tag the commit by hand"
            )
        say(f"tagged v{number}")
    say(f"release {number}: {into}")
    return into


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=os.environ.get("SITE_URL", ""), help="the site's address")
    parser.add_argument("--no-tag", action="store_true", help="do not tag the commit")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    try:
        release(options.root.resolve(), options.base, tag=not options.no_tag)
    except RefusedError as refusal:
        say(f"refused: {refusal}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
