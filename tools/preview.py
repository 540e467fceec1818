"""A live preview that stays warm: ``python3 noxw.py -s docs-live`` runs this file.

    python tools/preview.py [--port 8000] [--host 127.0.0.1] [--root DIR] [-- SPHINX-ARGS]

Serves the site on http://127.0.0.1:8000 and rebuilds it on every save. sphinx-autobuild
starts a new ``sphinx-build`` for each save, so every preview pays again for importing
Sphinx and the extensions, unpickling the environment and setting everything up; here one
process keeps all of that between saves and only reads the changed pages again (and
writes the pages that show them), as an incremental build does.

Three parts, each in one place below:

- **The warm builder** (:class:`Warm`) runs in a child process: one Sphinx application,
  built again and again with ``app.build()``, the same strict settings as ``nox -s docs``
  (``-W -n``). It keeps the problems (warnings and errors) of the current sources: a
  page's problems stay reported until the page is read or written again, as a clean build
  would report them. A build that raises ends the child; the next change starts a new one.
- **The supervisor** (:class:`Supervisor`) watches the project with ``watchfiles`` (the
  watcher sphinx-autobuild uses, pinned in requirements/live.txt) and decides per change:
  a page, or a file some page depends on (Sphinx's own dependency list, which the data
  files and the bibliography are in), is built warm; anything else (``conf.py``,
  ``_ext/``, ``requirements*``, ``locale/``, …) restarts the child cleanly, with fresh
  imports.
- **The server** (:class:`Handler`): the standard library's HTTP server over the output
  folder. Into every HTML page it serves (never into the files on disk) it adds one
  external script, ``/_preview/live.js`` (tools/preview-live.js), which listens to
  ``/_preview/events`` (server-sent events, same origin): the page reloads once a build
  has written it, and shows the problems of the last build in an overlay instead of
  silently showing stale output. The pages' own security policy allows a same-origin
  script and connection, so the files are byte for byte those of a normal build.

Why not sphinx-autobuild's parts: its server runs each build in a new process pool (the
warm state would die with it) and reloads through an inline script the pages' policy
would have to allow by its hash; its watcher is ``watchfiles``, used here too.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import io
import json
import multiprocessing
import re
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

ROOT = Path(__file__).resolve().parent.parent
LIVE_SCRIPT = Path(__file__).resolve().parent / "preview-live.js"
TAG = b'<script src="/_preview/live.js" defer></script>'
#: Files an editor writes beside the one it saves, and folders nobody edits.
IGNORED_NAMES = re.compile(r"(^\.|~$|\.sw[a-z]$|^4913$|\.tmp$|\.lock$|^#.*#$|__pycache__|\.pyc$)")
IGNORED_DIRS = {".git", ".nox", "build", "node_modules", ".pytest_cache", ".ruff_cache"}
#: What is watched: the pages and everything else a build reads (the venvs under .nox and
#: the output under build/ are left out: watching them would cost more than the build),
#: and where git notes a commit, a checkout or a tag (the pages' dates and the release
#: come from git, read once per application: a change there starts a fresh builder).
WATCHED = ("docs", "conf.py", "_ext", "data", "references.bib", "locale", "requirements.txt",
           "requirements", ".git/logs/HEAD", ".git/refs", ".git/packed-refs")  # fmt: skip
GIT_STATE = (".git/logs/HEAD", ".git/refs/", ".git/packed-refs")
#: Sphinx's warning lines: "path:line: WARNING: text", "path: ERROR: text", "WARNING: text".
PROBLEM_LINE = re.compile(
    r"^(?:(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+))?: )?(?P<level>WARNING|ERROR|CRITICAL): "
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -- The warm builder (child process) ---------------------------------------------------


@dataclass
class Problem:
    text: str
    docname: str | None
    phase: str  # "read": reported when the page is read; "write": when it is written
    build: int


@dataclass
class Problems:
    """The problems of the current sources, kept across incremental builds.

    An incremental build reports a page's reading problems only when it reads the page
    again and its writing problems only when it writes it again, so each problem is kept
    with its page and phase and forgotten only when that page is read (or written) anew.
    Problems that name no page belong to the build that reported them.
    """

    kept: list[Problem] = field(default_factory=list)
    build: int = 0
    phase: str = "read"

    def start(self) -> None:
        self.build += 1
        self.phase = "read"
        self.kept = [p for p in self.kept if p.docname is not None]

    def reading(self, docnames: list[str]) -> None:
        again = set(docnames)
        self.kept = [p for p in self.kept if not (p.phase == "read" and p.docname in again)]

    def writing(self) -> None:
        self.phase = "write"

    def written(self, docname: str) -> None:
        self.kept = [
            p
            for p in self.kept
            if not (p.phase == "write" and p.docname == docname and p.build < self.build)
        ]

    def removed(self, docnames: set[str]) -> None:
        self.kept = [p for p in self.kept if p.docname not in docnames]

    def add(self, text: str, docname: str | None) -> None:
        if not any(p.text == text for p in self.kept):
            self.kept.append(Problem(text, docname, self.phase, self.build))

    def texts(self) -> list[str]:
        return [p.text for p in self.kept]


class WarningStream(io.TextIOBase):
    """Sphinx's warning stream: each line goes to the terminal and into :class:`Problems`."""

    def __init__(self, sink: Any) -> None:
        self.sink = sink
        self.pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if line.strip():
                self.sink(ANSI.sub("", line))
        return len(text)


