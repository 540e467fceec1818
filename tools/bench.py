"""Measure the edition's builds against the bare-Sphinx floor; print figures and ratios.

    python3 noxw.py -s bench                       # 5 runs, sizes ×1, ×10, ×50
    python3 noxw.py -s bench -- --runs 3 --sizes 1,10 --no-live

Everything that is compared is measured in the same run and in alternation (floor, edition,
floor, edition, …), so a slow moment of the machine falls on both sides. Each figure is the
median of the runs with its min–max. Nothing is asserted: targets are printed next to the
ratios. The work happens in build/bench/ on copies; docs/ is never touched.

Measured:
- clean HTML build: the edition (conf.py, -W -n) and the floor (tools/bench-floor/conf.py:
  the same pages, myst-parser and Sphinx's default theme, no furo, bibtex or local
  extensions), and the stock stack between them (tools/bench-stock/conf.py: the floor
  plus furo, sphinx-design and sphinxcontrib-bibtex, no local extensions);
- no-change rebuild and one-page rebuild (one page's text changed) of both;
- the PDF build (Typst) and ``sphinx-build --version`` (the cost of starting at all);
- the weight of a theme page as a browser loads it (requests, bytes gzip-compressed);
- growth: the same content pages copied ×10 and ×50 under other names (ids renamed);
- live preview: from saving to chromium showing the change, for three kinds of edit (a
  sentence on a theme page, a conclusion's ``:dayanak:``, a chronology entry), with stock
  sphinx-autobuild and with the warm preview (tools/preview.py), side by side.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import itertools
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
FLOOR_CONF = ROOT / "tools" / "bench-floor"
STOCK_CONF = ROOT / "tools" / "bench-stock"
SPHINX = (sys.executable, "-m", "sphinx")
STRICT = ("-W", "-n", "-q")
#: The pages copied to make a larger edition: the prose pages (the generated registers,
#: index and bibliography are one per edition).
CONTENT = (
    "giris",
    "dis-ticaret-tekeli",
    "ulusal-sorun",
    "devlet-aygiti",
    "sosyalizm-ve-dunya-devrimi",
    "kongreye-mektup",
    "sonuclar",
)
#: The page edited for one-page rebuilds and live preview, and weighed in detail.
THEME_PAGE = "ulusal-sorun"
THEME_PAGES = (
    "dis-ticaret-tekeli",
    "ulusal-sorun",
    "devlet-aygiti",
    "sosyalizm-ve-dunya-devrimi",
    "kongreye-mektup",
)
#: Where a page declares an id of its own: (label)=, {alinti} id, {sonuc} id, :name: id.
OWN_ID = re.compile(
    r"^\((?P<a>[a-z0-9-]+)\)=|^[`:]{3,}\{(?:alinti|sonuc)\}\s+(?P<b>[a-z0-9-]+)|^:name:\s+(?P<c>[a-z0-9-]+)",
    re.MULTILINE,
)
CHROMIUM = Path("/usr/bin/chromium")


# -- Running and timing ------------------------------------------------------------


def run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> float:
    """Run a command, return its wall time; stop the benchmark if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        [str(part) for part in cmd], cwd=ROOT, capture_output=True, text=True, env=env
    )
    took = time.perf_counter() - start
    if proc.returncode:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        sys.exit(f"bench: command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{tail}")
    return took


