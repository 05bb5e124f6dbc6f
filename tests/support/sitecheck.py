"""Helpers that inspect a built site the way a visitor or a feed reader would."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def feed_files(site: Path) -> list[Path]:
    return sorted([*site.rglob("*.rss"), *site.rglob("*.atom")])


def links(page: Path) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of every href/src/xlink:href in a page, SVG included."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    found = []
    for tag in soup.find_all(True):
        for attr in ("href", "src", "xlink:href", "action", "formaction", "poster"):
            if tag.has_attr(attr):
                found.append((tag.name, attr, tag[attr]))
    return found


def resolve(site: Path, from_file: Path, link: str) -> Path | None:
    """The file a relative link points to, or None for external/in-page links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return None  # "#fragment" only
    base = from_file.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    if link.endswith("/"):
        target += "/index.html"
    return site / target
