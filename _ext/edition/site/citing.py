"""How people and machines cite the edition: "Atıf" controls, citation and Open Graph meta, sitemap.

* Every page gets one "Atıf" control under its title (a native ``<details>``, so it works
  from the keyboard): a ready citation in the edition's Turkish style with the page's URL
  and the access date, and the same as BibTeX, each with a copy button.
  ``static/edition-cite.js`` (the site's own, nothing fetched) fills in the absolute URL
  and today's date; without JavaScript the citation still reads.
* A section with its own label stays citable by its ¶ anchor, and its heading carries a
  small "Bu bölüme atıf" button that shows only on hover or keyboard focus: it opens the
  same citation for the section (its title, its anchor), made by the script from the
  page's. The page reads as text, with one control, not one under every heading.
* Every page carries Highwire ``citation_*`` meta tags (title, author, date, language,
  PDF URL), which reference managers read, and Open Graph tags.
* ``sitemap.xml`` lists every page.

The edition's date is its last commit's; when it changed since the last build, every
page is written again (an unchanged page would otherwise keep the older date).

The site's address is one setting, Sphinx's ``html_baseurl`` (it also gives canonical
links). Without it the build works and says what it left out: canonical links, the
sitemap and absolute URLs in the meta tags.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from edition.core import words
from edition.core.domain import remember
from edition.core.git import edition_date
from edition.core.language import is_english
from edition.site.files import is_site
from edition.site.releases import (
    cited_url,
    edition_words,
    frozen_banner,
    release_of,
    site_root,
    version_line,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

CITE_SCRIPT = "edition-cite.js"


def base_url(app: Sphinx) -> str:
    url = app.config.html_baseurl
    return url if not url or url.endswith("/") else url + "/"


def pdf_name(app: Sphinx) -> str:
    """The PDF's file name, as the site publishes it next to the pages."""
    documents = getattr(app.config, "typst_documents", None) or []
    return f"{documents[0]['targetname']}.pdf" if documents else ""


