"""The small workspace of the dataset/preview-server tests: two companies with fixed dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.models import Extracted, RecordMeta
from tracker.storage.repo import CompanyRepo
from tracker.workspace import Workspace

T0 = datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
TEXTS = {"acme": ["# Privacy\n\nWe keep data 30 days.\n", "# Privacy\n\nWe keep data 90 days.\n"],
         "globex": ["# Terms\n\nBe nice.\n"]}


def make_dataset_workspace(root: Path) -> Workspace:
    """acme (a privacy policy, two versions) and globex (terms, one version) under `root`."""
    ws = Workspace.init(root)
    ws.config_path.write_text(
        '[site]\ntitle = "Watch"\n\n[[companies]]\nslug = "acme"\nname = "Acme Inc."\n\n'
        '[[companies.documents]]\ntype = "privacy-policy"\nurl = "https://acme.example/p"\n\n'
        '[[companies]]\nslug = "globex"\n\n[[companies.documents]]\ntype = "terms-of-service"\n'
        'url = "https://globex.example/t"\n', encoding="utf-8")
    for slug, texts in TEXTS.items():
        doc = "privacy-policy" if slug == "acme" else "terms-of-service"
        repo = CompanyRepo.open(ws.repo_path(slug), create=True)
        for i, text in enumerate(texts):
            repo.record(doc, Extracted(text, f"<p>{text}</p>".encode(), "html"),
                        RecordMeta(source_url=f"https://{slug}.example/", status=200),
                        T0 + timedelta(days=i), doc)
        repo.close()
    return ws
