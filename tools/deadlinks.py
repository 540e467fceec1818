"""Find dead links in a built site, offline: every internal address and fragment must resolve.

Reads every ``.html`` file under the site's folder and checks each ``href`` and ``src`` that
stays on the site: the file it names must exist inside the folder, and its ``#fragment``,
when it has one and points into a page, must be an ``id`` (or ``name``) in that page.
Addresses with a scheme (``https:``, ``mailto:``) are left to ``nox -s linkcheck``.

    python tools/deadlinks.py build/html     # prints file:line: address: problem; exit 1
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Attributes that hold an address the browser follows or loads.
ADDRESS_ATTRIBUTES = {"href", "src"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  #: (line, address)


class PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif name in ADDRESS_ATTRIBUTES:
                self.page.links.append((line, value))

    handle_startendtag = handle_starttag


def read_page(path: Path) -> Page:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def dead_links(site: Path) -> list[tuple[Path, int, str, str]]:
    """(page, line, address, problem) for each internal address that does not resolve."""
    site = site.resolve()
    pages = {path: read_page(path) for path in sorted(site.rglob("*.html"))}
    found = []
    for path, page in pages.items():
        for line, address in page.links:
            parts = urlsplit(address)
            if parts.scheme or parts.netloc:
                continue  # another site, or mailto: (nox -s linkcheck)
            if not parts.path and not parts.fragment:
                continue  # "#": the top of this page
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site):
                found.append((path, line, address, "points outside the site"))
            elif not target.is_file():
                found.append((path, line, address, "no such file in the site"))
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if unquote(parts.fragment) not in ids:
                    found.append((path, line, address, f"no id {parts.fragment!r} in that page"))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    site = Path(argv[0])
    found = dead_links(site)
    for path, line, address, problem in found:
        print(f"{path.relative_to(site.resolve())}:{line}: {address}: {problem}")
    pages = [read_page(path) for path in site.rglob("*.html")]
    checked = sum(len(page.links) for page in pages)
    print(f"{len(found)} dead link(s) among {checked} address(es), {len(pages)} page(s), {site}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
