"""Sites of the feed-reader tests: the fixture workspace built without and with base_url,
and one whose headline, redline, company name and a server's reason phrase quote a tag with a
`<` inside it (which naive tag strippers miss) and a script."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from tracker.publish import build_site
from tracker.state import StateStore
from tracker.workspace import Workspace

from tests.support.publish import config_for, record, when

BASE = "https://watch.example/sub/"
PAYLOAD = '<img src=x alt=< onerror="window.__pwned=1">'
HOSTILE_V6 = f"""# ACME Privacy Policy

Last updated: June 20, 2024

## Information We Collect

We collect your name, email address and the pages you visit.

## {PAYLOAD} Partners

We now sell your data to {PAYLOAD} brokers and <script>window.__pwned=2</script> agents.
"""


def build_reader_sites(template_ws: Path, root: Path) -> dict[str, Path]:
    """The fixture workspace built without and with base_url (same workspace, two outputs)."""
    shutil.copytree(template_ws, root, symlinks=True)
    ws = Workspace(root)
    build_site(ws, config_for(root), root / "plain")
    build_site(ws, config_for(root, base_url=BASE), root / "based")
    return {"plain": root / "plain", "based": root / "based"}


def build_hostile_site(template_ws: Path, root: Path) -> Path:
    """A site whose headline, redline, company name and a server's reason phrase quote a tag
    with a `<` inside it (which naive tag strippers miss) and a script."""
    shutil.copytree(template_ws, root, symlinks=True)
    ws = Workspace(root)
    record(ws, "acme", "privacy-policy", HOSTILE_V6, "2024-06-20")
    state = StateStore(ws.state_path, failure_threshold=3).load()
    for day in ("2024-06-19", "2024-06-20", "2024-06-21"):
        state.record_failure("acme", "terms-of-service", when(day), f"HTTP 503 {PAYLOAD}")
    state.save()
    config = config_for(root, base_url=BASE)
    acme = dataclasses.replace(config.companies[0], name=f"ACME {PAYLOAD}")
    config = dataclasses.replace(config, companies=(acme, *config.companies[1:]))
    build_site(ws, config)
    return ws.public_dir
