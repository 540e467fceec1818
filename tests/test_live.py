"""The live preview (nox -s docs-live) reloads the page under the security policy.

sphinx-autobuild adds an inline script to every page it serves; the pages' Content
Security Policy blocked it, so the browser never reloaded after an edit. With
``edition_live_reload=host:port`` the policy allows that script by its hash, and only then.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_policy_allows_the_reload_script_only_in_live_preview():
    autobuild = pytest.importorskip("sphinx_autobuild.middleware")
    from edition.site.csp import INLINE, digest, policy

    script = INLINE["script"].search(autobuild.web_socket_script("127.0.0.1:8123")).group(1)
    live = policy("127.0.0.1:8123")
    assert f"'{digest(script)}'" in live
    assert "connect-src 'self' ws://127.0.0.1:8123" in live
    assert digest(script) not in policy()
    assert "ws:" not in policy()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_saving_a_page_reloads_it_in_the_browser(browser, tmp_path):
    if not shutil.which("sphinx-autobuild", path=str(Path(sys.executable).parent)):
        if os.environ.get("CI"):
            pytest.fail("the tests' requirements must install sphinx-autobuild")
        pytest.skip("sphinx-autobuild is not installed")
    src = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", src)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "sphinx-autobuild"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            str(src),
            str(tmp_path / "out"),
            "-c",
            str(ROOT),
            "-d",
            str(tmp_path / "dt"),
            "-W",
            "-n",
            "-q",
            "-D",
            f"edition_live_reload=127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    page = browser.new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else 0)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if page.goto(f"http://127.0.0.1:{port}/ulusal-sorun.html").ok:
                    break
            except Exception:  # the server is still building its first pages
                pass
            time.sleep(0.5)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)  # the reload script has opened its websocket
        marker = "canlıönizlemedeneme"
        theme = src / "ulusal-sorun.md"
        theme.write_text(theme.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        page.wait_for_function(
            "m => document.body.innerText.includes(m)", arg=marker, timeout=120_000
        )
        assert blocked == []
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.sphinx(
    "html", testroot="csp", freshenv=True, confoverrides={"edition_live_reload": "127.0.0.1:8000"}
)
def test_the_setting_without_sphinx_autobuild_is_named(monkeypatch, app_params, make_app):
    import edition.site.csp

    monkeypatch.setattr(edition.site.csp, "live_reload_script", lambda address: None)
    args, kwargs = app_params
    app = make_app(*args, **kwargs)  # the check runs as the builder starts
    assert "edition_live_reload is set (127.0.0.1:8000) but sphinx-autobuild" in (
        app.warning.getvalue()
    )
