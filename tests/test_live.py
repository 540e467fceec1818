"""The live previews reload the page under the pages' security policy.

``nox -s docs-live`` runs the warm preview (tools/preview.py): it adds one same-origin
script to the pages as it serves them, which the policy allows as it is; the files on disk
stay a normal build's. Stock sphinx-autobuild (which the bench measures beside it) adds an
inline script instead, which the policy blocks: with ``edition_live_reload=host:port`` the
policy allows that script by its hash, and only then.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_sources

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


def test_saving_a_page_reloads_it_and_a_problem_shows_on_it(browser, tmp_path):
    """The warm preview (tools/preview.py, ``nox -s docs-live``) in chromium: a saved page
    reloads under the pages' own security policy, and a problem the save made is shown
    on the page until it is mended."""
    project = copy_sources(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "preview.py"), "--port", str(port),
         "--root", str(project), "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    page = browser.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if page.goto(f"http://127.0.0.1:{port}/ulusal-sorun.html").ok:
                    break
            except Exception:  # the server is still starting
                pass
            time.sleep(0.5)
        page.wait_for_function("() => !document.getElementById('edition-preview')")
        theme = project / "docs" / "ulusal-sorun.md"
        original = theme.read_text(encoding="utf-8")
        theme.write_text(original + "\nCanlı önizleme denemesi.\n", encoding="utf-8")
        page.wait_for_function(
            "() => document.body.innerText.includes('Canlı önizleme denemesi.')", timeout=120_000
        )
        theme.write_text(original + "\nBkz. {ref}`olmayan-bolum`.\n", encoding="utf-8")
        panel = page.wait_for_selector("#edition-preview", timeout=120_000)
        page.wait_for_function(
            "() => document.getElementById('edition-preview').innerText.includes('olmayan-bolum')",
            timeout=120_000,
        )
        assert "ulusal-sorun.md" in panel.inner_text()
        theme.write_text(original, encoding="utf-8")
        page.wait_for_function(
            "() => !document.getElementById('edition-preview') && "
            "!document.body.innerText.includes('olmayan-bolum')",
            timeout=120_000,
        )
        assert refused == []
        # the files on disk are a normal build's: the script is added as they are served
        assert "/_preview/live.js" not in (
            tmp_path / "out" / "html" / "ulusal-sorun.html"
        ).read_text(encoding="utf-8")
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