class Site:
    """One set of pages built by one configuration into its own folders."""

    def __init__(self, name: str, srcdir: Path, confdir: Path, strict: bool) -> None:
        self.name, self.srcdir, self.confdir = name, srcdir, confdir
        self.out = WORK / "out" / name
        self.doctrees = WORK / "doctrees" / name
        self.flags = STRICT if strict else ("-q",)

    def build(self, builder: str = "html", clean: bool = False) -> float:
        out, doctrees = self.out / builder, self.doctrees / builder
        if clean:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(doctrees, ignore_errors=True)
        return run(
            *SPHINX, "-b", builder, *self.flags, "-c", self.confdir, "-d", doctrees,
            self.srcdir, out,
        )  # fmt: skip

    def touch_page(self, page: str = THEME_PAGE) -> None:
        """Change one page's text (a trailing comment line MyST does not render)."""
        path = self.srcdir / f"{page}.md"
        text = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        if text[-1].startswith("% bench "):
            text.pop()
        text.append(f"% bench {time.time_ns()}")
        path.write_text("\n".join(text) + "\n", encoding="utf-8")


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def show(label: str, values: list[float], note: str = "") -> None:
    med, low, high = stats(values)
    print(f"  {label:<50} {med:5.2f} s   ({low:.2f}–{high:.2f}, n={len(values)}){note}")


