"""A phone's touch screen, in chromium: a first tap on a link shows its preview, a second
follows it, the mouse and the keyboard work as before, and the small links the edition
adds are targets of at least 24 × 24 px (edition-preview.js; edition.css, "touch and tap
targets")."""

from __future__ import annotations

import re

import pytest
from conftest import theme_pages

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: The least width and height of a tap target (WCAG 2.2, 2.5.8), in CSS px.
TARGET = 24
#: The small links the edition adds: footnote markers and the footnotes' way back.
SMALL_LINKS = "article a.footnote-reference, article aside.footnote > span.label > a"


@pytest.fixture(scope="module")
def base(site, serve) -> str:
    return serve(site.html.outdir)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context
    context.close()


def preview(page) -> str:
    box = page.locator("#onizleme")
    box.wait_for(state="visible", timeout=5000)
    return " ".join(box.inner_text().split())


@pytest.mark.parametrize(
    ("start", "link", "shown"),
    [
        ("ulusal-sorun.html", "article p a.footnote-reference", "Lenin, Collected Works"),
        ("giris.html", "article a.reference.internal[href^='devlet-aygiti.html#']", "Bozuk"),
    ],
    ids=["footnote", "cross-reference"],
)
def test_a_first_tap_previews_a_link_and_a_second_follows_it(phone, base, start, link, shown):
    page = phone.new_page()
    page.goto(base + start, wait_until="networkidle")
    target = page.locator(link).first
    href = target.get_attribute("href")
    target.scroll_into_view_if_needed()
    target.tap()
    assert preview(page).startswith(shown)
    page.wait_for_timeout(400)  # a navigation would have begun by now
    assert page.url == base + start, "the first tap followed the link"
    target.tap()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0]) + ".*#" + href.split("#")[1]))
    assert page.locator("#onizleme").is_hidden()


def test_a_tap_elsewhere_closes_the_preview_and_the_next_tap_previews_again(phone, base):
    page = phone.new_page()
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    marker = page.locator("article p a.footnote-reference").first
    marker.scroll_into_view_if_needed()
    marker.tap()
    preview(page)
    page.locator("article h1").first.tap()
    page.locator("#onizleme").wait_for(state="hidden", timeout=5000)
    marker.tap()  # a first tap again: previews, does not follow
    preview(page)
    page.wait_for_timeout(400)
    assert page.url == base + "ulusal-sorun.html"


def test_the_mouse_and_the_keyboard_follow_a_link_at_once(browser, base):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "ulusal-sorun.html", wait_until="networkidle")
    marker = page.locator("article p a.footnote-reference").first
    href = marker.get_attribute("href")
    marker.hover()
    preview(page)  # hovering previews
    marker.click()  # one click follows
    page.wait_for_url(re.compile(re.escape(href) + "$"), timeout=5000)

    page.goto(base + "giris.html", wait_until="networkidle")
    section = page.locator("article a.reference.internal[href^='devlet-aygiti.html#']").first
    section.focus()
    preview(page)  # focusing previews
    page.keyboard.press("Enter")  # Enter follows
    page.wait_for_url(re.compile(r"devlet-aygiti\.html#"), timeout=5000)
    context.close()


@pytest.mark.parametrize("name", theme_pages())
def test_footnote_markers_are_big_enough_to_tap(phone, base, name):
    page = phone.new_page()
    page.goto(base + f"{name}.html", wait_until="networkidle")
    boxes = page.eval_on_selector_all(
        SMALL_LINKS,
        """links => links.map(link => {
          const box = link.getBoundingClientRect();
          return [link.textContent.trim(), box.width, box.height];
        })""",
    )
    assert any(text.startswith("[") for text, _, _ in boxes), "no footnote marker found"
    small = [(text, round(w, 1), round(h, 1)) for text, w, h in boxes if min(w, h) < TARGET]
    assert small == []
