"""What a reader's browser sees: a Content Security Policy on every page, nothing loaded
from another origin, no failed request, no blocked code (edition.csp, edition.html)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from edition.site.csp import ALLOWED_INLINE, INLINE, digest, page_problems, policy

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def pages(site) -> list[str]:
    return sorted(
        p.relative_to(site.html.outdir).as_posix() for p in site.html.outdir.rglob("*.html")
    )


def test_every_page_states_the_policy_before_any_script_or_style(site):
    for name in pages(site):
        html = (site.html.outdir / name).read_text(encoding="utf-8")
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy()}">'
        assert tag in html, name
        first_code = min(html.find(t) for t in ("<script", '<link rel="stylesheet"', "<style"))
        assert html.index(tag) < first_code, name


def test_the_theme_inline_code_is_exactly_what_the_policy_allows(site):
    """A furo upgrade that changes its inline script or style shows up here (and fails the
    build, see the next test) instead of silently breaking the page under the policy."""
    found = {"script": set(), "style": set()}
    for name in pages(site):
        html = (site.html.outdir / name).read_text(encoding="utf-8")
        for kind, pattern in INLINE.items():
            found[kind] |= {digest(m.group(1)) for m in pattern.finditer(html)}
    assert found == {kind: set(hashes) for kind, hashes in ALLOWED_INLINE.items()}


def test_the_output_check_names_what_the_policy_would_block():
    page = (
        "<html>\n<head>\n<script>alert(1)</script>\n</head>\n"
        '<body>\n<a href="#" onclick="steal()">x</a>\n'
        '<a href=" javascript:void(0)">y</a>\n</body>\n</html>\n'
    )
    problems = page_problems(page)
    assert [line for line, _ in problems] == [3, 6, 7]
    assert "an inline <script> (sha256-" in problems[0][1]
    assert "put its hash in ALLOWED_INLINE of _ext/edition/site/csp.py" in problems[0][1]
    assert problems[1][1] == "an event-handler attribute (onclick=)"
    assert problems[2][1] == "a javascript: address"


def test_pages_have_an_icon(site):
    for name in pages(site):
        soup = BeautifulSoup((site.html.outdir / name).read_text(encoding="utf-8"), "html.parser")
        icon = soup.select_one('link[rel~="icon"]')
        assert icon is not None, name
        assert (site.html.outdir / name).parent.joinpath(icon["href"]).resolve().is_file()


@pytest.fixture(scope="module")
def visits(site, browser, serve):
    """Every page of the site (and a search) opened in chromium: requests, failures,
    policy violations and console errors, per page."""
    base = serve(site.html.outdir)
    origin = urlsplit(base).netloc
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    seen = {}
    for name in [*pages(site), "search.html?q=Lenin"]:
        page = context.new_page()
        record = {"requests": [], "failed": [], "errors": []}
        page.on("request", lambda r, rec=record: rec["requests"].append(r.url))
        page.on("requestfailed", lambda r, rec=record: rec["failed"].append(r.url))
        page.on(
            "response",
            lambda r, rec=record: r.status >= 400 and rec["failed"].append(f"{r.status} {r.url}"),
        )
        page.on("pageerror", lambda e, rec=record: rec["errors"].append(str(e)))
        page.goto(base + name, wait_until="networkidle")
        record["violations"] = page.evaluate("window.__violations")
        record["theme"] = page.evaluate("document.body.dataset.theme")
        record["third_party"] = [u for u in record["requests"] if urlsplit(u).netloc != origin]
        seen[name] = record
        page.close()
    context.close()
    return seen


def test_no_page_loads_anything_from_another_origin(visits):
    assert {name: v["third_party"] for name, v in visits.items() if v["third_party"]} == {}
    assert sum(len(v["requests"]) for v in visits.values()) > len(visits)  # it did look


def test_no_request_fails(visits):
    assert {name: v["failed"] for name, v in visits.items() if v["failed"]} == {}


def test_the_policy_blocks_nothing_and_the_theme_script_runs(visits):
    assert {name: v["violations"] for name, v in visits.items() if v["violations"]} == {}
    # furo's inline script (allowed by its hash) sets the theme; blocked, this is empty
    assert {v["theme"] for v in visits.values()} == {"auto"}


def test_the_policy_really_blocks_inline_code(site, browser, serve, tmp_path):
    """The same policy on a page with an unknown inline script: chromium refuses it."""
    html = (site.html.outdir / "index.html").read_text(encoding="utf-8")
    hostile = re.sub(r"</body>", "<script>window.__ran = true;</script></body>", html)
    (tmp_path / "index.html").write_text(hostile, encoding="utf-8")
    base = serve(tmp_path)
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    page.goto(base + "index.html")
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
    context.close()


def test_no_script_fails(visits):
    assert {name: v["errors"] for name, v in visits.items() if v["errors"]} == {}