def ratio(label: str, value: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"   target ≤ {target:.2f}  {'met' if value <= target else 'NOT met'}"
    print(f"  {label:<50} {value:5.2f}{verdict}")


# -- Sites -------------------------------------------------------------------------


def copy_docs(dest: Path, times: int) -> Path:
    """docs/ copied to dest, with the content pages repeated ``times`` in all."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "docs", dest, ignore=shutil.ignore_patterns("_build"))
    if times <= 1:
        return dest
    pages = {page: (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8") for page in CONTENT}
    # Every id the copied pages declare gets the copy's suffix, in all of them, so that a
    # copy's references and conclusions point into the same copy.
    ids = {
        next(g for g in m.groups() if g) for text in pages.values() for m in OWN_ID.finditer(text)
    }
    # (a document's id, in {edition:belge} and :belge:, names data, not the page: kept)
    own_id = re.compile(
        r"(?<![\w-])(?<!\{edition:belge\}`)(?<!:belge: )("
        + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    copies = []
    for n in range(2, times + 1):
        suffix = f"-k{n:02d}"
        for page, text in pages.items():
            text = own_id.sub(lambda m, suffix=suffix: m.group(1) + suffix, text)
            name = f"{page}-k{n:02d}"
            (dest / f"{name}.md").write_text(text, encoding="utf-8")
            copies.append(name)
    index = dest / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n```{toctree}\n:hidden:\n\n"
        + "\n".join(copies)
        + "\n```\n",
        encoding="utf-8",
    )
    return dest


def sites(times: int) -> tuple[Site, Site, Site]:
    src = copy_docs(WORK / "src" / f"x{times}", times)
    return (
        Site(f"floor-x{times}", src, FLOOR_CONF, strict=False),
        Site(f"edition-x{times}", src, ROOT, strict=True),
        Site(f"stock-x{times}", src, STOCK_CONF, strict=False),
    )


# -- Page weight ---------------------------------------------------------------------


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def browser():
    """Debian's chromium through Playwright, or None (the figure is then skipped)."""
    if not CHROMIUM.exists():
        return None, None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None
    manager = sync_playwright().start()
    chromium = manager.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    return manager, chromium


def weigh(label: str, folder: Path, page: str, chromium, detail: bool = False) -> None:
    """Requests a browser makes for one page, and their size gzip-compressed."""
    server, base = serve(folder)
    try:
        tab = chromium.new_page()
        seen: list[tuple[str, int]] = []
        tab.on("response", lambda r: seen.append((r.url, r.status)))
        tab.goto(base + f"{page}.html", wait_until="networkidle")
        tab.close()
    finally:
        server.shutdown()
    total = raw = fonts = 0
    for url, status in seen:
        local = url.removeprefix(base).split("#")[0].split("?")[0]
        path = folder / local
        body = path.read_bytes() if status == 200 and path.is_file() else b""
        if local.endswith(".woff2"):  # the text face: compressed already, counted apart
            fonts += len(body)
            continue
        raw += len(body)
        total += len(gzip.compress(body, 6, mtime=0))
    failed = [f"{status} {url.removeprefix(base)}" for url, status in seen if status >= 400]
    print(
        f"  {label + ': ' + page + '.html':<44} {len(seen):3d} requests, "
        f"{total / 1024:6.1f} KB gzip without fonts ({raw / 1024:.1f} KB raw), "
        f"fonts {fonts / 1024:.1f} KB"
        f"   target ≤ 10 requests, ≤ 40 KB without fonts"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    for url, status in seen if detail else ():
        print(f"      {status} {url.removeprefix(base) or '/'}")


# -- Live preview ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: What a build reads besides docs/: copied with the pages for the live preview, whose
#: edits touch a data file too (the edition's own folders are never edited).
PROJECT = ("conf.py", "_ext", "data", "references.bib", "locale")


@dataclass
class Edit:
    """One kind of edit: the file it changes, the page that shows it, how to see it there."""

    name: str
    page: str
    path: str  #: relative to the project copy
    make: Callable[[str, int], str]  #: (original text, n) → edited text
    shown: str  #: a JavaScript predicate on (n); true once the page shows edit n


def sentence(text: str, n: int) -> str:
    return text.rstrip("\n") + f"\n\nÖnizleme cümlesi {n}x{os.getpid()}.\n"


def evidence(text: str, n: int) -> str:
    """The first conclusion rests on one more section in every other edit."""
    old = ":dayanak: devlet-aygiti-nitelik devlet-aygiti-oneriler"
    assert old in text, "docs/sonuclar.md changed: adapt tools/bench.py's evidence edit"
    return text.replace(old, old + " ulusal-sorun-26-eylul", 1) if n % 2 else text


def chronology(text: str, n: int) -> str:
    old = "baslik: Lenin ağır bir ameliyat geçirir."
    assert old in text, "data/kronoloji.yaml changed: adapt tools/bench.py's chronology edit"
    return text.replace(
        old, f"baslik: Lenin ağır bir ameliyat geçirir (önizleme {n}x{os.getpid()}).", 1
    )


EDITS = (
    Edit("sentence on a theme page", THEME_PAGE, f"docs/{THEME_PAGE}.md", sentence,
         "n => document.body.innerText.includes(`Önizleme cümlesi ${n}x`)"),
    Edit("a conclusion's :dayanak:", "sonuclar", "docs/sonuclar.md", evidence,
         "n => !!document.querySelector("
         "'#sonuc-devleti-duzeltme a[href$=\"#ulusal-sorun-26-eylul\"]') === (n % 2 === 1)"),
    Edit("a chronology entry", "kronoloji", "data/kronoloji.yaml", chronology,
         "n => document.body.innerText.includes(`(önizleme ${n}x`)"),
)  # fmt: skip


def copy_project(dest: Path) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("_build"))
    return dest


def wait_for_port(port: int, proc: subprocess.Popen, what: str) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit(f"bench: {what} stopped: {proc.stdout.read() if proc.stdout else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bench: {what} did not start")


class LiveServer:
    """A preview server on its own copy of the project, with a tab open per edit."""

    def __init__(self, name: str, chromium) -> None:
        self.name = name
        self.project = copy_project(WORK / "live" / name / "project")
        self.out = WORK / "live" / name / "out"
        shutil.rmtree(self.out, ignore_errors=True)
        self.port = free_port()
        self.proc = subprocess.Popen(
            self.command(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        wait_for_port(self.port, self.proc, name)
        self.tabs = {}
        for edit in EDITS:
            tab = chromium.new_page()
            url = f"http://127.0.0.1:{self.port}/{edit.page}.html"
            for _ in range(600):  # until the first build has written the page
                if tab.goto(url, wait_until="load").ok:
                    break
                time.sleep(0.5)
            self.tabs[edit.name] = tab
        self.originals = {
            e.path: (self.project / e.path).read_text(encoding="utf-8") for e in EDITS
        }
        time.sleep(1.0)

    def command(self) -> list[str]:
        strict = ("-W", "-n", "-q")
        if self.name == "sphinx-autobuild":
            watched = [arg for name in PROJECT[1:] for arg in ("--watch", str(self.project / name))]
            return [
                str(Path(sys.executable).parent / "sphinx-autobuild"),
                "--host", "127.0.0.1", "--port", str(self.port), *watched,
                str(self.project / "docs"), str(self.out / "html"), "-c", str(self.project),
                "-d", str(self.out / "doctrees"), *strict,
                "-D", f"edition_live_reload=127.0.0.1:{self.port}",
            ]  # fmt: skip
        return [
            sys.executable, str(ROOT / "tools" / "preview.py"), "--port", str(self.port),
            "--root", str(self.project), "--out", str(self.out),
        ]  # fmt: skip

    def measure(self, edit: Edit, n: int) -> float:
        tab, path = self.tabs[edit.name], self.project / edit.path
        text = edit.make(self.originals[edit.path], n)
        start = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        tab.wait_for_function(edit.shown, arg=n, timeout=120_000)
        took = time.perf_counter() - start
        time.sleep(1.0)  # let the server settle before the next edit
        return took

    def stop(self) -> None:
        for tab in self.tabs.values():
            tab.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def live_preview(chromium, runs: int) -> dict[tuple[str, str], list[float]] | None:
    """From saving to chromium showing the change: stock sphinx-autobuild and the warm
    preview (tools/preview.py), each on its own copy, in alternation."""
    if shutil.which("sphinx-autobuild", path=str(Path(sys.executable).parent)) is None:
        print("  (sphinx-autobuild is not installed here: live preview not measured)")
        return None
    servers = [LiveServer("sphinx-autobuild", chromium), LiveServer("warm preview", chromium)]
    times: dict[tuple[str, str], list[float]] = {}
    try:
        for n in range(1, runs + 1):
            for server in servers:
                for edit in EDITS:
                    times.setdefault((server.name, edit.name), []).append(server.measure(edit, n))
    finally:
        for server in servers:
            server.stop()
    return times


# -- The benchmark ---------------------------------------------------------------------


def alternate(runs: int, *steps: tuple[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run the steps in turn, ``runs`` times round; their times by name."""
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    for _ in range(runs):
        for name, step in steps:
            times[name].append(step())
    return times


def build_figures(args: argparse.Namespace, sizes: list[int], chromium) -> None:
    """The build tables: the edition against the floor and the stock stack, the page
    weight, the growth with size."""
    floor, edition, stock = sites(1)
    for site in (floor, edition, stock):
        site.build(clean=True)  # warm the file cache once
    print("\nThe edition (14 pages) against the floor; seconds, median (min–max)")
    t = alternate(
        args.runs,
        ("version", lambda: run(*SPHINX, "--version")),
        ("floor clean", lambda: floor.build(clean=True)),
        ("edition clean", lambda: edition.build(clean=True)),
        ("stock clean", lambda: stock.build(clean=True)),
        ("floor no-change", lambda: floor.build()),
        ("edition no-change", lambda: edition.build()),
        ("floor one-page", lambda: (floor.touch_page(), floor.build())[1]),
        ("edition one-page", lambda: (edition.touch_page(), edition.build())[1]),
        ("edition pdf clean", lambda: edition.build("typstpdf", clean=True)),
    )
    for name, values in t.items():
        show(name, values)
    med = {name: statistics.median(values) for name, values in t.items()}
    low = {name: min(values) for name, values in t.items()}
    # Medians are the figures; the fastest runs show the cost with the least noise of a
    # busy machine (nothing makes a build faster than it can be).
    for title, m in (("medians", med), ("fastest runs", low)):
        print(f"\nRatios ({title} of this run)")
        ratio("clean: edition / floor", m["edition clean"] / m["floor clean"], 1.3)
        ratio("clean: stock stack / floor", m["stock clean"] / m["floor clean"])
        ratio("clean: edition / stock stack", m["edition clean"] / m["stock clean"])
        ratio(
            "no-change: edition / (version + floor no-change)",
            m["edition no-change"] / (m["version"] + m["floor no-change"]),
            1.2,
        )
        ratio("one-page: edition / floor", m["edition one-page"] / m["floor one-page"])
        ratio("one-page / no-change (edition)", m["edition one-page"] / m["edition no-change"])
        ratio("pdf / html clean (edition)", m["edition pdf clean"] / m["edition clean"], 1.5)

    print("\nWeight of a theme page as chromium loads it (served uncompressed, sizes gzip -6)")
    if chromium is None:
        print("  (no /usr/bin/chromium or Playwright: not measured)")
    else:
        for page in THEME_PAGES:
            weigh("edition", edition.out / "html", page, chromium, detail=page == THEME_PAGE)
        weigh("stock", stock.out / "html", THEME_PAGE, chromium, detail=True)
        weigh("floor", floor.out / "html", THEME_PAGE, chromium, detail=True)

    if len(sizes) > 1 or sizes != [1]:
        print("\nGrowth: content pages copied under other names; clean HTML build")
        rows = []
        for size in sizes:
            floor_n, edition_n, _ = sites(size) if size != 1 else (floor, edition, stock)
            pages = len(list(edition_n.srcdir.glob("*.md"))) + 2  # + genindex, search
            n = args.runs if size <= 10 else max(1, args.runs // 3)
            tn = alternate(
                n,
                ("floor", lambda f=floor_n: f.build(clean=True)),
                ("edition", lambda e=edition_n: e.build(clean=True)),
            )
            f_med, e_med = statistics.median(tn["floor"]), statistics.median(tn["edition"])
            rows.append((size, pages, f_med, e_med))
            print(
                f"  ×{size:<3} {pages:4d} pages   floor {f_med:6.2f} s   edition {e_med:6.2f} s"
                f"   edition/floor {e_med / f_med:4.2f}   n={n}"
            )
        # Linear growth means a constant cost per added page: compare the cost per page
        # added between successive sizes (a ratio near 1 is linear, above 1 worse).
        steps = list(itertools.pairwise(rows))
        for (sa, pa, fa, ea), (sb, pb, fb, eb) in steps:
            print(
                f"  ×{sa} → ×{sb}: per added page floor {(fb - fa) / (pb - pa) * 1000:5.1f} ms, "
                f"edition {(eb - ea) / (pb - pa) * 1000:5.1f} ms"
            )
        if len(steps) > 1:
            (first_a, first_b), (last_a, last_b) = steps[0], steps[-1]

            def per_page(a: tuple, b: tuple, column: int) -> float:
                return (b[column] - a[column]) / (b[1] - a[1])

            ratio(
                "edition: last step's cost per page / first's",
                per_page(last_a, last_b, 3) / per_page(first_a, first_b, 3),
                1.0 + 0.2,  # linear, with this machine's noise
            )
            ratio(
                "floor: last step's cost per page / first's",
                per_page(last_a, last_b, 2) / per_page(first_a, first_b, 2),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds per measurement (5)")
    parser.add_argument("--sizes", default="1,10,50", help="edition sizes to compare (1,10,50)")
    parser.add_argument("--no-live", action="store_true", help="skip the live-preview figures")
    parser.add_argument("--live-only", action="store_true", help="only the live-preview figures")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"bench: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, runs={args.runs}")

    manager, chromium = browser()
    if not args.live_only:
        build_figures(args, sizes, chromium)
    if not args.no_live:
        print("\nLive preview: save → chromium shows the change (each server on its own copy)")
        if chromium is None:
            print("  (no chromium: not measured)")
        elif (live := live_preview(chromium, args.runs)) is not None:
            for edit in EDITS:
                for server in ("sphinx-autobuild", "warm preview"):
                    target = "   target ≤ 1.00" if server == "warm preview" else ""
                    show(f"{edit.name}: {server}", live[(server, edit.name)], target)
                ratio(
                    f"{edit.name}: warm / sphinx-autobuild",
                    statistics.median(live[("warm preview", edit.name)])
                    / statistics.median(live[("sphinx-autobuild", edit.name)]),
                )
    if manager is not None:
        chromium.close()
        manager.stop()


if __name__ == "__main__":
    main()
