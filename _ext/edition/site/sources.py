"""Where each page comes from: "edit this page" and "view source" links, and when it last changed.

The repository's address is one setting, ``edition_repository`` (``https://github.com/…``);
furo then links each page to its source file and to GitHub's editor. The date a page last
changed is the date of the last commit that touched its source file or a file it is made
from (``data/*.yaml``, ``references.bib``), so it does not move when nothing changed.
A commit can date a page without changing its file; the pages whose date differs from
the last build's are written again. Without the setting, or outside a git checkout,
these are left out and the build says so.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from edition.core.domain import remember, remembered
from edition.core.git import git, git_top
from edition.core.messages import Problem, warn
from edition.core.turkish import day_text
from edition.site.files import is_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


#: The hosts whose edit and view links the theme (furo) knows how to make.
HOSTS = ("github.com", "gitlab.com", "bitbucket.org")
#: ``git@host:owner/name(.git)``, as some hosts hand out clone addresses.
SSH_ADDRESS = re.compile(r"^git@(?P<host>[^:/]+):(?P<path>.+)$")


def web_address(setting: str) -> str | None:
    """The repository's web address from a web or clone address; None if it is neither."""
    address = setting.strip().rstrip("/")
    if match := SSH_ADDRESS.match(address):
        address = f"https://{match['host']}/{match['path']}"
    address = address.removesuffix(".git")
    if not re.fullmatch(rf"https://(?:{'|'.join(map(re.escape, HOSTS))})/[^/\s]+/[^\s]+", address):
        return None
    return address


def link_sources(app: Sphinx, config: Config) -> None:
    if not config.edition_repository:
        return
    repository = web_address(config.edition_repository)
    if repository is None:
        warn(
            Problem.CONFIG,
            "edition_repository %r is not the address of a repository on %s; give its web "
            "address, e.g. https://github.com/owner/name (or leave it empty: no links)",
            config.edition_repository,
            ", ".join(HOSTS),
        )
        config.edition_repository = ""
        return
    # Where the pages stand in the repository: under its top folder (else under conf.py's).
    top = git_top(Path(app.srcdir)) or Path(app.confdir).resolve()
    srcdir = Path(os.path.relpath(Path(app.srcdir).resolve(), top)).as_posix()
    config.html_theme_options = {
        **config.html_theme_options,
        "source_repository": repository + "/",
        "source_branch": config.edition_branch,
        "source_directory": "" if srcdir == "." else f"{srcdir}/",
    }


def shallow_boundary(top: Path) -> set[str]:
    """The commits a shallow clone's history stops at (none for a full clone)."""
    out = git(top, "rev-parse", "--git-path", "shallow")
    path = top / out if out else None
    if path is None or not path.is_file():
        return set()
    return set(path.read_text(encoding="utf-8").split())


def is_shallow(top: Path) -> bool:
    return bool(shallow_boundary(top))


def last_changes(root: Path) -> dict[str, int] | None:
    """Path (absolute) → time of the last commit that changed it."""
    top = git_top(root)
    if top is None:
        return None
    log = git(top, "log", "--format=%x00%H %ct", "--name-only", "--no-renames", "--", ".")
    if log is None:
        return None
    # Where a shallow clone's history stops, a commit seems to add every file: its date
    # is not when they changed, so it is not used (the pages it alone dates show none).
    boundary = shallow_boundary(top)
    changes: dict[str, int] = {}
    for commit in log.split("\0")[1:]:
        header, *files = commit.strip().splitlines()
        sha, stamp = header.split()
        if sha in boundary:
            continue
        for name in files:
            changes.setdefault(str(top / name), int(stamp))  # newest commit comes first
    return changes


def dated_files(app: Sphinx) -> dict[str, int] | None:
    """:func:`last_changes`, read from the whole history once per commit: kept with the
    environment under the commit it was read at (and the shallow clone's boundary), and
    read again only when the checkout is at another commit."""
    top = git_top(Path(app.confdir))
    head = git(top, "rev-parse", "HEAD") if top is not None else None
    if head is None:
        return last_changes(Path(app.confdir))
    at = (head, sorted(shallow_boundary(top)))
    kept = remembered(app.env, "dated-files")
    changes = kept[1] if kept and kept[0] == at else last_changes(Path(app.confdir))
    remember(app.env, "dated-files", (at, changes))
    return changes


def collect_dates(app: Sphinx) -> None:
    app.env.edition_last_changes = dated_files(app)
    if not is_site(app):
        return
    left_out = []
    if not app.config.edition_repository:
        left_out.append("'edit this page' and 'view source' links (set edition_repository)")
    if app.env.edition_last_changes is None:
        left_out.append("the date each page last changed (not a git checkout)")
    elif is_shallow(git_top(Path(app.confdir)) or Path(app.confdir)):
        left_out.append(
            "the date of pages unchanged in this shallow clone's history "
            "(git fetch --unshallow gives them)"
        )
    if left_out:
        logger.info("built without %s", " and without ".join(left_out))


def last_updated(app: Sphinx, pagename: str) -> str | None:
    """When the page or a file it shows last changed, in Turkish (None: not known)."""
    changes = getattr(app.env, "edition_last_changes", None)
    if not changes or pagename not in app.env.found_docs:
        return None
    sources = [app.env.doc2path(pagename), *app.env.dependencies.get(pagename, ())]
    stamps = [changes.get(str((Path(app.srcdir) / path).resolve())) for path in sources]
    known = [stamp for stamp in stamps if stamp is not None]
    if not known:
        return None
    when = datetime.fromtimestamp(max(known), tz=UTC).date()
    return day_text(when)


def add_last_updated(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if when := last_updated(app, pagename):
        context["last_updated"] = when


def write_redated_pages_again(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose date of last change differs from the last build's: a commit dates
    a page without changing its file, and Sphinx writes again only changed files."""
    dates = {doc: last_updated(app, doc) for doc in env.found_docs}
    before = remember(env, "page-dates", dates) or {}
    return sorted(doc for doc, when in dates.items() if before.get(doc) != when)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("edition.core")
    app.connect("config-inited", link_sources)
    app.connect("builder-inited", collect_dates)
    app.connect("html-page-context", add_last_updated)
    app.connect("env-updated", write_redated_pages_again)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
