"""The evidence site of the publishing tests: an archived company whose raw captures are
hostile HTML (scripts, handlers, a refresh, an attempt to close the ``<pre>``)."""

from __future__ import annotations

from pathlib import Path

from tracker.models import Extracted, RecordMeta
from tracker.publish import build_site
from tracker.storage.repo import CompanyRepo
from tracker.workspace import Workspace

from tests.support.publish import config_for, when

SNAPSHOT = "https://web.archive.org/web/20190610234532id_/https%3A//archived.example/privacy"
ORIGINAL = "https://archived.example/privacy"
HOSTILE = ('</pre><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '<iframe src="javascript:parent.__pwned=3"></iframe>'
           '<meta http-equiv="refresh" content="0;url=https://evil.example/">')
TEXT_V1 = "# Privacy\n\nWe collect your e-mail address.\n\nWe keep it for one year.\n"
TEXT_V2 = ("# Privacy\n\nWe collect your e-mail address and phone number.\n\n"
           "We keep it for five years.\n")


def _record(ws: Workspace, text: str, day: str) -> None:
    raw = f"<html><body><h1>Privacy</h1><p>{text}</p>{HOSTILE}</body></html>".encode()
    repo = CompanyRepo.open(ws.repo_path("archived"), create=True)
    try:
        repo.record("privacy-policy", Extracted(text=text, raw=raw, raw_ext="html"),
                    RecordMeta(source_url=SNAPSHOT, status=200, content_type="text/html",
                               fetcher="import"), when(day), "Privacy Policy")
    finally:
        repo.close()


def build_evidence_site(root: Path) -> Path:
    """Two archived versions recorded and built; the built site's directory."""
    root.mkdir(parents=True)
    ws = Workspace(root)
    _record(ws, TEXT_V1, "2019-06-10")
    _record(ws, TEXT_V2, "2020-01-05")
    build_site(ws, config_for(root))
    return ws.public_dir