class cite_this(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """The page's "Atıf" control: attributes ``title``, ``uri`` (page-relative), ``anchor``."""


class cite_section(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A labelled section's citation button: ``title``, ``uri`` (with its fragment), ``anchor``."""


class InsertCiteControls(SphinxPostTransform):
    """Put the "Atıf" control under the page's title and a citation button under the
    heading of each labelled section."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not is_site(self.app):
            return  # a book cannot copy to the clipboard
        docname = self.env.current_document.docname
        page_uri = self.app.builder.get_target_uri(docname)
        labelled = {
            labelid
            for label, (doc, labelid, *_) in self.env.domains.standard_domain.labels.items()
            if doc == docname
        }
        for section in self.document.findall(nodes.section):
            if not section.children or not isinstance(section[0], nodes.title):
                continue
            top = isinstance(section.parent, nodes.document)
            anchor = next((i for i in section["ids"] if i in labelled), None)
            if anchor is None and not top:
                continue  # not citable: no explicit label
            uri = page_uri if top else f"{page_uri}#{anchor}"
            control = cite_this if top else cite_section
            section.insert(1, control(title=section[0].astext(), uri=uri, anchor=anchor or docname))


def visit_cite_this(translator: HTML5Translator, node: cite_this) -> None:
    app = translator.builder.app
    project, author = app.config.project, app.config.author
    when = edition_date(Path(app.confdir))
    shown_url = cited_url(app, node["uri"])
    edition = edition_words(app, when)
    title = node["title"]
    esc = html.escape
    citation = words.CITE_TEXT.format(
        author=esc(author),
        title=f'<span class="atif-baslik">{esc(title)}</span>',
        project=esc(project),
        edition=esc(edition),
        url=f'<span class="atif-url">{esc(shown_url)}</span>',
        accessed=f'<span class="atif-erisim">{words.ACCESSED_FORM}</span>',
    )
    key = f"lenin-son-yazilar-{node['anchor']}"
    state = release_of(app)
    version = [f"  version   = {{{state.number}}},"] if state.released else []
    bibtex = "\n".join(
        [
            f"@incollection{{{key},",
            f"  author    = {{{{{author}}}}},",
            f"  title     = {{{title}}},",
            f"  booktitle = {{{project}}},",
            f"  year      = {{{when.year}}},",
            *version,
            f"  note      = {{{words.ONLINE_VERSION.format(edition=edition)}}},",
            f"  url       = {{{shown_url}}},",
            "  urldate   = {YYYY-AA-GG},",
            f"  language  = {{{'english' if is_english(app.config) else 'turkish'}}},",
            "}",
        ]
    )
    current = ""
    root = site_root(app)
    if state.released and root:  # the same place in the current text, at the site's root
        latest = esc(urljoin(root, node["uri"]))
        current = f'<p class="atif-guncel">{words.CURRENT_TEXT}<span>{latest}</span></p>'
    translator.body.append(frozen_banner(app, translator.builder.current_docname))
    translator.body.append('<div class="sayfa-araclari">')
    translator.body.append(
        f'<details class="atif" data-href="{esc(node["uri"], quote=True)}">'
        f'<summary aria-label="{esc(words.CITE_LABEL.format(title=title), quote=True)}">'
        f"{words.CITE}</summary>"
        f'<div class="atif-icerik" data-adres="{esc(shown_url, quote=True)}">'
        f'<p class="atif-metin">{citation}</p>'
        '<p><button type="button" class="atif-kopyala" data-kopyala="atif-metin" '
        f'data-kopyalandi="{esc(words.COPIED, quote=True)}" '
        f'data-secildi="{esc(words.SELECTED, quote=True)}">'
        f"{words.COPY_CITATION}</button></p>"
        f'<pre class="atif-bibtex">{esc(bibtex)}</pre>'
        '<p><button type="button" class="atif-kopyala" data-kopyala="atif-bibtex" '
        f'data-kopyalandi="{esc(words.COPIED, quote=True)}" '
        f'data-secildi="{esc(words.SELECTED, quote=True)}">'
        f"{words.COPY_BIBTEX}</button></p>"
        f"{current}"
        "</div></details>"
    )
    translator.body.append(f'<p class="surum-satiri">{version_line(app, when)}</p>')
    depth = "../" * translator.builder.current_docname.count("/")
    links = [
        f'<a class="indir" href="{esc(depth + name, quote=True)}" download>{label}</a>'
        for name, label in downloads(app)
    ]
    if links:
        translator.body.append(f'<p class="indirme">{words.DOWNLOAD}: {" · ".join(links)}</p>')
    translator.body.append("</div>")
    raise nodes.SkipNode


def downloads(app: Sphinx) -> list[tuple[str, str]]:
    """The books published beside the site (``edition_downloads``): (file name, label)."""
    offered = {part.strip() for part in app.config.edition_downloads.split(",")}
    books = [("pdf", pdf_name(app), "PDF"), ("epub", f"{app.config.epub_basename}.epub", "EPUB")]
    return [(name, label) for kind, name, label in books if kind in offered and name]


def visit_cite_section(translator: HTML5Translator, node: cite_section) -> None:
    """A button the script turns into the section's citation (edition-cite.js)."""
    esc = html.escape
    label = words.CITE_LABEL.format(title=node["title"])
    translator.body.append(
        '<div class="atif-bolum">'
        f'<button type="button" class="atif-bolum-dugme" aria-expanded="false" '
        f'data-href="{esc(node["uri"], quote=True)}" '
        f'data-baslik="{esc(node["title"], quote=True)}" '
        f'data-anahtar="{esc(node["anchor"], quote=True)}" '
        f'aria-label="{esc(label, quote=True)}">{words.CITE_SECTION}</button></div>'
    )
    raise nodes.SkipNode


def add_meta_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Highwire citation_* and Open Graph tags, and the cite script, on every page."""
    if doctree is None or pagename not in app.env.titles or not is_site(app):
        return
    base = base_url(app)
    page_uri = app.builder.get_target_uri(pagename)
    page_url = urljoin(base, page_uri) if base else ""
    when = edition_date(Path(app.confdir))
    title = app.env.titles[pagename].astext()
    first = next(iter(doctree.findall(nodes.paragraph)), None)
    description = " ".join(first.astext().split()) if first is not None else ""
    if len(description) > 200:  # whole words, as a preview shows them
        description = description[:200].rsplit(" ", 1)[0] + " …"
    tags: list[tuple[str, str, str]] = [
        ("name", "citation_title", title),
        ("name", "citation_author", app.config.author),
        ("name", "citation_publication_date", when.strftime("%Y/%m/%d")),
        ("name", "citation_language", app.config.language),
        ("name", "citation_inbook_title", app.config.project),
        ("property", "og:title", title),
        ("property", "og:type", "website" if pagename == app.config.root_doc else "article"),
        ("property", "og:site_name", app.config.project),
        ("property", "og:locale", "en_GB" if is_english(app.config) else "tr_TR"),
        ("property", "og:description", description),
    ]
    if pdf_name(app) in dict(downloads(app)):  # only a PDF that is published beside
        relative = "../" * pagename.count("/") + pdf_name(app)  # the PDF sits at the site's root
        # a release's text is cited at the release's copy (edition.site.releases)
        tags.append(
            ("name", "citation_pdf_url", cited_url(app, pdf_name(app)) if base else relative)
        )
    if page_url:
        tags += [
            ("name", "citation_fulltext_html_url", cited_url(app, page_uri)),
            ("property", "og:url", page_url),
        ]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta {kind}="{key}" content="{html.escape(value, quote=True)}" />'
        for kind, key, value in tags
        if value
    )


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_site(app) or not base_url(app):
        return
    when = edition_date(Path(app.confdir)).isoformat()
    urls = "".join(
        f"  <url><loc>{html.escape(urljoin(base_url(app), app.builder.get_target_uri(doc)))}"
        f"</loc><lastmod>{when}</lastmod></url>\n"
        for doc in sorted(app.env.found_docs)
    )
    (Path(app.outdir) / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
        encoding="utf-8",
    )


def say_what_is_left_out(app: Sphinx) -> None:
    if is_site(app) and not base_url(app):
        logger.info(
            "html_baseurl is not set: the site is built without canonical links, without "
            "sitemap.xml and with relative URLs in its citation and Open Graph meta tags "
            "(set html_baseurl in conf.py, or pass -D html_baseurl=https://…/)"
        )


def write_all_when_redated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when the edition's date (its last commit's) changed since the last
    build: each page's meta tags and "Atıf" box give it, unchanged pages included."""
    when = edition_date(Path(app.confdir)).isoformat()
    return [] if remember(env, "dated", when) == when else sorted(env.all_docs)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.setup_extension("edition.site.files")  # serves static/edition-cite.js
    app.connect("env-updated", write_all_when_redated)
    app.add_node(cite_this, html=(visit_cite_this, None))
    app.add_node(cite_section, html=(visit_cite_section, None))
    app.add_post_transform(InsertCiteControls)
    app.add_js_file(CITE_SCRIPT)
    app.connect("html-page-context", add_meta_tags)
    app.connect("build-finished", write_sitemap)
    app.connect("builder-inited", say_what_is_left_out)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