class Warm:
    """One Sphinx application kept between builds (in the child process)."""

    def __init__(self, srcdir: Path, confdir: Path, outdir: Path, doctreedir: Path,
                 overrides: dict[str, str]) -> None:  # fmt: skip
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        self.problems = Problems()
        self.written: list[str] = []
        self.read: list[str] = []
        # What `sphinx-build` does around its one build, held open for all of them.
        self.stack = contextlib.ExitStack()
        self.stack.enter_context(patch_docutils(confdir))
        self.stack.enter_context(docutils_namespace())
        self.app = Sphinx(
            srcdir, confdir, outdir, doctreedir, "html",
            confoverrides=overrides,
            status=None,
            warning=WarningStream(self.note),
            freshenv=False,
            warningiserror=True,  # -W: every warning is a problem (the build goes on)
            keep_going=True,
        )  # fmt: skip
        events = self.app.connect
        events("env-before-read-docs", self.before_read, priority=0)
        events("env-purge-doc", self.purged)
        events("env-updated", self.after_read, priority=999)
        events("html-page-context", self.page_written, priority=999)

    # Sphinx's events, in the order of a build
    def before_read(self, app: Any, env: Any, docnames: list[str]) -> None:
        self.read = sorted(docnames)
        self.problems.reading(docnames)
        self.problems.removed(set(env.all_docs) - set(env.found_docs))

    def purged(self, app: Any, env: Any, docname: str) -> None:
        if docname not in env.found_docs:
            self.problems.removed({docname})

    def after_read(self, app: Any, env: Any) -> list[str]:
        self.problems.writing()
        return []

    def page_written(self, app: Any, pagename: str, *args: Any) -> None:
        self.written.append(pagename)
        self.problems.written(pagename)

    def note(self, line: str) -> None:
        match = PROBLEM_LINE.match(line)
        if match is None:  # a continuation of the last problem (a traceback, a hint)
            if self.problems.kept:
                self.problems.kept[-1].text += "\n" + line
            return
        docname = None
        if path := match["path"]:
            with contextlib.suppress(Exception):
                docname = self.app.env.path2doc(path)
        self.problems.add(line, docname)

    def build(self) -> dict[str, Any]:
        self.problems.start()
        self.written, self.read = [], []
        self.app.statuscode = 0
        start = time.perf_counter()
        self.app.build()
        env = self.app.env
        srcdir = Path(self.app.srcdir)
        watched = {str(srcdir / env.doc2path(doc, base=False)) for doc in env.found_docs}
        for deps in env.dependencies.values():
            watched.update(str((srcdir / dep).resolve()) for dep in deps)
        # read once, when the application starts (sphinxcontrib-bibtex's and the edition's
        # checks of the bibliography): a change to them needs a fresh application
        confdir = Path(self.app.confdir)
        startup = [
            str((confdir / name).resolve()) for name in self.app.config.bibtex_bibfiles or ()
        ]
        return {
            "took": round(time.perf_counter() - start, 3),
            "startup": startup,
            "read": self.read,
            "written": self.written,
            "problems": self.problems.texts(),
            "depends": sorted(watched),
        }


