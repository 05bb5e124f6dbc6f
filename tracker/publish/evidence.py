"""Evidence a reader can cite: archive snapshot links, the raw capture view, change anchors.

A version page states where its capture came from; when that source is a Wayback Machine
snapshot (an archive import or `tracker import-wayback`), the snapshot URL and the original
page's URL are shown apart. The raw capture stored in git is never served as HTML: its page
shows the bytes as escaped text in ``<pre>``, with the commit and the path to check it
against with plain git. Each change of a redline gets a stable-in-page id (``change-N`` in
document order), so a link can point at one changed sentence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "wayback.archive.org")
_WAYBACK_PATH = re.compile(r"^/web/(?P<ts>\d{4,14})(?:[a-z]{2}_)?/(?P<orig>.+)$", re.S)
_CHANGE_P = re.compile(r'<p class="(change [^"<>]*)">')


@dataclass(frozen=True)
class ArchiveSource:
    """A capture taken from a web archive: the snapshot and the page it preserves."""

    snapshot_url: str
    original_url: str     # "" when the snapshot URL does not name it
    timestamp: str        # the archive's 14-digit (or shorter) capture stamp


def archive_source(url: str) -> ArchiveSource | None:
    """The archive snapshot behind ``url``, None when ``url`` is no Wayback snapshot."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in _ARCHIVE_HOSTS:
        return None
    m = _WAYBACK_PATH.match(parts.path + (f"?{parts.query}" if parts.query else ""))
    if m is None:
        return ArchiveSource(url, "", "")
    original = unquote(m.group("orig"))
    if original.startswith(("http:/", "https:/")) and not original.startswith(
            ("http://", "https://")):
        original = original.replace(":/", "://", 1)   # some archives collapse the "//"
    if not original.startswith(("http://", "https://")):
        original = ""
    return ArchiveSource(url, original, m.group("ts"))


def raw_page_path(version_path: str) -> str:
    """Site path of the raw-capture page of the version page at ``version_path``."""
    return re.sub(r"\.html$", "", version_path) + ".raw.html"


@dataclass(frozen=True)
class RawCapture:
    """A raw capture as stored in git, decoded for display only (never interpreted)."""

    ext: str
    size: int
    sha256: str
    text: str
    binary: bool


def raw_capture(data: bytes, ext: str) -> RawCapture:
    """The bytes as text to escape and show; a PDF or other binary is summarised instead."""
    binary = ext == "pdf" or b"\x00" in data[:8192]
    text = "" if binary else data.decode("utf-8", "replace")
    return RawCapture(ext=ext, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                      text=text, binary=binary)


def anchor_changes(html: str) -> str:
    """Give every change paragraph of a sanitized redline an id, ``change-1`` onwards.

    The sanitizer writes attributes itself (escaped, in the order it keeps them) and the
    redline's text is escaped, so ``<p class="change `` only ever opens a change."""
    counter = iter(range(1, 10**9))

    def anchored(m: re.Match[str]) -> str:
        n = next(counter)
        return (f'<p id="change-{n}" class="{m.group(1)}"><a class="change-link" '
                f'href="#change-{n}" aria-label="Link to change {n}">#{n}</a> ')
    return _CHANGE_P.sub(anchored, html)
