"""The archive-date header of public policy archives (one file per site).

Such archives ship each policy as Markdown whose first line says where and when the Wayback
Machine archived it::

    > *The following text is extracted and transformed from the konnektive.com privacy policy
    that was archived on 2019-06-10. Please check the [original snapshot on the Wayback
    Machine](https://web.archive.org/web/20190610234532id_/https%3A//konnektive.com/privacy-policy)
    for the most accurate reproduction.*

(one line in the file). The capture time is the 14-digit timestamp of the snapshot link when
there is one (to the second), else the "archived on" day; the company is the site name and the
document type the words between it and "that was archived". The header is not policy text:
importers strip it and keep the link as the version's source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.models import utc
from tracker.names import is_safe_slug, slugify

_HEADER = re.compile(
    r"\A\s*>?\s*\*?\s*The following text is extracted and transformed from (?:the )?"
    r"(?P<site>[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}) (?P<doc>[^.]{1,80}?) "
    r"that was archived on (?P<day>\d{4}-\d{2}-\d{2})", re.I)
_LINK = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)")
_TIMESTAMP = re.compile(r"/web/(?P<ts>\d{14})(?:[a-z]{2}_)?/")
_MAX_LINE = 4096


@dataclass(frozen=True)
class ArchiveHeader:
    site: str                  # konnektive.com
    company: str               # slug: the site name without "www.", lower-case
    doc_type: str              # privacy-policy
    captured_at: datetime      # UTC
    snapshot_url: str          # the Wayback link as written, or "" when there is none
    line: str                  # the header line itself


def parse_header(line: str) -> ArchiveHeader | None:
    """The header facts of one line, or None when it is not such a header (or is implausible:
    an impossible date, a site name that cannot be a company slug)."""
    m = _HEADER.match(line)
    if not m:
        return None
    site = m.group("site").lower().rstrip(".")
    company = site[4:] if site.startswith("www.") else site
    doc_type = slugify(m.group("doc"))
    if not is_safe_slug(company) or not is_safe_slug(doc_type):
        return None
    link = _LINK.search(line, m.end())
    url = link.group("url") if link else ""
    stamp = _TIMESTAMP.search(url)
    try:
        if stamp:
            when = datetime.strptime(stamp.group("ts"), "%Y%m%d%H%M%S")
        else:
            when = datetime.strptime(m.group("day"), "%Y-%m-%d")
    except ValueError:
        return None
    return ArchiveHeader(site=site, company=company, doc_type=doc_type,
                         captured_at=utc(when), snapshot_url=url,
                         line=line.rstrip("\r\n"))


def split_header(text: str) -> tuple[ArchiveHeader | None, str]:
    """(header, text without the header line and the blank lines after it); (None, text)
    when the first line is no archive header."""
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    header = parse_header(first)
    if header is None:
        return None, text
    return header, rest.lstrip("\r\n")


def read_header(path: Path) -> ArchiveHeader | None:
    """The header of a file, reading only its first line (archives hold many large files)."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(_MAX_LINE)
    except OSError:
        return None
    return parse_header(first.decode("utf-8", "replace").lstrip("\ufeff"))
