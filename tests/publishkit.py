"""Run tools/publish.py many times with Sphinx imported once (tests/test_faults.py,
tests/test_rebuilds.py).

A run of ``python tools/publish.py`` spends about half its time starting Python and
importing Sphinx and the packages the edition loads, once for publish.py and once for each
``python -m sphinx build`` it starts. Here a server process imports those packages once
(not the edition: its code is read from the copy being built, as in a real run) and, for
each run, forks a process that runs publish.py as its ``__main__`` with the run's
arguments, folder and environment. Its ``subprocess.run`` of ``[sys.executable, "-m",
"sphinx", ...]`` forks again: a fresh process in which ``-m sphinx`` runs as Python would
run it (``runpy``, ``sys.path[0]`` the working folder, the edition's and publish.py's
modules not imported), with the same arguments and working folder; any other command
(epubcheck) is started as before. Output, exit status and what is written are those of a
real run; what is not the same is only what Python fixes at start-up (the hash seed, which
all the runs of one server share: the clean builds that rebuilds are compared with run
through a second server). tests/test_publish.py's reproducibility tests, which need a new
start for each build, run publish.py as its own process.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import locale
import os
import runpy
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PUBLISH = ROOT / "tools" / "publish.py"

#: What a build of the edition imports from other packages (imported once, by the server).
#: A name that does not import (another version) is skipped: it is only slower then.
PRELOAD = (
    "sphinx.cmd.build",
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.builders.epub3",
    "sphinx.builders.latex",
    "sphinx.builders.linkcheck",
    "sphinx.writers.html5",
    "sphinx.domains.c",
    "sphinx.domains.cpp",
    "sphinx.domains.javascript",
    "sphinx.domains.python",
    "sphinx.domains.rst",
    "sphinx.domains.std",
    "sphinx.search.tr",
    "sphinxcontrib.applehelp",
    "sphinxcontrib.devhelp",
    "sphinxcontrib.htmlhelp",
    "sphinxcontrib.qthelp",
    "sphinxcontrib.serializinghtml",
    "sphinxcontrib.bibtex",
    "sphinxcontrib_typstbuilder",
    "sphinx_design",
    "myst_parser.sphinx_ext.main",
    "myst_parser.parsers.sphinx_",
    "myst_parser.mdit_to_docutils.sphinx_",
    "alabaster",
    "furo",
    "pybtex.database.input.bibtex",
    "pybtex.plugin",
    "pybtex_docutils",
    "typst",
    "pypdf",
    "yaml",
    "jsonschema",
    "bs4",
    "snowballstemmer",
    "requests",
    "pygments.lexers",
    "pygments.formatters.html",
    "babel.dates",
)

#: Folders whose modules belong to the run, not the server: read afresh in every build.
OWN = (str(ROOT / "_ext"), str(ROOT / "tools"))


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


def _forget_own_modules(folder: str) -> None:
    """Drop the modules publish.py imported (the edition's, deadlinks) and its sys.path
    entries, so that ``-m sphinx`` imports the edition from the copy, as a new process does."""
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        if name != "__main__" and file.startswith(OWN):
            del sys.modules[name]
    sys.path[:] = [folder, *SERVER_PATH[1:]]
    importlib.invalidate_caches()


def _run_sphinx(command: list[str], cwd: str | None) -> int:
    """``command`` (``[python, -m, sphinx, ...]``) in a forked process; its exit status."""
    _flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            folder = str(Path(cwd or Path.cwd()).resolve())
            os.chdir(folder)
            _forget_own_modules(folder)
            sys.argv = [command[2], *command[3:]]
            runpy.run_module(command[2], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as done:
            code = _exit_code(done.code)
        except BaseException:
            traceback.print_exc()
        finally:
            _flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _exit_code(code) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


REAL_RUN = subprocess.run


def _run(command, *args, **kwargs):
    """subprocess.run for publish.py: ``python -m sphinx`` forks, anything else runs."""
    if (
        isinstance(command, list)
        and command[:3] == [sys.executable, "-m", "sphinx"]
        and not args
        and set(kwargs) <= {"cwd", "check"}
    ):
        code = _run_sphinx(command, kwargs.get("cwd"))
        result = subprocess.CompletedProcess(command, code)
        if kwargs.get("check"):
            result.check_returncode()
        return result
    return REAL_RUN(command, *args, **kwargs)


def _publish(request: dict) -> None:
    """The forked process of one run: publish.py as ``__main__``; exits with its status."""
    code = 1
    try:
        out_path, err_path = Path(request["stdout"]), Path(request["stderr"])
        with out_path.open("wb") as out, err_path.open("wb") as err:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
        stdin = os.open(os.devnull, os.O_RDONLY)  # not the server's requests
        os.dup2(stdin, 0)
        os.close(stdin)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        time.tzset()
        sys.argv = [str(PUBLISH), *request["args"]]
        sys.path[:] = [str(PUBLISH.parent), *SERVER_PATH[1:]]
        subprocess.run = _run
        runpy.run_path(str(PUBLISH), run_name="__main__")
        code = 0
    except SystemExit as done:
        code = _exit_code(done.code)
    except BaseException:
        traceback.print_exc()
    finally:
        _flush()
        os._exit(code)


SERVER_PATH: list[str] = []


def serve() -> None:
    """The server: one request (a JSON line) on stdin, one exit status on the reply line."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # nothing but the runs' own output goes anywhere
    for name in PRELOAD:
        # only a speed-up: a run imports whatever is missing itself
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    SERVER_PATH[:] = sys.path
    replies.write("ready\n")
    replies.flush()
    for line in sys.stdin:
        request = json.loads(line)
        _flush()
        pid = os.fork()
        if pid == 0:
            replies.close()
            _publish(request)
        _, status = os.waitpid(pid, 0)
        replies.write(f"{os.waitstatus_to_exitcode(status)}\n")
        replies.flush()


class Server:
    """The client side: one server process, started on first use, ended at exit."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.lock = threading.Lock()

    def start(self) -> subprocess.Popen[str]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            assert self.process.stdout.readline() == "ready\n", "the publish server did not start"
            atexit.register(self.stop)
        return self.process

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=60)

    def run(
        self, args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``python tools/publish.py *args``, as subprocess.run(..., capture_output=True,
        text=True) would give it."""
        if not hasattr(os, "fork"):  # (not on Windows): the plain way
            return subprocess.run(
                [sys.executable, str(PUBLISH), *map(str, args)],
                capture_output=True,
                text=True,
                env=env,
                cwd=cwd,
                check=False,
            )
        with self.lock, tempfile.TemporaryDirectory(prefix="publish-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "args": [str(a) for a in args],
                "env": dict(os.environ if env is None else env),
                "cwd": str(cwd or Path.cwd()),
                "stdout": str(out),
                "stderr": str(err),
            }
            process = self.start()
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            reply = process.stdout.readline()
            assert reply, "the publish server ended"
            encoding = locale.getpreferredencoding(False)
            return subprocess.CompletedProcess(
                [sys.executable, str(PUBLISH), *request["args"]],
                int(reply),
                out.read_text(encoding=encoding),
                err.read_text(encoding=encoding),
            )


#: The server for most runs, and a second one for the clean builds that rebuilds are
#: compared with: two processes started apart, so that the builds compared do not share a
#: start (a hash seed).
SERVER, REFERENCE = Server(), Server()


def run_publish(args: list[str], env: dict[str, str] | None = None, server: Server = SERVER):
    """tools/publish.py with ``args`` (and ``env``, else this process's), through ``server``."""
    return server.run(args, env)


if __name__ == "__main__":
    serve()
