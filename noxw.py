#!/usr/bin/env python3
"""Run nox on a machine that has nothing but Python (3.11 or newer).

The first run makes a private virtual environment in ``.nox/_noxw`` and installs the
pinned nox and uv of ``requirements/nox.txt`` into it; later runs reuse it (and reinstall
when that file changes). Every argument is passed to nox:

    python3 noxw.py              # build the HTML and the PDF
    python3 noxw.py -s tests     # run the tests
    python3 noxw.py -l           # list the sessions
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PINS = ROOT / "requirements" / "nox.txt"
ENV = ROOT / ".nox" / "_noxw"
STAMP = ENV / "requirements.sha256"
BIN = ENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_environment() -> None:
    wanted = hashlib.sha256(PINS.read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print(f"noxw: installing nox into {ENV.relative_to(ROOT)} ...", file=sys.stderr)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(ENV)
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(
            f"noxw: could not create a virtual environment ({error}).\n"
            "On Debian or Ubuntu, install the python3-venv package first."
        )
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(PINS),
        ],
        check=True,
    )
    STAMP.write_text(wanted + "\n")


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script must also run on older ones, to say so)
        sys.exit(f"noxw: Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    ensure_environment()
    env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))
    return subprocess.run([str(PYTHON), "-m", "nox", *sys.argv[1:]], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
