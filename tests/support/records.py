"""Extracted texts and import items for storage tests, at fixed dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tracker.models import Extracted, RecordMeta
from tracker.storage.repo import ImportItem

T0 = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
META = RecordMeta(source_url="https://acme.test/privacy", status=200, content_type="text/html")


def ex(text: str, raw: bytes | None = None, ext: str = "html") -> Extracted:
    if not text.endswith("\n"):
        text += "\n"
    return Extracted(text=text, raw=raw if raw is not None else f"<p>{text}</p>".encode(),
                     raw_ext=ext)


def item(day: int, text: str, ext: str = "md", fetcher: str = "import") -> ImportItem:
    return ImportItem(date=T0 + timedelta(days=day), extracted=ex(text, text.encode(), ext),
                      meta=RecordMeta(source_url=f"file:///in/{day}.{ext}", fetcher=fetcher),
                      title="Privacy Policy")