def child(conn: Connection, paths: dict[str, str], overrides: dict[str, str]) -> None:
    """The child process: build on every request until told to stop, or until a build
    raises (its state can no longer be trusted; the supervisor starts a fresh child)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
    try:
        warm = Warm(Path(paths["src"]), Path(paths["conf"]), Path(paths["out"]),
                    Path(paths["doctrees"]), overrides)  # fmt: skip
    except BaseException as error:  # reported to the supervisor, then the child ends
        conn.send({"error": describe(error)})
        return
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request == "stop":
            return
        try:
            conn.send(warm.build())
        except BaseException as error:  # as above
            conn.send({"error": describe(error)})
            return


def describe(error: BaseException) -> str:
    """What a build that raised says: Sphinx's own message for its errors, else the trace."""
    from importlib import import_module

    try:
        sphinx_error = import_module("sphinx.errors").SphinxError
    except ImportError:  # pragma: no cover (Sphinx is installed where this runs)
        sphinx_error = ()
    if isinstance(error, sphinx_error):
        return f"{type(error).__name__}: {error}"
    return "".join(traceback.format_exception(error)).strip()


# -- The supervisor (parent process) ----------------------------------------------------


@dataclass
class State:
    """What the pages are told: the number of the build, its problems, the pages written."""

    build: int = 0
    building: bool = True
    problems: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def message(self) -> bytes:
        data = {
            "build": self.build,
            "building": self.building,
            "problems": self.problems,
            "written": self.written,
        }
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


class Supervisor:
    def __init__(self, root: Path, srcdir: Path, outdir: Path, doctreedir: Path,
                 overrides: dict[str, str], log: Any = print) -> None:  # fmt: skip
        self.root, self.srcdir, self.outdir, self.doctreedir = root, srcdir, outdir, doctreedir
        self.overrides = overrides
        self.log = log
        self.state = State()
        self.changed = threading.Condition()
        self.pending: set[Path] = set()
        self.depends: set[str] = set()
        self.process: multiprocessing.Process | None = None
        self.conn: Connection | None = None
        self.stopping = threading.Event()
        self.context = multiprocessing.get_context("spawn")

    # the child
    def start_child(self) -> None:
        parent, child_end = self.context.Pipe()
        paths = {
            "src": str(self.srcdir),
            "conf": str(self.root),
            "out": str(self.outdir),
            "doctrees": str(self.doctreedir),
        }
        self.process = self.context.Process(
            target=child, args=(child_end, paths, self.overrides), daemon=True
        )
        self.process.start()
        child_end.close()
        self.conn = parent

    def stop_child(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self.conn.send("stop")
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process = self.conn = None

    def build(self) -> None:
        """One build in the child (started first if there is none); publish the outcome."""
        self.set_building()
        if self.process is None:
            self.start_child()
        try:
            self.conn.send("build")
            result = self.conn.recv()
        except (EOFError, OSError):
            result = {"error": "the builder process ended unexpectedly"}
        if "error" in result:
            self.stop_child()
            problems, written = [f"ERROR: {result['error']}"], []
        else:
            self.depends = set(result["depends"]) - set(result["startup"])
            problems, written = result["problems"], result["written"]
        with self.changed:
            self.state = State(self.state.build + 1, False, problems, written)
            self.changed.notify_all()
        self.report(result)

    def set_building(self) -> None:
        with self.changed:
            self.state.building = True
            self.changed.notify_all()

    def report(self, result: dict[str, Any]) -> None:
        if "error" in result:
            self.log(f"preview: the build stopped:\n{result['error']}")
            self.log("preview: fix it and save; the next save starts a fresh builder")
            return
        pages = len(result["written"])
        self.log(
            f"preview: built in {result['took']:.2f} s: read {len(result['read'])}, "
            f"wrote {pages} page{'s' if pages != 1 else ''}"
        )
        for problem in result["problems"]:
            self.log(f"  {problem}")
        if result["problems"]:
            self.log(f"preview: {len(result['problems'])} problem(s); the pages show them too")

    # changes
    def notice(self, paths: set[Path]) -> None:
        kept = {p for p in paths if not ignored(p, self.root)}
        if kept:
            with self.changed:
                self.pending |= kept
                self.changed.notify_all()

    def needs_restart(self, paths: set[Path]) -> bool:
        """A change Sphinx cannot take in an incremental build: anything that is neither a
        source page nor a file the pages depend on (conf.py, the extension, the locale …),
        and the files read once, when the application starts (the bibliography)."""
        for path in paths:
            resolved = path.resolve()
            if resolved.is_relative_to(self.srcdir.resolve()):
                continue
            if str(resolved) in self.depends:
                continue
            return True
        return False

    def rebuild(self, batch: set[Path]) -> None:
        """Build after the changes in ``batch``: warm, or in a fresh child if need be."""
        names = ", ".join(sorted(relative(p, self.root) for p in batch)[:5])
        if self.process is not None and self.needs_restart(batch):
            self.log(f"preview: {names} changed: starting a fresh builder")
            self.stop_child()
        else:
            self.log(f"preview: {names} changed")
        self.build()

    def run(self) -> None:
        """Build now, then after every batch of changes, until stopped."""
        self.build()
        while not self.stopping.is_set():
            with self.changed:
                while not self.pending and not self.stopping.is_set():
                    self.changed.wait(0.5)
                batch, self.pending = self.pending, set()
            if self.stopping.is_set():
                break
            self.rebuild(batch)
        self.stop_child()


def ignored(path: Path, root: Path) -> bool:
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return True
    if parts and IGNORED_NAMES.search(parts[-1]):
        return True
    if "/".join(parts).startswith(GIT_STATE):
        return False
    return bool(set(parts) & IGNORED_DIRS)


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def watch(supervisor: Supervisor, folders: list[Path]) -> None:
    import watchfiles

    for changes in watchfiles.watch(
        *folders, stop_event=supervisor.stopping, debounce=400, step=30, rust_timeout=500
    ):
        supervisor.notice({Path(path) for _, path in changes})


# -- The server ---------------------------------------------------------------------------


class Handler(http.server.SimpleHTTPRequestHandler):
    """The output folder, with the preview's script in every page and its event stream."""

    supervisor: Supervisor

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == "/_preview/events":
            return self.events()
        if path == "/_preview/live.js":
            return self.send_bytes(LIVE_SCRIPT.read_bytes(), "text/javascript; charset=utf-8")
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            page = target.read_bytes()
            head = page.find(b"</head>")
            page = page[:head] + TAG + page[head:] if head >= 0 else page + TAG
            return self.send_bytes(page, "text/html; charset=utf-8")
        return super().do_GET()

    def send_bytes(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def events(self) -> None:
        """Server-sent events: the state now, then after every change of it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        supervisor, seen = self.supervisor, None
        try:
            while not supervisor.stopping.is_set():
                with supervisor.changed:
                    state = supervisor.state
                    key = (state.build, state.building)
                    if key == seen:
                        supervisor.changed.wait(15)
                        state = supervisor.state
                        if (state.build, state.building) == seen:
                            self.wfile.write(b": still here\n\n")  # finds a closed tab
                            self.wfile.flush()
                            continue
                seen = (state.build, state.building)
                self.wfile.write(state.message())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def serve(supervisor: Supervisor, host: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = type("PreviewHandler", (Handler,), {"supervisor": supervisor})
    http.server.ThreadingHTTPServer.daemon_threads = True
    server = http.server.ThreadingHTTPServer(
        (host, port),
        lambda *args: handler(*args, directory=str(supervisor.outdir)),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# -- Command line -------------------------------------------------------------------------


def overrides_of(args: list[str]) -> dict[str, str]:
    """The ``-D name=value`` settings among the arguments after ``--`` (the rest refused)."""
    settings, rest = {}, list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "-D" and rest:
            name, _, value = rest.pop(0).partition("=")
            settings[name] = value
        elif arg.startswith("-D") and "=" in arg:
            name, _, value = arg[2:].partition("=")
            settings[name] = value
        elif arg in ("-W", "-n", "-q", "--keep-going"):
            continue  # the preview is strict and quiet already
        else:
            sys.exit(f"preview: only -D name=value can be passed to Sphinx here, not {arg!r}")
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (conf.py's folder)")
    parser.add_argument("--out", type=Path, help="output folder (ROOT/build/live)")
    parser.add_argument("sphinx", nargs="*", help="-D name=value settings for Sphinx")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    out = (args.out or root / "build" / "live").resolve()
    supervisor = Supervisor(
        root, root / "docs", out / "html", out / "doctrees", overrides_of(args.sphinx)
    )
    (out / "html").mkdir(parents=True, exist_ok=True)
    server = serve(supervisor, args.host, args.port)
    print(f"preview: http://{args.host}:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
    folders = [root / name for name in WATCHED if (root / name).exists()]
    watcher = threading.Thread(target=watch, args=(supervisor, folders), daemon=True)
    watcher.start()
    try:
        supervisor.run()
    except KeyboardInterrupt:
        pass
    finally:
        supervisor.stopping.set()
        supervisor.stop_child()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
